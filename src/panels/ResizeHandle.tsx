import type { KeyboardEvent, PointerEvent } from 'react';

interface Props {
  label: string;
  /** The size now, in pixels, and its bounds. */
  value: number;
  min: number;
  max: number;
  /** Which way a drag grows the panel: -1 when the panel is to the right of (or below) the handle. */
  direction: 1 | -1;
  orientation: 'vertical' | 'horizontal';
  onResize(size: number): void;
}

/** A splitter: drag it, or focus it and use the arrow keys (Shift for bigger steps). */
export function ResizeHandle({ label, value, min, max, direction, orientation, onResize }: Props) {
  const clamp = (n: number) => Math.round(Math.max(min, Math.min(max, n)));
  const handlePointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const start = orientation === 'vertical' ? event.clientX : event.clientY;
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) =>
      onResize(clamp(value + direction * ((orientation === 'vertical' ? e.clientX : e.clientY) - start)));
    // Losing the capture covers pointerup, pointercancel (a touch turned into a scroll) and a lost window.
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('lostpointercapture', stop);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('lostpointercapture', stop);
  };
  const handleKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 60 : 16;
    const grow = orientation === 'vertical' ? { ArrowLeft: -1, ArrowRight: 1 } : { ArrowUp: -1, ArrowDown: 1 };
    const sign = grow[event.key as keyof typeof grow];
    if (sign === undefined) return;
    event.preventDefault();
    onResize(clamp(value + direction * sign * step));
  };
  return (
    <div
      className={`resize-handle ${orientation}`}
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={handlePointerDown}
      onKeyDown={handleKeyDown}
    />
  );
}
