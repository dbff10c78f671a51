import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { examplePath } from '../testing/example.ts';
import { toMermaid } from '../io/index.ts';
import { toDbml } from '../io/dbmlExport.ts';
import { exampleDocument } from '../testing/example.ts';
import { memoryCliIo } from '../testing/memoryCliIo.ts';

/** Runs `erd` in-process on files held in memory; no database is opened by these commands. */
async function erd(files: Record<string, string>, ...args: string[]) {
  const { io, output } = memoryCliIo(files);
  const code = await main(args, io);
  return { code, ...output };
}

const dbml = `Table authors {
  id integer [pk]
  name text [not null]
}

Table books {
  id integer [pk]
  author_id integer
}

Ref "writes": books.author_id > authors.id
`;

describe('erd mermaid and erd dbml', () => {
  it('mermaid prints the erDiagram of a project file', async () => {
    const { code, stdout, stderr } = await erd({ 'a.erd.json': await readFile(examplePath, 'utf8') }, 'mermaid', 'a.erd.json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(toMermaid(exampleDocument().schema));
    expect(stdout).toContain('    authors ||..o{ books : "writes"\n');
  });

  it('dbml prints the DBML of a project file', async () => {
    const { code, stdout } = await erd({ 'a.erd.json': await readFile(examplePath, 'utf8') }, 'dbml', 'a.erd.json');
    expect(code).toBe(0);
    expect(stdout).toBe(toDbml(exampleDocument().schema));
  });

  it('reads .dbml files for every command', async () => {
    expect(await erd({ 'shop.dbml': dbml }, 'dbml', 'shop.dbml')).toEqual({ code: 0, stdout: dbml, stderr: '' });
    const mermaid = await erd({ 'shop.dbml': dbml }, 'mermaid', 'shop.dbml');
    expect(mermaid.stdout).toContain('    authors |o..o{ books : "writes"\n');
    const ddl = await erd({ 'shop.dbml': dbml }, 'ddl', 'shop.dbml');
    expect(ddl.code).toBe(0);
    expect(ddl.stdout).toContain('ADD CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id)\n  REFERENCES authors (id);');
  });

  it('names the file, line and column of a DBML error and exits 2', async () => {
    expect(await erd({ 'bad.dbml': 'Table books {\n  id int [pk\n}\n' }, 'mermaid', 'bad.dbml')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'erd: bad.dbml: invalid DBML: line 3, column 1: Expect an identifier\n',
    });
  });

  it('says a file from a newer editor is read-only, and still prints it', async () => {
    const newer = { ...JSON.parse(await readFile(examplePath, 'utf8')), version: 4 };
    const { code, stdout, stderr } = await erd({ 'new.erd.json': JSON.stringify(newer) }, 'dbml', 'new.erd.json');
    expect(code).toBe(0);
    expect(stderr).toBe(
      'erd: new.erd.json: made by a newer version of the editor (file version 4, this one reads up to 3): opened read-only\n',
    );
    expect(stdout).toBe(toDbml(exampleDocument().schema));
  });

  it('lists both commands in the usage, and refuses other extensions', async () => {
    const { stdout } = await erd({}, '--help');
    expect(stdout).toContain('  mermaid FILE print the diagram as a Mermaid erDiagram');
    expect(stdout).toContain('  dbml FILE    print the schema as DBML');
    expect(await erd({ 'x.txt': '' }, 'dbml', 'x.txt')).toMatchObject({
      code: 2,
      stderr: 'erd: x.txt: not a project file (expected a .erd.json, .dbml or .sql file)\n',
    });
  });
});
