// The web app: the network editor, with a last-resort message if rendering fails.
import { ErrorBoundary } from '../ui/index.ts';
import { Editor } from './Editor.tsx';

export function App() {
  return (
    <ErrorBoundary>
      <Editor />
    </ErrorBoundary>
  );
}
