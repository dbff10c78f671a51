import type { ErdDocument } from '../model/index.ts';
import { parseProjectFile, serializeProjectFile, type LoadResult } from './projectFile.ts';

/**
 * Share links carry the whole document in the URL fragment (never sent to a server):
 * `#doc=` + base64url(deflate-raw(project file text)). The project file inside carries its own
 * format version, and the document's named versions: written compact (no indentation), so deflate finds
 * a version's text again in the schema's. Within deflate's 32 KB window (about 25 tables) a version close
 * to the design adds a tenth to the link; past it each version costs about what the schema does.
 * Compression uses the platform's CompressionStream, present in every current
 * browser and in Node 20, so no library is bundled for it.
 */
export const shareLinkPrefix = '#doc=';

/** Longest fragment accepted, checked before anything is decoded: far above any real schema, far below what a browser keeps. */
export const maxShareLinkLength = 512 * 1024;

/** Most bytes a link may inflate to; inflating stops there, so a small "zip bomb" link costs at most this much memory. */
export const maxShareLinkDocumentBytes = 5 * 1024 * 1024;

/** A fragment to append to the app's URL, or why the document cannot be shared as one. */
export type EncodeResult = { ok: true; fragment: string } | { ok: false; error: string };

/** The link's fragment (`#doc=...`) for a document; refused past `maxShareLinkDocumentBytes` of project file or `maxShareLinkLength` of link. */
export async function encodeShareLink(document: ErdDocument): Promise<EncodeResult> {
  const bytes = new TextEncoder().encode(serializeProjectFile(document, 0));
  if (bytes.byteLength > maxShareLinkDocumentBytes)
    return {
      ok: false,
      error: `the document is too large to share as a link (${megabytes(bytes.byteLength)}; at most ${megabytes(maxShareLinkDocumentBytes)})`,
    };
  const compressed = new Uint8Array(
    await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer(),
  );
  const fragment = shareLinkPrefix + toBase64Url(compressed);
  if (fragment.length > maxShareLinkLength)
    return {
      ok: false,
      error: `the document is too large to share as a link (${fragment.length} characters; at most ${maxShareLinkLength})`,
    };
  return { ok: true, fragment };
}

/**
 * Reads a share link's fragment (`#doc=...`, with or without `#`) back into a document, checked
 * like any project file. Pure apart from the platform's DecompressionStream: the caller decides
 * what to do with the result (the app opens it as a NEW document and never overwrites one).
 * A file from a newer editor comes back `readOnly: true`, as from parseProjectFile.
 */
export async function decodeShareLink(fragment: string): Promise<LoadResult> {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (body.length + 1 > maxShareLinkLength)
    return fail(`the link is too long (${body.length + 1} characters; at most ${maxShareLinkLength})`);
  if (!body.startsWith(shareLinkPrefix.slice(1))) return fail(`the link holds no document (expected ${shareLinkPrefix}...)`);
  const bytes = fromBase64Url(body.slice(shareLinkPrefix.length - 1));
  if (!bytes) return fail('the link is damaged (its data is not base64url)');
  const inflated = await inflateCapped(bytes, maxShareLinkDocumentBytes);
  if (!inflated.ok) return fail(inflated.error);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail('the link is damaged (its document is not UTF-8 text)');
  }
  const loaded = parseProjectFile(text);
  return loaded.ok ? loaded : fail(`the link's document is invalid: ${loaded.error}`);
}

function fail(error: string): LoadResult {
  return { ok: false, error };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Input is fed in slices this small so that even an inflater that expands a whole slice at once stays near the cap (deflate expands at most ~1032x). */
const inflateSliceBytes = 1024;

/** Inflates deflate-raw data, counting as it streams and cancelling once past `cap` bytes. */
async function inflateCapped(
  bytes: Uint8Array<ArrayBuffer>,
  cap: number,
): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; error: string }> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const feeding = (async () => {
    for (let at = 0; at < bytes.byteLength; at += inflateSliceBytes) await writer.write(bytes.subarray(at, at + inflateSliceBytes));
    await writer.close();
  })().catch(() => undefined); // the reader reports the failure
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
        return { ok: false, error: `the link's document is larger than ${megabytes(cap)} once inflated` };
      }
      chunks.push(value);
    }
  } catch {
    await writer.abort().catch(() => undefined);
    return { ok: false, error: 'the link is damaged or cut short (its data does not inflate)' };
  }
  await feeding;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes: out };
}

/** Bytes as base64url without padding, the URL-safe alphabet of RFC 4648 section 5. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.byteLength; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of base64url text (padding optional), or undefined when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  const bare = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(bare) || bare.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(bare.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (bare.length % 4)) % 4));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
