import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shippedDataDirTar, shippedFileBundle } from './shippedDownload.ts';

/** A one-file tar: a 512-byte header with "ustar" at 257, then the file's block. */
function aTar(): Uint8Array<ArrayBuffer> {
  const tar = new Uint8Array(1024 * 2);
  tar.set(new TextEncoder().encode('PG_VERSION'), 0);
  tar.set(new TextEncoder().encode('ustar\u000000'), 257);
  tar.set(new TextEncoder().encode('18\n'), 512);
  return tar;
}

const indexHtml =
  '<!doctype html>\n<html lang="en"><head><title>ERD Proof</title></head><body><div id="root"></div></body></html>\n'.repeat(9);

describe('shipped downloads', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('inflate a gzipped data directory, or take one the host inflated already', async () => {
    const tar = aTar();
    const fromGzip = await shippedDataDirTar(new Blob([gzipSync(tar)]));
    expect(new Uint8Array(await fromGzip!.arrayBuffer())).toEqual(tar);
    expect(fromGzip!.type).toBe('application/x-tar');
    expect(new Uint8Array(await (await shippedDataDirTar(new Blob([tar])))!.arrayBuffer())).toEqual(tar);
    const bundle = new Uint8Array([0, 1, 2, 3, 200, 201]);
    expect(new Uint8Array(await (await shippedFileBundle(new Blob([gzipSync(bundle)])))!.arrayBuffer())).toEqual(bundle);
  });

  it("turn a host's index.html (a missing file answered with 200) into undefined, with a console warning, so the worker falls back", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await shippedDataDirTar(new Blob([indexHtml], { type: 'text/html' }))).toBeUndefined();
    expect(await shippedFileBundle(new Blob([indexHtml], { type: 'text/html' }))).toBeUndefined();
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringContaining('the host answered with a web page'),
      expect.stringContaining('the host answered with a web page'),
    ]);
  });

  it('turn a cut-short or foreign data directory into undefined, and a missing download too', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const whole = gzipSync(aTar());
    expect(await shippedDataDirTar(new Blob([whole.subarray(0, whole.length - 12)]))).toBeUndefined();
    expect(await shippedDataDirTar(new Blob([gzipSync('not a tar at all')]))).toBeUndefined();
    expect(await shippedDataDirTar(undefined)).toBeUndefined();
    expect(await shippedFileBundle(undefined)).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
