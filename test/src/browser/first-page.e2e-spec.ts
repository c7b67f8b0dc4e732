import {
  type AppStack,
  createOrganisationFixture,
  FIXTURE_PASSWORD,
  startAppStack,
} from '@coachflow/testing';
import type { Browser } from 'playwright-core';
import {
  checkPage,
  launchChromium,
  newTestContext,
  pageErrors,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from './browser';

/**
 * The browser harness on the real stack (the API serving the built web app, the worker, Temporal,
 * Postgres): the first page a visitor gets renders under the API's Content-Security-Policy without
 * errors, at phone and desktop widths, with no serious or critical axe-core violation; and the first page
 * an admin gets after signing in (an inbox that is usually empty) says what to do next.
 */
describe('the web app in Chromium: first page', () => {
  let stack: AppStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startAppStack(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it.each([
    ['phone', { width: 375, height: 740 }],
    ['desktop', { width: 1280, height: 800 }],
  ])('renders on a %s without errors or serious accessibility violations', async (name, viewport) => {
    const context = await newTestContext(browser, { viewport });
    const page = await context.newPage();
    const errors = pageErrors(page);
    const response = await page.goto(stack.baseUrl, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.title()).not.toBe('');
    await screenshot(page, `first-page-${name}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    );
    await context.close();
  });

  it('gives a signed-in admin an empty inbox that points to the builder and to People', async () => {
    const org = await createOrganisationFixture(stack.baseUrl, { names: { admin: 'Alex Admin' } });
    // Each width in a context of its own: a phone loads the app at its width, it is not resized into it.
    for (const [name, viewport] of [
      ['phone', { width: 375, height: 740 }],
      ['desktop', { width: 1280, height: 800 }],
    ] as const) {
      const context = await newTestContext(browser, { viewport });
      const page = await context.newPage();
      const errors = pageErrors(page);
      await signIn(page, stack.baseUrl, org.admin.user.email, FIXTURE_PASSWORD);
      await page.getByText('Nothing to do right now').waitFor();
      const main = page.getByRole('main');
      const builder = main.getByRole('link', { name: 'design rubrics, forms and playbooks in the builder' });
      expect(await builder.getAttribute('href')).toBe('/admin/builder');
      expect(await main.getByRole('link', { name: 'People', exact: true }).getAttribute('href')).toBe(
        '/people',
      );
      expect(await main.getByRole('link', { name: /start a cycle/ }).count()).toBe(0);
      expect(await checkPage(page, `first-page-admin-inbox-${name}`)).toEqual([]);
      await builder.click();
      await page.waitForURL((url) => url.pathname === '/admin/builder');
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
