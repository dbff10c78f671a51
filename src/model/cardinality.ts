import type { Cardinality } from './schema.ts';

/** The four crow's-foot end kinds, in the order a picker shows them. */
export const endKinds = ['exactlyOne', 'zeroOrOne', 'oneOrMany', 'zeroOrMany'] as const;

/** A named crow's-foot end: what a person picks instead of {min, max}. */
export type EndKind = (typeof endKinds)[number];

const cardinalityByKind: Record<EndKind, Cardinality> = {
  exactlyOne: { min: 1, max: 1 },
  zeroOrOne: { min: 0, max: 1 },
  oneOrMany: { min: 1, max: 'many' },
  zeroOrMany: { min: 0, max: 'many' },
};

const labelByKind: Record<EndKind, string> = {
  exactlyOne: 'exactly one',
  zeroOrOne: 'zero or one',
  oneOrMany: 'one or many',
  zeroOrMany: 'zero or many',
};

/** The {min, max} pair for an end kind. */
export function cardinalityOf(kind: EndKind): Cardinality {
  return { ...cardinalityByKind[kind] };
}

/** The end kind of a {min, max} pair. */
export function endKindOf(end: Cardinality): EndKind {
  if (end.max === 1) return end.min === 1 ? 'exactlyOne' : 'zeroOrOne';
  return end.min === 1 ? 'oneOrMany' : 'zeroOrMany';
}

/** Plain words for an end ("zero or one"), used in pickers, tooltips and scenario titles. */
export function describeEnd(end: Cardinality): string {
  return labelByKind[endKindOf(end)];
}
