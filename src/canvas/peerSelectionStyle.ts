import type { Peer } from '../keeping/presence.ts';

/** Escapes a value for a quoted CSS attribute selector (CSS.escape where the browser has it). */
const escape = (value: string) =>
  typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/[^\w-]/g, (c) => `\\${c}`);

/**
 * The style sheet outlining what other participants have selected, each in their colour: tables by
 * an outline, relationships by their line. Ids and colours were checked when read (presence.ts) and
 * are escaped again here, so a peer cannot put a rule of its own on the page.
 */
export function peerSelectionStyle(peers: readonly Peer[]): string {
  const rules: string[] = [];
  for (const peer of peers) {
    const colour = /^#[0-9a-f]{6}$/i.test(peer.user.colour) ? peer.user.colour : '#888888';
    for (const id of peer.tables)
      rules.push(`.react-flow__node[data-id="${escape(id)}"]{outline:3px solid ${colour};outline-offset:3px;border-radius:6px}`);
    for (const id of peer.relationships)
      rules.push(`.react-flow__edge[data-id="${escape(id)}"] path{stroke:${colour} !important;stroke-width:3px !important}`);
  }
  return rules.join('\n');
}
