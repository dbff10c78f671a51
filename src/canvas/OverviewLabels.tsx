import { useEffect, useMemo } from 'react';
import { useStore } from '@xyflow/react';
import { create } from 'zustand';
import { visibleText, type ErdDocument } from '../model/index.ts';
import { useEditorStore } from '../store/index.ts';
import { estimatedSize } from '../layout/autoLayout.ts';
import { detailZoom, selectIsZoomedOut, selectLabelScale } from './levelOfDetail.ts';
import { placeOverviewLabels, type LabelCandidate, type Rect } from './overviewLabels.ts';
import { noteSummary } from './noteSummary.ts';

/** A zoomed-out table's name is 28 flow px at scale 1 (see .table-outline-name). */
const outlineFontSize = 28;
/** Screen pixels kept between two names. */
const screenGap = 6;

/** The tables whose names the overview shows; null when every table shows its name (zoomed in). */
export const useOverviewLabels = create<{ named: ReadonlySet<string> | null }>(() => ({ named: null }));

function candidatesOf(document: ErdDocument): LabelCandidate[] {
  const degree = new Map<string, number>();
  for (const rel of document.schema.relationships)
    for (const id of new Set([rel.from.tableId, rel.to.tableId])) degree.set(id, (degree.get(id) ?? 0) + 1);
  return document.schema.tables.map((table) => ({
    id: table.id,
    ...(document.layout[table.id] ?? { x: 0, y: 0 }),
    ...estimatedSize(table),
    text: visibleText(table.name),
    priority: degree.get(table.id) ?? 0,
  }));
}

/** Where a zoomed-out note's summary is drawn (see .note-summary: 16em wide, from the note's top left), roughly. */
function noteSummaryRects(document: ErdDocument, fontSize: number): Rect[] {
  return (document.notes ?? []).map((note) => {
    const lines = Math.max(1, Math.ceil((noteSummary(note.text).length * 0.55 * fontSize) / (15 * fontSize)));
    return {
      left: note.position.x,
      top: note.position.y,
      right: note.position.x + 16 * fontSize,
      bottom: note.position.y + (lines * 1.25 + 0.6) * fontSize,
    };
  });
}

/**
 * Zoomed out, chooses which tables keep their (enlarged) names so that no two overlap: the most
 * connected tables first. Recomputed when the label size steps or the document changes, not per frame.
 */
export function OverviewLabels() {
  const isZoomedOut = useStore(selectIsZoomedOut);
  const scale = useStore(selectLabelScale);
  const document = useEditorStore((s) => (isZoomedOut ? s.document : null));
  const candidates = useMemo(() => (document ? candidatesOf(document) : null), [document]);
  useEffect(() => {
    const zoom = detailZoom / scale;
    const size = outlineFontSize * scale;
    const named =
      candidates && document ? placeOverviewLabels(candidates, { size, gap: screenGap / zoom }, noteSummaryRects(document, size)) : null;
    useOverviewLabels.setState({ named });
  }, [candidates, document, scale]);
  return null;
}
