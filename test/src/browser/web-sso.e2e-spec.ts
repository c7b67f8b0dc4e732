import { freePort } from '@coachflow/dev-stack';
import {
  type AppStack,
  createOrganisationFixture,
  type OrganisationFixture,
  startAppStack,
} from '@coachflow/testing';
import type { Browser } from 'playwright-core';
import { TestIdentityProvider } from '../test-identity-provider';
import { checkPage, launchChromium, newTestContext, pageErrors } from './browser';

/**
 * Single sign-on in Chromium against the real stack and a local OpenID Connect provider: the sign-in page
 * offers the button when the API has a provider configured, and the button goes through the provider and
 * back, signed in, to the page the person asked for.
 */
describe('the web app in Chromium: single sign-on', () => {
  const idp = new TestIdentityProvider();
  let stack: AppStack;
  let browser: Browser;
  let org: OrganisationFixture;

  beforeAll(async () => {
    await idp.start();
    // The provider sends the browser back to the API's callback, so the API's address is chosen first.
    const port = await freePort();
    [stack, browser] = await Promise.all([
      startAppStack(idp.apiEnv(`http://127.0.0.1:${port}/api/auth/oidc/callback`), port),
      launchChromium(),
    ]);
    org = await createOrganisationFixture(stack.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await idp.stop();
  });

  it('goes through the provider and lands signed in on the page asked for', async () => {
    const context = await newTestContext(browser, { viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    const errors = pageErrors(page);

    await page.goto(`${stack.baseUrl}/team`);
    await page.waitForURL((url) => url.pathname === '/login');
    const button = page.getByRole('link', { name: 'Sign in with single sign-on' });
    await button.waitFor();
    expect(await checkPage(page, 'web-login-sso-phone')).toEqual([]);

    // The provider vouches for the manager's email; the browser passes through it without a stop.
    idp.signInAs = { email: org.manager.user.email, email_verified: true };
    await button.click();
    await page.waitForURL((url) => url.pathname === '/team');
    await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
    await page.getByRole('button', { name: `Account of ${org.manager.user.name}` }).waitFor();
    // Her team, read with the session single sign-on opened.
    await page.getByText(org.rep.user.name, { exact: true }).first().waitFor();
    expect(await checkPage(page, 'web-team-after-sso-phone')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
