import { useEffect, useState } from 'react';
import type { RelationshipId, Schema } from '../model/index.ts';
import type { Trace } from '../proof/index.ts';
import { useEditorTasks } from './editorTasks.ts';

/** The trace of one relationship in one schema, fetched from the browser's PostgreSQL. */
export type TraceState = { status: 'loading' } | { status: 'done'; trace: Trace } | { status: 'error'; message: string };

interface Answer {
  schema: Schema;
  relationshipId: RelationshipId;
  replay: number;
  state: TraceState;
}

/** Asks the worker to play a relationship's scenarios; an answer to an older request (another schema, a replay) is never shown. */
export function useTrace(schema: Schema, relationshipId: RelationshipId, replay: number): TraceState {
  const { trace } = useEditorTasks();
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    let isCurrent = true;
    const settle = (state: TraceState) => isCurrent && setAnswer({ schema, relationshipId, replay, state });
    trace(schema, relationshipId).then(
      (result) => settle({ status: 'done', trace: result }),
      (error: Error) => settle({ status: 'error', message: error.message }),
    );
    return () => {
      isCurrent = false;
    };
  }, [trace, schema, relationshipId, replay]);
  const isForThisRequest = answer?.schema === schema && answer.relationshipId === relationshipId && answer.replay === replay;
  return isForThisRequest ? answer.state : { status: 'loading' };
}
