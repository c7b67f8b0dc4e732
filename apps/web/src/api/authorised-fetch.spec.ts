/** @jest-environment node */
import { authorisedFetch } from './authorised-fetch';
import { sessionStore } from './session';
import { signedInUser as user } from './session.fixtures';

/** The request fetch was called with; the session's own calls use paths relative to the page. */
function requestOf(input: RequestInfo | URL, init?: RequestInit): Request {
  return typeof input === 'string'
    ? new Request(new URL(input, 'http://app.test'), init)
    : new Request(input, init);
}

type Answer = { status: number; body?: unknown };

/** A stand-in server: answers in order and records what it was asked. */
function serve(answers: Answer[]) {
  const seen: { url: string; authorization: string | null }[] = [];
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = requestOf(input, init);
    seen.push({ url: request.url, authorization: request.headers.get('authorization') });
    const answer = answers.shift() ?? { status: 500 };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
    });
  }) as typeof fetch;
  return seen;
}

describe('authorisedFetch', () => {
  beforeEach(() => sessionStore.set({ token: 'old', user }));

  it('sends the access token', async () => {
    const seen = serve([{ status: 200, body: {} }]);
    await authorisedFetch(new Request('http://app.test/api/me'));
    expect(seen[0]?.authorization).toBe('Bearer old');
  });

  it('renews the token once on 401 and retries with the new one', async () => {
    const seen = serve([{ status: 401 }, { status: 200, body: { token: 'new', user } }, { status: 200 }]);
    const response = await authorisedFetch(new Request('http://app.test/api/me'));
    expect(response.status).toBe(200);
    expect(seen.map((call) => new URL(call.url).pathname)).toEqual([
      '/api/me',
      '/api/auth/refresh',
      '/api/me',
    ]);
    expect(seen[2]?.authorization).toBe('Bearer new');
    expect(sessionStore.get()?.token).toBe('new');
  });

  it('ends the session when the refresh cookie no longer works', async () => {
    serve([{ status: 401 }, { status: 401 }]);
    const response = await authorisedFetch(new Request('http://app.test/api/me'));
    expect(response.status).toBe(401);
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.wasExpired()).toBe(true);
  });

  it('keeps the body of a retried POST', async () => {
    const bodies: string[] = [];
    serve([]);
    const answers = [401, 200, 200];
    global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = requestOf(input, init);
      if (request.method === 'POST' && new URL(request.url).pathname !== '/api/auth/refresh')
        bodies.push(await request.text());
      const status = answers.shift() ?? 500;
      const body = status === 200 && bodies.length === 1 ? JSON.stringify({ token: 'new', user }) : null;
      return new Response(body, { status });
    }) as typeof fetch;
    await authorisedFetch(
      new Request('http://app.test/api/tasks/t1/complete', { method: 'POST', body: '{"data":{}}' }),
    );
    expect(bodies).toEqual(['{"data":{}}', '{"data":{}}']);
  });
});
