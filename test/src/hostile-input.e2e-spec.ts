import type { FormView, ProblemDetails } from '@coachflow/contracts';
import {
  ApiClient,
  type ApiResponse,
  type AppStack,
  completeTask,
  createOrganisationFixture,
  createPlaybookFixture,
  fixtureRatings,
  type OrganisationFixture,
  openTask,
  startAppStack,
  addRep,
  startCycle,
} from '@coachflow/testing';

/**
 * What a hostile review (issue 17) sent to the running product, sent again: each request must get a 4xx
 * with a JSON pointer to the field at fault, quickly, and leave the cycle it aimed at working.
 */
describe('hostile input at the edge', () => {
  let stack: AppStack;
  let org: OrganisationFixture;
  let playbookId: string;

  beforeAll(async () => {
    stack = await startAppStack();
    org = await createOrganisationFixture(stack.baseUrl);
    playbookId = await createPlaybookFixture(org.admin.api);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** A 400 problem whose errors name `path` (with `message` when given). */
  function expectRefused(response: ApiResponse, path: string, message?: RegExp): void {
    expect(response.status).toBe(400);
    const problem = response.body as ProblemDetails;
    const error = problem.errors?.find((candidate) => candidate.path === path);
    expect({ path: error?.path, errors: problem.errors }).toMatchObject({ path });
    if (message) expect(error?.message).toMatch(message);
  }

  /** JSON text of `pairs` levels of `{"a": [...]}` around a string: too deep for JSON.stringify to write. */
  function nestedJson(pairs: number): string {
    return `${'{"a":['.repeat(pairs)}"leaf"${']}'.repeat(pairs)}`;
  }

  it('finding 1: refuses playbook durations no store can hold, at publish, with their path', async () => {
    for (const [name, value] of [
      ['sessionDue', 'P20000Y'],
      ['prioritiseDue', 'P999999Y'],
      ['escalateAfter', 'PT100000000000000000000S'],
    ] as const) {
      await expect(createPlaybookFixture(org.admin.api, { timings: { [name]: value } })).rejects.toThrow(
        new RegExp(`400.*"/timings/${name}".*at most 100 years`),
      );
    }
  });

  it('finding 2: refuses NUL and lone surrogates in task data before the workflow sees them; the cycle stays usable', async () => {
    const rep = await addRep(org, 'nul');
    const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;
    const task = await openTask(rep.api, cycleId, 'self-assessment');
    const complete = (data: unknown) => rep.api.post(`/api/tasks/${task.id}/complete`, { data });
    expectRefused(await complete({ ratings: fixtureRatings(3), note: 'a\u0000b' }), '/data/note', /NUL/);
    expectRefused(
      await complete({ ratings: { ...fixtureRatings(3), '\ud800': 1 } }),
      '/data/ratings',
      /surrogate/,
    );
    expectRefused(await complete({ ratings: fixtureRatings(3), note: '\udc00' }), '/data/note', /surrogate/);
    // The cycle was never touched: its task still completes, it cancels, and the rep can start another.
    await completeTask(rep.api, task, { ratings: fixtureRatings(3) });
    const cancelled = await org.manager.api.post(`/api/cycles/${cycleId}/cancel`, { reason: 'test over' });
    expect(cancelled.status).toBe(200);
    await startCycle(org.manager.api, rep.user.id, playbookId);
  });

  it('finding 3: runs form patterns in linear time, and refuses patterns that need backtracking', async () => {
    const form = (pattern: string) =>
      org.admin.api.post<FormView>('/api/forms', {
        name: 'Self-assessment with a code',
        taskKind: 'self-assessment',
        schema: {
          type: 'object',
          properties: { ratings: { type: 'object' }, code: { type: 'string', pattern } },
          required: ['ratings'],
        },
      });
    expectRefused(await form('^(a)\\1$'), '/schema/properties/code/pattern', /backreferences/);
    const created = await form('^(a+)+$');
    expect(created.status).toBe(201);
    expect((await org.admin.api.post(`/api/forms/${created.body.id}/publish`)).status).toBe(200);
    const redos = await createPlaybookFixture(org.admin.api, {
      forms: { 'self-assessment': created.body.id },
    });
    const rep = await addRep(org, 'redos');
    const task = await openTask(
      rep.api,
      (await startCycle(org.manager.api, rep.user.id, redos)).id,
      'self-assessment',
    );

    // On a backtracking engine this answer took 9 s at 31 characters, 1.8 times more per character.
    const started = Date.now();
    const [answer, health] = await Promise.all([
      rep.api.post(`/api/tasks/${task.id}/complete`, {
        data: { ratings: fixtureRatings(3), code: `${'a'.repeat(40)}b` },
      }),
      new ApiClient(stack.baseUrl).get('/health'),
    ]);
    expectRefused(answer, '/data/code', /pattern/);
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    await completeTask(rep.api, task, { ratings: fixtureRatings(3), code: 'aaaa' });
  });

  it('finding 8: caps the errors reported and the work to find them', async () => {
    const rubric = await org.admin.api.post<ProblemDetails>('/api/rubrics', {
      name: 'Amplified',
      scale: { min: 1, max: 5 },
      competencies: Array.from({ length: 300_000 }, () => ({})),
    });
    expect(rubric.status).toBe(400);
    expect(rubric.body.errors!.length).toBeLessThanOrEqual(20);
    expect(JSON.stringify(rubric.body).length).toBeLessThan(10_000);
  });

  it('finding 9: answers 400, never 500, to a forged cursor on every list', async () => {
    for (const forged of ['-'.repeat(36), 'g'.repeat(36), '0123456789abcdef0123456789abcdef0123']) {
      const cursor = Buffer.from(forged).toString('base64url');
      for (const list of ['tasks', 'cycles', 'users', 'notifications', 'rubrics', 'forms', 'playbooks']) {
        const response = await org.admin.api.get(`/api/${list}?cursor=${cursor}`);
        expect({ list, status: response.status }).toEqual({ list, status: 400 });
      }
    }
  });

  it('finding 10: refuses NUL and over-deep JSON in configuration with a path', async () => {
    const rubric = await org.admin.api.post('/api/rubrics', {
      name: 'R',
      description: 'x\u0000',
      scale: { min: 1, max: 5 },
      competencies: [{ key: 'a', name: 'A', weight: 1, target: 3 }],
    });
    expectRefused(rubric, '/description', /NUL/);
    const schema = { type: 'object', title: 'T\u0000', properties: { n: { type: 'string' } } };
    expectRefused(await org.admin.api.post('/api/forms', { name: 'F', schema }), '/schema/title', /NUL/);
    const keyed = { type: 'object', properties: { 'n\u0000': { type: 'string' } } };
    expectRefused(await org.admin.api.post('/api/forms', { name: 'F', schema: keyed }), '/schema/properties');
    const ui = { type: 'object', properties: { n: { type: 'string' } } };
    expectRefused(
      await org.admin.api.post('/api/forms', {
        name: 'F',
        schema: ui,
        uiSchema: { n: { 'ui:help': '\u0000' } },
      }),
      '/uiSchema/n/ui:help',
    );
    const deep = await org.admin.api.post('/api/forms', `{"name":"F","schema":${nestedJson(3_000)}}`);
    expect(deep.status).toBe(400);
    expect((deep.body as ProblemDetails).errors?.[0]?.message).toMatch(/nest at most/);
  });

  it('findings 10, 11 and 14: bounds task data in depth, size, fields and dates', async () => {
    const rep = await addRep(org, 'bounds');
    const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;
    const task = await openTask(rep.api, cycleId, 'self-assessment');
    const complete = (data: unknown) => rep.api.post(`/api/tasks/${task.id}/complete`, { data });
    const deep = await rep.api.post(
      `/api/tasks/${task.id}/complete`,
      `{"data":{"ratings":${JSON.stringify(fixtureRatings(3))},"deep":${nestedJson(3_000)}}}`,
    );
    expect(deep.status).toBe(400);
    expect((deep.body as ProblemDetails).errors?.[0]?.path).toMatch(/^\/data\/deep\//);
    // The default form names its fields: others are refused, and no completion carries a megabyte.
    expectRefused(await complete({ ratings: fixtureRatings(3), junk: 'x' }), '/data/junk', /not allowed/);
    expectRefused(
      await complete({ ratings: fixtureRatings(3), junk: 'x'.repeat(100_000) }),
      '/data',
      /64 KiB/,
    );
    await completeTask(rep.api, task, { ratings: fixtureRatings(3) });

    await completeTask(org.manager.api, await openTask(org.manager.api, cycleId, 'manager-assessment'), {
      ratings: fixtureRatings(2),
    });
    await completeTask(org.manager.api, await openTask(org.manager.api, cycleId, 'set-priorities'), {
      focusAreas: ['discovery'],
      diagnosis: 'skill',
      style: 'coaching',
    });
    const session = await openTask(org.manager.api, cycleId, 'coaching-session');
    const commit = (due: string) =>
      org.manager.api.post(`/api/tasks/${session.id}/complete`, {
        data: { commitments: [{ title: 'Calls', due }] },
      });
    expectRefused(await commit('P999999Y'), '/data/commitments/0/due', /at most 100 years/);
    expectRefused(await commit('2099-02-30'), '/data/commitments/0/due', /calendar/);
    expectRefused(await commit('2200-01-01'), '/data/commitments/0/due', /within 100 years/);
    await completeTask(org.manager.api, session, { commitments: [{ title: 'Calls', due: '2099-02-28' }] });
  });
});
