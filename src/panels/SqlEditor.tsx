import { useEffect, useRef } from 'react';
import { basicSetup } from 'codemirror';
import { PostgreSQL, sql, type SQLNamespace } from '@codemirror/lang-sql';
import { setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';

/** Where to underline an error, as character offsets (PostgreSQL's position, 1-based). */
export interface EditorError {
  position: number;
  message: string;
}

interface Props {
  value: string;
  onChange(value: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Tables and their columns, for completion. */
  completions: SQLNamespace;
  error: EditorError | null;
  label: string;
}

/** Converts PostgreSQL's 1-based character position to a CodeMirror offset (UTF-16 units). */
function offsetOf(text: string, position: number): number {
  return Array.from(text)
    .slice(0, position - 1)
    .join('').length;
}

/** A CodeMirror SQL editor (PostgreSQL dialect) that underlines the error PostgreSQL placed. */
export function SqlEditor({ value, onChange, onRun, completions, error, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, onRun });
  useEffect(() => {
    latest.current = { onChange, onRun };
  });

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          keymap.of([{ key: 'Mod-Enter', run: () => (latest.current.onRun(), true) }]),
          basicSetup,
          EditorView.lineWrapping,
          sql({ dialect: PostgreSQL, schema: completions, upperCaseKeywords: true }),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor owns its text after creation; completions change rarely and are applied on the next mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const text = editor.state.doc.toString();
    const diagnostics = error
      ? [
          {
            from: Math.min(offsetOf(text, error.position), text.length),
            to: Math.min(offsetOf(text, error.position) + 1, text.length),
            severity: 'error' as const,
            message: error.message,
          },
        ]
      : [];
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [error]);

  return <div className="sql-editor" ref={host} />;
}
