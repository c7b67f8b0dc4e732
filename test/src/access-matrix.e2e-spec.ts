import { randomUUID } from 'node:crypto';
import type { CycleView, UserView } from '@coachflow/contracts';
import {
  ApiClient,
  type AppStack,
  FIXTURE_PASSWORD,
  type OrganisationFixture,
  startAppStack,
  startCycle,
} from '@coachflow/testing';
import { createUser, openTask, twoOrganisations } from './access-fixtures';

/**
 * The authorization matrix: every route of the OpenAPI document, called by every kind of caller, against
 * the status the table expects. A route the table does not cover fails the suite, so the table grows with
 * every new route. Subjects belong to `org`: `rep` (reporting to `manager`, who reports to `leader`) owns
 * the objects; `otherRep` is a colleague, `otherManager` a peer of the manager, `foreign` the admin of
 * another organisation.
 */
const ACTORS = [
  'anonymous',
  'foreign',
  'otherRep',
  'otherManager',
  'rep',
  'leader',
  'manager',
  'admin',
] as const;
type Actor = (typeof ACTORS)[number];
type Expected = Record<Actor, number>;

interface World {
  org: OrganisationFixture;
  other: OrganisationFixture;
  anonymous: ApiClient;
  /** A published playbook of `org`. */
  playbookId: string;
  rubricId: string;
  formId: string;
  /** A webhook endpoint of `org`. */
  webhookId: string;
  /** Another, which the delete row removes. */
  webhookToDeleteId: string;
  /** The rep's running cycle (managed by `manager`). */
  cycle: CycleView;
  /** The other rep's running cycle, which the cancel row ends. */
  cycleToCancel: CycleView;
  /** A rep with no cycle, for the start-cycle row. */
  spareRep: UserView;
  /** The rep's open self-assessment. */
  taskId: string;
}

interface Row {
  /** `METHOD /path/{param}` as the OpenAPI document names the route. */
  route: string;
  /** The concrete path (and body) to send; defaults to the route's path. */
  call?: (world: World) => {
    path: string;
    body?: unknown;
    anonymous?: boolean;
    headers?: Record<string, string>;
  };
  expect: Expected;
}

/** Everyone in `org` (and the other organisation) gets `ok`; no token gets 401. */
const everyone = (ok: number): Expected => ({
  anonymous: 401,
  foreign: ok,
  otherRep: ok,
  otherManager: ok,
  rep: ok,
  leader: ok,
  manager: ok,
  admin: ok,
});
/** Public routes answer the same with or without a token. */
const open = (status: number): Expected => ({ ...everyone(status), anonymous: status });
/** Admins only; the other organisation's admin acts in their own organisation. */
const adminsOnly = (ok: number, foreign = ok): Expected => ({
  ...everyone(403),
  admin: ok,
  foreign,
});
/** An object of the rep's, read by the rep, their line (manager, leader) and admins. */
const repsLine = (ok: number): Expected => ({
  anonymous: 401,
  foreign: 404,
  otherRep: 403,
  otherManager: 403,
  rep: ok,
  leader: ok,
  manager: ok,
  admin: ok,
});
/** An object of the organisation every member may read (configuration). */
const organisation = (ok: number): Expected => ({ ...everyone(ok), foreign: 404 });

const configurationRows = (
  kind: 'rubrics' | 'forms' | 'playbooks',
  id: (world: World) => string,
  body: (world: World) => unknown,
  foreignCreates = 201,
): Row[] => [
  {
    route: `POST /api/${kind}`,
    call: (world) => ({ path: `/api/${kind}`, body: body(world) }),
    expect: adminsOnly(201, foreignCreates),
  },
  { route: `GET /api/${kind}`, expect: everyone(200) },
  {
    route: `GET /api/${kind}/{id}`,
    call: (world) => ({ path: `/api/${kind}/${id(world)}` }),
    expect: organisation(200),
  },
  {
    route: `PUT /api/${kind}/{id}`,
    call: (world) => ({ path: `/api/${kind}/${id(world)}`, body: body(world) }),
    expect: { ...adminsOnly(200), foreign: 404 },
  },
  {
    route: `POST /api/${kind}/{id}/publish`,
    call: (world) => ({ path: `/api/${kind}/${id(world)}/publish` }),
    expect: { ...adminsOnly(200), foreign: 404 },
  },
  {
    route: `GET /api/${kind}/{id}/versions/{version}`,
    call: (world) => ({ path: `/api/${kind}/${id(world)}/versions/1` }),
    expect: organisation(200),
  },
  {
    route: `GET /api/${kind}/{id}/events`,
    call: (world) => ({ path: `/api/${kind}/${id(world)}/events` }),
    expect: organisation(200),
  },
];

const rubricBody = () => ({
  name: 'Matrix rubric',
  scale: { min: 1, max: 5 },
  competencies: [
    { key: 'trust', name: 'Building trust', weight: 1, target: 4 },
    { key: 'value', name: 'Creating value', weight: 1, target: 4 },
  ],
});
const formBody = () => ({
  name: 'Matrix form',
  schema: { type: 'object', properties: { note: { type: 'string' } } },
});
const playbookBody = (world: World) => ({
  name: 'Matrix playbook',
  rubricId: world.rubricId,
  timings: {
    prioritiseDue: 'P7D',
    sessionDue: 'P7D',
    planLength: 'P30D',
    checkInGrace: 'P2D',
    escalateAfter: 'P3D',
  },
  escalation: { levels: ['manager'] },
  maxFocusAreas: 2,
  observation: false,
  autoRenew: false,
});

// Rows run in this order, each with the actors in ACTORS order (callers refused first, owners last).
const TABLE: Row[] = [
  { route: 'GET /health', expect: open(200) },
  {
    route: 'POST /api/organisations',
    call: () => ({
      path: '/api/organisations',
      body: {
        name: 'Matrix',
        admin: { email: `m-${randomUUID()}@fixture.test`, name: 'M', password: FIXTURE_PASSWORD },
      },
    }),
    expect: open(201),
  },
  {
    route: 'POST /api/auth/login',
    call: (world) => ({
      path: '/api/auth/login',
      body: { email: world.org.otherRep.user.email, password: FIXTURE_PASSWORD },
    }),
    expect: open(200),
  },
  // Without a live refresh token (a real one is exercised in access-sessions): refused for everyone alike.
  {
    route: 'POST /api/auth/refresh',
    call: () => ({ path: '/api/auth/refresh', body: { refreshToken: 'x' } }),
    expect: open(401),
  },
  // Sent without the actor's token, which logout would revoke for the rows after this one.
  {
    route: 'POST /api/auth/logout',
    call: () => ({ path: '/api/auth/logout', body: { refreshToken: 'x' }, anonymous: true }),
    expect: open(204),
  },
  // Single sign-on is not configured for this server (access-sso covers it with a provider).
  { route: 'GET /api/auth/oidc/login', expect: open(404) },
  { route: 'GET /api/auth/oidc/callback', expect: open(404) },
  { route: 'GET /api/me', expect: everyone(200) },
  {
    route: 'POST /api/users',
    call: () => ({
      path: '/api/users',
      body: { email: `n-${randomUUID()}@fixture.test`, name: 'N', password: FIXTURE_PASSWORD, role: 'rep' },
    }),
    expect: adminsOnly(201),
  },
  {
    route: 'POST /api/users/import',
    call: () => ({
      path: '/api/users/import',
      body: { csv: 'email,name,role,manager_email\n', dryRun: true },
    }),
    expect: adminsOnly(200),
  },
  { route: 'GET /api/users', expect: everyone(200) },
  {
    route: 'GET /api/users/{id}',
    call: (world) => ({ path: `/api/users/${world.org.rep.user.id}` }),
    expect: repsLine(200),
  },
  {
    route: 'PATCH /api/users/{id}',
    call: (world) => ({ path: `/api/users/${world.org.rep.user.id}`, body: { name: 'rep' } }),
    // Only an admin or the rep themselves edits the rep; their managers read but do not edit.
    expect: { ...repsLine(200), leader: 403, manager: 403 },
  },
  { route: 'GET /api/audit', expect: adminsOnly(200) },
  { route: 'GET /api/deliveries', expect: adminsOnly(200) },
  {
    route: 'POST /api/webhooks',
    // A public address (no DNS involved), so the URL check passes and only the role decides.
    call: () => ({
      path: '/api/webhooks',
      body: { url: 'https://93.184.216.34/hook', eventTypes: ['EscalationRaised'] },
    }),
    expect: adminsOnly(201),
  },
  { route: 'GET /api/webhooks', expect: adminsOnly(200) },
  {
    route: 'GET /api/webhooks/{id}/deliveries',
    call: (world) => ({ path: `/api/webhooks/${world.webhookId}/deliveries` }),
    expect: { ...adminsOnly(200), foreign: 404 },
  },
  {
    route: 'POST /api/webhooks/{id}/test',
    call: (world) => ({ path: `/api/webhooks/${world.webhookId}/test` }),
    expect: { ...adminsOnly(202), foreign: 404 },
  },
  {
    route: 'POST /api/webhooks/{id}/enable',
    call: (world) => ({ path: `/api/webhooks/${world.webhookId}/enable` }),
    expect: { ...adminsOnly(200), foreign: 404 },
  },
  {
    route: 'DELETE /api/webhooks/{id}',
    call: (world) => ({ path: `/api/webhooks/${world.webhookToDeleteId}` }),
    // The admin goes last, so everyone before meets the endpoint still there.
    expect: { ...adminsOnly(204), foreign: 404 },
  },
  ...configurationRows('rubrics', (world) => world.rubricId, rubricBody),
  ...configurationRows('forms', (world) => world.formId, formBody),
  // The other organisation's admin cannot build on this organisation's rubric: it is unknown to them.
  ...configurationRows('playbooks', (world) => world.playbookId, playbookBody, 400),
  {
    route: 'GET /api/playbooks/{id}/export',
    call: (world) => ({ path: `/api/playbooks/${world.playbookId}/export` }),
    expect: { ...adminsOnly(200), foreign: 404 },
  },
  {
    route: 'POST /api/playbooks/import',
    call: () => ({ path: '/api/playbooks/import', body: {} }),
    expect: adminsOnly(400),
  },
  {
    route: 'POST /api/cycles',
    call: (world) => ({
      path: '/api/cycles',
      body: { repId: world.spareRep.id, playbookId: world.playbookId },
    }),
    // The leader starts it; the manager and admin are allowed too, and find it running.
    expect: { ...repsLine(201), rep: 403, manager: 409, admin: 409 },
  },
  { route: 'GET /api/cycles', expect: everyone(200) },
  {
    route: 'GET /api/cycles/{id}',
    call: (world) => ({ path: `/api/cycles/${world.cycle.id}` }),
    expect: repsLine(200),
  },
  {
    route: 'GET /api/cycles/{id}/events',
    call: (world) => ({ path: `/api/cycles/${world.cycle.id}/events` }),
    expect: repsLine(200),
  },
  {
    route: 'POST /api/cycles/{id}/cancel',
    call: (world) => ({ path: `/api/cycles/${world.cycleToCancel.id}/cancel`, body: { reason: 'matrix' } }),
    // The leader cancels it; the manager and admin are allowed too, and find it over.
    expect: { ...repsLine(200), rep: 403, manager: 409, admin: 409 },
  },
  { route: 'GET /api/tasks', expect: everyone(200) },
  {
    route: 'GET /api/tasks/{id}',
    call: (world) => ({ path: `/api/tasks/${world.taskId}` }),
    expect: repsLine(200),
  },
  {
    route: 'POST /api/tasks/{id}/complete',
    call: (world) => ({ path: `/api/tasks/${world.taskId}/complete`, body: { data: {} } }),
    // Only the assignee completes a task; the rep's empty ratings fail the form.
    expect: { ...repsLine(403), rep: 400 },
  },
  { route: 'GET /api/notifications', expect: everyone(200) },
  // One's own preferences: everyone reads and replaces theirs, nobody anyone else's (there is no id).
  { route: 'GET /api/me/notification-preferences', expect: everyone(200) },
  {
    route: 'PUT /api/me/notification-preferences',
    call: () => ({
      path: '/api/me/notification-preferences',
      body: {
        email: {
          'escalation-raised': true,
          'task-overdue': true,
          'task-due-soon': false,
          'commitment-due': true,
          'coaching-session': true,
          'weekly-digest': true,
        },
        digest: { day: 'friday', hour: 16 },
        timeZone: 'Europe/Berlin',
        quietHours: { start: '21:00', end: '07:30' },
      },
    }),
    expect: everyone(200),
  },
  {
    route: 'POST /api/notifications/{id}/read',
    // Notifications are the recipient's alone: anyone else's id is not found, whoever asks.
    call: () => ({ path: `/api/notifications/${randomUUID()}/read` }),
    expect: everyone(404),
  },
  {
    route: 'GET /api/team',
    // A list of the reps in reach: empty for a manager without reports, refused to reps.
    expect: { ...everyone(200), rep: 403, otherRep: 403 },
  },
  { route: 'GET /api/auth/oidc', expect: open(200) },
  {
    route: 'GET /api/stream',
    // A stream never ends, so the row sends a Last-Event-ID that is not a position: the guard answers
    // first (401), then the header's check (400). live-updates.e2e-spec.ts checks who receives what.
    call: () => ({ path: '/api/stream', headers: { 'last-event-id': 'not-a-position' } }),
    expect: everyone(400),
  },
];

describe('authorization matrix: every route, every role, owners and strangers', () => {
  let server: AppStack;
  let world: World;

  beforeAll(async () => {
    server = await startAppStack({ LOG_LEVEL: 'warn' });
    const { org, other, rubricId, playbookId } = await twoOrganisations(server.baseUrl);
    const form = await org.admin.api.post<{ id: string }>('/api/forms', formBody());
    if (form.status !== 201) throw new Error(`creating a form: ${form.status} ${JSON.stringify(form.body)}`);
    const spareRep = await createUser(org.admin.api, 'rep', org.manager.user.id, 'spare-rep');
    const cycle = await startCycle(org.manager.api, org.rep.user.id, playbookId);
    const cycleToCancel = await startCycle(org.manager.api, org.otherRep.user.id, playbookId);
    const task = await openTask(org.rep.api, 'self-assessment', cycle.id);
    const registerWebhook = async () => {
      const webhook = await org.admin.api.post<{ endpoint: { id: string } }>('/api/webhooks', {
        url: 'https://93.184.216.34/hook',
        eventTypes: ['EscalationRaised'],
      });
      if (webhook.status !== 201) throw new Error(`registering a webhook: ${webhook.status}`);
      return webhook.body.endpoint.id;
    };
    world = {
      org,
      other,
      anonymous: new ApiClient(server.baseUrl),
      playbookId,
      rubricId,
      formId: form.body.id,
      webhookId: await registerWebhook(),
      webhookToDeleteId: await registerWebhook(),
      cycle,
      cycleToCancel,
      spareRep,
      taskId: task.id,
    };
  });

  afterAll(async () => {
    await server?.stop();
  });

  const client = (actor: Actor): ApiClient => {
    const { org, other, anonymous } = world;
    if (actor === 'anonymous') return anonymous;
    if (actor === 'foreign') return other.admin.api;
    return org[actor].api;
  };

  it('covers every route of the OpenAPI document, and only those', async () => {
    const document = await world.anonymous.get<{ paths: Record<string, Record<string, unknown>> }>(
      '/api/openapi.json',
    );
    const routes = Object.entries(document.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const covered = TABLE.map((row) => row.route);
    expect(routes.filter((route) => !covered.includes(route))).toEqual([]);
    expect(covered.filter((route) => !routes.includes(route))).toEqual([]);
  });

  it.each(TABLE.map((row) => [row.route, row] as const))('%s', async (_route, row) => {
    const outcome: Partial<Record<Actor, number>> = {};
    const bodies: string[] = [];
    for (const actor of ACTORS) {
      const [method = 'GET', routePath = '/'] = row.route.split(' ');
      const call = row.call?.(world) ?? { path: routePath };
      const api = call.anonymous ? world.anonymous : client(actor);
      const response = await api.request<unknown>(method, call.path, call.body, call.headers);
      outcome[actor] = response.status;
      // A refused caller learns nothing: no object data in the problem body.
      if (response.status === 403 || response.status === 404) {
        bodies.push(JSON.stringify(response.body));
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
    }
    expect(outcome).toEqual(row.expect);
    for (const body of bodies) {
      expect(body).not.toContain(world.org.rep.user.email);
    }
  });
});
