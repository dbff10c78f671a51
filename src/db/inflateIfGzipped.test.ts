import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateIfGzipped } from './inflateIfGzipped.ts';

const text = 'PG_VERSION 18\n'.repeat(100);

describe('inflateIfGzipped', () => {
  it('inflates gzip whatever the blob type says', async () => {
    const gzipped = new Blob([gzipSync(text)], { type: 'application/octet-stream' });
    expect(await (await inflateIfGzipped(gzipped)).text()).toBe(text);
  });

  it('rejects a gzip cut short, so the worker falls back instead of loading half a data directory', async () => {
    const whole = gzipSync(text);
    await expect(inflateIfGzipped(new Blob([whole.subarray(0, whole.length - 12)]))).rejects.toThrow();
  });

  it('returns a file that is not gzip as it is (already inflated by the browser)', async () => {
    const plain = new Blob([text]);
    expect(await inflateIfGzipped(plain)).toBe(plain);
  });
});
