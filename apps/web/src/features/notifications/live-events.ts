import { useEffect, useSyncExternalStore } from 'react';

/**
 * One EventSource per signed-in tab on GET /api/events (same origin, session cookie). The server
 * filters events to the person's row scope and replays what a reconnecting client missed: the
 * browser resends Last-Event-ID on its own retries, and when the stream has to be opened again
 * (a hidden tab, a refused connection) the last id goes in `?lastEventId=`.
 */

export const LIVE_EVENT_TYPES = [
  'daily_report.submitted',
  'daily_report.verified',
  'daily_report.returned',
  'supervision.recorded',
  'notification.created',
  'skp.submitted',
  'skp.approved',
  'skp.returned',
  'skp.evaluation.rated',
  'skp.evaluation.finalised',
  'skp.objection.filed',
  'skp.objection.decided',
] as const;

export interface LiveEvent {
  id: number;
  type: string;
  at: string;
  payload: Record<string, unknown>;
}

export type LiveStatus = 'off' | 'connecting' | 'open';

type Listener = (event: LiveEvent) => void;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseLiveEvent(data: string): LiveEvent | null {
  try {
    const v: unknown = JSON.parse(data);
    if (!isRecord(v) || typeof v.id !== 'number' || typeof v.type !== 'string') return null;
    return { id: v.id, type: v.type, at: typeof v.at === 'string' ? v.at : '', payload: isRecord(v.payload) ? v.payload : {} };
  } catch {
    return null;
  }
}

const listeners = new Set<Listener>();
const statusListeners = new Set<() => void>();
let source: EventSource | null = null;
let wanted = false;
let lastEventId: number | null = null;
let status: LiveStatus = 'off';
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let failures = 0;

function setStatus(next: LiveStatus) {
  if (status === next) return;
  status = next;
  for (const l of statusListeners) l();
}

function open() {
  if (source || !wanted || typeof EventSource === 'undefined') return;
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
  const es = new EventSource(lastEventId === null ? '/api/events' : `/api/events?lastEventId=${lastEventId}`);
  source = es;
  setStatus('connecting');
  es.onopen = () => {
    failures = 0;
    setStatus('open');
  };
  es.onerror = () => {
    if (es.readyState !== EventSource.CLOSED) {
      setStatus('connecting');
      return;
    }
    // Refused (e.g. signed out) or broken for good: open again later, a little slower each time.
    close();
    if (!wanted) return;
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      open();
    }, Math.min(60_000, 3_000 * 2 ** Math.min(failures - 1, 5)));
  };
  for (const type of LIVE_EVENT_TYPES) {
    es.addEventListener(type, (message) => {
      const event = parseLiveEvent(message.data as string);
      if (!event) return;
      lastEventId = Math.max(lastEventId ?? 0, event.id);
      for (const l of listeners) l(event);
    });
  }
}

function close() {
  source?.close();
  source = null;
  setStatus('off');
}

function onVisibility() {
  // A hidden tab lets go of its connection (battery, data); on return it catches up by id.
  if (document.visibilityState === 'hidden') close();
  else open();
}

export function startLiveEvents(): void {
  if (wanted) return;
  wanted = true;
  document.addEventListener('visibilitychange', onVisibility);
  open();
}

export function stopLiveEvents(): void {
  wanted = false;
  lastEventId = null;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  document.removeEventListener('visibilitychange', onVisibility);
  close();
}

/** Calls `listener` for every live event while the component is mounted. */
export function useLiveEvents(listener: Listener): void {
  useEffect(() => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [listener]);
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (onChange) => {
      statusListeners.add(onChange);
      return () => statusListeners.delete(onChange);
    },
    () => status,
    () => 'off',
  );
}
