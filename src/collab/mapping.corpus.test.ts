import { describe, expect, it } from 'vitest';
import { importSqlInPglite } from '../io/importSqlInPglite.ts';
import type { ErdDocument } from '../model/index.ts';
import { hasCorpusFile, readCorpusFile } from '../testing/corpus.ts';
import { throughRoom } from '../testing/throughRoom.ts';

/** Real imported schemas (kept functions, views and triggers as text, kept constraint names) go live unchanged. */
describe.each(['pagila-schema.sql', 'lago-structure.sql'])('%s through a room', (file) => {
  it.skipIf(!hasCorpusFile(file))(
    'is accepted by the room and read back identical by a joining peer',
    async () => {
      const imported = await importSqlInPglite(readCorpusFile(file));
      if (!imported.ok) throw new Error(`${imported.error.line}: ${imported.error.message}`);
      const document: ErdDocument = {
        schema: imported.schema,
        layout: Object.fromEntries(imported.schema.tables.map((t, i) => [t.id, { x: i * 10, y: 0 }])),
      };
      expect(throughRoom(document)).toStrictEqual(document);
    },
    180_000,
  );
});
