import type { CycleView } from '@coachflow/contracts';
import {
  addRep,
  type AppStack,
  createOrganisationFixture,
  createPlaybookFixture,
  eventually,
  FIXTURE_COMPETENCIES,
  FIXTURE_PASSWORD,
  type FixtureUser,
  openTask,
  type OrganisationFixture,
  startAppStack,
  startCycle,
} from '@coachflow/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cycleWithCommitments } from './cycle-setup';
import {
  checkPage,
  colorContrastOf,
  launchChromium,
  newTestContext,
  markDocument,
  pageErrors,
  signIn,
  stillSamePage,
  themeColor,
} from './browser';

/**
 * A whole coaching cycle in Chromium, only through the UI: the manager and the rep, each in a browser
 * context of their own, on the real stack with a playbook whose timings run in seconds. The rep keeps one
 * commitment and never checks in on the other; the manager's escalation task arrives in her open inbox
 * without a reload, and she recommits. A leader sees a level-2 escalation of another cycle. A task made
 * overdue on purpose stays readable on the row the manager selects with the keyboard.
 */
/**
 * People, competencies and playbook named as in the demo seed (apps/api/src/modules/demo), so the pages
 * read as the product does after `npm start`: three of these screenshots are in the README.
 */
const PEOPLE = {
  admin: 'Avery Admin',
  leader: 'Lee Leader',
  manager: 'Maria Manager',
  otherManager: 'Omar Manager',
  rep: 'Ray Rep',
  otherRep: 'Ana Rep',
};
const COMPETENCIES = {
  discovery: 'Adaptability',
  closing: 'Building trust',
  objections: 'Creating value in real time',
} as const;
const PLAYBOOK = '30-day coaching plan';
const competencyNames = FIXTURE_COMPETENCIES.map((key) => COMPETENCIES[key]);
const playbookNames = { playbook: PLAYBOOK, competencies: COMPETENCIES };

describe('the web app in Chromium: a coaching cycle', () => {
  let stack: AppStack;
  let browser: Browser;
  let org: OrganisationFixture;
  const contexts: BrowserContext[] = [];
  const violations: string[] = [];
  const errorsByPage: string[][] = [];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startAppStack(), launchChromium()]);
    org = await createOrganisationFixture(stack.baseUrl, { names: PEOPLE });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  });

  async function signedIn(who: FixtureUser, width = 1280): Promise<Page> {
    const context = await newTestContext(browser, { viewport: { width, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    errorsByPage.push(pageErrors(page));
    await signIn(page, stack.baseUrl, who.user.email, FIXTURE_PASSWORD);
    return page;
  }

  const check = async (page: Page, name: string) => violations.push(...(await checkPage(page, name)));

  /** Back to the inbox the way a person would, at any width: the logo in the header. */
  async function toInbox(page: Page): Promise<void> {
    await page.getByRole('link', { name: 'Coachflow', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Your inbox' }).waitFor();
  }

  /** The task page of `label`: the app opened it after the last submit, or it is picked from the inbox. */
  async function openFromInbox(page: Page, label: string): Promise<void> {
    const heading = page.getByRole('heading', { level: 1, name: label });
    if (await heading.isVisible()) return;
    await toInbox(page);
    await page.getByRole('link', { name: label }).first().click({ timeout: 30_000 });
    await heading.waitFor();
  }

  async function rateEveryCompetency(page: Page, point: number): Promise<void> {
    for (const competency of competencyNames)
      await page
        .getByRole('radiogroup', { name: competency })
        .getByRole('radio')
        .nth(point - 1)
        .click();
  }

  async function submitAndLeave(page: Page): Promise<void> {
    const before = page.url();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL((url) => url.href !== before, { timeout: 30_000 });
  }

  it('runs a whole cycle for manager and rep; the escalation arrives live and is resolved by recommit', async () => {
    await createPlaybookFixture(org.admin.api, {
      timings: { planLength: 'PT30S', checkInGrace: 'PT20S', escalateAfter: 'PT10M' },
      names: playbookNames,
    });
    const [manager, rep] = await Promise.all([signedIn(org.manager), signedIn(org.rep, 375)]);

    // The rep waits in an empty inbox; the manager starts the cycle from her team page.
    await rep.getByRole('heading', { name: 'Your inbox' }).waitFor();
    await markDocument(rep);
    await check(rep, 'web-inbox-empty-rep-phone');
    await manager.getByRole('link', { name: 'Team', exact: true }).click();
    const row = manager
      .getByRole('row')
      .filter({ has: manager.getByRole('cell', { name: PEOPLE.rep, exact: true }) });
    await row.getByRole('button', { name: 'Start a cycle' }).click();
    await manager.getByRole('combobox', { name: 'Playbook' }).click();
    await manager.getByRole('option', { name: PLAYBOOK }).click();
    await check(manager, 'web-team-start-cycle');
    await manager.getByRole('button', { name: 'Start', exact: true }).click();
    await manager.waitForURL(/\/cycles\//);
    const cycleUrl = manager.url();

    // The rep's self-assessment appears in his open inbox, live.
    await rep.getByRole('link', { name: 'Rate yourself' }).click({ timeout: 15_000 });
    expect(await stillSamePage(rep)).toBe(true);
    await rep.getByRole('heading', { name: 'Rate yourself' }).waitFor();
    await rateEveryCompetency(rep, 3);
    await check(rep, 'web-task-self-assessment-phone');
    await submitAndLeave(rep);

    await openFromInbox(manager, 'Rate your rep');
    await rateEveryCompetency(manager, 2);
    await check(manager, 'web-task-manager-assessment');
    await submitAndLeave(manager);

    await openFromInbox(manager, 'Set the focus areas');
    await manager.getByRole('checkbox', { name: `Focus on ${competencyNames[0]}` }).check();
    await manager.getByRole('radio', { name: /^Skill/ }).click();
    await manager.getByRole('radio', { name: /^Coaching/ }).click();
    await check(manager, 'web-task-set-priorities');
    await submitAndLeave(manager);

    await openFromInbox(manager, 'Hold the coaching session');
    const titles = ['Call ten new accounts', 'Ask for the close in every demo'];
    for (const [index, title] of titles.entries()) {
      if (index > 0) await manager.getByRole('button', { name: 'Add a commitment' }).click();
      const commitment = manager.getByRole('group', { name: `Commitment ${index + 1}` });
      await commitment.getByLabel('What will you do?').fill(title);
      await commitment.getByLabel('How will you know it is done?').fill('Logged in the CRM');
      await commitment.getByText(/the plan's length/).click();
    }
    await check(manager, 'web-task-coaching-session');
    await submitAndLeave(manager);

    await openFromInbox(rep, 'Accept the coaching plan');
    await rep.getByRole('radio', { name: /^I accept the plan/ }).click();
    await check(rep, 'web-task-acknowledge-plan-phone');
    await submitAndLeave(rep);

    // The manager waits on her inbox; the rep checks in on the first commitment only.
    await toInbox(manager);
    await markDocument(manager);

    // The rep is back in his inbox (no other task of his): both check-ins arrive there when due.
    await rep.getByRole('heading', { level: 1, name: 'Your inbox' }).waitFor();
    const checkIn = rep.getByRole('link', { name: 'Check in on a commitment' });
    await checkIn.nth(1).waitFor({ timeout: 90_000 });
    await checkIn.first().click();
    await rep.getByRole('heading', { name: 'Check in on a commitment' }).waitFor();
    // Whichever check-in opened, the page names its commitment; the rep kept the first one.
    const kept = rep.getByText(titles[0]!);
    if (!(await kept.isVisible())) {
      await rep.goBack();
      await checkIn.nth(1).click();
      await kept.waitFor();
    }
    await rep.getByRole('radio', { name: /^Yes, I did it/ }).click();
    await rep.getByLabel('Note').fill('Eleven calls, two meetings booked.');
    await check(rep, 'web-task-check-in-phone');
    await submitAndLeave(rep);

    // Nobody checks in on the second: after the grace it is missed, and the manager's task arrives live.
    const escalation = manager.getByRole('link', { name: 'Resolve a missed commitment' });
    await escalation.waitFor({ timeout: 60_000 });
    expect(await stillSamePage(manager)).toBe(true);
    await check(manager, 'web-inbox-manager');
    await escalation.click();
    await manager.getByText(titles[1]!).first().waitFor();
    await manager.getByRole('radio', { name: /^Recommit/ }).click();
    await manager.getByText(/the plan's length/).click();
    await check(manager, 'web-task-resolve-escalation');
    await submitAndLeave(manager);

    await manager.goto(cycleUrl);
    await manager.getByText(`recommitted “${titles[1]}”`, { exact: false }).waitFor({ timeout: 15_000 });
    await manager.getByText(`“${titles[0]}” was kept`).waitFor();
    await check(manager, 'web-cycle');
    // The rep sees the same cycle on his phone.
    await rep.goto(cycleUrl);
    await rep.getByText(`“${titles[0]}” was kept`).waitFor();
    await check(rep, 'web-cycle-phone');
    const cycleId = cycleUrl.split('/').pop()!;
    const summary = (await org.manager.api.get<CycleView>(`/api/cycles/${cycleId}`)).body;
    expect(summary.escalations).toEqual([
      expect.objectContaining({ level: 1, resolvedAt: expect.any(String) }),
    ]);
    expect(Object.fromEntries(summary.commitments.map((c) => [c.title, c.status]))).toEqual({
      [titles[0]!]: 'kept',
      [titles[1]!]: 'open',
    });
  }, 300_000);

  it('shows the leader a level-2 escalation', async () => {
    const playbookId = await createPlaybookFixture(org.admin.api, {
      timings: { checkInGrace: 'PT1S', escalateAfter: 'PT3S', planLength: 'PT1M' },
      names: playbookNames,
    });
    const cycleId = await cycleWithCommitments(org.manager, org.otherRep, playbookId, [
      'Send the proposal the same day',
    ]);

    const leader = await signedIn(org.leader);
    await leader.getByRole('heading', { name: 'Your inbox' }).waitFor();
    const task = leader.getByRole('link', { name: 'Resolve a missed commitment' });
    await task.waitFor({ timeout: 60_000 });
    await check(leader, 'web-inbox-leader');
    await task.click();
    await leader.getByText('Send the proposal the same day').first().waitFor();
    await leader
      .getByText(/level 2/i)
      .first()
      .waitFor();
    await check(leader, 'web-task-resolve-escalation-leader');
    await leader.getByRole('radio', { name: /^Drop/ }).click();
    await submitAndLeave(leader);
    await leader.goto(`${stack.baseUrl}/cycles/${cycleId}`);
    await leader.getByText(/dropped “Send the proposal the same day”/).waitFor({ timeout: 15_000 });
    // The leader's team: every rep under the managers below, filterable by manager.
    await leader.getByRole('link', { name: 'Team', exact: true }).click();
    await leader.getByRole('cell', { name: PEOPLE.otherRep, exact: true }).waitFor();
    await check(leader, 'web-team-leader');
  }, 180_000);

  it("keeps an overdue task's due time readable on the row the keyboard selected", async () => {
    // A cycle whose assessments fall due two seconds after it starts: the manager's is overdue on purpose.
    const playbookId = await createPlaybookFixture(org.admin.api, {
      timings: { prioritiseDue: 'PT2S' },
      names: playbookNames,
    });
    const sam = await addRep(org, 'Sam Rep');
    const cycleId = (await startCycle(org.manager.api, sam.user.id, playbookId)).id;
    await openTask(org.manager.api, cycleId, 'manager-assessment', (task) => !!task.overdueAt, 30_000);

    const manager = await signedIn(org.manager);
    const row = manager
      .getByRole('region', { name: 'Overdue' })
      .getByRole('row')
      .filter({ has: manager.getByRole('cell', { name: 'Sam Rep', exact: true }) });
    await row.waitFor();
    // As a person selects it: k to the first row, then j down to Sam's (other tests' tasks may come first).
    await manager.keyboard.press('k');
    for (let step = 0; (await row.getAttribute('data-selected')) === null && step < 20; step += 1)
      await manager.keyboard.press('j');
    const link = row.getByRole('link', { name: 'Rate your rep' });
    expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await row.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
      await themeColor(manager, 'indigo.0'),
    );

    // The due time (a Mantine Text, a <p>, in the row's last cell) reads as past and is drawn in red.9.
    const dueTime = row.getByRole('cell').last().locator('p');
    expect(await dueTime.isVisible()).toBe(true);
    const firstRead = await dueTime.textContent();
    expect(firstRead).toMatch(/^(now|.+ ago)$/);
    expect(await dueTime.evaluate((element) => getComputedStyle(element).color)).toBe(
      await themeColor(manager, 'red.9'),
    );

    expect(await checkPage(manager, 'web-inbox-overdue-selected')).toEqual([]);
    // The whole-page scan above could leave the due time unjudged (`incomplete`): axe must pass it.
    expect(await colorContrastOf(manager, 'tr[data-selected] td:last-child p')).toEqual({
      passes: [expect.any(String)],
      violations: [],
      incomplete: [],
    });
    // The page keeps the time current without a reload: under a minute it counts on, second by second.
    await eventually(async () => expect(await dueTime.textContent()).not.toBe(firstRead), 5_000);
    expect(await dueTime.textContent()).toMatch(/^\d+ seconds? ago$/);
  }, 90_000);

  it('visited every page without a serious accessibility violation or a page error', () => {
    expect(violations).toEqual([]);
    expect(errorsByPage.flat()).toEqual([]);
  });
});
