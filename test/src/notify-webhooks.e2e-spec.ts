import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  AuditEventView,
  CreatedWebhookView,
  DeliveryView,
  Page,
  WebhookTestView,
  WebhookView,
} from '@coachflow/contracts';
import { type MailCatcher, startMailCatcher } from '@coachflow/dev-stack';
import {
  ApiClient,
  type AppStack,
  createOrganisationFixture,
  createPlaybookFixture,
  eventually,
  type OrganisationFixture,
  startApiProcess,
  startAppStack,
  startCycle,
} from '@coachflow/testing';
import { Webhook } from 'standardwebhooks';

interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** What verifying the Standard Webhooks signature with the endpoint's secret gave. */
  verified: unknown;
}

/** A local receiver: answers each path's scripted statuses in turn (then 200), keeping what it was sent. */
async function startReceiver(script: Record<string, number[]>, secrets: Map<string, string>) {
  const received = new Map<string, Received[]>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8');
      let verified: unknown;
      try {
        verified = new Webhook(secrets.get(path)!).verify(body, request.headers as Record<string, string>);
      } catch (error) {
        verified = { failed: String(error) };
      }
      const list = received.get(path) ?? [];
      list.push({ at: Date.now(), headers: request.headers, body, verified });
      received.set(path, list);
      response.statusCode = script[path]?.[list.length - 1] ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received: (path: string) => received.get(path) ?? [],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Webhooks end to end: registered by an admin, signed the Standard Webhooks way, retried with backoff on
 * failure under the same webhook-id, disabled (and the owner mailed) when a delivery fails for good, and
 * refused for private addresses when the allow switch is off.
 */
describe('webhooks', () => {
  const secrets = new Map<string, string>();
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let smtp: MailCatcher;
  let stack: AppStack;
  let org: OrganisationFixture;

  beforeAll(async () => {
    receiver = await startReceiver({ '/flaky': [500, 500, 500], '/down': Array(50).fill(500) }, secrets);
    smtp = await startMailCatcher();
    stack = await startAppStack({
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      SMTP_URL: smtp.url,
      NOTIFY_POLL_MS: '100',
      NOTIFY_RETRY_BASE_MS: '400',
      NOTIFY_GIVE_UP_AFTER_MS: '5000',
    });
    org = await createOrganisationFixture(stack.baseUrl);
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
    await smtp?.close();
  });

  const register = async (path: string, eventTypes: string[] = ['TaskOverdue']) => {
    const created = await org.admin.api.post<CreatedWebhookView>('/api/webhooks', {
      url: receiver.url(path),
      eventTypes,
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    secrets.set(path, created.body.secret);
    return created.body.endpoint;
  };

  it('signs each delivery and retries a failing receiver with backoff under the same webhook-id', async () => {
    const endpoint = await register('/flaky');
    // The secret is shown once: the list does not carry it.
    const list = await org.admin.api.get<{ items: WebhookView[] }>('/api/webhooks');
    expect(JSON.stringify(list.body)).not.toContain(secrets.get('/flaky')!.slice(6));

    const test = await org.admin.api.post<WebhookTestView>(`/api/webhooks/${endpoint.id}/test`);
    expect(test.status).toBe(202);
    const calls = await eventually(async () => {
      const received = receiver.received('/flaky');
      expect(received).toHaveLength(4);
      return received;
    }, 30_000);
    expect(new Set(calls.map((call) => call.headers['webhook-id']))).toEqual(new Set([test.body.deliveryId]));
    for (const call of calls) expect(call.verified).toMatchObject({ type: 'webhook.test' });
    // 400 ms, then 800, then 1600 (less the poll interval's and the request's jitter).
    const gaps = calls.slice(1).map((call, i) => call.at - calls[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(350);
    expect(gaps[1]).toBeGreaterThanOrEqual(750);
    expect(gaps[2]).toBeGreaterThanOrEqual(1550);
    expect(gaps[1]! / gaps[0]!).toBeGreaterThan(1.4);

    const log = await eventually(async () => {
      const page = await org.admin.api.get<Page<DeliveryView>>(`/api/webhooks/${endpoint.id}/deliveries`);
      expect(page.body.items[0]).toMatchObject({ status: 'sent', attempts: 4, responseCode: 200 });
      return page.body.items;
    });
    expect(log).toHaveLength(1);

    // A cycle event of the subscribed type arrives signed, with the cycle's ids.
    const playbookId = await createPlaybookFixture(org.admin.api, { timings: { prioritiseDue: 'PT1S' } });
    const cycle = await startCycle(org.manager.api, org.rep.user.id, playbookId);
    const overdue = await eventually(async () => {
      const events = receiver
        .received('/flaky')
        .map((call) => call.verified as { type?: string; data?: Record<string, unknown> })
        .filter((payload) => payload.type === 'task.overdue');
      expect(events).toHaveLength(2);
      return events;
    }, 30_000);
    for (const payload of overdue) expect(payload.data).toMatchObject({ cycleId: cycle.id });
  });

  it('disables an endpoint whose delivery fails for good and mails the admin who registered it', async () => {
    const endpoint = await register('/down');
    await org.admin.api.post(`/api/webhooks/${endpoint.id}/test`);
    await eventually(async () => {
      const list = await org.admin.api.get<{ items: WebhookView[] }>('/api/webhooks');
      expect(list.body.items.find((item) => item.id === endpoint.id)?.disabledAt).toEqual(expect.any(String));
    }, 30_000);
    const page = await org.admin.api.get<Page<DeliveryView>>(`/api/webhooks/${endpoint.id}/deliveries`);
    expect(page.body.items[0]).toMatchObject({ status: 'failed', responseCode: 500 });
    await eventually(async () =>
      expect(
        smtp.mails.filter(
          (mail) =>
            mail.to.includes(org.admin.user.email) && mail.subject === 'A webhook endpoint was disabled',
        ),
      ).toHaveLength(1),
    );
    expect((await org.admin.api.post(`/api/webhooks/${endpoint.id}/test`)).status).toBe(409);

    // Re-enabled by an admin, it is sent to again.
    const enabled = await org.admin.api.post<WebhookView>(`/api/webhooks/${endpoint.id}/enable`);
    expect(enabled.status).toBe(200);
    expect(enabled.body.disabledAt).toBeUndefined();
    expect(enabled.body.disabledReason).toBeUndefined();
    const again = await org.admin.api.post<WebhookTestView>(`/api/webhooks/${endpoint.id}/test`);
    expect(again.status).toBe(202);
    await eventually(async () =>
      expect(
        receiver.received('/down').filter((call) => call.headers['webhook-id'] === again.body.deliveryId),
      ).not.toHaveLength(0),
    );

    // Deleted: gone from the list, nothing more is sent (its retry is skipped), its log stays.
    expect((await org.admin.api.request('DELETE', `/api/webhooks/${endpoint.id}`)).status).toBe(204);
    const afterDelete = await org.admin.api.get<{ items: WebhookView[] }>('/api/webhooks');
    expect(afterDelete.body.items.map((item) => item.id)).not.toContain(endpoint.id);
    expect((await org.admin.api.post(`/api/webhooks/${endpoint.id}/test`)).status).toBe(404);
    expect((await org.admin.api.request('DELETE', `/api/webhooks/${endpoint.id}`)).status).toBe(404);
    const skipped = await eventually(async () => {
      const log = await org.admin.api.get<Page<DeliveryView>>(`/api/deliveries?recipientId=${endpoint.id}`);
      const retried = log.body.items.find((item) => item.id === again.body.deliveryId);
      expect(retried).toMatchObject({ status: 'skipped', lastError: 'the endpoint was deleted' });
      return log.body.items;
    });
    expect(skipped.map((item) => item.status).sort()).toEqual(['failed', 'skipped']);
    expect(skipped.every((item) => item.recipientName === undefined)).toBe(true);

    // Each change is in the organisation's audit trail, with who made it.
    const audit = await org.admin.api.get<Page<AuditEventView>>('/api/audit?limit=200');
    const changes = audit.body.items.filter((event) => event.data['endpointId'] === endpoint.id);
    expect(changes.map((event) => event.type).reverse()).toEqual([
      'WebhookEndpointRegistered',
      'WebhookEndpointEnabled',
      'WebhookEndpointDeleted',
    ]);
    expect(new Set(changes.map((event) => event.actorId))).toEqual(new Set([org.admin.user.id]));
  });

  it('refuses private, loopback and metadata addresses with the allow switch off', async () => {
    const strict = await startApiProcess({ ...stack.env, WEBHOOKS_ALLOW_PRIVATE: 'false' });
    try {
      const admin = new ApiClient(strict.baseUrl, org.admin.api.token);
      for (const url of [
        'https://localhost/hook',
        'https://127.0.0.1/hook',
        'https://10.0.0.7/hook',
        'https://169.254.169.254/latest/meta-data',
        'https://[::1]/hook',
        'http://93.184.216.34/hook',
      ]) {
        const refused = await admin.post('/api/webhooks', { url, eventTypes: ['EscalationRaised'] });
        expect({ url, status: refused.status }).toEqual({ url, status: 400 });
      }
    } finally {
      await strict.process.stop();
    }
  });
});
