import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, newTestContext } from './browser';

/** What a page in the context answers to the reduced-motion media query. */
async function asksForReducedMotion(context: BrowserContext): Promise<boolean> {
  const page = await context.newPage();
  return page.evaluate(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches);
}

/** The contexts browser tests and benchmarks open: reduced motion unless the caller says otherwise. */
describe('newTestContext', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('asks for reduced motion by default, alongside the options given', async () => {
    const context = await newTestContext(browser, { viewport: { width: 375, height: 740 } });
    expect(await asksForReducedMotion(context)).toBe(true);
    expect(context.pages()[0]?.viewportSize()).toEqual({ width: 375, height: 740 });
    await context.close();
  });

  it('lets the caller ask for motion', async () => {
    const context = await newTestContext(browser, { reducedMotion: 'no-preference' });
    expect(await asksForReducedMotion(context)).toBe(false);
    await context.close();
  });

  it('leaves contexts opened without it alone', async () => {
    const context = await browser.newContext();
    expect(await asksForReducedMotion(context)).toBe(false);
    await context.close();
  });
});
