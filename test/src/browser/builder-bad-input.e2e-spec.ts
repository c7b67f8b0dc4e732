import { join } from 'node:path';
import type { FormView } from '@coachflow/contracts';
import { expectStatus } from '../access-fixtures';
import { SCREENSHOTS_DIR, screenshot } from './browser';
import {
  builderSuite,
  canvasKeys,
  createFormFromHome,
  labelInput,
  openAs,
  screenshotOnFailure,
  selectField,
  waitUntilSaved,
} from './builder-steps';

const HOSTILE = '<img src=x onerror=alert(1)>';

/**
 * Bad input in the builder, in Chromium on the real stack: JSON that does not parse, markup in labels, and
 * a form far larger than anyone should build.
 */
describe('the builder in Chromium: bad input', () => {
  const suite = builderSuite();

  it('shows invalid JSON as a problem, keeps the text as typed, and never saves it', async () => {
    const { page, errors, close } = await openAs(suite.browser, suite.stack, suite.org.admin);
    await screenshotOnFailure(page, 'builder-invalid-json', async () => {
      const formId = await createFormFromHome(page, suite.stack.baseUrl, 'Follow-up');
      await page.getByRole('button', { name: 'Short text', exact: true }).click();
      await waitUntilSaved(page);
      const saved = await suite.formOnServer(formId);

      await page.getByRole('tab', { name: 'JSON' }).click();
      const schemaText = page.getByRole('textbox', { name: 'Schema (JSON Schema)' });
      const valid = await schemaText.inputValue();
      const broken = valid.replace('"Short text"', '"Short text",,');
      await schemaText.fill(broken);
      await page.getByText(/\/schema: is not valid JSON/).waitFor();
      await page
        .getByText('1 problem; the form keeps its last valid version until they are fixed.')
        .waitFor();
      await screenshot(page, 'builder-invalid-json');
      await page.waitForTimeout(1500); // past the autosave delay
      expect(await schemaText.inputValue()).toBe(broken);
      expect((await suite.formOnServer(formId)).version).toBe(saved.version);

      // Away to the Build tab and back: what was typed is still there, with its problem.
      await page.getByRole('tab', { name: 'Build' }).click();
      const unused = page.getByRole('alert').filter({ hasText: 'Your JSON is not in the form' });
      await unused.getByText(/has 1 problem, so the form still uses its last valid version/).waitFor();
      await screenshot(page, 'builder-unused-json');
      await unused.getByRole('button', { name: 'Back to the JSON' }).click();
      expect(await schemaText.inputValue()).toBe(broken);
      await page.getByText(/\/schema: is not valid JSON/).waitFor();
      // Discarded only when asked: the JSON view shows the form again.
      await page.getByRole('tab', { name: 'Build' }).click();
      await unused.getByRole('button', { name: 'Discard what I typed' }).click();
      await unused.waitFor({ state: 'detached' });
      await page.getByRole('tab', { name: 'JSON' }).click();
      expect(await schemaText.inputValue()).toBe(valid);

      // Fixed as JSON, it is the form again: the builder's fields follow.
      await schemaText.fill(valid.replace('"Short text"', '"Your next step"'));
      await page.getByText('Valid: the form uses what you see here.').waitFor();
      await page.getByRole('tab', { name: 'Build' }).click();
      await page.locator('[data-field-key="shortText"]').getByText('Your next step').waitFor();
      await waitUntilSaved(page);
      expect(JSON.stringify((await suite.formOnServer(formId)).schema)).toContain('Your next step');
      expect(errors).toEqual([]);
    });
    await close();
  });

  it('renders markup typed into labels as text, in the canvas and the preview', async () => {
    const { page, errors, close } = await openAs(suite.browser, suite.stack, suite.org.admin);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await screenshotOnFailure(page, 'builder-hostile', async () => {
      await createFormFromHome(page, suite.stack.baseUrl, 'Follow-up');
      await page.getByRole('textbox', { name: 'Form name' }).fill(HOSTILE);
      await page.getByRole('button', { name: 'Short text', exact: true }).click();
      await labelInput(page).fill(HOSTILE);
      await page.getByRole('textbox', { name: 'Help text' }).fill('<script>alert(2)</script>');
      await page.getByRole('button', { name: 'Single choice', exact: true }).click();
      await page.getByRole('textbox', { name: 'Option 1' }).fill('<b onmouseover=alert(3)>bold</b>');
      await page.getByRole('heading', { level: 1, name: `Form: ${HOSTILE}` }).waitFor();
      const row = page.locator('[data-field-key]').filter({ hasText: HOSTILE });
      await row.waitFor();
      const preview = page.getByRole('region', { name: 'Preview' });
      await preview.getByText(HOSTILE).waitFor();
      await preview.getByText('<script>alert(2)</script>').waitFor();
      await preview.getByText('<b onmouseover=alert(3)>bold</b>').first().waitFor();
      await waitUntilSaved(page);
      await screenshot(page, 'builder-hostile');
      expect(await page.locator('img[src="x"], b[onmouseover]').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    });
    await close();
  });

  it('keeps a 500-field form usable: it opens, and one edit shows at once', async () => {
    const keys = Array.from({ length: 500 }, (_, index) => `q${index + 1}`);
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: Object.fromEntries(
        keys.map((key, index) => [key, { type: 'string', title: `Question ${index + 1}` }]),
      ),
    };
    const uiSchema = { 'ui:order': keys };
    const form = expectStatus(
      await suite.org.admin.api.post<FormView>('/api/forms', {
        name: 'Five hundred questions',
        schema,
        uiSchema,
      }),
      201,
      'creating the large form',
    );
    const { page, errors, close } = await openAs(suite.browser, suite.stack, suite.org.admin);
    await screenshotOnFailure(page, 'builder-500-fields', async () => {
      const opening = Date.now();
      await page.goto(`${suite.stack.baseUrl}/admin/builder/forms/${form.id}`);
      await page.locator(`[data-field-key="${keys[499]}"]`).waitFor();
      const openMs = Date.now() - opening;
      expect(await canvasKeys(page)).toEqual(keys);

      await selectField(page, keys[249]!);
      // Found before the clock starts: finding an input by its name among 500 costs Playwright, not the page.
      const label = (await labelInput(page).elementHandle())!;
      const editing = Date.now();
      await label.fill('The two hundred and fiftieth question');
      await page
        .locator(`[data-field-key="${keys[249]}"]`)
        .getByText('The two hundred and fiftieth question')
        .waitFor();
      const editMs = Date.now() - editing;
      // Bounds that say "it did not hang", not how fast it is: two cores shared by several test runs make
      // this edit take 2 to 10 s here. The builder benchmark measures the latency, against a baseline.
      expect(openMs).toBeLessThan(60_000);
      expect(editMs).toBeLessThan(20_000);
      await waitUntilSaved(page);
      expect(JSON.stringify((await suite.formOnServer(form.id)).schema)).toContain(
        'The two hundred and fiftieth question',
      );
      await page.screenshot({ path: join(SCREENSHOTS_DIR, 'builder-500-fields.png') }); // the viewport only
      expect(errors).toEqual([]);
    });
    await close();
  });
});
