/** Built-in functions whose effects outlive a rolled-back transaction, or reach files, other sessions or other servers. */
const lastingEffects = new Set([
  'setval',
  'set_config',
  'pg_notify',
  'pg_terminate_backend',
  'pg_cancel_backend',
  'pg_reload_conf',
  'pg_rotate_logfile',
  'pg_switch_wal',
  'pg_promote',
  'pg_stat_file',
  'pg_import_system_collations',
  'pg_log_backend_memory_contexts',
  'pg_create_restore_point',
  'pg_backup_start',
  'pg_backup_stop',
]);
const lastingPrefixes = [
  'lo_',
  'dblink',
  'pg_read_',
  'pg_ls_',
  'pg_file_',
  'pg_advisory_lock',
  'pg_try_advisory_lock',
  'pg_replication_',
  'pg_logical_',
  'pg_create_',
  'pg_drop_',
  'query_to_',
  'cursor_to_',
  'table_to_',
  'schema_to_',
  'database_to_',
];

/** Whether a function, by its unqualified name, has effects a proof's rollback cannot undo. */
export function hasLastingEffects(name: string): boolean {
  const bare = name.toLowerCase();
  return lastingEffects.has(bare) || lastingPrefixes.some((p) => bare.startsWith(p));
}

/** The names of every function a parse tree calls (`FuncCall` nodes, unqualified), in order of appearance. */
export function calledFunctions(tree: unknown): string[] {
  const names: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'FuncCall') {
        const parts = ((value as { funcname?: { String?: { sval: string } }[] }).funcname ?? []).map((p) => p.String?.sval ?? '');
        names.push(parts.at(-1) ?? '');
      }
      walk(value);
    }
  };
  walk(tree);
  return names;
}

/** The first call in a parse tree to a function with lasting effects, or undefined. */
export function lastingCall(tree: unknown): string | undefined {
  return calledFunctions(tree).find(hasLastingEffects);
}
