import { memo, useEffect } from 'react';
import { useOnViewportChange, useReactFlow, useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { useEditorStore } from '../store/index.ts';
import { liveSession, useLiveView } from '../keeping/livePage.ts';
import { viewCentre, type Peer } from '../keeping/presence.ts';
import { peerSelectionStyle } from './peerSelectionStyle.ts';

const selectCanvas = (s: ReactFlowState) => ({ domNode: s.domNode, width: s.width, height: s.height });

/** Another participant's pointer, in flow coordinates (so it sits on the same spot at any zoom), kept the same size on screen. */
const PeerCursor = memo(function PeerCursor({ peer, zoom }: { peer: Peer; zoom: number }) {
  if (!peer.cursor) return null;
  return (
    <div
      className="peer-cursor"
      data-testid="peer-cursor"
      aria-label={`${peer.user.name}’s pointer`}
      style={{ transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px) scale(${1 / zoom})`, color: peer.user.colour }}
    >
      <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden="true">
        <path d="M1 1 L1 16 L5 12 L8 19 L11 18 L8 11 L14 11 Z" fill="currentColor" stroke="white" strokeWidth="1.2" />
      </svg>
      <span className="peer-name" style={{ background: peer.user.colour }}>
        {peer.user.name}
      </span>
    </div>
  );
});

/** The name of whoever selected a table, above it in their colour. */
function SelectionLabels({ peers }: { peers: readonly Peer[] }) {
  const layout = useEditorStore((s) => s.document.layout);
  return peers.flatMap((peer) =>
    peer.tables.flatMap((id) => {
      const at = layout[id as keyof typeof layout];
      return at
        ? [
            <span
              key={`${peer.clientId}-${id}`}
              className="peer-selection"
              data-testid="peer-selection"
              style={{ transform: `translate(${at.x}px, ${at.y - 26}px)`, background: peer.user.colour }}
            >
              {peer.user.name}
            </span>,
          ]
        : [];
    }),
  );
}

/**
 * Presence on the canvas during a live session: others' pointers and selections in their colours;
 * this person's pointer and viewport sent to the room; following a participant's viewport until this
 * person pans or zooms (a wheel or a drag on the pane).
 */
export function LivePresence() {
  const room = useLiveView((v) => v.room);
  const peers = useLiveView((v) => v.peers);
  const followed = useLiveView((v) => v.followed);
  const { domNode, width, height } = useStore(
    selectCanvas,
    (a, b) => a.domNode === b.domNode && a.width === b.width && a.height === b.height,
  );
  const flow = useReactFlow();
  const zoom = useStore((s) => s.transform[2]);

  useEffect(() => {
    if (!room || !domNode) return;
    const live = liveSession();
    const move = (event: PointerEvent) => live.moveCursor(flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    const away = () => live.moveCursor(null);
    const stopFollowing = (event: Event) => {
      if (event.type === 'wheel' || (event.target as Element).closest?.('.react-flow__pane')) live.follow(null);
    };
    domNode.addEventListener('pointermove', move);
    domNode.addEventListener('pointerleave', away);
    // In the capture phase: React Flow's zoom stops these events before they bubble up.
    domNode.addEventListener('wheel', stopFollowing, { passive: true, capture: true });
    domNode.addEventListener('pointerdown', stopFollowing, { capture: true });
    return () => {
      domNode.removeEventListener('pointermove', move);
      domNode.removeEventListener('pointerleave', away);
      domNode.removeEventListener('wheel', stopFollowing, { capture: true });
      domNode.removeEventListener('pointerdown', stopFollowing, { capture: true });
    };
  }, [room, domNode, flow]);

  useOnViewportChange({ onChange: (viewport) => room && liveSession().moveViewport({ ...viewport, width, height }) });
  useEffect(() => {
    if (room && width > 0) liveSession().moveViewport({ ...flow.getViewport(), width, height });
  }, [room, width, height, flow]);

  const followedView = peers.find((p) => p.clientId === followed)?.viewport ?? null;
  useEffect(() => {
    if (!followedView) return;
    const centre = viewCentre(followedView);
    void flow.setCenter(centre.x, centre.y, { zoom: centre.zoom, duration: 120 });
  }, [followedView, flow]);

  if (!room) return null;
  return (
    <>
      <style>{peerSelectionStyle(peers)}</style>
      <ViewportPortal>
        <SelectionLabels peers={peers} />
        {peers.map((peer) => (
          <PeerCursor key={peer.clientId} peer={peer} zoom={zoom} />
        ))}
      </ViewportPortal>
    </>
  );
}
