import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useDraftText } from './useDraftText.ts';

type DraftProps<Attributes> = Omit<Attributes, 'value' | 'onChange' | 'onBlur' | 'onKeyDownCapture'> & {
  value: string;
  /** The typed text, after the keystroke has painted (see `useDraftText`). */
  onValue: (text: string) => void;
};

/** A document text field: each keystroke paints at once, the document follows right after the paint. */
export function DraftInput({ value, onValue, ...attributes }: DraftProps<InputHTMLAttributes<HTMLInputElement>>) {
  return <input {...attributes} {...useDraftText(value, onValue)} />;
}

/** `DraftInput` for longer text (comments). */
export function DraftTextArea({ value, onValue, ...attributes }: DraftProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return <textarea {...attributes} {...useDraftText(value, onValue)} />;
}
