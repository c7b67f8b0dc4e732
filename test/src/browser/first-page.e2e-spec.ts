import { type AppStack, startAppStack } from '@coachflow/testing';
import type { Browser } from 'playwright-core';
import { launchChromium, pageErrors, screenshot, seriousAccessibilityViolations } from './browser';

/**
 * The browser harness on the real stack (the API serving the built web app, the worker, Temporal,
 * Postgres): the first page a visitor gets renders under the API's Content-Security-Policy without
 * errors, at phone and desktop widths, with no serious or critical axe-core violation.
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
    const context = await browser.newContext({ viewport });
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
});
