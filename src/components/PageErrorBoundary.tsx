import { Component, type ReactNode } from 'react';

/** Keeps one page's failure to that page: the navigation, the data loaded and the other pages
 *  stay usable, and the page says so in words. Reset when the address changes. */
export class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  componentDidCatch(error: unknown) {
    console.error('A page failed to draw:', error);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p role="alert" className="error" data-testid="page-error">
        This page could not be drawn because of a fault in the dashboard. Your data are still loaded and the other pages still work;
        reloading the page may help.
      </p>
    );
  }
}
