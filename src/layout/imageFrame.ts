import type { Box } from './drawingBounds.ts';

/** The image file kinds the editor writes. */
export type ImageFormat = 'png' | 'svg';

/** The theme an image is drawn in, whatever the editor shows at the time. */
export type ImageTheme = 'light' | 'dark';

/** What goes in the image: every table and note, or the selected tables and the relationships between them. */
export type ImageScope = 'diagram' | 'selection';

/** Everything the export dialog asks for. */
export interface ImageRequest {
  format: ImageFormat;
  theme: ImageTheme;
  scope: ImageScope;
  withNotes: boolean;
}

/** Where the drawing sits in the image and how big the image is, in CSS pixels. */
export interface ImageFrame {
  width: number;
  height: number;
  /** The CSS transform that moves the drawing's top left corner to (margin, margin). */
  transform: string;
}

/** Space around the drawing, so markers and labels at the edge are not cut and the image breathes. */
export const imageMargin = 32;

/** Chromium's largest canvas side. */
const maxCanvasSide = 16_384;
/** Keeps a huge PNG within a canvas the browser can allocate (and a file a README can carry). */
const maxCanvasPixels = 64_000_000;

/** The image around a drawing at zoom 1: its size with the margin on every side, whole pixels. */
export function imageFrame(bounds: Box, margin = imageMargin): ImageFrame {
  const left = Math.floor(bounds.x);
  const top = Math.floor(bounds.y);
  return {
    width: Math.ceil(bounds.x + bounds.width) - left + 2 * margin,
    height: Math.ceil(bounds.y + bounds.height) - top + 2 * margin,
    transform: `translate(${margin - left}px, ${margin - top}px) scale(1)`,
  };
}

/** Device pixels per CSS pixel for a PNG: 2 for crisp text on high-density screens, less when the canvas would be too big. */
export function pngPixelRatio(width: number, height: number): number {
  return Math.min(2, maxCanvasSide / width, maxCanvasSide / height, Math.sqrt(maxCanvasPixels / (width * height)));
}
