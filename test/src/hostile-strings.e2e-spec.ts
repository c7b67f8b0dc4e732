import type { CycleEventView, FormView, PlaybookView, ProblemDetails, UserView } from '@coachflow/contracts';
import {
  ApiClient,
  type ApiResponse,
  type AppStack,
  createOrganisationFixture,
  createPlaybookFixture,
  FIXTURE_PASSWORD,
  fixtureRatings,
  type OrganisationFixture,
  openTask,
  startAppStack,
  addRep,
  startCycle,
} from '@coachflow/testing';
import fc from 'fast-check';

/** No request may take longer than this: the edge answers bad text at once, good text in one round trip. */
const ANSWER_WITHIN_MS = 15_000;

/** `levels` of `{a: [...]}` around a string: what a text field gets from someone probing for recursion. */
function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
}

// Any UTF-16 code unit, NUL and both halves of surrogate pairs included: most strings of them are unstorable.
const codeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
  minLength: 1,
  maxLength: 40,
});

/** Hostile values for a text field: NUL, lone surrogates, right-to-left overrides, huge, deep, or anything. */
const hostileText: fc.Arbitrary<unknown> = fc.oneof(
  codeUnits.map((text) => `${text}\u0000${text}`),
  fc.constantFrom('\ud800', 'a\udfffb', '\udc00\ud800', 'tail\ud83d'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((text) => `\u202e${text}\u200f\u2067x`),
  fc.integer({ min: 50_000, max: 200_000 }).map((length) => 'x'.repeat(length)),
  fc.integer({ min: 65, max: 1_000 }).map(nested),
  codeUnits,
  fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
);

/** One text field of one write route: sends `text` in it, and reads back what was stored there. */
interface TextField {
  name: string;
  write(text: unknown): Promise<ApiResponse>;
  readBack(written: ApiResponse): Promise<unknown>;
}

/**
 * Issue 17's property: for every text field of every write route, hostile text gets a 4xx naming a path, or a
 * 2xx after which the text reads back verbatim; never a 500, never a hang; and afterwards the server is
 * healthy and another organisation's projections still move.
 */
describe('hostile strings in every text field of every write route (property)', () => {
  let stack: AppStack;
  let org: OrganisationFixture;
  let rubricId: string;
  let taskPlaybookId: string;

  beforeAll(async () => {
    stack = await startAppStack();
    org = await createOrganisationFixture(stack.baseUrl);
    // The playbook is read from its event stream (read-your-writes); the rubric list is a projection and
    // may not show the rubric yet.
    const fixturePlaybookId = await createPlaybookFixture(org.admin.api);
    const fixturePlaybook = await org.admin.api.get<PlaybookView>(`/api/playbooks/${fixturePlaybookId}`);
    rubricId = fixturePlaybook.body.rubricId;
    const form = await org.admin.api.post<FormView>('/api/forms', {
      name: 'Self-assessment with notes',
      taskKind: 'self-assessment',
      schema: {
        type: 'object',
        properties: { ratings: { type: 'object' }, notes: { type: 'string' } },
        required: ['ratings'],
      },
    });
    expect((await org.admin.api.post(`/api/forms/${form.body.id}/publish`)).status).toBe(200);
    taskPlaybookId = await createPlaybookFixture(org.admin.api, {
      forms: { 'self-assessment': form.body.id },
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const unique = () => Math.random().toString(36).slice(2, 10);

  const rubric = (patch: Record<string, unknown> = {}) => ({
    name: 'Rubric',
    scale: { min: 1, max: 5, labels: { '1': 'Rarely' } },
    competencies: [{ key: 'a', name: 'A', weight: 1, target: 3, indicators: ['asks'] }],
    kpis: [{ key: 'calls', name: 'Calls', unit: 'calls', target: 10 }],
    ...patch,
  });
  const readConfiguration = (kind: string) => async (written: ApiResponse) =>
    (await org.admin.api.get<Record<string, unknown>>(`/api/${kind}/${(written.body as { id: string }).id}`))
      .body;
  const bodyOf = (view: unknown) => view as Record<string, unknown>;
  const firstOf = (list: unknown) => (list as Record<string, unknown>[])[0]!;

  const fields: TextField[] = [
    {
      name: 'rubric name',
      write: (text) => org.admin.api.post('/api/rubrics', rubric({ name: text })),
      readBack: async (written) => bodyOf(await readConfiguration('rubrics')(written))['name'],
    },
    {
      name: 'rubric description',
      write: (text) => org.admin.api.post('/api/rubrics', rubric({ description: text })),
      readBack: async (written) => bodyOf(await readConfiguration('rubrics')(written))['description'],
    },
    {
      name: 'competency name and indicator',
      write: (text) =>
        org.admin.api.post(
          '/api/rubrics',
          rubric({ competencies: [{ key: 'a', name: text, weight: 1, target: 3, indicators: [text] }] }),
        ),
      readBack: async (written) =>
        firstOf(bodyOf(await readConfiguration('rubrics')(written))['competencies'])['name'],
    },
    {
      name: 'scale label and KPI unit',
      write: (text) =>
        org.admin.api.post(
          '/api/rubrics',
          rubric({
            scale: { min: 1, max: 5, labels: { '2': text } },
            kpis: [{ key: 'calls', name: 'Calls', unit: text, target: 10 }],
          }),
        ),
      readBack: async (written) =>
        firstOf(bodyOf(await readConfiguration('rubrics')(written))['kpis'])['unit'],
    },
    {
      name: 'form name, schema title and uiSchema help',
      write: (text) =>
        org.admin.api.post('/api/forms', {
          name: text,
          schema: { type: 'object', title: text, properties: { n: { type: 'string', description: text } } },
          uiSchema: { n: { 'ui:help': text } },
        }),
      readBack: async (written) => bodyOf(await readConfiguration('forms')(written))['name'],
    },
    {
      name: 'playbook name',
      write: (text) =>
        org.admin.api.post('/api/playbooks', {
          name: text,
          rubricId,
          timings: {
            prioritiseDue: 'P7D',
            sessionDue: 'P7D',
            planLength: 'P30D',
            checkInGrace: 'P1D',
            escalateAfter: 'P2D',
          },
          escalation: { levels: ['manager'] },
          maxFocusAreas: 1,
          observation: false,
          autoRenew: false,
        }),
      readBack: async (written) => bodyOf(await readConfiguration('playbooks')(written))['name'],
    },
    {
      name: 'user name',
      write: (text) =>
        org.admin.api.post('/api/users', {
          email: `u-${unique()}@fixture.test`,
          name: text,
          password: FIXTURE_PASSWORD,
          role: 'rep',
        }),
      readBack: async (written) =>
        (await org.admin.api.get<UserView>(`/api/users/${(written.body as UserView).id}`)).body.name,
    },
    {
      name: 'user name, changed',
      write: (text) => org.admin.api.request('PATCH', `/api/users/${org.otherRep.user.id}`, { name: text }),
      readBack: async () =>
        (await org.admin.api.get<UserView>(`/api/users/${org.otherRep.user.id}`)).body.name,
    },
    {
      name: 'user email',
      write: (text) =>
        org.admin.api.post('/api/users', { email: text, name: 'E', password: FIXTURE_PASSWORD, role: 'rep' }),
      readBack: async (written) =>
        (await org.admin.api.get<UserView>(`/api/users/${(written.body as UserView).id}`)).body.email,
    },
    {
      name: 'organisation name',
      write: (text) =>
        new ApiClient(stack.baseUrl).post('/api/organisations', {
          name: text,
          admin: { email: `a-${unique()}@fixture.test`, name: 'Admin', password: FIXTURE_PASSWORD },
        }),
      readBack: async (written) => (written.body as { name: string }).name,
    },
    {
      name: 'cancel reason',
      write: async (text) => {
        const rep = await addRep(org, 'Rep');
        const started = await startCycle(org.manager.api, rep.user.id, taskPlaybookId);
        const response = await org.manager.api.post(`/api/cycles/${started.id}/cancel`, {
          reason: text,
        });
        return { ...response, body: { ...(response.body as object), cycleId: started.id } };
      },
      readBack: async (written) => {
        const cycleId = (written.body as { cycleId: string }).cycleId;
        const events = await org.admin.api.get<{ items: CycleEventView[] }>(`/api/cycles/${cycleId}/events`);
        return events.body.items.find((event) => event.type === 'CycleCancelled')?.data['reason'];
      },
    },
    {
      name: 'task data',
      write: async (text) => {
        const rep = await addRep(org, 'Rep');
        const started = await startCycle(org.manager.api, rep.user.id, taskPlaybookId);
        const task = await openTask(rep.api, started.id, 'self-assessment');
        const response = await rep.api.post(`/api/tasks/${task.id}/complete`, {
          data: { ratings: fixtureRatings(3), notes: text },
        });
        return { ...response, body: { ...(response.body as object), cycleId: started.id } };
      },
      readBack: async (written) => {
        const cycleId = (written.body as { cycleId: string }).cycleId;
        const events = await org.admin.api.get<{ items: CycleEventView[] }>(`/api/cycles/${cycleId}/events`);
        const submitted = events.body.items.find((event) => event.type === 'SelfAssessmentSubmitted');
        return (submitted?.data['data'] as Record<string, unknown> | undefined)?.['notes'];
      },
    },
  ];

  /** `promise`, or a failure naming `what` when it takes longer than ANSWER_WITHIN_MS. */
  async function answered<T>(what: string, promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${what}: no answer within ${ANSWER_WITHIN_MS} ms`)),
        ANSWER_WITHIN_MS,
      );
    });
    try {
      return await Promise.race([promise, hang]);
    } finally {
      clearTimeout(timer);
    }
  }

  it.each(fields.map((field) => [field.name, field] as const))('%s', async (name, field) => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const response = await answered(name, field.write(text));
        const problem = response.body as ProblemDetails;
        expect({ name, status: response.status }).not.toEqual({ name, status: 500 });
        if (response.status >= 400) {
          expect(response.status).toBeLessThan(500);
          expect(problem.errors?.[0]?.path).toMatch(/^\//);
        } else {
          expect(response.status).toBeLessThan(300);
          expect(await answered(`${name} read back`, field.readBack(response))).toEqual(text);
        }
      }),
      { numRuns: name === 'task data' || name === 'cancel reason' ? 8 : 25 },
    );
  });

  it('leaves the server healthy and another organisation’s inbox moving', async () => {
    const health = await new ApiClient(stack.baseUrl).get('/health');
    expect(health.status).toBe(200);
    const other = await createOrganisationFixture(stack.baseUrl);
    const playbookId = await createPlaybookFixture(other.admin.api);
    const started = await startCycle(other.manager.api, other.rep.user.id, playbookId);
    await openTask(other.rep.api, started.id, 'self-assessment');
  });
});
