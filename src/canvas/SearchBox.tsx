import { useMemo, useState, type KeyboardEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { searchSchema, type SearchMatch } from '../model/search.ts';
import { selectSchema, useEditorStore } from '../store/index.ts';
import { detailZoom } from './levelOfDetail.ts';
import { rowCenterY, tableMetrics } from '../layout/tableMetrics.ts';

/** The search field's id, so the Find command (Ctrl/Cmd+F, /) can focus it. */
export const searchInputId = 'diagram-search';

/** How many matches the drop-down lists; the counter still counts them all. */
const shownMatches = 8;

/** Focuses the canvas search and selects its text. */
export function focusSearch(): void {
  const input = document.getElementById(searchInputId);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

/**
 * Finds a table or column by name: each match is highlighted and centred in the view (zoomed in
 * far enough to read its rows); ↓ / Enter go to the next, ↑ / Shift+Enter to the previous, Esc clears.
 */
export function SearchBox() {
  const schema = useEditorStore(selectSchema);
  const setSearchHit = useEditorStore((s) => s.setSearchHit);
  const { getInternalNode, getZoom, setCenter } = useReactFlow();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [isOpen, setOpen] = useState(false);
  const matches = useMemo(() => searchSchema(schema, query, 500), [schema, query]);
  const current = matches.length > 0 ? Math.min(active, matches.length - 1) : -1;

  const goTo = (match: SearchMatch | undefined, index: number) => {
    setActive(index);
    setSearchHit(match ? { tableId: match.tableId, columnId: match.columnId } : null);
    const node = match && getInternalNode(match.tableId);
    if (!match || !node) return;
    const table = schema.tables.find((t) => t.id === match.tableId);
    const row = match.columnId ? (table?.columns.findIndex((c) => c.id === match.columnId) ?? -1) : -1;
    const width = node.measured.width ?? tableMetrics.minWidth;
    const height = node.measured.height ?? tableMetrics.headerHeight;
    const zoom = getZoom() < Math.max(0.8, detailZoom) ? 1 : getZoom();
    const { x, y } = node.internals.positionAbsolute;
    void setCenter(x + width / 2, y + (row >= 0 ? rowCenterY(row) : Math.min(height / 2, 200)), { zoom, duration: 250 });
  };

  const step = (by: number) => {
    if (matches.length === 0) return;
    const next = (current + by + matches.length) % matches.length;
    goTo(matches[next], next);
  };

  const clear = () => {
    setQuery('');
    setActive(0);
    setSearchHit(null);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.shiftKey)) step(1);
    else if (event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey)) step(-1);
    else if (event.key === 'Escape') {
      clear();
      event.currentTarget.blur();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const first = Math.max(0, Math.min(current - 2, matches.length - shownMatches));
  const listed = matches.slice(first, first + shownMatches);
  return (
    <div className="diagram-search nodrag nopan nowheel">
      <input
        id={searchInputId}
        type="search"
        role="combobox"
        aria-label="Find a table or column"
        aria-expanded={isOpen && matches.length > 0}
        aria-controls="diagram-search-results"
        aria-activedescendant={isOpen && current >= 0 ? `search-match-${current}` : undefined}
        placeholder="Find table or column (/)"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={handleKeyDown}
        onChange={(e) => {
          const next = e.target.value;
          setQuery(next);
          const found = searchSchema(schema, next, 1);
          goTo(found[0], 0);
        }}
      />
      {query.trim() !== '' && (
        <span className="search-count" aria-live="polite">
          {matches.length === 0 ? 'no match' : `${current + 1} of ${matches.length}${matches.length === 500 ? '+' : ''}`}
        </span>
      )}
      {isOpen && listed.length > 0 && (
        <ul id="diagram-search-results" className="search-results" role="listbox" aria-label="Matches">
          {listed.map((m, i) => (
            <li
              key={`${m.tableId}:${m.columnId ?? ''}`}
              id={`search-match-${first + i}`}
              role="option"
              aria-selected={first + i === current}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => goTo(m, first + i)}
            >
              <span className="search-kind">{m.columnId ? 'column' : 'table'}</span> {m.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
