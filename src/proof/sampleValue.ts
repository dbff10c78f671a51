import { quoteLiteral } from '../ddl/index.ts';

/**
 * A SQL literal of the given PostgreSQL type that differs for every `n`, so UNIQUE columns never
 * collide; undefined when the type is unknown here (an enum, a domain), which makes a scenario
 * "not provable" instead of failing for a reason unrelated to the relationship.
 */
export function sampleValue(type: string, n: number): string | undefined {
  const t = type.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/\[\]$/.test(t)) return "'{}'";
  const length = Number(/\((\d+)/.exec(t)?.[1] ?? NaN);
  const base = t.replace(/\s*\(.*\)\s*/, ' ').trim();
  if (/^(smallint|int2|integer|int|int4|bigint|int8|serial2|serial4|serial8|smallserial|serial|bigserial)$/.test(base)) return String(n);
  if (/^(numeric|decimal)$/.test(base) && Number.isFinite(length)) {
    // numeric(p, s) holds 10^p distinct values of s decimals: n scaled into them never overflows or repeats.
    const scale = Number(/\(\s*\d+\s*,\s*(\d+)/.exec(t)?.[1] ?? 0);
    return String((n % 10 ** length) / 10 ** scale);
  }
  if (/^(numeric|decimal|real|float4|float8|float|double precision|money)$/.test(base)) return String(n);
  if (/^(text|varchar|character varying|char|character|bpchar|citext|name)$/.test(base)) {
    const value = `v${n}`;
    return quoteLiteral(Number.isFinite(length) && value.length > length ? n.toString(36).slice(-length) : value);
  }
  if (/^(boolean|bool)$/.test(base)) return 'true';
  if (base === 'date') return `DATE '2000-01-01' + ${n}`;
  if (/^timestamp( (with|without) time zone)?$|^timestamptz$/.test(base))
    return `TIMESTAMP '2000-01-01 00:00:00' + interval '${n} minutes'`;
  if (/^time( (with|without) time zone)?$|^timetz$/.test(base)) return `TIME '00:00:00' + interval '${n} seconds'`;
  if (base === 'interval') return `interval '${n} seconds'`;
  if (base === 'uuid') return `'00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}'`;
  if (base === 'json' || base === 'jsonb') return `'{"n": ${n}}'`;
  if (base === 'bytea') return `'\\x${n.toString(16).padStart(n.toString(16).length + (n.toString(16).length % 2), '0')}'`;
  if (base === 'inet' || base === 'cidr') return `'10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}'`;
  if (base === 'tsvector' || base === 'tsquery') return quoteLiteral(`w${n}`);
  if (base === 'xml') return quoteLiteral(`<v>${n}</v>`);
  if (base === 'macaddr')
    return `'08:00:2b:${[(n >> 16) & 255, (n >> 8) & 255, n & 255].map((b) => b.toString(16).padStart(2, '0')).join(':')}'`;
  if (base === 'point') return `'(${n},0)'`;
  if (base === 'geometry' || base === 'geography') return geometrySample(t, base, n);
  // pgvector's vector(d) takes exactly d numbers.
  if (base === 'vector') return `'[${[n, ...Array<number>(Number.isFinite(length) ? Math.max(0, length - 1) : 0).fill(0)].join(',')}]'`;
  return undefined;
}

/**
 * PostGIS's geometry(Polygon, 4326) and the like, as EWKT of the subtype and SRID the modifiers ask for
 * (a text-like stand-in where PostGIS is missing takes the same text). Longitudes stay within a geography's range.
 */
function geometrySample(type: string, base: 'geometry' | 'geography', n: number): string {
  const [subtype = 'point', srid] = (/\(([^)]*)\)/.exec(type)?.[1] ?? '').split(',').map((s) => s.trim());
  const x = n % 179;
  const shapes: Record<string, string> = {
    point: `POINT(${x} 0)`,
    linestring: `LINESTRING(${x} 0,${x + 1} 1)`,
    polygon: `POLYGON((${x} 0,${x + 1} 0,${x + 1} 1,${x} 0))`,
    multipoint: `MULTIPOINT((${x} 0))`,
    multilinestring: `MULTILINESTRING((${x} 0,${x + 1} 1))`,
    multipolygon: `MULTIPOLYGON(((${x} 0,${x + 1} 0,${x + 1} 1,${x} 0)))`,
    geometry: `POINT(${x} 0)`,
  };
  const shape = shapes[subtype.replace(/[zm]+$/, '')] ?? shapes.point!;
  // The SRID comes from the document's type text: only digits are written into the literal.
  const withSrid = srid && /^[1-9]\d{0,8}$/.test(srid) ? `SRID=${srid};${shape}` : base === 'geography' ? `SRID=4326;${shape}` : shape;
  return `'${withSrid}'`;
}
