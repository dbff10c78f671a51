import { describe, expect, it } from 'vitest';
import { actsBeyondText } from './useDraftText.ts';

describe('actsBeyondText', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
  });
  it('commits typing before Enter, Escape, Tab and shortcuts, not before characters, Backspace or arrows', () => {
    expect(['Enter', 'Escape', 'Tab'].every((k) => actsBeyondText(key(k)))).toBe(true);
    expect(actsBeyondText(key('z', { ctrlKey: true }))).toBe(true);
    expect(actsBeyondText(key('z', { metaKey: true }))).toBe(true);
    expect(actsBeyondText(key('ArrowUp', { altKey: true }))).toBe(true);
    expect(['a', 'Backspace', 'Delete', 'ArrowLeft', ' '].some((k) => actsBeyondText(key(k)))).toBe(false);
  });

  it('lets Option (Mac) and AltGr (Ctrl+Alt on Windows) type characters into the draft', () => {
    expect(actsBeyondText(key('@', { altKey: true }))).toBe(false);
    expect(actsBeyondText(key('{', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(actsBeyondText(key('s', { ctrlKey: true }))).toBe(true);
    expect(actsBeyondText(key('s', { metaKey: true, altKey: true }))).toBe(true);
  });
});
