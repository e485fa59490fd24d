import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What the page shows inside itself (its detail): a move there starts afresh after a failure. */
  shown: string;
  /** Leaves the page that failed (the way back, then the rung's front). */
  onLeave: () => void;
}

/**
 * A page that fails while showing itself says so in words, with a way on, instead of leaving the
 * window blank; the sidebar stays. Keyed by the rung (Shell); a move inside it (`shown`) clears a
 * failure without rebuilding a page that works. Nothing is written while a page renders, so nothing
 * in the archive is touched by the failure.
 */
export class PageErrorBoundary extends Component<Props, { failed: boolean; failedOn: string | null }> {
  override state = { failed: false, failedOn: null as string | null };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: { failed: boolean; failedOn: string | null }) {
    if (!state.failed) return null;
    if (state.failedOn === null) return { failedOn: props.shown };
    return state.failedOn === props.shown ? null : { failed: false, failedOn: null };
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
