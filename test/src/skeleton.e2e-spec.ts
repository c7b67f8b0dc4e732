import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CycleEventView, CycleView, HealthView, Page } from '@coachflow/contracts';
import { workspaceRoot } from '@coachflow/dev-stack';
import {
  type AppStack,
  createOrganisationFixture,
  createPlaybookFixture,
  eventually,
  startAppStack,
} from '@coachflow/testing';

/** The walking skeleton across real process boundaries: HTTP → API → Temporal → worker → Postgres → HTTP. */
describe('walking skeleton: API and worker as separate processes', () => {
  let stack: AppStack;
  let baseUrl: string;

  beforeAll(async () => {
    stack = await startAppStack();
    baseUrl = stack.baseUrl;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('records CycleStarted for a cycle started over HTTP and serves it back', async () => {
    const org = await createOrganisationFixture(baseUrl);
    const playbookId = await createPlaybookFixture(org.admin.api);
    const started = await org.manager.api.post<CycleView>('/api/cycles', {
      repId: org.rep.user.id,
      playbookId,
    });
    expect(started.status).toBe(201);

    const events = await eventually(async () => {
      const response = await org.rep.api.get<{ items: CycleEventView[] }>(
        `/api/cycles/${started.body.id}/events`,
      );
      expect(response.status).toBe(200);
      // CycleStarted, then the two assessments it opens, recorded in one batch.
      expect(response.body.items.map((event) => event.type)).toEqual([
        'CycleStarted',
        'TaskOpened',
        'TaskOpened',
      ]);
      return response.body.items;
    });
    expect(events[0]).toMatchObject({
      version: 1,
      type: 'CycleStarted',
      data: {
        cycleId: started.body.id,
        organisationId: org.organisationId,
        repId: org.rep.user.id,
        managerId: org.manager.user.id,
        playbook: { id: playbookId, version: 1 },
      },
    });
    expect(Date.parse(events[0]!.recordedAt)).not.toBeNaN();
  });

  it('lists cycles from the cycle-summaries projection, which the rebuild CLI can replay', async () => {
    const org = await createOrganisationFixture(baseUrl);
    const started = await org.manager.api.post<CycleView>('/api/cycles', {
      repId: org.rep.user.id,
      playbookId: await createPlaybookFixture(org.admin.api),
    });
    expect(started.status).toBe(201);
    const listed = () =>
      org.manager.api.get<Page<CycleView>>(`/api/cycles?repId=${org.rep.user.id}&status=running`);
    await eventually(async () =>
      expect((await listed()).body.items.map((cycle) => cycle.id)).toEqual([started.body.id]),
    );
    expect((await org.rep.api.get<Page<CycleView>>('/api/cycles')).body.items).toHaveLength(1);
    expect((await org.otherRep.api.get<Page<CycleView>>('/api/cycles')).body.items).toHaveLength(0);
    expect((await org.manager.api.get('/api/cycles?status=paused')).status).toBe(400);

    const health = await org.manager.api.get<HealthView>('/health');
    expect(health.body.projections?.['cycle-summaries']).toEqual({
      behind: expect.any(Number),
      seconds: expect.any(Number),
      idleSeconds: expect.any(Number),
    });

    const rebuild = await promisify(execFile)(
      process.execPath,
      [join(workspaceRoot(__dirname), 'apps/worker/dist/cli/rebuild-projection.js'), 'cycle-summaries'],
      { env: stack.env },
    );
    expect(rebuild.stdout).toMatch(/rebuilt cycle-summaries from \d+ events/);
    expect((await listed()).body.items.map((cycle) => cycle.id)).toEqual([started.body.id]);
  });

  it('never logs a bearer token or a password', async () => {
    const org = await createOrganisationFixture(baseUrl);
    await org.admin.api.get('/api/me');
    const logs = `${stack.api.log.text()}\n${stack.workerLog.text()}`;
    expect(logs).toContain('/api/me');
    expect(logs).not.toContain(org.admin.api.token!);
    expect(logs).not.toContain('fixture-password-1');
  });
});
