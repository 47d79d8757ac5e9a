// Browser entry point: mounts the page into #root. The page is imported dynamically so that a module
// that throws while loading (a bug in a lower layer) still ends in a readable message, not a blank page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';

function showLoadFailure(root: HTMLElement, error: unknown): void {
  console.error('vpcsim: the page failed to load', error);
  const box = document.createElement('div');
  box.className = 'notice notice-error';
  box.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = 'vpcsim failed to load.';
  const detail = document.createElement('p');
  detail.textContent = error instanceof Error ? error.message : String(error);
  box.append(title, detail);
  root.replaceChildren(box);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
import('./App.tsx').then(
  ({ App }) =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  (error: unknown) => showLoadFailure(root, error),
);
