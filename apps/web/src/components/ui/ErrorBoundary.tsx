import { Component, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** Shown instead of the part that failed. */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * Keeps a part of a page that failed to render (a map whose code could not be downloaded,
 * offline) from taking the rest of the page down with it. React logs the error.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
