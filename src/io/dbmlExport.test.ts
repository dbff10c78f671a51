import { describe, expect, it } from 'vitest';
import { Parser } from '@dbml/core';
import { connect, updateColumn, updateRelationship, updateTableFields, type Schema, type TableId } from '../model/index.ts';
import { exampleDocument } from '../testing/example.ts';
import { aCheck, anEnum, anIndex, aSchema, ends, tableOf, withTable } from '../testing/factories.ts';
import { dbmlWritings, toDbml } from './dbmlExport.ts';

describe('toDbml', () => {
  it('writes the example: 1:1 as -, 1:N as >, NOT NULL where the parent end is mandatory', () => {
    const text = toDbml(exampleDocument().schema);
    expect(text)
      .toContain(`Table passport_info [note: 'Split off from authors: few authors have passport data on file, and it is sensitive, so it is kept (and granted) apart.'] {
  id integer [pk]
  passport_number varchar(20) [not null, unique]
  author_id integer [not null]
}`);
    expect(text.split('\n').filter((l) => l.startsWith('Ref'))).toEqual([
      'Ref "has": passport_info.author_id - authors.id',
      'Ref "writes": books.author_id > authors.id',
      'Ref "has": capital.country_id - country.id',
    ]);
    expect(() => Parser.parseDBMLToJSONv2(text)).not.toThrow();
  });

  it('writes many-to-many as <>, actions, defaults, identity, notes, indexes, checks and enums', () => {
    const {
      schema: base,
      parentId,
      childId,
      relationshipId,
    } = aSchema(ends.zeroOrMany, ends.oneOrMany, { parent: 'students', child: 'courses' });
    let schema: Schema = updateRelationship(base, relationshipId, { onDelete: 'cascade', onUpdate: 'set null' });
    const name = tableOf(schema, parentId).columns[1]!;
    schema = updateColumn(schema, parentId, name.id, {
      defaultValue: "'it''s'",
      comment: "line one\nit's \\ here",
      type: 'character varying(80)',
    });
    schema = updateColumn(schema, parentId, tableOf(schema, parentId).columns[0]!.id, { identity: 'byDefault' });
    schema = updateTableFields(schema, childId, {
      schemaName: 'school',
      indexes: [anIndex([tableOf(schema, childId).columns[1]!.id], { name: 'by_title', isUnique: true })],
      checks: [aCheck({ name: 'title_set', expression: "title <> ''" })],
    });
    schema = { ...schema, enums: [anEnum({ name: 'level', values: ['basic', 'say "hi"'] })] };
    expect(toDbml(schema)).toBe(`Enum level {
  "basic"
  "say \\"hi\\""
}

Table students {
  id integer [pk, increment]
  name "character varying(80)" [not null, default: \`'it''s'\`, note: 'line one\\nit\\'s \\\\ here']
}

Table school.courses {
  id integer [pk]
  title text [not null]

  Indexes {
    (title) [unique, name: 'by_title']
  }

  checks {
    \`title <> ''\` [name: 'title_set']
  }
}

Ref: students.id <> school.courses.id [delete: cascade, update: set null]
`);
    expect(() => Parser.parseDBMLToJSONv2(toDbml(schema))).not.toThrow();
  });

  it('writes a composite key as an index [pk] and a composite foreign key as t.(a, b)', () => {
    const parent = withTable({ tables: [], relationships: [], enums: [] }, 'orders', {
      name: 'line',
      type: 'integer',
      isPrimaryKey: true,
      isNotNull: true,
    });
    const child = withTable(parent.schema, 'order items');
    const { schema } = aSchemaBetween(child.schema, parent.tableId, child.tableId);
    const text = toDbml(schema);
    expect(text).toContain('  Indexes {\n    (id, line) [pk]\n  }');
    expect(text).toContain('Ref: "order items".(order_id, order_line) > orders.(id, line)');
    expect(() => Parser.parseDBMLToJSONv2(text)).not.toThrow();
  });

  it('writes a many-to-many DBML refuses as its junction table, and a self-referring key as a comment', () => {
    const { schema } = aSchema(ends.zeroOrMany, ends.zeroOrMany, { parent: 'people', child: 'people_2' });
    const self = { ...schema, relationships: schema.relationships.map((r) => ({ ...r, to: { ...r.to, tableId: r.from.tableId } })) };
    expect([...dbmlWritings(self).values()]).toEqual(['junctionTable']);
    const text = toDbml(self);
    expect(text).toContain(
      'Table people_people {\n  people_id integer\n  people_id_2 integer\n\n  Indexes {\n    (people_id, people_id_2) [pk]\n  }\n}',
    );
    expect(text).toContain('Ref: people_people.people_id > people.id\nRef: people_people.people_id_2 > people.id');
    expect(() => Parser.parseDBMLToJSONv2(text)).not.toThrow();
    const { schema: one, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrOne, { parent: 'nodes', child: 'nodes_2' });
    const selfRel = one.relationships.find((r) => r.id === relationshipId)!;
    const key = one.tables[0]!.columns[0]!.id;
    const selfKey = {
      ...one,
      relationships: [
        {
          ...selfRel,
          to: { ...selfRel.to, tableId: selfRel.from.tableId },
          oneToOne: 'sharedPrimaryKey' as const,
          foreignKeyColumnIds: [key],
        },
      ],
    };
    expect(toDbml(selfKey)).toContain('// left out, as DBML refuses it: Ref: nodes.id - nodes.id\n');
    expect(() => Parser.parseDBMLToJSONv2(toDbml(selfKey))).not.toThrow();
  });
});

/** Connects parent (from, exactly one) to child (to, zero or many). */
function aSchemaBetween(schema: Schema, parentId: TableId, childId: TableId) {
  return connect(schema, parentId, childId, { from: ends.exactlyOne, to: ends.zeroOrMany });
}
