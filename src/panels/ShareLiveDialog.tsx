import { liveSession, useLiveView } from '../keeping/livePage.ts';
import { CopyButton } from './CopyButton.tsx';
import { Dialog, DialogHead } from './Dialog.tsx';
import { NameField } from './LiveBar.tsx';

function LinkRow({ label, link, about }: { label: string; link: string; about: string }) {
  return (
    <div className="live-link">
      <label className="field">
        <span>{label}</span>
        <input readOnly value={link} onFocus={(e) => e.target.select()} />
      </label>
      <CopyButton text={link} label={`Copy the ${label.toLowerCase()}`} />
      <p className="muted">{about}</p>
    </div>
  );
}

/** "Share live…": the two links of the room the open document became, and what sharing means. */
export function ShareLiveDialog() {
  const links = useLiveView((v) => v.links);
  const error = useLiveView((v) => v.error);
  const hasChosenName = useLiveView((v) => v.self.hasChosenName);
  const close = () => liveSession().closeDialog();
  return (
    <Dialog label="Share live" className="share-live" onClose={close}>
      <DialogHead
        title="Share live"
        about="Everyone who opens a link works on this one diagram with you, live: edits, pointers and selections show as they happen."
        onClose={close}
      />
      {!hasChosenName && <NameField />}
      {error && <p className="error">{error}</p>}
      {!links && !error && <p className="muted">Making the room on the collaboration server…</p>}
      {links && (
        <>
          <LinkRow
            label="Edit link"
            link={links.edit}
            about="Whoever opens it can change the diagram. Opening it joins this room; it never makes a copy."
          />
          <LinkRow
            label="View-only link"
            link={links.view}
            about="Whoever opens it sees every change and can follow you, but cannot edit (the server refuses)."
          />
        </>
      )}
      <p className="muted live-privacy">
        The room is kept on the collaboration server as it is, not end-to-end encrypted: whoever runs that server (or its database) can read
        it, as can anyone with a link. The diagram is also kept in each participant’s browser, so it opens offline.
      </p>
    </Dialog>
  );
}
