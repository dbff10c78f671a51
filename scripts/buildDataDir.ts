// Makes public/pglite/ (see shippedDataDir.ts) outside Vite: for `npm run bench`, which reads it in Node.
// `vite`, `vite build` and the test builds make it themselves through the plugin in vite.config.ts.
import { writeShippedDataDir } from './shippedDataDir.ts';

console.log(await writeShippedDataDir());
