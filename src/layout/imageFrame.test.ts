import { describe, expect, it } from 'vitest';
import { imageFrame, pngPixelRatio } from './imageFrame.ts';

describe('imageFrame', () => {
  it('puts the drawing at the margin, at zoom 1, whatever its position', () => {
    expect(imageFrame({ x: -120.4, y: 40, width: 500.2, height: 300 }, 32)).toEqual({
      width: 565,
      height: 364,
      transform: 'translate(153px, -8px) scale(1)',
    });
  });
});

describe('pngPixelRatio', () => {
  it('is 2 for an ordinary diagram', () => {
    expect(pngPixelRatio(1600, 900)).toBe(2);
  });

  it('shrinks a huge diagram to a canvas the browser can allocate', () => {
    const ratio = pngPixelRatio(12_000, 9_000);
    expect(12_000 * ratio).toBeLessThanOrEqual(16_384);
    expect(12_000 * ratio * 9_000 * ratio).toBeLessThanOrEqual(64_000_001);
  });
});
