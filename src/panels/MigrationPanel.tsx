import { useMemo, useState } from 'react';
import { migrationFileNames } from '../io/migrationFileNames.ts';
import { toMigrationSql } from '../migrate/index.ts';
import {
  confirmedKeysOf,
  migrationOf,
  selectMigrationBase,
  selectRenameAnswers,
  selectSchema,
  selectVersions,
  useEditorStore,
} from '../store/index.ts';
import { downloadText } from '../keeping/downloadText.ts';
import { CopyButton } from './CopyButton.tsx';
import { BasePicker, NoVersions, ProposedRenames, RiskySteps } from './MigrationParts.tsx';
import { MigrationProof } from './MigrationProof.tsx';
import { useSettled } from './useSettled.ts';

/** How long the schema must stay still before the migration is diffed again: longer than the gap between keystrokes. */
const typingPauseMs = 350;

/**
 * The migration from a version of the schema (the newest marked one unless the user picks another) to
 * the design as it is now: the up and down scripts, what can lose or reject data, renames to confirm,
 * copy and download. It follows the schema once typing pauses (a settled value and a diff memoised
 * per schema): a diff of a 500-table schema between keystrokes made typing with this tab open slower.
 */
export function MigrationPanel() {
  const versions = useEditorStore(selectVersions);
  const base = useEditorStore(selectMigrationBase);
  const answers = useEditorStore(selectRenameAnswers);
  const documentName = useEditorStore((s) => s.documentName);
  const schema = useSettled(useEditorStore(selectSchema), typingPauseMs, base?.id);
  const [script, setScript] = useState<'up' | 'down'>('up');
  const keys = confirmedKeysOf(answers);
  const migration = useMemo(() => base && migrationOf(schema, base.schema, keys), [schema, base, keys]);
  const up = useMemo(() => (migration ? toMigrationSql(migration.up) : ''), [migration]);
  const down = useMemo(() => (migration ? toMigrationSql(migration.down) : ''), [migration]);
  if (!base || !migration) {
    return (
      <section className="migration-panel" aria-label="Migration">
        <NoVersions />
      </section>
    );
  }
  const isBlocked = migration.problems.length > 0;
  const isEmpty = !isBlocked && migration.up.length === 0;
  const download = (pair: boolean) => {
    const names = migrationFileNames(documentName, new Date());
    if (!pair) return downloadText(names.single, up);
    downloadText(names.up, up);
    downloadText(names.down, down);
  };
  return (
    <section className="migration-panel" aria-label="Migration">
      <div className="panel-bar">
        <BasePicker versions={versions} base={base} />
        <div className="buttons">
          <CopyButton text={script === 'up' ? up : down} disabled={isBlocked || isEmpty} />
          <button type="button" onClick={() => download(false)} disabled={isBlocked || isEmpty} title="The up script as one .sql file">
            Download .sql
          </button>
          <button type="button" onClick={() => download(true)} disabled={isBlocked || isEmpty} title="Two files: .up.sql and .down.sql">
            Download up + down
          </button>
        </div>
      </div>
      {isBlocked && (
        <ul className="problems">
          {migration.problems.map((p, i) => (
            <li key={i} className="error" role="alert">
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {isEmpty && <p className="hint">No changes since {base.name}: the design is what that version has.</p>}
      {!isBlocked && !isEmpty && (
        <>
          <ProposedRenames base={base} proposals={migration.proposedRenames} answers={answers} />
          <RiskySteps steps={migration.up} />
          <MigrationProof base={base.schema} schema={schema} migration={migration} answers={answers} />
          <div className="migration-scripts" role="radiogroup" aria-label="Script">
            {(['up', 'down'] as const).map((s) => (
              <label key={s}>
                <input type="radio" name="migration-script" checked={script === s} onChange={() => setScript(s)} />{' '}
                {s === 'up' ? `Up (${migration.up.length} steps)` : `Down (${migration.down.length} steps)`}
              </label>
            ))}
          </div>
          <pre className="ddl" data-testid={`migration-${script}`}>
            {script === 'up' ? up : down}
          </pre>
        </>
      )}
    </section>
  );
}
