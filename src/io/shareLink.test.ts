import { deflateRawSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exampleDocument, examplePath } from '../testing/example.ts';
import { readFileSync } from 'node:fs';
import { decodeShareLink, encodeShareLink, fromBase64Url, maxShareLinkLength, shareLinkPrefix, toBase64Url } from './shareLink.ts';

/** A link made by hand from any text, as a hostile or broken one would be. */
const linkOf = (bytes: Uint8Array) => shareLinkPrefix + toBase64Url(deflateRawSync(bytes));
const text = (s: string) => new TextEncoder().encode(s);

describe('share links', () => {
  it('round-trip a document through #doc=<base64url>', async () => {
    const encoded = await encodeShareLink(exampleDocument());
    if (!encoded.ok) throw new Error(encoded.error);
    expect(encoded.fragment).toMatch(/^#doc=[A-Za-z0-9_-]+$/);
    expect(encoded.fragment.length).toBeLessThan(readFileSync(examplePath, 'utf8').length / 3);
    expect(await decodeShareLink(encoded.fragment)).toEqual({ ok: true, document: exampleDocument() });
    expect(await decodeShareLink(encoded.fragment.slice(1))).toEqual({ ok: true, document: exampleDocument() });
  });

  it('base64url round-trips every byte value, without padding', () => {
    const bytes = Uint8Array.from({ length: 256 * 3 + 1 }, (_, i) => i % 256);
    const encoded = toBase64Url(bytes);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64Url(encoded)).toEqual(bytes);
    expect(fromBase64Url('a+b/')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
  });

  it('refuses a link with no document', async () => {
    expect(await decodeShareLink('#view=1')).toEqual({ ok: false, error: 'the link holds no document (expected #doc=...)' });
  });

  it('refuses an oversized link before decoding it', async () => {
    const fragment = shareLinkPrefix + 'A'.repeat(maxShareLinkLength);
    expect(await decodeShareLink(fragment)).toEqual({
      ok: false,
      error: `the link is too long (${fragment.length} characters; at most ${maxShareLinkLength})`,
    });
  });

  it('stops inflating a small link that would grow past 5 MB', async () => {
    const bomb = linkOf(new Uint8Array(8 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(maxShareLinkLength);
    expect(await decodeShareLink(bomb)).toEqual({ ok: false, error: "the link's document is larger than 5.0 MB once inflated" });
  });

  it('refuses a truncated link', async () => {
    const encoded = await encodeShareLink(exampleDocument());
    if (!encoded.ok) throw new Error(encoded.error);
    const cut = encoded.fragment.slice(0, shareLinkPrefix.length + Math.floor((encoded.fragment.length - shareLinkPrefix.length) / 8) * 4);
    expect(await decodeShareLink(cut)).toEqual({ ok: false, error: 'the link is damaged or cut short (its data does not inflate)' });
  });

  it('refuses characters outside base64url', async () => {
    expect(await decodeShareLink('#doc=abc$def')).toEqual({ ok: false, error: 'the link is damaged (its data is not base64url)' });
  });

  it('refuses random bytes with a clear error, never a throw', async () => {
    for (let i = 0; i < 20; i++) {
      const result = await decodeShareLink(shareLinkPrefix + toBase64Url(randomBytes(1 + i * 37)));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^the link(?:'s document)? is (damaged|invalid)/);
    }
  });

  it('refuses text that is not UTF-8, and JSON that is not a project file', async () => {
    expect(await decodeShareLink(linkOf(Uint8Array.of(0xff, 0xfe, 0x00)))).toEqual({
      ok: false,
      error: 'the link is damaged (its document is not UTF-8 text)',
    });
    expect(await decodeShareLink(linkOf(text('{"hello": 1}')))).toEqual({
      ok: false,
      error: 'the link\'s document is invalid: format: Invalid input: expected "erd-proof"',
    });
  });

  it('reads __proto__ keys as plain data', async () => {
    const hostile = readFileSync(examplePath, 'utf8')
      .replace('{\n  "format"', '{\n  "__proto__": { "polluted": 1 },\n  "format"')
      .replace('"layout": {', '"layout": { "__proto__": { "x": 1, "y": 2 },');
    expect(await decodeShareLink(linkOf(text(hostile)))).toEqual({ ok: true, document: exampleDocument() });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
