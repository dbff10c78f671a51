import type { SqlRunner } from '../model/index.ts';

/**
 * Why the connected role may reach beyond the database (a superuser, or a member of the roles that run
 * programs or read and write the server's files), or undefined for an ordinary role. SQL from a
 * document (a CHECK calling a kept function, say) runs with the role's rights, and a rollback cannot
 * undo a program run on the server's machine.
 */
export async function privilegedRoleRisk(db: SqlRunner): Promise<string | undefined> {
  const { rows } = await db.query(
    `SELECT current_user AS role, r.rolsuper AS superuser,
       array_remove(ARRAY[
         CASE WHEN pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER') THEN 'pg_execute_server_program' END,
         CASE WHEN pg_has_role(current_user, 'pg_write_server_files', 'MEMBER') THEN 'pg_write_server_files' END,
         CASE WHEN pg_has_role(current_user, 'pg_read_server_files', 'MEMBER') THEN 'pg_read_server_files' END], NULL) AS memberships
     FROM pg_catalog.pg_roles r WHERE r.rolname = current_user`,
  );
  const row = rows[0] as { role: string; superuser: boolean; memberships: string[] | string } | undefined;
  if (!row) return undefined;
  const memberships = Array.isArray(row.memberships)
    ? row.memberships
    : String(row.memberships)
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean);
  if (row.superuser) return `role "${row.role}" is a superuser`;
  if (memberships.length > 0) return `role "${row.role}" is a member of ${memberships.join(', ')}`;
  return undefined;
}
