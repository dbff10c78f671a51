import { useEffect } from 'react';
import { useEditorStore, type WorkNotice } from '../store/index.ts';

/** How long an info notice (a delete to undo, a copy kept) stays; errors and warnings stay until dismissed. */
const infoMs = 12_000;

function Notice({ notice }: { notice: WorkNotice }) {
  const dismiss = useEditorStore((s) => s.dismissNotice);
  useEffect(() => {
    if (notice.tone !== 'info') return;
    const timer = setTimeout(() => dismiss(notice.id), infoMs);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className={`work-notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : undefined} data-notice={notice.id}>
      <p>{notice.text}</p>
      <div className="notice-actions">
        {notice.actions?.map((action) => (
          <button
            key={action.label}
            type="button"
            onClick={() => {
              dismiss(notice.id);
              action.run();
            }}
          >
            {action.label}
          </button>
        ))}
        <button type="button" className="icon" aria-label="Dismiss" title="Dismiss" onClick={() => dismiss(notice.id)}>
          ×
        </button>
      </div>
    </div>
  );
}

/** Non-blocking messages about keeping work, bottom left, newest last. */
export function WorkNotices() {
  const notices = useEditorStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="work-notices" aria-live="polite">
      {notices.map((notice) => (
        <Notice key={notice.id} notice={notice} />
      ))}
    </div>
  );
}
