import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvents, type LiveEvent } from '../notifications/live-events';
import { skpKeys } from './keys';

/**
 * Refreshes the open SKP page when a step about someone the reader may see happens elsewhere
 * (submitted, approved, returned, rated, finalised, objection filed or decided). The server sends
 * only events of people in the reader's scope.
 */
export function useSkpLive(): void {
  const qc = useQueryClient();
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type.startsWith('skp.')) void qc.invalidateQueries({ queryKey: skpKeys.all });
    },
    [qc],
  );
  useLiveEvents(onEvent);
}
