import type { CycleView, TaskList, TaskView } from '@coachflow/contracts';
import {
  addRep,
  type AppStack,
  createOrganisationFixture,
  createPlaybookFixture,
  eventually,
  FIXTURE_COMPETENCIES,
  FIXTURE_PASSWORD,
  type FixtureUser,
  type OrganisationFixture,
  openTask,
  startAppStack,
  startCycle,
} from '@coachflow/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkPage, launchChromium, newTestContext, pageErrors, signIn } from './browser';
import { cycleWithCommitments } from './cycle-setup';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HOSTILE_TITLE = '"><script>alert(2)</script>';

/**
 * Task forms in Chromium on the real stack: one done by keyboard alone, the API's field errors beside
 * their field, hostile text shown as text, an expired session that keeps what was typed; and axe-core on
 * the pages the cycle scenario does not visit (sign-in, team, people, notifications).
 */
describe('the web app in Chromium: forms, errors and hostile input', () => {
  let stack: AppStack;
  let browser: Browser;
  let org: OrganisationFixture;
  let playbookId: string;
  const contexts: BrowserContext[] = [];
  const violations: string[] = [];
  const errorsByPage: string[][] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startAppStack(), launchChromium()]);
    org = await createOrganisationFixture(stack.baseUrl);
    playbookId = await createPlaybookFixture(org.admin.api, {
      levels: ['manager'],
      timings: { checkInGrace: 'PT1S', planLength: 'PT5M' },
    });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  });

  async function newPage(width = 1280): Promise<Page> {
    const context = await newTestContext(browser, { viewport: { width, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    errorsByPage.push(pageErrors(page));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  }

  async function signedIn(who: FixtureUser, width = 1280): Promise<Page> {
    const page = await newPage(width);
    await signIn(page, stack.baseUrl, who.user.email, FIXTURE_PASSWORD);
    return page;
  }

  const check = async (page: Page, name: string) => violations.push(...(await checkPage(page, name)));

  /** Presses Tab until the focus is inside `selector`'s element (keyboard only, at most 40 presses). */
  async function tabInto(page: Page, within: string): Promise<void> {
    for (let presses = 0; presses < 40; presses += 1) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate((selector) => !!document.activeElement?.closest(selector), within);
      if (inside) return;
    }
    throw new Error(`Tab never reached ${within}`);
  }

  it('completes a self-assessment by keyboard alone: j/k and Enter in the inbox, digits, arrows, Enter', async () => {
    const cycleId = (await startCycle(org.manager.api, org.rep.user.id, playbookId)).id;
    const task = await openTask(org.rep.api, cycleId, 'self-assessment');
    const page = await signedIn(org.rep);
    await page.getByRole('link', { name: 'Rate yourself' }).waitFor();

    await page.keyboard.press('Shift+?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Rate yourself' }).waitFor();

    // One tab stop per competency: a digit chooses that point, arrows move the choice.
    const [first, second, third] = FIXTURE_COMPETENCIES;
    await tabInto(page, `[role="radiogroup"][aria-label="${first}"]`);
    await page.keyboard.press('4');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.press('5');
    await page.keyboard.press('ArrowLeft');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-checked'));
    expect(focused).toBe('true');
    await tabInto(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your inbox' }).waitFor();

    const done = (await org.rep.api.get<TaskView>(`/api/tasks/${task.id}`)).body;
    expect(done.status).toBe('completed');
    const completed = await org.rep.api.get<{ completion?: { data: Record<string, unknown> } }>(
      `/api/tasks/${task.id}`,
    );
    expect(completed.status).toBe(200);
    const events = await org.manager.api.get<{ items: { type: string; data: Record<string, unknown> }[] }>(
      `/api/cycles/${cycleId}/events`,
    );
    const submitted = events.body.items.find((event) => event.type === 'SelfAssessmentSubmitted');
    // ArrowRight from no choice moves to the second point, then the third (a radio group's arrows).
    expect(submitted?.data['ratings']).toEqual({ [first]: 4, [second]: 3, [third]: 4 });
  }, 120_000);

  it('shows the API’s field error beside its field and keeps the answers', async () => {
    const cycleId = await cycleWithCommitments(org.manager, org.otherRep, playbookId, ['Book three demos']);
    await openTask(org.manager.api, cycleId, 'resolve-escalation', () => true, 30_000);
    const page = await signedIn(org.manager);
    const errors = errorsByPage.at(-1)!;
    await page.getByRole('link', { name: 'Resolve a missed commitment' }).click();
    // Recommit without a new date: the form allows it (the date is optional), the task kind's rule does not.
    await page.getByRole('radio', { name: /^Recommit/ }).click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('alert').filter({ hasText: 'Some answers need a change' }).waitFor();
    const dueField = page.locator('.mantine-InputWrapper-root', {
      has: page.getByText('New due date (when recommitting)'),
    });
    await dueField.getByText('is required when recommitting').waitFor();
    expect(await page.getByRole('radio', { name: /^Recommit/ }).getAttribute('aria-checked')).toBe('true');
    await check(page, 'web-task-field-error');
    // Fixed, it goes through.
    await page.getByText(/the plan's length/).click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your inbox' }).waitFor();
    // The browser logs the refused request; nothing else went wrong on the page.
    expect(errors).toEqual([expect.stringContaining('status of 400')]);
    errors.length = 0;
  }, 120_000);

  it('renders hostile names and answers as text, never as HTML', async () => {
    const hostile = await addRep(org, HOSTILE_NAME);
    const cycleId = await cycleWithCommitments(org.manager, hostile, playbookId, [HOSTILE_TITLE], 'PT5M');

    const page = await signedIn(org.manager);
    await page.getByRole('link', { name: 'Team', exact: true }).click();
    await page.getByRole('cell', { name: HOSTILE_NAME }).waitFor();
    // The team overview (GET /api/team): the session held, the cycle in its improve phase.
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: HOSTILE_NAME }) });
    await row.getByText('Improve').waitFor();
    expect(await row.getByRole('cell').nth(6).textContent()).toMatch(/now|ago/);
    await check(page, 'web-team');
    await page.goto(`${stack.baseUrl}/cycles/${cycleId}`);
    await page.getByText(HOSTILE_TITLE, { exact: false }).first().waitFor();
    await page.getByText(HOSTILE_NAME, { exact: false }).first().waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await check(page, 'web-cycle-hostile');
    expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
    expect(dialogs).toEqual([]);
  }, 120_000);

  it('cancels a cycle from its page only with a reason, after asking', async () => {
    const rep = await addRep(org, 'Carl Cancelled');
    const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;
    const page = await signedIn(org.manager);
    await page.goto(`${stack.baseUrl}/cycles/${cycleId}`);
    await page.getByRole('button', { name: 'Cancel cycle' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this cycle?' });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Cancel cycle' });
    expect(await confirm.isDisabled()).toBe(true);
    await check(page, 'web-cycle-cancel-dialog');
    await dialog.getByRole('button', { name: 'Keep it running' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await org.manager.api.get<CycleView>(`/api/cycles/${cycleId}`)).body.status).toBe('running');

    await page.getByRole('button', { name: 'Cancel cycle' }).click();
    await dialog.getByLabel(/^Reason/).fill('Moved to another team');
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('cancelled', { exact: true }).waitFor();
    await eventually(async () =>
      expect((await org.manager.api.get<CycleView>(`/api/cycles/${cycleId}`)).body.status).toBe('cancelled'),
    );
  }, 120_000);

  it('keeps what was typed when the session ends in the middle of a form', async () => {
    const rep = await addRep(org, 'Rita Late');
    const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;
    const task = await openTask(rep.api, cycleId, 'self-assessment');
    const page = await signedIn(rep, 375);
    const errors = errorsByPage.at(-1)!;
    let token: string | undefined;
    page.on('request', (request) => {
      token = request.headers()['authorization']?.replace('Bearer ', '') ?? token;
    });
    await page.goto(`${stack.baseUrl}/tasks/${task.id}`);
    await page.getByRole('heading', { level: 1, name: 'Rate yourself' }).waitFor();
    const [first, second, third] = FIXTURE_COMPETENCIES;
    await page.getByRole('radiogroup', { name: first }).getByRole('radio').nth(1).click();
    await page.getByRole('radiogroup', { name: second }).getByRole('radio').nth(4).click();
    await page.getByRole('radiogroup', { name: third }).getByRole('radio').nth(0).click();

    // The session ends on the server (as when it is revoked or expires): access and refresh tokens stop.
    expect(token).toBeDefined();
    const logout = await fetch(`${stack.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(logout.status).toBe(204);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/login/);
    await page.getByText('Your session ended').waitFor();
    await check(page, 'web-login-session-ended-phone');
    await page.getByLabel('Email').fill(rep.user.email);
    await page.locator('input[type="password"]').fill(FIXTURE_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // Back on the task, the ratings still chosen.
    await page.waitForURL(new RegExp(`/tasks/${task.id}`));
    const chosen = (name: string) =>
      page.getByRole('radiogroup', { name }).locator('[aria-checked="true"]').textContent();
    await eventually(async () => {
      expect(await chosen(first!)).toBe('2');
      expect(await chosen(second!)).toBe('5');
      expect(await chosen(third!)).toBe('1');
    });
    // The browser logs the refused submit and the refused renewal (the session marker said there was a
    // refresh cookie; the server answered that its session is over and cleared both); nothing else.
    expect(errors).toEqual([
      expect.stringMatching(new RegExp(`status of 401 .*/api/tasks/${task.id}/complete\\)$`)),
      expect.stringMatching(/status of 401 .*\/api\/auth\/refresh\)$/),
    ]);
    errors.length = 0;
    const open = await rep.api.get<TaskList>(`/api/tasks?status=open&cycleId=${cycleId}`);
    expect(open.body.items.map((t) => t.id)).toContain(task.id);
  }, 120_000);

  it('lets a person whose email is in two organisations choose one at sign-in', async () => {
    const name = `Second org ${Date.now()}`;
    const signUp = await org.admin.api.post('/api/organisations', {
      name,
      admin: { email: org.rep.user.email, name: 'Ray in the second org', password: FIXTURE_PASSWORD },
    });
    expect(signUp.status).toBe(201);
    const page = await newPage(375);
    await page.goto(`${stack.baseUrl}/login`);
    await page.getByLabel('Email').fill(org.rep.user.email);
    await page.locator('input[type="password"]').fill(FIXTURE_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const choice = page.getByRole('radiogroup', { name: /Which organisation/ });
    await choice.getByRole('radio').nth(1).waitFor();
    expect(await choice.getByRole('radio').count()).toBe(2);
    await check(page, 'web-login-choose-organisation-phone');
    await choice.getByRole('radio', { name }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your inbox' }).waitFor();
    await page.getByRole('button', { name: 'Account of Ray in the second org' }).waitFor();
    // The answer of the first attempt (409) is logged by the browser; nothing else.
    expect(errorsByPage.at(-1)).toEqual([expect.stringContaining('status of 409')]);
    errorsByPage.at(-1)!.length = 0;
  }, 60_000);

  it('passes axe-core on sign-in, people and notifications', async () => {
    for (const [name, width] of [
      ['web-login', 1280],
      ['web-login-phone', 375],
    ] as const) {
      const page = await newPage(width);
      await page.goto(`${stack.baseUrl}/login`);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await check(page, name);
    }
    const admin = await signedIn(org.admin);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await admin.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await admin.getByText(org.rep.user.email).first().waitFor();
    await check(admin, 'web-people');
    const manager = await signedIn(org.manager, 375);
    await manager.getByRole('link', { name: /^Notifications/ }).click();
    await manager.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await manager
      .getByText(/escalat/i)
      .first()
      .waitFor();
    await check(manager, 'web-notifications-phone');
  }, 120_000);

  it('visited every page without a serious accessibility violation, a page error or a dialog', () => {
    expect(violations).toEqual([]);
    expect(errorsByPage.flat()).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
