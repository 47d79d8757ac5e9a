// Catches a render error below it and shows it, so a bug never leaves a blank page.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Notice } from './Notice.tsx';

interface ErrorBoundaryState {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('vpcsim: render failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <Notice kind="error" title="Something went wrong while showing this page">
          <p>{this.state.error.message}</p>
          <p>Reload the page or pick another scenario.</p>
        </Notice>
      );
    }
    return this.props.children;
  }
}
