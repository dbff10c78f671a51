/**
 * Inflates a gzipped download by its first two bytes, whatever the host said: servers that send a .gz
 * file with Content-Encoding (vite) have it inflated already, others label it anything from
 * application/gzip to application/octet-stream.
 */
export async function inflateIfGzipped(file: Blob): Promise<Blob> {
  const [a, b] = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return a === 0x1f && b === 0x8b ? new Response(file.stream().pipeThrough(new DecompressionStream('gzip'))).blob() : file;
}
