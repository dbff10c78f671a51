import { describe, expect, it } from 'vitest';
import { endKinds, cardinalityOf, renameTable, updateColumn, updateRelationship } from '../model/index.ts';
import { exampleDocument } from '../testing/example.ts';
import { aSchema, ends, tableOf, withTable } from '../testing/factories.ts';
import { mermaidMarkers, relationshipSpec, toMermaid } from './mermaid.ts';

describe('toMermaid', () => {
  it('writes the example as an erDiagram', () => {
    expect(toMermaid(exampleDocument().schema)).toBe(`erDiagram
    authors {
        integer id PK
        text name
    }
    passport_info {
        integer id PK
        varchar(20) passport_number UK
        integer author_id FK, UK
    }
    books {
        integer id PK
        text title
        integer author_id FK
    }
    country {
        integer id PK
        text name UK
    }
    capital {
        integer country_id PK, FK
        text name
    }
    authors ||..o| passport_info : "has"
    authors ||..o{ books : "writes"
    country ||--o| capital : "has"
`);
  });

  it('maps every end kind to the marker Mermaid documents, mirrored on the right', () => {
    const expected = { exactlyOne: ['||', '||'], zeroOrOne: ['|o', 'o|'], oneOrMany: ['}|', '|{'], zeroOrMany: ['}o', 'o{'] };
    for (const kind of endKinds) {
      expect([mermaidMarkers[kind].left, mermaidMarkers[kind].right]).toEqual(expected[kind]);
      for (const other of endKinds) {
        expect(relationshipSpec(cardinalityOf(kind), cardinalityOf(other), false)).toBe(`${expected[kind][0]}..${expected[other][1]}`);
      }
    }
    expect(relationshipSpec(ends.exactlyOne, ends.zeroOrMany, true)).toBe('||--o{');
  });

  it('puts the from end beside the from table for every pair of ends', () => {
    for (const from of endKinds) {
      for (const to of endKinds) {
        const { schema } = aSchema(cardinalityOf(from), cardinalityOf(to));
        const line = toMermaid(schema).trim().split('\n').at(-1);
        expect(line).toMatch(
          new RegExp(`^    authors ${escape(mermaidMarkers[from].left)}(--|\\.\\.)${escape(mermaidMarkers[to].right)} books : "has"$`),
        );
      }
    }
  });

  it('draws a many-to-many as one non-identifying line between its tables', () => {
    const { schema } = aSchema(ends.zeroOrMany, ends.oneOrMany, { parent: 'students', child: 'courses' });
    expect(toMermaid(schema)).toContain('    students }o..|{ courses : "has"\n');
    expect(toMermaid(schema)).not.toContain('students_courses');
  });

  it('quotes names Mermaid cannot read bare, and replaces what quotes cannot hold', () => {
    const { schema, parentId, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrMany, { parent: 'order items', child: 'class' });
    let s = renameTable(schema, parentId, 'order "items" 100%');
    s = updateRelationship(s, relationshipId, { name: 'lists "all"' });
    const table = tableOf(s, parentId);
    s = updateColumn(s, parentId, table.columns[1]!.id, { name: 'first name', type: 'double precision', comment: 'as "typed"' });
    const text = toMermaid(s);
    expect(text).toContain(
      `    "order 'items' 100％" {\n        integer id PK\n        double_precision first_name "first name: as 'typed'"\n    }`,
    );
    expect(text).toContain(`    "order 'items' 100％" ||..o{ "class" : "lists 'all'"`);
  });

  it('keeps Unicode names, qualifies a name used in two schemas, and renames a column called PK', () => {
    let { schema } = withTable({ tables: [], relationships: [], enums: [] }, 'Bücher', { name: 'pk', type: 'numeric(8, 2)' });
    schema = withTable(schema, 'Bücher').schema;
    schema = { ...schema, tables: schema.tables.map((t, i) => (i === 1 ? { ...t, schemaName: 'archive' } : t)) };
    const text = toMermaid(schema);
    expect(text).toContain('    "public.Bücher" {\n        integer id PK\n        numeric(8,2) pk_ "pk"\n    }');
    expect(text).toContain('    "archive.Bücher" {');
  });

  it('writes a table name that starts with a Mermaid keyword in quotes', () => {
    const { schema } = aSchema(ends.exactlyOne, ends.zeroOrMany, { parent: 'tokens', child: 'users' });
    expect(toMermaid(schema)).toContain('    "tokens" ||..o{ users : "has"');
  });
});

function escape(text: string): string {
  return text.replace(/[|{}]/g, '\\$&');
}
