import { describe, expect, it } from 'vitest';
import { peerSelectionStyle } from './peerSelectionStyle.ts';
import type { Peer } from '../keeping/presence.ts';

const peer = (tables: string[], relationships: string[], colour = '#1971c2'): Peer => ({
  clientId: 1,
  user: { name: 'Bea', colour },
  cursor: null,
  tables,
  relationships,
  viewport: null,
});

describe('peerSelectionStyle', () => {
  it('outlines each selected table and relationship in the peer’s colour', () => {
    const css = peerSelectionStyle([peer(['tbl_a'], ['rel_b'])]);
    expect(css).toContain('.react-flow__node[data-id="tbl_a"]{outline:3px solid #1971c2');
    expect(css).toContain('.react-flow__edge[data-id="rel_b"] path{stroke:#1971c2');
  });

  it('never lets an id or a colour close the rule', () => {
    const css = peerSelectionStyle([peer(['x"]{}body{display:none}'], [], 'red}body{display:none')]);
    expect(css).not.toContain('"]{}body');
    expect(css).not.toContain('red}');
    expect(css.match(/(?<!\\)[{}]/g)).toEqual(['{', '}']);
  });

  it('is empty when nobody has selected anything', () => {
    expect(peerSelectionStyle([peer([], [])])).toBe('');
  });
});
