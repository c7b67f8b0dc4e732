import type { FormView } from '@coachflow/contracts';
import {
  type AppStack,
  createOrganisationFixture,
  eventually,
  FIXTURE_PASSWORD,
  type FixtureUser,
  type OrganisationFixture,
  startAppStack,
} from '@coachflow/testing';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectStatus } from '../access-fixtures';
import { launchChromium, newTestContext, pageErrors, screenshot, signIn } from './browser';

/** What the builder's browser specs share: people signed in, and the gestures an admin makes. */

export interface SignedInPage {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** A desktop-wide browser context signed in as `who`, collecting the page's errors. */
export async function openAs(
  browser: Browser,
  stack: AppStack,
  who: FixtureUser,
  viewport = { width: 1440, height: 900 },
): Promise<SignedInPage> {
  const context = await newTestContext(browser, { viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors = pageErrors(page);
  await signIn(page, stack.baseUrl, who.user.email, FIXTURE_PASSWORD);
  return { page, errors, close: () => context.close() };
}

export interface BuilderSuite {
  stack: AppStack;
  browser: Browser;
  /** Admin, leader, manager and reps of a fresh organisation. */
  org: OrganisationFixture;
  /** A form as the API has it now, read by the admin. */
  formOnServer(formId: string): Promise<FormView>;
}

/**
 * Registers a describe block's setup and teardown: the real stack, Chromium, and an organisation. Its
 * fields are there once `beforeAll` has run.
 */
export function builderSuite(): BuilderSuite {
  const suite = {
    formOnServer: async (formId: string) =>
      expectStatus(await suite.org.admin.api.get<FormView>(`/api/forms/${formId}`), 200, 'reading the form'),
  } as BuilderSuite;
  beforeAll(async () => {
    [suite.stack, suite.browser] = await Promise.all([startAppStack(), launchChromium()]);
    suite.org = await createOrganisationFixture(suite.stack.baseUrl);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.stop();
  });
  return suite;
}

/** Creates a new form for the task kind named `kindName` ("Coaching session") from the builder's home. */
export async function createFormFromHome(page: Page, baseUrl: string, kindName: string): Promise<string> {
  await page.goto(`${baseUrl}/admin/builder`);
  await page.getByRole('tab', { name: 'Forms' }).click();
  await page.getByRole('combobox', { name: 'For task kind' }).click();
  await page.getByRole('option', { name: kindName, exact: true }).click();
  await page.getByRole('button', { name: 'New form' }).click();
  await page.waitForURL(/\/admin\/builder\/forms\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: /^Form:/ }).waitFor();
  return page.url().split('/').pop()!;
}

/**
 * Drags `source` onto `target` with the mouse in small steps, as a hand would: dnd-kit's pointer sensor
 * activates only after the pointer has moved a few pixels while pressed.
 */
export async function dragWithMouse(page: Page, source: Locator, target: Locator): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  if (!from) throw new Error('the drag source is not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  const to = await target.boundingBox();
  if (!to) throw new Error('the drop target is not on screen');
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 2, { steps: 2 });
  await page.mouse.up();
}

/** Keyboard reordering with dnd-kit's keyboard sensor: focus the handle, Space, arrows, Space. */
export async function moveWithKeyboard(page: Page, handle: Locator, key: 'ArrowUp' | 'ArrowDown', times = 1) {
  await handle.focus();
  await page.keyboard.press('Space');
  for (let step = 0; step < times; step++) {
    await page.waitForTimeout(150); // the sensor measures the rows between moves
    await page.keyboard.press(key);
  }
  await page.waitForTimeout(150);
  await page.keyboard.press('Space');
}

/** The canvas's field keys in order. */
export function canvasKeys(page: Page): Promise<string[]> {
  return page
    .locator('[role="list"][aria-label="form fields"] [data-field-key]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-field-key') ?? ''));
}

/** Waits until the draft's badge says everything is saved. */
export async function waitUntilSaved(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 15_000 });
}

/** The property pane's label input of the selected field. */
export function labelInput(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Label', exact: true });
}

/** Selects a field on the canvas by its key. */
export async function selectField(page: Page, key: string): Promise<void> {
  await page
    .locator(`[data-field-key="${key}"]`)
    .getByRole('button', { name: /^Edit / })
    .click();
}

/** Opens the publish dialog, waits for the structural diff, publishes, and returns the diff's lines. */
export async function publish(page: Page): Promise<string[]> {
  await waitUntilSaved(page);
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish this version' });
  await dialog.getByText(/first version to be published|Changes since|Nothing changed/).waitFor();
  const lines = await dialog.getByRole('listitem').allTextContents();
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(/published: v\d+/).waitFor();
  return lines;
}

/** Runs `steps`; when one fails, saves a screenshot of where the page was, for the person reading the failure. */
export async function screenshotOnFailure<T>(page: Page, name: string, steps: () => Promise<T>): Promise<T> {
  try {
    return await steps();
  } catch (error) {
    await screenshot(page, `${name}-failure`).catch(() => undefined);
    throw error;
  }
}

export { eventually };
