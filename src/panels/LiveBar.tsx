import { useState, type FormEvent } from 'react';
import { liveSession, useLiveView } from '../keeping/livePage.ts';
import { describeConnection } from '../keeping/liveStatus.ts';

/** Asks the name others see (once: it is remembered in this browser). */
export function NameField() {
  const current = useLiveView((v) => v.self.name);
  const [name, setName] = useState(current === 'Guest' ? '' : current);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    liveSession().setName(name);
  };
  return (
    <form className="live-name" onSubmit={handleSubmit}>
      <label>
        <span>Your name, as others see it</span>
        <input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} placeholder="Your name" />
      </label>
      <button type="submit" disabled={!name.trim()}>
        Use this name
      </button>
    </form>
  );
}

/** Who is here, with Follow for each (the presenter's viewport, until you pan or zoom yourself). */
function PresenceList() {
  const peers = useLiveView((v) => v.peers);
  const followed = useLiveView((v) => v.followed);
  const self = useLiveView((v) => v.self);
  return (
    <ul className="presence-list" aria-label="Who is here">
      <li style={{ borderColor: self.colour }}>{self.name} (you)</li>
      {peers.map((peer) => (
        <li key={peer.clientId} style={{ borderColor: peer.user.colour }}>
          <span>{peer.user.name}</span>
          <button
            type="button"
            aria-pressed={followed === peer.clientId}
            disabled={!peer.viewport}
            onClick={() => liveSession().follow(followed === peer.clientId ? null : peer.clientId)}
          >
            {followed === peer.clientId ? 'Following' : 'Follow'}
            <span className="visually-hidden"> {peer.user.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The live session in the toolbar: the connection state (always visible), who is here, and the name asked once. */
export function LiveBar() {
  const room = useLiveView((v) => v.room);
  const connection = useLiveView((v) => v.connection);
  const isReadOnly = useLiveView((v) => v.isReadOnly);
  const hasChosenName = useLiveView((v) => v.self.hasChosenName);
  const isDialogOpen = useLiveView((v) => v.isDialogOpen);
  if (!room) return null;
  const { label, hint } = describeConnection(connection, isReadOnly);
  return (
    <div className="live-bar">
      <span
        className={`live-status ${connection}`}
        aria-live="polite"
        data-testid="live-status"
        data-connection={connection}
        data-read-only={isReadOnly}
        title={hint}
      >
        {label}
      </span>
      <PresenceList />
      {!hasChosenName && !isDialogOpen && <NameField />}
    </div>
  );
}
