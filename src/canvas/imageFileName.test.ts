import { describe, expect, it } from 'vitest';
import { imageFileName } from './imageFileName.ts';

describe('imageFileName', () => {
  it('names the image after the document, the scope and the theme', () => {
    expect(imageFileName('library', { format: 'png', theme: 'dark', scope: 'diagram' })).toBe('library.dark.png');
    expect(imageFileName('library', { format: 'svg', theme: 'light', scope: 'selection' })).toBe('library.selection.light.svg');
  });

  it('makes the name safe as project files do, and names a nameless document', () => {
    expect(imageFileName('authors / passport_info', { format: 'png', theme: 'light', scope: 'diagram' })).toBe(
      'authors - passport_info.light.png',
    );
    expect(imageFileName('', { format: 'svg', theme: 'dark', scope: 'diagram' })).toBe('diagram.dark.svg');
  });
});
