import type { SqlRunner } from '../model/index.ts';

/** PostgreSQL's refusal of one statement, in the fields an import error shows. */
export interface Refusal {
  code: string;
  message: string;
  detail?: string;
  hint?: string;
}

/**
 * True when the error reported is not PostgreSQL's refusal of the statement but the protocol's
 * complaint about its portal ("portal \"\" cannot be run", seen in the browser for a failing DO block):
 * the statement's own error was lost on the way.
 */
export function hidesRefusal(error: { message: string }): boolean {
  return /^portal ".*" cannot be run$/.test(error.message);
}

/** A string literal PostgreSQL reads back as `text` (standard_conforming_strings is on). */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Runs a statement again inside a PL/pgSQL function that catches its error and returns PostgreSQL's
 * own SQLSTATE, message, detail and hint as data, so no protocol step can lose them; everything it made
 * is rolled back. Undefined when the statement runs this time (then the first error stands).
 */
export async function askRefusal(runner: SqlRunner, sql: string): Promise<Refusal | undefined> {
  await runner.exec('SAVEPOINT erd_ask_refusal');
  try {
    await runner.exec(`CREATE FUNCTION pg_temp.erd_refusal(statement text) RETURNS text[] LANGUAGE plpgsql AS $erd$
DECLARE code text; message text; detail text; hint text;
BEGIN
  EXECUTE statement;
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS code = RETURNED_SQLSTATE, message = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
  RETURN ARRAY[code, message, detail, hint];
END $erd$`);
    const { rows } = await runner.query(`SELECT pg_temp.erd_refusal(${literal(sql)}) AS refusal`);
    const fields = (rows[0] as { refusal: (string | null)[] | null } | undefined)?.refusal;
    if (!fields) return undefined;
    const [code, message, detail, hint] = fields;
    return { code: code ?? '', message: message ?? '', ...(detail ? { detail } : {}), ...(hint ? { hint } : {}) };
  } catch {
    return undefined;
  } finally {
    await runner.exec('ROLLBACK TO SAVEPOINT erd_ask_refusal');
    await runner.exec('RELEASE SAVEPOINT erd_ask_refusal');
  }
}
