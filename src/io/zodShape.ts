import type { z } from 'zod';

/**
 * A zod object shape with exactly a type's keys (optional ones too: one left out would be dropped on
 * load), each validating to that key's own type: a type change the stored format does not follow
 * fails the typecheck. Use as `z.object({...} satisfies ShapeOf<Table>)`.
 */
export type ShapeOf<T> = { [K in keyof Required<T>]: z.ZodType<T[K]> };
