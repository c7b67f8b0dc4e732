/** @jest-environment node */
import { refreshSession, sessionStore, signIn } from './session';
import { signedInUser as user } from './session.fixtures';

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status });
}

describe('session', () => {
  const realNavigator = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  afterEach(() => {
    if (realNavigator) Object.defineProperty(globalThis, 'navigator', realNavigator);
    sessionStore.set(null);
  });

  it('refreshes inside the browser-wide lock, so two tabs never present the same refresh token', async () => {
    let held = false;
    const insideLock: boolean[] = [];
    const request = jest.fn(async (_name: string, task: () => Promise<unknown>) => {
      held = true;
      try {
        return await task();
      } finally {
        held = false;
      }
    });
    Object.defineProperty(globalThis, 'navigator', { value: { locks: { request } }, configurable: true });
    global.fetch = jest.fn(async () => {
      insideLock.push(held);
      return answer(200, { token: 'fresh', user });
    }) as typeof fetch;

    const [first, second] = await Promise.all([refreshSession(), refreshSession()]);

    expect(first?.token).toBe('fresh');
    expect(second).toBe(first);
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]?.[0]).toBe('coachflow-session-refresh');
    expect(insideLock).toEqual([true]);
    expect(sessionStore.get()?.token).toBe('fresh');
  });

  it('answers 409 with the organisations to choose from, then signs in to the one named', async () => {
    const organisations = [
      { id: 'o1', name: 'Acme' },
      { id: 'o2', name: 'Globex' },
    ];
    const bodies: unknown[] = [];
    global.fetch = jest.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { organisationId?: string };
      bodies.push(body);
      return body.organisationId
        ? answer(200, { token: 't', user })
        : answer(409, { status: 409, title: 'Conflict', organisations });
    }) as typeof fetch;

    expect(await signIn('maria@demo.test', 'pw')).toEqual({ ok: false, status: 409, organisations });
    expect(sessionStore.get()).toBeNull();
    const chosen = await signIn('maria@demo.test', 'pw', 'o2');
    expect(chosen.ok).toBe(true);
    expect(bodies[1]).toEqual({ email: 'maria@demo.test', password: 'pw', organisationId: 'o2' });
  });

  it('asks nobody to renew without the session marker cookie, and asks when the API set it', async () => {
    Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true });
    const requests = jest.fn(async () => answer(200, { token: 'renewed', user }));
    global.fetch = requests as typeof fetch;
    const fakeDocument = { cookie: 'theme=dark' };
    Object.defineProperty(globalThis, 'document', { value: fakeDocument, configurable: true });
    try {
      expect(await refreshSession()).toBeNull();
      expect(requests).not.toHaveBeenCalled();

      fakeDocument.cookie = 'theme=dark; coachflow_has_session=1';
      expect((await refreshSession())?.token).toBe('renewed');
      expect(requests).toHaveBeenCalledTimes(1);
    } finally {
      Reflect.deleteProperty(globalThis, 'document');
    }
  });
});
