import { describe, expect, it } from 'vitest';
import { findDropTable, selfReferenceDistance, toFlowPoint, type TableBox } from './dropTarget.ts';

const authors: TableBox = { id: 'authors', x: 0, y: 0, width: 200, height: 120 };
const books: TableBox = { id: 'books', x: 400, y: 0, width: 200, height: 160 };
const boxes = [authors, books];
const fromAuthorsSide = { fromTableId: 'authors', from: { x: 200, y: 60 }, zoom: 1 };

describe('findDropTable', () => {
  it('a drop anywhere on another table lands on it, not only near its side dot', () => {
    expect(findDropTable({ ...fromAuthorsSide, point: { x: 500, y: 80 } }, boxes)).toBe('books');
    expect(findDropTable({ ...fromAuthorsSide, point: { x: 598, y: 158 } }, boxes)).toBe('books');
  });

  it('a drop on empty canvas lands nowhere; just outside a table (on its side dot) still lands on it', () => {
    expect(findDropTable({ ...fromAuthorsSide, point: { x: 300, y: 300 } }, boxes)).toBeNull();
    expect(findDropTable({ ...fromAuthorsSide, point: { x: 395, y: 60 } }, boxes)).toBe('books');
  });

  it('the slack around a table is in screen pixels: zoomed out, it covers more of the flow', () => {
    expect(findDropTable({ ...fromAuthorsSide, zoom: 0.25, point: { x: 375, y: 60 } }, boxes)).toBe('books');
    expect(findDropTable({ ...fromAuthorsSide, zoom: 1, point: { x: 375, y: 60 } }, boxes)).toBeNull();
  });

  it('the table dragged from counts only once the pointer has travelled far enough: a self-reference, not a twitch', () => {
    expect(findDropTable({ ...fromAuthorsSide, point: { x: 190, y: 62 } }, boxes)).toBeNull();
    expect(findDropTable({ ...fromAuthorsSide, point: { x: 200 - selfReferenceDistance - 10, y: 60 } }, boxes)).toBe('authors');
  });

  it('of overlapping tables, the one drawn last (on top) wins', () => {
    const onTop: TableBox = { id: 'reviews', x: 450, y: 50, width: 200, height: 100 };
    expect(findDropTable({ ...fromAuthorsSide, point: { x: 500, y: 80 } }, [...boxes, onTop])).toBe('reviews');
  });
});

describe('toFlowPoint', () => {
  it('undoes the pan and the zoom', () => {
    expect(toFlowPoint({ x: 300, y: 200 }, [100, 50, 0.5])).toEqual({ x: 400, y: 300 });
  });
});
