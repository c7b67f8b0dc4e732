import { fetchEventSource } from '@microsoft/fetch-event-source';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { refreshSession, sessionStore } from '#web/api/session';
import { applyToInboxes, queriesToInvalidate } from './live-message';

/** Thrown from the stream's handlers to stop it for good (it is not there, or the session ended). */
class StreamClosed extends Error {}

const MAX_RETRY_MS = 30_000;

/**
 * Keeps the page live: reads GET /api/stream (server-sent events; a fetch-based reader, since EventSource
 * cannot send the bearer token), writes a task message's task into the cached inboxes and invalidates
 * the queries each message concerns. The reader resumes with Last-Event-ID after a drop and renews the
 * access token when the stream answers 401.
 */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const controller = new AbortController();
    let delay = 1000;
    void fetchEventSource('/api/stream', {
      signal: controller.signal,
      // The stream stays open in a hidden tab too, so a returning person sees a page that is current.
      openWhenHidden: true,
      fetch: async (input, init) => {
        const token = sessionStore.get()?.token;
        const headers = new Headers(init?.headers);
        if (token) headers.set('authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
      onopen: async (response) => {
        if (response.ok) {
          delay = 1000;
          return;
        }
        if (response.status === 401 && (await refreshSession())) throw new Error('renewed: reconnect');
        if (response.status === 401) sessionStore.expire();
        if (response.status < 500) throw new StreamClosed(`stream answered ${response.status}`);
        throw new Error(`stream answered ${response.status}`);
      },
      onmessage: (message) => {
        const userId = sessionStore.get()?.user.id;
        // The row first, from the message itself; then the refetch, in the background, for consistency.
        if (userId) applyToInboxes(queryClient, message, userId);
        for (const queryKey of queriesToInvalidate(message)) {
          void queryClient.invalidateQueries({ queryKey });
        }
      },
      onerror: (error: unknown) => {
        if (error instanceof StreamClosed) throw error;
        delay = Math.min(delay * 2, MAX_RETRY_MS);
        return delay;
      },
    }).catch(() => undefined);
    return () => controller.abort();
  }, [queryClient]);
}
