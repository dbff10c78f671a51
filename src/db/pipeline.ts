import type { PGlite } from '@electric-sql/pglite';

const encoder = new TextEncoder();

/** One frontend message: its type byte, its length and its body. */
function message(type: string, ...parts: Uint8Array[]): Uint8Array {
  const size = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(5 + size);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, 4 + size);
  let at = 5;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const cString = (text: string) => encoder.encode(`${text}\0`);
const int16 = (n: number) => new Uint8Array([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => new Uint8Array([(n >> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);

/** Parse, Bind and Execute of one statement on the unnamed statement and portal, no parameters. */
function extendedQuery(sql: string): Uint8Array[] {
  return [
    message('P', cString(''), cString(sql), int16(0)),
    message('B', cString(''), cString(''), int16(0), int16(0), int16(0)),
    message('E', cString(''), int32(0)),
  ];
}

/** Joins messages into one buffer. */
function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The frontend messages for groups of statements, each statement its own Parse/Bind/Execute, each group closed by a Sync. */
export function pipelineRequest(groups: readonly (readonly string[])[]): Uint8Array {
  return concat(groups.flatMap((statements) => [...statements.flatMap(extendedQuery), message('S')]));
}

/** A statement of a pipeline that PostgreSQL refused: its error, and which statement it was (0-based). */
export interface PipelineFailure {
  error: unknown;
  index: number;
}

/**
 * Sends statements to PGlite each in its own extended-protocol Parse message (which PostgreSQL allows
 * one statement in), all in one call ending with a single Sync: one round trip into WebAssembly for
 * a whole DDL script, as fast as a simple-protocol script, yet no statement can carry another. After
 * an error PostgreSQL skips the rest up to the Sync, so what follows a refused statement never runs.
 */
export async function runPipeline(pg: PGlite, statements: readonly string[]): Promise<PipelineFailure | undefined> {
  if (statements.length === 0) return undefined;
  const { messages } = await pg.execProtocol(pipelineRequest([statements]), { throwOnError: false });
  let done = 0;
  for (const m of messages) {
    if (m.name === 'commandComplete' || m.name === 'emptyQuery') done++;
    if (m.name === 'error') return { error: m, index: done };
  }
  return undefined;
}
