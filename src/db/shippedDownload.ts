import { inflateIfGzipped } from './inflateIfGzipped.ts';

const decoder = new TextDecoder();

/** A host's answer for a file it does not have, sent with 200 OK by single-page-app hosts (and `vite`): its index.html. */
async function isHtml(file: Blob): Promise<boolean> {
  const start = decoder.decode(await file.slice(0, 256).arrayBuffer()).trimStart();
  return /^<(!doctype|html|head|body|!--)/i.test(start);
}

/** A tar archive: "ustar" at byte 257 of its first header. */
async function isTar(file: Blob): Promise<boolean> {
  return decoder.decode(await file.slice(257, 262).arrayBuffer()) === 'ustar';
}

/**
 * The shipped data directory (public/pglite/datadir.tar.gz) as a tar, or undefined, with a console
 * warning, when the download is missing, cut short or something else (a host's index.html): the
 * worker then starts PostgreSQL with initdb instead of failing.
 */
export async function shippedDataDirTar(file: Blob | undefined): Promise<Blob | undefined> {
  if (!file) return undefined;
  const tar = await inflateIfGzipped(file).catch(() => undefined);
  if (tar && (await isTar(tar))) return new Blob([tar], { type: 'application/x-tar' });
  console.warn(
    `The shipped PGlite data directory (pglite/datadir.tar.gz) is ${tar ? ((await isHtml(tar)) ? 'missing: the host answered with a web page' : 'not a tar archive') : 'damaged'}; PostgreSQL starts with initdb instead (5-7 s).`,
  );
  return undefined;
}

/**
 * PGlite's file bundle from public/pglite/pglite.data.gz, inflated, or undefined, with a console warning,
 * when it is damaged or a host's index.html: the worker then uses the copy Vite bundled with PGlite.
 */
export async function shippedFileBundle(file: Blob | undefined): Promise<Blob | undefined> {
  if (!file) return undefined;
  const bundle = await inflateIfGzipped(file).catch(() => undefined);
  if (bundle && !(await isHtml(bundle))) return bundle;
  console.warn(
    `The shipped PGlite file bundle (pglite/pglite.data.gz) is ${bundle ? 'missing: the host answered with a web page' : 'damaged'}; PostgreSQL loads the bundled copy instead.`,
  );
  return undefined;
}
