import { useEffect, useState } from 'react';
import type { RelationshipId, Schema } from '../model/index.ts';
import type { Trace } from '../proof/index.ts';
import { usePostgresTasks } from './postgresTasks.ts';

/** The trace of one relationship in one schema, fetched from the browser's PostgreSQL. */
export type TraceState = { status: 'loading' } | { status: 'done'; trace: Trace } | { status: 'error'; message: string };

/** Asks the worker to play a relationship's scenarios; a newer request (another schema, a replay) drops the older answer. */
export function useTrace(schema: Schema, relationshipId: RelationshipId, replay: number): TraceState {
  const { trace } = usePostgresTasks();
  const [state, setState] = useState<TraceState>({ status: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    setState({ status: 'loading' });
    trace(schema, relationshipId).then(
      (result) => isCurrent && setState({ status: 'done', trace: result }),
      (error: Error) => isCurrent && setState({ status: 'error', message: error.message }),
    );
    return () => {
      isCurrent = false;
    };
  }, [trace, schema, relationshipId, replay]);
  return state;
}
