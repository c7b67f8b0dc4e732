import { randomUUID } from 'node:crypto';
import type {
  ConfigurationEventView,
  ConfigurationSummary,
  CycleView,
  FormView,
  Page,
  PlaybookBody,
  PlaybookBundle,
  PlaybookImportResult,
  PlaybookView,
  ProblemDetails,
  RubricBody,
  RubricView,
} from '@coachflow/contracts';
import { cycleWorkflowId, type PinnedCycleConfiguration } from '@coachflow/domain';
import { PostgresEventStore, ProjectionRunner } from '@coachflow/event-store';
import { defaultFormId } from '@coachflow/configuration';
import { configurationObjectsProjection } from '@coachflow/read-models';
import {
  type ApiClient,
  type ApiResponse,
  appProcessEnv,
  createOrganisationFixture,
  integrationEnv,
  type OrganisationFixture,
  type RunningApi,
  startApiProcess,
} from '@coachflow/testing';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { Pool } from 'pg';

const rubricBody = (name = 'Selling behaviours'): RubricBody => ({
  name,
  scale: { min: 1, max: 5, labels: { '1': 'Rarely', '5': 'Consistently' } },
  competencies: [
    { key: 'adaptability', name: 'Adaptability', weight: 2, target: 4 },
    { key: 'building-trust', name: 'Building trust', weight: 1, target: 4 },
  ],
  kpis: [{ key: 'conversations', name: 'Conversations a week', target: 12 }],
});

const playbookBody = (rubricId: string, extra: Partial<PlaybookBody> = {}): PlaybookBody => ({
  name: 'Thirty days',
  rubricId,
  timings: {
    prioritiseDue: 'PT30S',
    sessionDue: 'PT30S',
    planLength: 'PT60S',
    checkInGrace: 'PT10S',
    escalateAfter: 'PT10S',
  },
  escalation: { levels: ['manager', 'leader'] },
  maxFocusAreas: 2,
  observation: false,
  autoRenew: false,
  ...extra,
});

const put = <T>(client: ApiClient, path: string, body: unknown, headers: Record<string, string> = {}) =>
  client.request<T>('PUT', path, body, headers);

/** The field paths of a 400, after checking it is problem+json. */
function badPaths(response: ApiResponse<unknown>): string[] {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return ((response.body as ProblemDetails).errors ?? []).map((error) => error.path);
}

// The built API as its own process on real Postgres and Temporal. Lists read the configuration-objects
// projection, which the worker keeps; here the test moves the same projection runner itself, so list
// assertions need neither a worker process nor polling.
describe('configuration API: rubrics, forms, playbooks (real Postgres and Temporal)', () => {
  let server: RunningApi;
  let org: OrganisationFixture;
  let other: OrganisationFixture;
  let pool: Pool;
  let projection: ProjectionRunner;
  let temporal: Client;
  let admin: ApiClient;

  const created = async <T extends { id: string }>(path: string, body: unknown): Promise<T> => {
    const response = await admin.post<T>(path, body);
    if (response.status !== 201)
      throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const publish = async (kind: string, id: string) => {
    const response = await admin.post<{ status: string }>(`/api/${kind}/${id}/publish`);
    if (response.status !== 200)
      throw new Error(`publish: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const list = async (client: ApiClient, kind: string, query = '') => {
    await projection.catchUp();
    const response = await client.get<Page<ConfigurationSummary>>(`/api/${kind}?limit=200${query}`);
    expect(response.status).toBe(200);
    return response.body.items;
  };

  beforeAll(async () => {
    const env = integrationEnv();
    server = await startApiProcess(appProcessEnv({ LOG_LEVEL: 'warn' }));
    pool = new Pool({ connectionString: env.databaseUrl, max: 2 });
    projection = new ProjectionRunner(
      pool,
      new PostgresEventStore(pool, { notify: false }),
      configurationObjectsProjection,
    );
    await projection.setUp();
    temporal = new Client({ connection: await Connection.connect({ address: env.temporalAddress }) });
    [org, other] = await Promise.all([
      createOrganisationFixture(server.baseUrl),
      createOrganisationFixture(server.baseUrl),
    ]);
    admin = org.admin.api;
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await pool?.end();
    await server?.process.stop();
  });

  describe('versions', () => {
    it('creates a draft, freezes it on publish, opens version 2 on edit, and serves every version', async () => {
      const draft = await admin.post<RubricView>('/api/rubrics', rubricBody());
      expect(draft.status).toBe(201);
      expect(draft.body).toMatchObject({
        id: expect.any(String),
        version: 1,
        status: 'draft',
        name: 'Selling behaviours',
        competencies: rubricBody().competencies,
        publishedVersion: null,
        createdBy: org.admin.user.id,
      });
      expect(draft.headers.get('etag')).toBe('"1"');
      const id = draft.body.id;

      const changed = await put<RubricView>(admin, `/api/rubrics/${id}`, rubricBody('Renamed draft'));
      expect(changed.body).toMatchObject({ version: 1, status: 'draft', name: 'Renamed draft' });
      expect(await publish('rubrics', id)).toMatchObject({ id, version: 1, status: 'published' });
      expect((await admin.post<ProblemDetails>(`/api/rubrics/${id}/publish`)).status).toBe(409);

      const next = await put<RubricView>(admin, `/api/rubrics/${id}`, rubricBody('Version two'));
      expect(next.status).toBe(200);
      expect(next.body).toMatchObject({
        version: 2,
        status: 'draft',
        name: 'Version two',
        publishedVersion: 1,
      });
      const first = await org.rep.api.get<RubricView>(`/api/rubrics/${id}/versions/1`);
      expect(first.body).toMatchObject({ version: 1, status: 'published', name: 'Renamed draft' });
      expect((await admin.get<RubricView>(`/api/rubrics/${id}`)).body).toMatchObject({
        version: 2,
        latestVersion: 2,
        publishedVersion: 1,
      });
      expect((await admin.get(`/api/rubrics/${id}/versions/3`)).status).toBe(404);

      const history = await admin.get<{ items: ConfigurationEventView[] }>(`/api/rubrics/${id}/events`);
      expect(history.body.items.map((event) => [event.type, event.data['version']])).toEqual([
        ['ConfigurationDrafted', 1],
        ['ConfigurationChanged', 1],
        ['ConfigurationPublished', 1],
        ['ConfigurationChanged', 2],
      ]);
      for (const event of history.body.items) {
        expect(event.data['by']).toBe(org.admin.user.id);
        expect(Date.parse(String(event.data['at']))).not.toBeNaN();
      }

      const listed = await list(org.manager.api, 'rubrics');
      expect(listed.find((item) => item.id === id)).toMatchObject({
        name: 'Version two',
        version: 2,
        status: 'draft',
        publishedVersion: 1,
      });
    });

    it('lets one of two concurrent edits of a draft win and answers the other 409', async () => {
      const { id } = await created<RubricView>('/api/rubrics', rubricBody());
      const etag = (await admin.get(`/api/rubrics/${id}`)).headers.get('etag')!;
      const results = await Promise.all(
        ['Edit A', 'Edit B'].map((name) =>
          put<RubricView>(admin, `/api/rubrics/${id}`, rubricBody(name), { 'if-match': etag }),
        ),
      );
      expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
      const winner = results.find((result) => result.status === 200)!.body.name;
      expect((await admin.get<RubricView>(`/api/rubrics/${id}`)).body.name).toBe(winner);
      const history = await admin.get<{ items: ConfigurationEventView[] }>(`/api/rubrics/${id}/events`);
      expect(history.body.items).toHaveLength(2);

      // Without If-Match, racing writers still never both apply over the same version.
      const racing = await Promise.all(
        ['C', 'D', 'E'].map((name) => put(admin, `/api/rubrics/${id}`, rubricBody(name))),
      );
      const statuses = racing.map((result) => result.status);
      expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
      const after = await admin.get<{ items: ConfigurationEventView[] }>(`/api/rubrics/${id}/events`);
      expect(after.body.items).toHaveLength(2 + statuses.filter((status) => status === 200).length);
    });
  });

  describe('access', () => {
    it('lets only admins write, every user of the organisation read, and hides it from other organisations', async () => {
      const { id } = await created<RubricView>('/api/rubrics', rubricBody());
      expect((await org.rep.api.post('/api/rubrics', rubricBody())).status).toBe(403);
      expect((await org.manager.api.post(`/api/rubrics/${id}/publish`)).status).toBe(403);
      expect((await put(org.leader.api, `/api/rubrics/${id}`, rubricBody())).status).toBe(403);
      expect((await org.rep.api.get(`/api/rubrics/${id}`)).status).toBe(200);
      for (const response of [
        await other.admin.api.get(`/api/rubrics/${id}`),
        await other.admin.api.get(`/api/rubrics/${id}/versions/1`),
        await other.admin.api.get(`/api/rubrics/${id}/events`),
        await put(other.admin.api, `/api/rubrics/${id}`, rubricBody()),
        await other.admin.api.post(`/api/rubrics/${id}/publish`),
        await admin.get(`/api/forms/${id}`),
      ])
        expect(response.status).toBe(404);
      expect((await list(other.admin.api, 'rubrics')).some((item) => item.id === id)).toBe(false);
    });
  });

  describe('validation', () => {
    it('refuses every kind of bad rubric with 400 naming the field, and stores nothing', async () => {
      const before = (await list(admin, 'rubrics')).length;
      const base = rubricBody();
      const [first, second] = base.competencies;
      const cases: [unknown, string][] = [
        [{ ...base, competencies: [first, { ...second!, key: 'adaptability' }] }, '/competencies/1/key'],
        [{ ...base, competencies: [{ ...first!, weight: 0 }] }, '/competencies/0/weight'],
        [{ ...base, competencies: [{ ...first!, weight: 'heavy' }] }, '/competencies/0/weight'],
        [{ ...base, competencies: [{ ...first!, target: 9 }] }, '/competencies/0/target'],
        [{ ...base, scale: { min: 5, max: 5 } }, '/scale/max'],
        [{ ...base, scale: { min: 1, max: 5, labels: { '9': 'Off the scale' } } }, '/scale/labels/9'],
        [{ ...base, competencies: [{ ...first!, key: 'Not A Key' }] }, '/competencies/0/key'],
        [{ ...base, competencies: [] }, '/competencies'],
        [{ ...base, name: 'x'.repeat(5000) }, '/name'],
        [{ ...base, secret: true }, '/secret'],
        [{ ...base, kpis: [base.kpis![0], base.kpis![0]] }, '/kpis/1/key'],
        [[1, 2], '/'],
      ];
      for (const [body, path] of cases)
        expect(badPaths(await admin.post('/api/rubrics', body))).toContain(path);
      expect((await list(admin, 'rubrics')).length).toBe(before);

      const { id } = await created<RubricView>('/api/rubrics', base);
      expect(
        badPaths(await put(admin, `/api/rubrics/${id}`, { ...base, scale: { min: 3, max: 1 } })),
      ).toEqual(['/scale/max', '/competencies/0/target', '/competencies/1/target']);
      expect((await admin.get<{ items: unknown[] }>(`/api/rubrics/${id}/events`)).body.items).toHaveLength(1);
    });

    it('compiles form schemas (draft 2020-12 and 07), checks the uiSchema, core fields and sizes', async () => {
      const before = (await list(admin, 'forms')).length;
      const schema = { type: 'object', properties: { notes: { type: 'string', maxLength: 500 } } };
      const draft07 = await admin.post<FormView>('/api/forms', {
        name: 'Notes 07',
        schema: { $schema: 'http://json-schema.org/draft-07/schema#', ...schema },
        uiSchema: { notes: { 'ui:widget': 'textarea' } },
      });
      expect(draft07.status).toBe(201);
      const draft2020 = await admin.post<FormView>('/api/forms', {
        name: 'Notes 2020',
        schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema, $defs: {} },
      });
      expect(draft2020.status).toBe(201);

      const huge = Object.fromEntries(
        Array.from({ length: 6000 }, (_, i) => [
          `field${i}`,
          { type: 'string', description: 'x'.repeat(40) },
        ]),
      );
      const cases: [unknown, string][] = [
        [
          { name: 'f', schema: { type: 'object', properties: { a: { type: 'strin' } } } },
          '/schema/properties/a/type',
        ],
        [{ name: 'f', schema: { $schema: 'https://example.com/mine', type: 'object' } }, '/schema/$schema'],
        [{ name: 'f', schema: { type: 'array' } }, '/schema/type'],
        [
          { name: 'f', schema: { type: 'object', properties: { a: { minLength: -1 } } } },
          '/schema/properties/a/minLength',
        ],
        [{ name: 'f', schema, uiSchema: { nothing: {} } }, '/uiSchema/nothing'],
        [{ name: 'f', schema: 'not a schema' }, '/schema'],
        [{ name: 'f', taskKind: 'acknowledge-plan', schema }, '/schema/properties/accepted'],
        [
          {
            name: 'f',
            taskKind: 'acknowledge-plan',
            schema: { type: 'object', properties: { accepted: { type: 'string' } }, required: ['accepted'] },
          },
          '/schema/properties/accepted/type',
        ],
        [{ name: 'f', taskKind: 'no-such-kind', schema }, '/taskKind'],
        [{ name: 'f', schema: { type: 'object', properties: huge } }, '/schema'],
      ];
      for (const [body, path] of cases)
        expect(badPaths(await admin.post('/api/forms', body))).toContain(path);

      const tooLarge = await admin.postOversize('/api/forms', 2 * 1024 * 1024);
      expect(tooLarge.status).toBe(413);
      expect((await list(admin, 'forms')).length).toBe(before + 2);
    });

    it('gives every organisation a published default form per task kind, which stays bound to its kind', async () => {
      const defaults = await list(other.admin.api, 'forms', '&status=published');
      const kinds = defaults.filter(
        (form) => form.id === defaultFormId(other.organisationId, form.taskKind!),
      );
      expect(kinds.map((form) => form.taskKind).sort()).toEqual(
        [
          'acknowledge-plan',
          'coaching-session',
          'commitment-check-in',
          'cycle-review',
          'follow-up',
          'manager-assessment',
          'observation',
          'resolve-escalation',
          'self-assessment',
          'set-priorities',
        ].sort(),
      );
      const id = defaultFormId(org.organisationId, 'commitment-check-in');
      const form = await admin.get<FormView>(`/api/forms/${id}`);
      expect(form.body).toMatchObject({ version: 1, status: 'published', isDefault: true });
      expect(
        badPaths(
          await put(admin, `/api/forms/${id}`, { ...pickFormBody(form.body), taskKind: 'observation' }),
        ),
      ).toEqual(['/taskKind']);
      const dropped = { ...pickFormBody(form.body), schema: { type: 'object', properties: {} } };
      expect(badPaths(await put(admin, `/api/forms/${id}`, dropped))).toContain('/schema/properties/kept');
      const extended = {
        ...pickFormBody(form.body),
        schema: {
          ...form.body.schema,
          properties: { ...(form.body.schema['properties'] as object), note: { type: 'string' } },
        },
      };
      expect((await put<FormView>(admin, `/api/forms/${id}`, extended)).body).toMatchObject({ version: 2 });
      expect(await publish('forms', id)).toMatchObject({ version: 2, status: 'published' });
    });

    it('checks playbooks: durations, roles, focus areas, and forms that exist, are published and fit', async () => {
      const rubric = await created<RubricView>('/api/rubrics', rubricBody());
      await publish('rubrics', rubric.id);
      const checkIn = defaultFormId(org.organisationId, 'commitment-check-in');
      const handRated = await created<FormView>('/api/forms', {
        name: 'Hand-rated',
        schema: {
          type: 'object',
          properties: { ratings: { type: 'object', properties: { closing: { type: 'integer' } } } },
          required: ['ratings'],
        },
      });
      await publish('forms', handRated.id);
      const draftForm = await created<FormView>('/api/forms', {
        name: 'Draft',
        taskKind: 'observation',
        schema: { type: 'object' },
      });
      const foreignRubric = await other.admin.api.post<RubricView>('/api/rubrics', rubricBody());
      const before = (await list(admin, 'playbooks')).length;
      const base = playbookBody(rubric.id);
      const cases: [unknown, string][] = [
        [{ ...base, timings: { ...base.timings, planLength: 'thirty days' } }, '/timings/planLength'],
        [{ ...base, timings: { ...base.timings, planLength: 'P30' } }, '/timings/planLength'],
        [{ ...base, timings: { ...base.timings, checkInGrace: 'PT0S' } }, '/timings/checkInGrace'],
        [{ ...base, timings: { ...base.timings, escalateAfter: 5 } }, '/timings/escalateAfter'],
        [{ ...base, escalation: { levels: ['manager', 'ceo'] } }, '/escalation/levels/1'],
        [{ ...base, escalation: { levels: [] } }, '/escalation/levels'],
        [{ ...base, maxFocusAreas: 3 }, '/maxFocusAreas'],
        [{ ...base, maxFocusAreas: 0 }, '/maxFocusAreas'],
        [{ ...base, rubricId: foreignRubric.body.id }, '/rubricId'],
        [{ ...base, rubricId: randomUUID() }, '/rubricId'],
        [{ ...base, rubricId: checkIn }, '/rubricId'],
        [{ ...base, forms: { 'self-assessment': checkIn } }, '/forms/self-assessment'],
        [{ ...base, forms: { 'manager-assessment': handRated.id } }, '/forms/manager-assessment'],
        [{ ...base, forms: { 'set-priorities': randomUUID() } }, '/forms/set-priorities'],
        [{ ...base, forms: { 'no-such-kind': checkIn } }, '/forms/no-such-kind'],
        [{ ...base, observation: 'yes' }, '/observation'],
      ];
      for (const [body, path] of cases)
        expect(badPaths(await admin.post('/api/playbooks', body))).toContain(path);
      expect((await list(admin, 'playbooks')).length).toBe(before);

      // A draft may name a draft form; publishing needs it published.
      const playbook = await created<PlaybookView>('/api/playbooks', {
        ...base,
        forms: { observation: draftForm.id },
      });
      expect(badPaths(await admin.post(`/api/playbooks/${playbook.id}/publish`))).toEqual([
        '/forms/observation',
      ]);
      await publish('forms', draftForm.id);
      expect(await publish('playbooks', playbook.id)).toMatchObject({ version: 1, status: 'published' });
    });
  });

  describe('export and import', () => {
    it('round-trips a playbook with its rubric and forms into another organisation as drafts', async () => {
      const rubric = await created<RubricView>('/api/rubrics', rubricBody('Exported rubric'));
      await publish('rubrics', rubric.id);
      const form = await created<FormView>('/api/forms', {
        name: 'Observation notes',
        taskKind: 'observation',
        schema: { type: 'object', properties: { notes: { type: 'string' } } },
      });
      await publish('forms', form.id);
      const playbook = await created<PlaybookView>('/api/playbooks', {
        ...playbookBody(rubric.id),
        forms: { observation: form.id },
      });
      await publish('playbooks', playbook.id);

      const exported = await admin.get<PlaybookBundle>(`/api/playbooks/${playbook.id}/export`);
      expect(exported.status).toBe(200);
      expect(exported.body).toMatchObject({
        format: 'coachflow/playbook-bundle',
        playbook: { id: playbook.id, version: 1 },
        rubric: { id: rubric.id, version: 1, body: rubricBody('Exported rubric') },
        forms: [{ id: form.id, version: 1 }],
      });
      expect((await org.manager.api.get(`/api/playbooks/${playbook.id}/export`)).status).toBe(403);
      expect((await other.admin.api.get(`/api/playbooks/${playbook.id}/export`)).status).toBe(404);

      const imported = await other.admin.api.post<PlaybookImportResult>(
        '/api/playbooks/import',
        exported.body,
      );
      expect(imported.status).toBe(201);
      const { playbookId, rubricId, forms } = imported.body;
      expect([playbookId, rubricId, forms[form.id]]).not.toContain(playbook.id);
      const copy = await other.admin.api.get<PlaybookView>(`/api/playbooks/${playbookId}`);
      expect(copy.body).toMatchObject({
        version: 1,
        status: 'draft',
        rubricId,
        forms: { observation: forms[form.id] },
        createdBy: other.admin.user.id,
      });
      expect((await other.admin.api.get<RubricView>(`/api/rubrics/${rubricId}`)).body).toMatchObject({
        status: 'draft',
        name: 'Exported rubric',
      });
      for (const [kind, id] of [
        ['rubrics', rubricId],
        ['forms', forms[form.id]!],
        ['playbooks', playbookId],
      ])
        expect((await other.admin.api.post(`/api/${kind}/${id}/publish`)).status).toBe(200);
    });

    it('reports every conflict of a bad bundle and imports nothing', async () => {
      const rubric = await created<RubricView>('/api/rubrics', rubricBody());
      await publish('rubrics', rubric.id);
      const playbook = await created<PlaybookView>('/api/playbooks', playbookBody(rubric.id));
      const { body: bundle } = await admin.get<PlaybookBundle>(`/api/playbooks/${playbook.id}/export`);
      // One after the other: a concurrent catch-up skips the projection another one holds.
      const counts = async () => {
        const result: number[] = [];
        for (const kind of ['rubrics', 'forms', 'playbooks'])
          result.push((await list(other.admin.api, kind)).length);
        return result;
      };
      const before = await counts();

      const orphan = randomUUID();
      const broken: PlaybookBundle = {
        ...bundle,
        rubric: {
          ...bundle.rubric,
          body: {
            ...bundle.rubric.body,
            competencies: [bundle.rubric.body.competencies[0]!, bundle.rubric.body.competencies[0]!],
          },
        },
        forms: [
          {
            id: orphan,
            version: 1,
            body: { name: 'Bad', schema: { type: 'object', properties: { a: { type: 'nope' } } } },
          },
        ],
        playbook: {
          ...bundle.playbook,
          body: { ...bundle.playbook.body, forms: { observation: randomUUID() }, maxFocusAreas: 5 },
        },
      };
      const response = await other.admin.api.post<ProblemDetails>('/api/playbooks/import', broken);
      expect(badPaths(response)).toEqual(
        expect.arrayContaining([
          '/rubric/body/competencies/1/key',
          '/forms/0/body/schema/properties/a/type',
          '/forms/0/id',
          '/playbook/body/forms/observation',
          '/playbook/body/maxFocusAreas',
        ]),
      );
      expect(
        badPaths(await other.admin.api.post('/api/playbooks/import', { ...bundle, format: 'zip' })),
      ).toContain('/format');
      expect(await counts()).toEqual(before);
    });
  });

  describe('pinning', () => {
    it('starts a cycle on the published versions and keeps them after a new publish', async () => {
      const rubric = await created<RubricView>('/api/rubrics', rubricBody());
      await publish('rubrics', rubric.id);
      const playbook = await created<PlaybookView>('/api/playbooks', playbookBody(rubric.id));

      const unpublished = await org.manager.api.post<ProblemDetails>('/api/cycles', {
        repId: org.rep.user.id,
        playbookId: playbook.id,
      });
      expect(badPaths(unpublished)).toEqual(['/playbookId']);
      const unknown = await org.manager.api.post('/api/cycles', {
        repId: org.rep.user.id,
        playbookId: randomUUID(),
      });
      expect(badPaths(unknown)).toEqual(['/playbookId']);
      await publish('playbooks', playbook.id);
      const foreign = await other.admin.api.post('/api/cycles', {
        repId: other.rep.user.id,
        playbookId: playbook.id,
      });
      expect(badPaths(foreign)).toEqual(['/playbookId']);

      const started = await org.manager.api.post<CycleView>('/api/cycles', {
        repId: org.rep.user.id,
        playbookId: playbook.id,
      });
      expect(started.status).toBe(201);
      expect(started.body.playbook).toEqual({ id: playbook.id, version: 1 });
      const handle = temporal.workflow.getHandle(cycleWorkflowId(started.body.id));
      try {
        const pinnedAtStart = await workflowConfiguration(handle);
        expect(pinnedAtStart.playbook).toMatchObject({ id: playbook.id, version: 1, maxFocusAreas: 2 });
        expect(pinnedAtStart.rubric).toEqual({ id: rubric.id, version: 1, body: rubricBody() });
        expect(pinnedAtStart.forms['self-assessment']).toEqual({
          id: defaultFormId(org.organisationId, 'self-assessment'),
          version: 1,
        });

        // Publish new versions of the playbook and the rubric: the running cycle does not move.
        await put(admin, `/api/rubrics/${rubric.id}`, rubricBody('Rubric v2'));
        await publish('rubrics', rubric.id);
        await put(admin, `/api/playbooks/${playbook.id}`, playbookBody(rubric.id, { maxFocusAreas: 1 }));
        expect(await publish('playbooks', playbook.id)).toMatchObject({ version: 2 });

        expect(await workflowConfiguration(handle)).toEqual(pinnedAtStart);
        // The registry keeps the version the cycle started on.
        const registry = await pool.query<{ playbook_id: string; playbook_version: number }>(
          'SELECT playbook_id, playbook_version FROM cycles WHERE id = $1',
          [started.body.id],
        );
        expect(registry.rows).toEqual([{ playbook_id: playbook.id, playbook_version: 1 }]);

        const next = await org.manager.api.post<CycleView>('/api/cycles', {
          repId: org.otherRep.user.id,
          playbookId: playbook.id,
        });
        expect(next.body.playbook).toEqual({ id: playbook.id, version: 2 });
        const nextHandle = temporal.workflow.getHandle(cycleWorkflowId(next.body.id));
        const pinnedNext = await workflowConfiguration(nextHandle);
        expect(pinnedNext.rubric).toMatchObject({ version: 2, body: { name: 'Rubric v2' } });
        await nextHandle.terminate('test done');
      } finally {
        await handle.terminate('test done');
      }
    });
  });
});

/** The configuration a cycle's workflow was started with, read back from Temporal's history. */
async function workflowConfiguration(handle: {
  fetchHistory(): Promise<{ events?: { workflowExecutionStartedEventAttributes?: unknown }[] | null }>;
}): Promise<PinnedCycleConfiguration> {
  const history = await handle.fetchHistory();
  const started = history.events?.[0]?.workflowExecutionStartedEventAttributes as {
    input?: { payloads?: Parameters<typeof defaultPayloadConverter.fromPayload>[0][] };
  };
  const payload = started?.input?.payloads?.[0];
  if (!payload) throw new Error('the workflow has no input');
  return defaultPayloadConverter.fromPayload<{ configuration: PinnedCycleConfiguration }>(payload)
    .configuration;
}

function pickFormBody(view: FormView) {
  return {
    name: view.name,
    ...(view.taskKind ? { taskKind: view.taskKind } : {}),
    schema: view.schema,
    ...(view.uiSchema ? { uiSchema: view.uiSchema } : {}),
  };
}
