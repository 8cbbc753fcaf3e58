import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Names the area in the message, e.g. "the mock editor". */
  area: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** A render error replaces one pane with a readable message instead of blanking the window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`MockDeck: ${this.props.area} crashed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="crash">
        <h2>Something broke in {this.props.area}</h2>
        <p className="crash-message">{this.state.error.message}</p>
        <p className="muted">Your saved data is safe. Try again, or switch to another project.</p>
        <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
