import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Leaves the page that failed (the way back, then the rung's front). */
  onLeave: () => void;
}

/**
 * A page that fails while showing itself says so in words, with a way on, instead of leaving the
 * window blank; the sidebar stays. Keyed by the page shown (Shell), so moving anywhere starts afresh.
 * Nothing is written while a page renders, so nothing in the archive is touched by the failure.
 */
export class PageErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('[ladder] a page failed to show', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="page" role="alert">
        <h1>This page could not be shown</h1>
        <p>Something went wrong inside Ladder while showing it. Nothing in your archive was changed by this.</p>
        <p>
          <button type="button" className="button" onClick={this.props.onLeave}>
            Go back
          </button>
        </p>
      </div>
    );
  }
}
