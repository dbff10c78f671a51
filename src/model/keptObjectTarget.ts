import { parseSql } from './postgresParser.ts';
import type { SqlObject } from './schema.ts';

type Tree = Record<string, unknown>;

/** A type as a DROP FUNCTION argument needs it: its name parts, `%TYPE`, array dimensions and mode. */
export interface TargetArgument {
  mode: '' | 'OUT' | 'INOUT' | 'VARIADIC';
  names: string[];
  percentType: boolean;
  arrayDimensions: number;
}

/**
 * What a kept object's own SQL creates, as PostgreSQL's parser reads it: its name parts, the table an
 * index, trigger or constraint belongs to, and a routine's argument types. DROP statements are built from
 * these (never from the object's display name), so no name can carry SQL into a migration.
 */
export interface KeptObjectTarget {
  /** Schema-qualified or bare name parts of the object (a constraint's or trigger's own name alone). */
  names: string[];
  /** The table (or view) parts an index, trigger or constraint is on. */
  table?: string[];
  /** A routine's arguments; `'*'` for an aggregate over any row. */
  args?: TargetArgument[] | '*';
  /** An ordered-set aggregate: how many of `args` are direct (before ORDER BY). */
  directArgs?: number;
  procedure?: boolean;
  /** A function whose body is SQL-standard (`RETURN …`, `BEGIN ATOMIC`): PostgreSQL records what it calls as dependencies. */
  standardBody?: boolean;
  /** A UNIQUE index, or a constraint without NOT VALID: made on a table with rows, existing rows may make it fail. */
  checksExistingRows?: boolean;
}

const strings = (list: unknown): string[] => ((list as { String?: { sval: string } }[] | undefined) ?? []).map((n) => n.String?.sval ?? '');
const rangeNames = (range: unknown): string[] => {
  const r = (range ?? {}) as { schemaname?: string; relname?: string };
  return [r.schemaname, r.relname].filter((n): n is string => typeof n === 'string' && n !== '');
};

function argument(parameter: unknown): TargetArgument | undefined {
  const p = ((parameter as { FunctionParameter?: Tree } | undefined)?.FunctionParameter ?? {}) as Tree;
  const mode = String(p.mode ?? 'FUNC_PARAM_DEFAULT');
  if (mode === 'FUNC_PARAM_TABLE') return undefined;
  const type = (p.argType ?? {}) as { names?: unknown; pct_type?: boolean; arrayBounds?: unknown[] };
  return {
    mode: mode === 'FUNC_PARAM_OUT' ? 'OUT' : mode === 'FUNC_PARAM_INOUT' ? 'INOUT' : mode === 'FUNC_PARAM_VARIADIC' ? 'VARIADIC' : '',
    names: strings(type.names),
    percentType: type.pct_type === true,
    arrayDimensions: type.arrayBounds?.length ?? 0,
  };
}

function readTarget(kind: SqlObject['kind'], s: Tree): KeptObjectTarget | undefined {
  switch (kind) {
    case 'view':
      return { names: rangeNames(s.view) };
    case 'materializedView':
      return { names: rangeNames((s.into as Tree | undefined)?.rel) };
    case 'index':
      return typeof s.idxname === 'string'
        ? { names: [s.idxname], table: rangeNames(s.relation), checksExistingRows: s.unique === true }
        : undefined;
    case 'trigger':
      return { names: [String(s.trigname ?? '')], table: rangeNames(s.relation) };
    case 'constraint': {
      const cmds =
        (s.cmds as { AlterTableCmd?: { def?: { Constraint?: { conname?: string; skip_validation?: boolean } } } }[] | undefined) ?? [];
      const constraint = cmds.length === 1 ? cmds[0]!.AlterTableCmd?.def?.Constraint : undefined;
      const name = constraint?.conname;
      return name ? { names: [name], table: rangeNames(s.relation), checksExistingRows: constraint?.skip_validation !== true } : undefined;
    }
    case 'sequence':
      return { names: rangeNames(s.sequence) };
    case 'domain':
      return { names: strings(s.domainname) };
    case 'type':
      return { names: s.typevar ? rangeNames(s.typevar) : strings(s.typeName ?? s.defnames) };
    case 'collation':
      return { names: strings(s.defnames) };
    case 'schema':
      return { names: [String(s.schemaname ?? '')] };
    case 'extension':
      return { names: [String(s.extname ?? '')] };
    case 'function': {
      const args = ((s.parameters as unknown[] | undefined) ?? []).map(argument);
      return {
        names: strings(s.funcname),
        args: args.filter((a) => a !== undefined),
        procedure: s.is_procedure === true,
        standardBody: s.sql_body !== undefined,
      };
    }
    case 'aggregate': {
      if (s.oldstyle === true) {
        const base = ((s.definition as { DefElem?: { defname: string; arg?: { TypeName?: Tree } } }[] | undefined) ?? []).find(
          (d) => d.DefElem?.defname.toLowerCase() === 'basetype',
        )?.DefElem?.arg?.TypeName;
        const names = strings(base?.names);
        const isAny = names.length === 0 || names.at(-1)?.toLowerCase() === 'any';
        return { names: strings(s.defnames), args: isAny ? '*' : [{ mode: '', names, percentType: false, arrayDimensions: 0 }] };
      }
      const [list, direct] = (s.args as Tree[] | undefined) ?? [];
      const items = ((list?.List as { items?: unknown[] } | undefined)?.items ?? []).map(argument);
      const directArgs = (direct?.Integer as { ival?: number } | undefined)?.ival ?? -1;
      return {
        names: strings(s.defnames),
        args: list && 'List' in list ? items.filter((a) => a !== undefined) : '*',
        ...(directArgs >= 0 ? { directArgs } : {}),
      };
    }
  }
}

/** What the kept object's SQL creates; undefined when its SQL is not one statement PostgreSQL reads as creating one object. */
export function keptObjectTarget(object: SqlObject): KeptObjectTarget | undefined {
  const parsed = parseSql(object.sql);
  if ('error' in parsed || parsed.statements.length !== 1) return undefined;
  const target = readTarget(object.kind, parsed.statements[0]!.node);
  if (!target || target.names.length === 0 || target.names.some((n) => n === '')) return undefined;
  if (target.table && target.table.length === 0) return undefined;
  return target;
}
