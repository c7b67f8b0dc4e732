import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';

/** Debian's Chromium (package `chromium`; .ci/run installs it): no browser is ever downloaded. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * A headless Chromium (browser tests and browser benchmarks); callers open their contexts with
 * {@link newTestContext} and close it.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Root in CI containers has no user namespaces for the sandbox; /dev/shm is small there.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  return browser;
}

/**
 * A browser context for a test or a benchmark: it asks for reduced motion unless `options` say otherwise,
 * so the app's toasts appear and leave at once and axe never reads a colour halfway through a fade (a toast
 * closing itself mid-scan failed CI).
 */
export function newTestContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({ reducedMotion: 'reduce', ...options });
}

/** Signs in through the login page, as a person would, and waits until the app has left it. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  // The label reads "Password *" (a required field), and the visibility toggle is "Toggle password visibility".
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
