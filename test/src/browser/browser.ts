import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

// Launching and signing in are shared with the browser benchmarks (bench/src/browser-*.ts).
export { CHROMIUM_PATH, launchChromium, newTestContext, signIn } from '@coachflow/testing';

/** Where browser tests save a screenshot of each page they visit (git-ignored). */
export const SCREENSHOTS_DIR = join(__dirname, '..', '..', 'screenshots');

/** Saves the whole page as `<name>.png` under SCREENSHOTS_DIR. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((n) => n.target).join(' ')}`,
    );
}

/**
 * What axe-core's color-contrast rule made of the elements at `selector`, by outcome (their targets): an
 * element it could not judge (a background image, overlapping boxes) is `incomplete`, neither passed nor
 * failed, so a test about one element's contrast insists on `passes`.
 */
export async function colorContrastOf(
  page: Page,
  selector: string,
): Promise<Record<'passes' | 'violations' | 'incomplete', string[]>> {
  const results = await new AxeBuilder({ page }).include(selector).withRules(['color-contrast']).analyze();
  const targets = (outcome: typeof results.passes) =>
    outcome.flatMap((rule) => rule.nodes.map((node) => node.target.join(' ')));
  return {
    passes: targets(results.passes),
    violations: targets(results.violations),
    incomplete: targets(results.incomplete),
  };
}

/**
 * A theme colour such as `red.9` as the app's Mantine CSS variables draw it, in the `rgb(...)` form of a
 * computed style: what an element styled with that colour computes to, whatever the theme's value is.
 */
export function themeColor(page: Page, color: string): Promise<string> {
  const variable = `--mantine-color-${color.replace('.', '-')}`;
  return page.evaluate((name) => {
    if (!getComputedStyle(document.documentElement).getPropertyValue(name))
      throw new Error(`the theme defines no ${name}`);
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.color = `var(${name})`;
    const drawn = getComputedStyle(probe).color;
    probe.remove();
    return drawn;
  }, variable);
}

/**
 * Collects what the page reports as errors: console errors (CSP refusals and failed requests among them,
 * a 401 from a silent refresh too: the app tries one only when the API's session marker says there is a
 * refresh cookie) and uncaught ones.
 */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Waits for the page's running transitions and finite animations to end (spinners run forever and are left
 * alone): axe reads colours as drawn, so a toast still fading in fails its contrast check.
 */
async function finiteAnimationsDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Two frames, so a transition started by this frame's style change is running.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const finite = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
  });
}

/**
 * What every browser scenario does on each page it visits: a screenshot named `name`, axe-core's serious
 * and critical violations, and a page wider than the screen (sideways scrolling on a phone); empty when
 * the page is fine, each problem prefixed with the page's name.
 */
export async function checkPage(page: Page, name: string): Promise<string[]> {
  await finiteAnimationsDone(page);
  await screenshot(page, name);
  const problems = await seriousAccessibilityViolations(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const viewport = page.viewportSize()?.width ?? width;
  if (width > viewport) problems.push(`${width} px wide on a ${viewport} px screen`);
  return problems.map((problem) => `${name}: ${problem}`);
}

/**
 * Marks the document, so a later `stillSamePage` tells whether the page was reloaded (or navigated away
 * by a full load) in between: live updates must arrive without either.
 */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { coachflowMark?: boolean }).coachflowMark = true;
  });
}

export function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { coachflowMark?: boolean }).coachflowMark === true);
}
