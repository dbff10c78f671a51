import { renameKey, riskySteps, type MigrationStep, type ProposedRename } from '../migrate/index.ts';
import type { Version } from '../model/index.ts';
import { useEditorStore, type RenameAnswer } from '../store/index.ts';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** `release 1 (marked, Dec 3, 2026, 6:28 PM)`; the kind left out where the name says it (`imported from orders.sql`). */
const baseLabel = (v: Version) => `${v.name} (${v.name.startsWith(v.kind) ? '' : `${v.kind}, `}${when.format(new Date(v.createdAt))})`;

/** The base version picker: the document's versions, newest first, each with its kind and date. */
export function BasePicker({ versions, base }: { versions: readonly Version[]; base: Version }) {
  const chooseMigrationBase = useEditorStore((s) => s.chooseMigrationBase);
  return (
    <label className="migration-base">
      From{' '}
      <select value={base.id} onChange={(e) => chooseMigrationBase(versions.find((v) => v.id === e.target.value)?.id ?? null)}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {baseLabel(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Said when the document has no version to start from, with how to make one. */
export function NoVersions() {
  const openDialog = useEditorStore((s) => s.openDialog);
  const isReadOnly = useEditorStore((s) => s.readOnlyReason !== null);
  return (
    <div className="migration-empty">
      <p className="hint">
        A migration starts from a version of the schema, and this document has none yet. Importing a script keeps one (&ldquo;imported from
        …&rdquo;); when the database runs what you see now, Mark as deployed… keeps one too, and the next changes become a migration.
      </p>
      <button type="button" disabled={isReadOnly} onClick={() => openDialog({ kind: 'markVersion' })}>
        Mark as deployed…
      </button>
    </div>
  );
}

/** The up script's steps that can lose data, and those that can fail on rows already there, listed apart from the script. */
export function RiskySteps({ steps }: { steps: readonly MigrationStep[] }) {
  const risky = riskySteps(steps);
  const losing = risky.filter((s) => s.losesData);
  const rejecting = risky.filter((s) => s.rejectsRows);
  return (
    <div className="migration-risks">
      <h3>Data loss</h3>
      {losing.length === 0 ? (
        <p className="muted" data-testid="no-data-loss">
          Nothing in this migration loses data.
        </p>
      ) : (
        <ul className="problems" data-testid="data-loss">
          {losing.map((s, i) => (
            <li key={i} className="error" title={s.sql}>
              {s.losesData}
            </li>
          ))}
        </ul>
      )}
      {rejecting.length > 0 && (
        <>
          <h3>May fail on existing rows</h3>
          <ul className="problems" data-testid="rejects-rows">
            {rejecting.map((s, i) => (
              <li key={i} className="warning" title={s.sql}>
                {s.rejectsRows}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** `table notes → memos`: the two names kept whole (each its own unbroken code), the arrow between them. */
function RenameDescription({ rename }: { rename: ProposedRename }) {
  const [from, to] = rename.description.split(' -> ');
  return (
    <span>
      {rename.kind} <code>{from}</code> → <code>{to}</code>
    </span>
  );
}

const answerLabels: Record<RenameAnswer, string> = { confirmed: 'Rename', rejected: 'Drop and add' };

/** Tables or columns that went while alike ones came: the user says which are renames (kept values) and which are not. */
export function ProposedRenames({
  base,
  proposals,
  answers,
}: {
  base: Version;
  proposals: readonly ProposedRename[];
  answers: Readonly<Record<string, RenameAnswer>>;
}) {
  const answerRename = useEditorStore((s) => s.answerRename);
  if (proposals.length === 0) return null;
  return (
    <div className="migration-renames">
      <h3>Renames?</h3>
      <p className="hint">
        A {proposals.length === 1 ? 'name went and an alike one came' : 'few names went and alike ones came'}: a rename keeps the values, a
        drop and an add loses them. Until you say, the script drops and adds.
      </p>
      <ul>
        {proposals.map((r) => {
          const key = renameKey(r);
          const answer = answers[key];
          return (
            <li key={key} data-testid="proposed-rename">
              <RenameDescription rename={r} />
              {(['confirmed', 'rejected'] as const).map((a) => (
                <button
                  key={a}
                  type="button"
                  aria-pressed={answer === a}
                  onClick={() => answerRename(base.id, key, answer === a ? null : a)}
                >
                  {answerLabels[a]}
                </button>
              ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
