import type { PlaybookView } from '@coachflow/contracts';
import { createPlaybookFixture } from '@coachflow/testing';
import { expectStatus } from '../access-fixtures';
import { checkPage } from './browser';
import { builderSuite, createFormFromHome, openAs, screenshotOnFailure } from './builder-steps';

/**
 * Every page and dialog of the builder, in Chromium on the real stack, at a desktop and a phone width:
 * axe-core finds no serious or critical violation, none is wider than the screen, nothing errs, and each is
 * saved as a screenshot to look at.
 */
describe('the builder in Chromium: every page is accessible', () => {
  const suite = builderSuite();
  let playbookId: string;
  let rubricId: string;
  let formId: string;

  beforeAll(async () => {
    playbookId = await createPlaybookFixture(suite.org.admin.api);
    rubricId = expectStatus(
      await suite.org.admin.api.get<PlaybookView>(`/api/playbooks/${playbookId}`),
      200,
      'reading the playbook',
    ).rubricId;
  });

  it.each([
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 375, height: 740 }],
  ])(
    'on a %s',
    async (width, viewport) => {
      const { page, errors, close } = await openAs(suite.browser, suite.stack, suite.org.admin, viewport);
      const violations: string[] = [];
      await screenshotOnFailure(page, `builder-pages-${width}`, async () => {
        if (width === 'desktop')
          formId = await createFormFromHome(page, suite.stack.baseUrl, 'Coaching session');
        await page.goto(`${suite.stack.baseUrl}/admin/builder`);
        await page.getByRole('heading', { level: 1, name: 'Builder' }).waitFor();
        await page.getByRole('link', { name: 'New coaching session form' }).waitFor();
        violations.push(...(await checkPage(page, `builder-home-${width}`)));

        await page.goto(`${suite.stack.baseUrl}/admin/builder/forms/${formId}`);
        await page.getByRole('region', { name: 'Preview' }).getByText('Commitments').waitFor();
        await page.getByRole('button', { name: 'Yes / no', exact: true }).click();
        await page.getByRole('button', { name: 'Long text', exact: true }).click();
        await page.getByRole('button', { name: 'Add a rule' }).click();
        // Focus moving up the page stops below the fixed app header, not under it.
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await page.getByRole('link', { name: '← Builder' }).focus();
        const header = await page.getByRole('banner').boundingBox();
        const back = await page.getByRole('link', { name: '← Builder' }).boundingBox();
        expect(back!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
        // A full-page screenshot draws the fixed header where the page is scrolled to: from the top.
        await page.evaluate(() => window.scrollTo(0, 0));
        violations.push(...(await checkPage(page, `builder-form-${width}`)));

        // The dialogs and the rubric editor once: their layout does not change with the width.
        if (width === 'desktop') {
          await page.getByRole('tab', { name: 'JSON' }).click();
          await page.getByRole('textbox', { name: 'Schema (JSON Schema)' }).waitFor();
          violations.push(...(await checkPage(page, `builder-form-json-${width}`)));

          await page.getByRole('button', { name: 'Versions' }).click();
          await page
            .getByRole('dialog', { name: 'Version history' })
            .getByRole('button', { name: 'View' })
            .first()
            .waitFor();
          violations.push(...(await checkPage(page, `builder-form-versions-${width}`)));
          await page.keyboard.press('Escape');

          await page.goto(`${suite.stack.baseUrl}/admin/builder/rubrics/${rubricId}`);
          await page.getByRole('heading', { level: 1, name: /^Rubric:/ }).waitFor();
          violations.push(...(await checkPage(page, `builder-rubric-${width}`)));
        }

        await page.goto(`${suite.stack.baseUrl}/admin/builder/playbooks/${playbookId}`);
        await page.getByRole('heading', { level: 1, name: /^Playbook:/ }).waitFor();
        violations.push(...(await checkPage(page, `builder-playbook-${width}`)));

        // The API's playbook checks run in the browser, beside the field: the rubric has three competencies.
        await page.getByLabel('Most focus areas').fill('9');
        await page.getByText("must be between 1 and the rubric's 3 competencies").waitFor();
        await page.getByRole('status').filter({ hasText: 'Not saved: fix the problems shown' }).waitFor();
        await page.getByLabel('Most focus areas').fill(width === 'desktop' ? '3' : '1');
        await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 15_000 });
        await page.getByRole('button', { name: 'Publish…' }).click();
        await page.getByRole('dialog', { name: 'Publish this version' }).getByText('Changes since').waitFor();
        violations.push(...(await checkPage(page, `builder-playbook-publish-${width}`)));
        await page.keyboard.press('Escape');

        expect(violations).toEqual([]);
        expect(errors).toEqual([]);
      });
      await close();
      // Seven pages, each with axe-core's full scan: 95 s at a load average of 20 on two cores.
    },
    300_000,
  );
});
