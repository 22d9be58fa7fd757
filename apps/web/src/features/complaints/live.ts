import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { complaintKeys } from './api';

/** Event types of the feedback module on GET /api/events that change what supervisors see. */
export const FEEDBACK_EVENT_TYPES = [
  'complaint.received',
  'complaint.reopened',
  'complaint.escalated',
  'complaint.disposed',
  'survey.low_score',
  'feedback_alert.followed_up',
] as const;
export type FeedbackEventType = (typeof FEEDBACK_EVENT_TYPES)[number];

export interface FeedbackEvent {
  type: FeedbackEventType;
  payload: Record<string, unknown>;
}

function parsePayload(data: unknown): Record<string, unknown> {
  if (typeof data !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && 'payload' in parsed) {
      const payload = parsed.payload;
      if (typeof payload === 'object' && payload !== null) return { ...payload };
    }
  } catch {
    // A malformed event only means no announcement; the lists are refreshed anyway.
  }
  return {};
}

/**
 * Live updates for the supervisor's pages: one EventSource on /api/events (session cookie; the
 * browser reconnects by itself and resumes after Last-Event-ID). Each feedback event refreshes the
 * complaint lists and alerts; `onEvent` lets the page announce it. Returns whether the stream is open.
 */
export function useFeedbackEvents(onEvent?: (event: FeedbackEvent) => void): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events', { withCredentials: true });
    let wasOpen = false;
    source.onopen = () => {
      setConnected(true);
      // After a reconnect, anything missed while offline is fetched again.
      if (wasOpen) void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      wasOpen = true;
    };
    source.onerror = () => setConnected(false);
    const listeners = FEEDBACK_EVENT_TYPES.map((type) => {
      const listener = (message: MessageEvent) => {
        void queryClient.invalidateQueries({ queryKey: complaintKeys.lists() });
        void queryClient.invalidateQueries({ queryKey: complaintKeys.alerts() });
        const payload = parsePayload(message.data);
        if (typeof payload.complaintId === 'number') {
          void queryClient.invalidateQueries({ queryKey: complaintKeys.detail(payload.complaintId) });
        }
        handler.current?.({ type, payload });
      };
      source.addEventListener(type, listener);
      return { type, listener };
    });
    return () => {
      for (const { type, listener } of listeners) source.removeEventListener(type, listener);
      source.close();
    };
  }, [queryClient]);

  return connected;
}
