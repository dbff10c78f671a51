import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** The part in plain words ("diagram", "inspector"), for the message. */
  part: string;
  children: ReactNode;
}

/**
 * Keeps one part of the page (the canvas, the inspector, a sidebar tab) from taking the whole page
 * down when it throws while rendering (a document a peer damaged, a bug): that part says what went
 * wrong and the rest keeps working, with the document still open and kept, so no work is lost.
 */
export class PartBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.part} stopped:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="part-error">
        <p>
          <strong>The {this.props.part} stopped working:</strong> {error.message || error.name}
        </p>
        <p className="muted">
          Your document is still open and kept as you work; the rest of the page works. Try again, or save the document from the Document
          menu and reload.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
