import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FormView, PlaybookBundle, PlaybookView } from '@coachflow/contracts';
import { createPlaybookFixture } from '@coachflow/testing';
import type { Page } from 'playwright-core';
import { expectStatus } from '../access-fixtures';
import { screenshot } from './browser';
import {
  builderSuite,
  canvasKeys,
  createFormFromHome,
  eventually,
  labelInput,
  openAs,
  screenshotOnFailure,
  selectField,
  waitUntilSaved,
} from './builder-steps';

/**
 * The builder's lifecycle in Chromium on the real stack: undo and redo by keyboard, two tabs on one draft
 * (the 409 is explained and nothing typed is lost), a playbook exported and imported as a file, and a
 * hand-written schema the builder cannot show as fields, opened in the JSON view with the reason.
 */
describe('the builder in Chromium: undo, conflicts, export and import, hand-written schemas', () => {
  const suite = builderSuite();

  it('undoes and redoes every edit by keyboard, a run of typing as one step', async () => {
    const { page, errors, close } = await openAs(suite.browser, suite.stack, suite.org.admin);
    await screenshotOnFailure(page, 'builder-undo', async () => {
      await createFormFromHome(page, suite.stack.baseUrl, 'Plan acknowledgement');
      await page.getByRole('button', { name: 'Short text', exact: true }).click();
      await page.locator('[data-palette-kind="date"]').press('Enter'); // Enter adds, like a click
      expect(await canvasKeys(page)).toEqual(['accepted', 'shortText', 'date']);
      await selectField(page, 'shortText');
      await labelInput(page).click();
      await page.keyboard.press('End');
      await labelInput(page).pressSequentially(' why');
      expect(await canvasKeys(page)).toEqual(['accepted', 'shortTextWhy', 'date']);

      await page.keyboard.press('Control+z'); // the whole run of typing
      await eventually(async () => expect(await canvasKeys(page)).toEqual(['accepted', 'shortText', 'date']));
      await page.keyboard.press('Control+z');
      await eventually(async () => expect(await canvasKeys(page)).toEqual(['accepted', 'shortText']));
      await page.keyboard.press('Control+Shift+z');
      await eventually(async () => expect(await canvasKeys(page)).toEqual(['accepted', 'shortText', 'date']));
      await page.keyboard.press('Control+y');
      await eventually(async () =>
        expect(await canvasKeys(page)).toEqual(['accepted', 'shortTextWhy', 'date']),
      );
      await page.getByRole('button', { name: 'Undo', exact: true }).waitFor();
      await waitUntilSaved(page);
      expect(errors).toEqual([]);
    });
    await close();
  });

  it('explains a concurrent edit in a second tab and keeps what was typed there', async () => {
    const first = await openAs(suite.browser, suite.stack, suite.org.admin);
    const formId = await createFormFromHome(first.page, suite.stack.baseUrl, 'Follow-up');
    await first.page.getByRole('button', { name: 'Long text', exact: true }).click();
    await waitUntilSaved(first.page);
    const second = await openAs(suite.browser, suite.stack, suite.org.admin);
    await screenshotOnFailure(second.page, 'builder-conflict', async () => {
      await second.page.goto(`${suite.stack.baseUrl}/admin/builder/forms/${formId}`);
      await selectField(second.page, 'longText');

      // The first tab saves a new name; the second, still on the version before it, types a label.
      await first.page.getByRole('textbox', { name: 'Form name' }).fill('Named in the first tab');
      await waitUntilSaved(first.page);
      await labelInput(second.page).fill('Typed in the second tab');
      const banner = second.page.getByRole('alert').filter({ hasText: 'Someone else changed this draft' });
      await banner.getByText(/Fixture Admin saved it at/).waitFor({ timeout: 15_000 });
      await screenshot(second.page, 'builder-conflict');
      expect(await labelInput(second.page).inputValue()).toBe('Typed in the second tab');
      expect((await suite.formOnServer(formId)).name).toBe('Named in the first tab');

      await banner.getByRole('button', { name: /Keep mine/ }).click();
      await waitUntilSaved(second.page);
      const saved = await suite.formOnServer(formId);
      expect(JSON.stringify(saved.schema)).toContain('Typed in the second tab');
      expect(second.errors.filter((error) => !/status of 409/.test(error))).toEqual([]);
    });
    await Promise.all([first.close(), second.close()]);
  });

  it('exports a playbook as a file, imports it back, and lists the problems of a broken bundle', async () => {
    const playbookId = await createPlaybookFixture(suite.org.admin.api);
    const { page, errors, close } = await openAs(suite.browser, suite.stack, suite.org.admin);
    await screenshotOnFailure(page, 'builder-export', async () => {
      await page.goto(`${suite.stack.baseUrl}/admin/builder/playbooks/${playbookId}`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('Fixture playbook.json');
      const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8')) as PlaybookBundle;
      expect(bundle.playbook.body.name).toBe('Fixture playbook');

      await importFile(page, 'playbook.json', bundle);
      await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
      await page.getByRole('link', { name: 'Open the playbook' }).click();
      await page.getByRole('heading', { level: 1, name: 'Playbook: Fixture playbook' }).waitFor();
      const importedId = page.url().split('/').pop()!;
      expect(importedId).not.toBe(playbookId);
      const imported = expectStatus(
        await suite.org.admin.api.get<PlaybookView>(`/api/playbooks/${importedId}`),
        200,
        'reading the import',
      );
      expect(imported).toMatchObject({ status: 'draft', timings: bundle.playbook.body.timings });

      // A bundle with a duplicated competency and a form it does not carry: each problem is listed.
      const competency = bundle.rubric.body.competencies[0]!;
      await importFile(page, 'broken.json', {
        ...bundle,
        rubric: { ...bundle.rubric, body: { ...bundle.rubric.body, competencies: [competency, competency] } },
        playbook: {
          ...bundle.playbook,
          body: { ...bundle.playbook.body, forms: { observation: randomUUID() } },
        },
      });
      const problems = page.getByRole('alert').filter({ hasText: 'That did not work' });
      await problems.getByText('/rubric/body/competencies/1/key').waitFor();
      await problems.getByText('/playbook/body/forms/observation').waitFor();
      await screenshot(page, 'builder-import-problems');
      expect(errors.filter((error) => !/status of 4\d\d/.test(error))).toEqual([]);
    });
    await close();
  });

  it('opens a hand-written schema the builder cannot represent in the JSON view, unchanged, with the reason', async () => {
    const schema = {
      type: 'object',
      properties: {
        contact: {
          oneOf: [
            { type: 'string', format: 'email' },
            { type: 'string', pattern: '^\\+' },
          ],
        },
      },
    };
    const form = expectStatus(
      await suite.org.admin.api.post<FormView>('/api/forms', { name: 'Hand-written', schema }),
      201,
      'creating a hand-written form',
    );
    const { page, errors, close } = await openAs(suite.browser, suite.stack, suite.org.admin);
    await screenshotOnFailure(page, 'builder-hand-written', async () => {
      await page.goto(`${suite.stack.baseUrl}/admin/builder/forms/${form.id}`);
      const notice = page.getByRole('alert').filter({ hasText: 'Edited as JSON' });
      await notice
        .getByText(/\/schema\/properties\/contact: is a kind of field the builder does not have/)
        .waitFor();
      expect(await page.getByRole('tab', { name: 'Build' }).isDisabled()).toBe(true);
      expect(await page.getByRole('tab', { name: 'JSON' }).getAttribute('aria-selected')).toBe('true');
      const text = await page.getByRole('textbox', { name: 'Schema (JSON Schema)' }).inputValue();
      expect(JSON.parse(text)).toEqual(schema);
      await screenshot(page, 'builder-hand-written');
      await page.waitForTimeout(1500); // longer than the autosave delay: nothing is rewritten
      expect((await suite.formOnServer(form.id)).version).toBe(1);
      expect(errors).toEqual([]);
    });
    await close();
  });
});

/** Chooses `content` as a JSON file in the builder home's import button. */
async function importFile(page: Page, name: string, content: unknown): Promise<void> {
  if (!page.url().endsWith('/admin/builder')) {
    await page.getByRole('link', { name: '← Builder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Builder' }).waitFor();
  }
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import a playbook bundle…' }).click(),
  ]);
  await chooser.setFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(content)),
  });
}
