/** Type families PostgreSQL compares across (int with bigint, text with varchar); others must match exactly. */
export function typeFamily(type: string): string {
  const t = type
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\(.*\)/, '')
    .trim();
  if (/^(smallint|integer|int|bigint|int2|int4|int8|smallserial|serial|bigserial|serial2|serial4|serial8)$/.test(t)) return 'integer';
  if (/^(text|varchar|character varying|char|character|bpchar|name)$/.test(t)) return 'text';
  if (/^(numeric|decimal)$/.test(t)) return 'numeric';
  return t;
}
