import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Never a blank screen: a render failure shows what happened and how to recover; the data stays stored. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="fatal" role="alert">
        <h1>Something went wrong</h1>
        <p>The studio hit an unexpected error. Your data is stored in this browser and has not been lost.</p>
        <pre>{this.state.error.message}</pre>
        <button className="btn primary" onClick={() => location.reload()}>
          Reload the studio
        </button>
      </div>
    );
  }
}
