import { memo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RelationshipId } from '../model/index.ts';
import { selectDescriptionById, selectProofFocus, selectProvedRelationshipIds, selectScenariosOf, useEditorStore } from '../store/index.ts';
import { ScenarioList } from './ScenarioList.tsx';

/** One relationship's heading, its step-through button and its scenario cards. */
function ProofGroupView({ relationshipId }: { relationshipId: RelationshipId }) {
  const description = useEditorStore(selectDescriptionById(relationshipId));
  const isReady = useEditorStore((s) => s.proofStatus === 'ready');
  const openDialog = useEditorStore((s) => s.openDialog);
  return (
    <div className="proof-group">
      <div className="proof-group-head">
        <h3>{description || relationshipId}</h3>
        <button
          type="button"
          onClick={() => openDialog({ kind: 'stepThrough', relationshipId })}
          disabled={!isReady}
          title="Play these scenarios one statement at a time, with the rows after each"
        >
          Step through
        </button>
      </div>
      <ScenarioList relationshipId={relationshipId} />
    </div>
  );
}

const ProofGroup = memo(ProofGroupView);

/** A first guess at a group's height before it is drawn and measured: heading plus cards. */
const estimateHeight = (scenarios: number) => 44 + scenarios * 96;

/**
 * The scenarios grouped by relationship, in their own scrolling box, drawing only the groups in view
 * (and a few either side): a whole 600-relationship document has some 4,000 cards, too many to keep in the page.
 */
function ProofGroupsView({ focus }: { focus: RelationshipId | null }) {
  const all = useEditorStore(selectProvedRelationshipIds);
  const ids = focus ? all.filter((id) => id === focus) : all;
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are meant to change each render; nothing here memoizes them.
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimateHeight(selectScenariosOf(ids[i]!)(useEditorStore.getState()).length),
    getItemKey: (i) => ids[i]!,
    overscan: 3,
  });
  return (
    <div ref={scrollRef} className="proof-groups">
      <div className="proof-groups-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="proof-group-slot"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            <ProofGroup relationshipId={ids[item.index]!} />
          </div>
        ))}
      </div>
    </div>
  );
}

/** Keyed by the focus, so showing one relationship (or all again) starts the list at its top. */
export function ProofGroups() {
  const focus = useEditorStore(selectProofFocus);
  return <ProofGroupsView key={focus ?? ''} focus={focus} />;
}
