// The `?scenario=<file name>` URL parameter as React state; choosing a scenario pushes a history entry,
// so Back returns to the previous one.
import { useSyncExternalStore } from 'react';

const NAVIGATE_EVENT = 'vpcsim:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function readParam(): string | null {
  return new URLSearchParams(window.location.search).get('scenario');
}

function navigate(name: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set('scenario', name);
  window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function useScenarioParam(): [string | null, (name: string) => void] {
  return [useSyncExternalStore(subscribe, readParam), navigate];
}
