import { describe, expect, it } from 'vitest';
import { aTable, aVersion } from '../testing/factories.ts';
import {
  defaultBaseVersion,
  deleteVersion,
  deployedName,
  importedVersionName,
  makeVersion,
  maxVersionNameLength,
  renameVersion,
  versionName,
  versionsNewestFirst,
  type VersionId,
} from './index.ts';

describe('versions', () => {
  it('makes a version holding the very schema value, with a ver_ id and the date as ISO text', () => {
    const { schema } = aTable('orders');
    const version = makeVersion('  deployed\nFriday ', schema, 'marked', new Date('2026-12-03T17:00:00Z'))!;
    expect(version).toEqual({
      id: expect.stringMatching(/^ver_[0-9a-f]{12}$/),
      name: 'deployed Friday',
      createdAt: '2026-12-03T17:00:00.000Z',
      kind: 'marked',
      schema,
    });
    expect(version.schema).toBe(schema);
    expect(makeVersion(' \t\u0000 ', schema, 'marked', new Date())).toBeUndefined();
  });

  it('keeps names readable: no control characters, one space between words, cut to the longest kept', () => {
    expect(versionName('a\u0000b\u2028c  d')).toBe('a b c d');
    expect(versionName('x'.repeat(500))).toHaveLength(maxVersionNameLength);
    expect(versionName('😀'.repeat(200))).toBe('😀'.repeat(maxVersionNameLength));
    expect(versionName('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('names imports after the file, without its folder, or "imported script" when pasted', () => {
    expect(importedVersionName('orders.sql')).toBe('imported from orders.sql');
    expect(importedVersionName('C:\\work\\db/orders.dbml')).toBe('imported from orders.dbml');
    expect(importedVersionName('')).toBe('imported script');
    expect(importedVersionName('  ')).toBe('imported script');
  });

  it('offers "deployed" and the local date and minute as the name of a mark', () => {
    expect(deployedName(new Date(2026, 11, 3, 17, 5, 59))).toBe('deployed 2026-12-03 17:05');
  });

  it('renames and deletes by id, returning the same array when nothing changes', () => {
    const first = aVersion({ name: 'one' });
    const second = aVersion({ name: 'two' });
    const versions = [first, second];
    expect(renameVersion(versions, second.id, ' 2 ')).toEqual([first, { ...second, name: '2' }]);
    expect(renameVersion(versions, second.id, '  ')).toBe(versions);
    expect(renameVersion(versions, second.id, 'two')).toBe(versions);
    expect(renameVersion(versions, 'ver_gone' as VersionId, 'x')).toBe(versions);
    expect(deleteVersion(versions, first.id)).toEqual([second]);
    expect(deleteVersion(versions, 'ver_gone' as VersionId)).toBe(versions);
  });

  it('lists newest first by date, the later added first on a tie', () => {
    const old = aVersion({ createdAt: '2025-01-01T00:00:00.000Z' });
    const tieA = aVersion({ createdAt: '2026-01-01T00:00:00.000Z' });
    const tieB = aVersion({ createdAt: '2026-01-01T00:00:00.000Z' });
    expect(versionsNewestFirst([tieA, old, tieB])).toEqual([tieB, tieA, old]);
  });

  it('migrates by default from the newest marked version, else the newest of any kind', () => {
    const imported = aVersion({ kind: 'imported', createdAt: '2026-03-01T00:00:00.000Z' });
    const marked = aVersion({ kind: 'marked', createdAt: '2026-02-01T00:00:00.000Z' });
    const olderMarked = aVersion({ kind: 'marked', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(defaultBaseVersion([olderMarked, marked, imported])).toBe(marked);
    expect(defaultBaseVersion([imported])).toBe(imported);
    expect(defaultBaseVersion([])).toBeUndefined();
  });
});
