import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AppStack,
  createOrganisationFixture,
  eventually,
  FIXTURE_PASSWORD,
  type OrganisationFixture,
  startAppStack,
} from '@coachflow/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, launchChromium, newTestContext, pageErrors, signIn } from './browser';

/**
 * The notification settings and admin webhooks and deliveries pages in Chromium on the real stack:
 * settings saved and kept across a reload; a webhook registered through the form shows its secret once,
 * and its test event lands in its delivery log and in the organisation's, whose filters live in the URL;
 * axe-core and a screenshot of each page at phone and desktop widths.
 */
describe('the web app in Chromium: notification settings and webhooks', () => {
  let stack: AppStack;
  let browser: Browser;
  let org: OrganisationFixture;
  let receiver: Server;
  let receiverUrl: string;
  const violations: string[] = [];

  beforeAll(async () => {
    // `/broken` always fails, so an endpoint there is disabled once its delivery gives up.
    receiver = createServer((request, response) => {
      response.statusCode = request.url === '/broken' ? 500 : 204;
      response.end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    [stack, browser] = await Promise.all([
      startAppStack({
        WEBHOOKS_ALLOW_PRIVATE: 'true',
        NOTIFY_POLL_MS: '100',
        NOTIFY_RETRY_BASE_MS: '200',
        NOTIFY_GIVE_UP_AFTER_MS: '1500',
      }),
      launchChromium(),
    ]);
    org = await createOrganisationFixture(stack.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  });

  async function adminPage(width: number): Promise<Page> {
    const context = await newTestContext(browser, { viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signIn(page, stack.baseUrl, org.admin.user.email, FIXTURE_PASSWORD);
    return page;
  }

  it('saves notification settings that survive a reload', async () => {
    const page = await adminPage(375);
    const errors = pageErrors(page);
    await page.goto(`${stack.baseUrl}/settings/notifications`);
    const overdue = page.getByRole('switch', { name: 'One of my tasks is overdue' });
    await overdue.waitFor();
    const before = await overdue.isChecked();
    violations.push(...(await checkPage(page, 'notification-settings-phone')));
    await overdue.focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Day').selectOption('friday');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Your notification settings are saved.').waitFor();
    await page.reload();
    await page.getByRole('switch', { name: 'One of my tasks is overdue' }).waitFor();
    expect(await page.getByRole('switch', { name: 'One of my tasks is overdue' }).isChecked()).toBe(!before);
    expect(await page.getByLabel('Day').inputValue()).toBe('friday');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('registers a webhook, shows its secret once, and logs its test event', async () => {
    const page = await adminPage(1280);
    const errors = pageErrors(page);
    await page.getByRole('link', { name: 'Admin / Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByLabel(/Endpoint URL/).fill(receiverUrl);
    await page.getByRole('checkbox', { name: 'Escalation raised' }).check();
    await page.getByRole('button', { name: 'Register webhook' }).click();
    await page.getByText('you will not see it again').waitFor();
    expect(await page.locator('pre').innerText()).toMatch(/^whsec_/);
    await page.getByText(receiverUrl).waitFor();
    await page.getByRole('button', { name: 'Send test event' }).click();
    // The worker sends it in the background; the log shows it once delivered.
    await eventually(
      async () => {
        await page.reload();
        const row = page.getByRole('row', { name: /Webhook test/ });
        await row.waitFor({ timeout: 5_000 });
        expect(await row.innerText()).toMatch(/204[\s\S]*sent/);
      },
      60_000,
      1_000,
    );
    expect(await page.getByText('you will not see it again').count()).toBe(0);
    violations.push(...(await checkPage(page, 'webhooks-desktop')));
    expect(errors).toEqual([]);
    await page.context().close();

    const phone = await adminPage(375);
    await phone.goto(`${stack.baseUrl}/admin/webhooks`);
    await phone.getByRole('row', { name: /Webhook test/ }).waitFor();
    violations.push(...(await checkPage(phone, 'webhooks-phone')));
    await phone.context().close();
  });

  it('lists the deliveries with their event and recipient, filtered from the URL', async () => {
    const page = await adminPage(1280);
    const errors = pageErrors(page);
    await page.getByRole('link', { name: 'Admin / Deliveries' }).click();
    await page.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
    // The test event of the webhook registered above, by its event's name and the endpoint's address.
    const row = page.getByRole('row', { name: /Webhook test/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(
      new RegExp(`${receiverUrl}[\\s\\S]*Webhook[\\s\\S]*Sent[\\s\\S]*answered 204`, 'i'),
    );
    violations.push(...(await checkPage(page, 'deliveries-desktop')));

    // A filter goes to the URL; one that matches nothing says so and offers the way back.
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Failed' }).click();
    await page.getByText('No delivery matches these filters.').waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('failed');
    await page.getByRole('link', { name: 'Clear the filters' }).click();
    await page.getByRole('row', { name: /Webhook test/ }).waitFor();
    expect(new URL(page.url()).search).toBe('');

    // A shared link keeps its filters; a malformed one is dropped, not trusted.
    await page.goto(`${stack.baseUrl}/admin/deliveries?channel=email&within=1h&status=bogus`);
    await page.getByText('No delivery matches these filters.').waitFor();
    expect(await page.getByRole('combobox', { name: 'Channel' }).inputValue()).toBe('Email');
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('');
    await page.goto(`${stack.baseUrl}/admin/deliveries?channel=webhook&within=1h`);
    await page.getByRole('row', { name: /Webhook test/ }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();

    // An organisation that has sent nothing yet is told what would fill the page.
    const fresh = await createOrganisationFixture(stack.baseUrl);
    const freshPage = await (
      await newTestContext(browser, { viewport: { width: 1280, height: 900 } })
    ).newPage();
    await signIn(freshPage, stack.baseUrl, fresh.admin.user.email, FIXTURE_PASSWORD);
    await freshPage.goto(`${stack.baseUrl}/admin/deliveries`);
    await freshPage.getByText('Nothing has been sent yet.').waitFor();
    await freshPage.getByRole('link', { name: 'register a webhook' }).click();
    await freshPage.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await freshPage.context().close();

    const phone = await adminPage(375);
    await phone.goto(`${stack.baseUrl}/admin/deliveries`);
    await phone.getByRole('row', { name: /Webhook test/ }).waitFor();
    violations.push(...(await checkPage(phone, 'deliveries-phone')));
    await phone.context().close();
  });

  it('enables a disabled webhook again, and deletes one after asking', async () => {
    const brokenUrl = receiverUrl.replace(/\/hook$/, '/broken');
    const created = await org.admin.api.post<{ endpoint: { id: string } }>('/api/webhooks', {
      url: brokenUrl,
      eventTypes: ['TaskOverdue'],
    });
    expect(created.status).toBe(201);
    await org.admin.api.post(`/api/webhooks/${created.body.endpoint.id}/test`);
    await eventually(async () => {
      const list = await org.admin.api.get<{ items: { id: string; disabledAt?: string }[] }>('/api/webhooks');
      expect(list.body.items.find((item) => item.id === created.body.endpoint.id)?.disabledAt).toBeDefined();
    }, 30_000);

    const page = await adminPage(1280);
    const errors = pageErrors(page);
    await page.goto(`${stack.baseUrl}/admin/webhooks`);
    // The endpoint's card (the dialog and the toasts name its URL too, but hold no Delete button).
    const card = page
      .locator('div.mantine-Paper-root', { hasText: brokenUrl })
      .filter({ has: page.getByRole('button', { name: 'Delete', exact: true }) });
    await card.getByText('Disabled because:').waitFor();
    await card.getByRole('button', { name: 'Enable again' }).click();
    await card.getByRole('button', { name: 'Send test event' }).waitFor();
    expect(await card.getByText('Enabled', { exact: true }).count()).toBe(1);
    // Its toast fades by itself (and would cover the dialog's title in the screenshot).
    await page.getByText('Webhook enabled', { exact: true }).waitFor({ state: 'hidden', timeout: 15_000 });

    // Deleting asks first; keeping it changes nothing.
    await card.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this webhook?' });
    await dialog.waitFor();
    // The address in full, on lines of its own (a long one breaks anywhere inside its block, not the sentence).
    expect(await dialog.locator('pre').innerText()).toBe(brokenUrl);
    violations.push(...(await checkPage(page, 'webhooks-delete-dialog')));
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.getByRole('button', { name: 'Delete webhook' }).click();
    await card.waitFor({ state: 'detached' });
    await page.getByText(receiverUrl, { exact: true }).waitFor();
    const list = await org.admin.api.get<{ items: { id: string }[] }>('/api/webhooks');
    expect(list.body.items.map((item) => item.id)).not.toContain(created.body.endpoint.id);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('has no serious accessibility violations and fits a phone', () => {
    expect(violations).toEqual([]);
  });
});
