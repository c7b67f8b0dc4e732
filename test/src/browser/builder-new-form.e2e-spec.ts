import type { CycleEventView } from '@coachflow/contracts';
import {
  completeTask,
  createPlaybookFixture,
  fixtureRatings,
  openTask,
  startCycle,
} from '@coachflow/testing';
import { screenshot } from './browser';
import {
  builderSuite,
  canvasKeys,
  createFormFromHome,
  dragWithMouse,
  eventually,
  labelInput,
  moveWithKeyboard,
  openAs,
  publish,
  screenshotOnFailure,
  selectField,
  waitUntilSaved,
} from './builder-steps';

/**
 * The first scenario, in Chromium on the real stack: an admin builds a coaching-session form from
 * empty with the mouse and the keyboard, adds a field shown only when another is answered "no", watches
 * the preview follow, publishes, and puts it in the playbook; the manager's coaching session then asks it.
 */
describe('the builder in Chromium: a new form from empty to a running cycle', () => {
  const suite = builderSuite();
  let playbookId: string;

  beforeAll(async () => {
    // Long enough that nothing falls due while the test runs.
    playbookId = await createPlaybookFixture(suite.org.admin.api, {
      timings: { prioritiseDue: 'PT1H', sessionDue: 'PT1H' },
    });
  });

  it('an admin builds, publishes and wires a form; the manager fills it in with its condition', async () => {
    const admin = await openAs(suite.browser, suite.stack, suite.org.admin);
    const { page } = admin;
    // The API's form check runs in a worker of the page (docs/builder.md); ajv compiles in it.
    const checker = page.waitForEvent('worker', (worker) => /form-check\.worker/.test(worker.url()));
    await screenshotOnFailure(page, 'builder-new-form', async () => {
      await createFormFromHome(page, suite.stack.baseUrl, 'Coaching session');
      expect(await canvasKeys(page)).toEqual(['commitments']);
      await page.getByRole('textbox', { name: 'Form name' }).fill('Session with preparation check');

      // Mouse: drag "Long text", then "Yes / no", from the palette onto the end of the form.
      const dropEnd = page.getByTestId('drop-end');
      await dragWithMouse(page, page.locator('[data-palette-kind="long-text"]'), dropEnd);
      await eventually(async () => expect(await canvasKeys(page)).toEqual(['commitments', 'longText']), 5000);
      await dragWithMouse(page, page.locator('[data-palette-kind="yes-no"]'), dropEnd);
      await eventually(
        async () => expect(await canvasKeys(page)).toEqual(['commitments', 'longText', 'yesNo']),
        5000,
      );

      // Labels; each key follows its label while the form is unpublished.
      await labelInput(page).fill('Did the rep prepare?');
      await selectField(page, 'longText');
      await labelInput(page).fill('What was missing?');
      await eventually(
        async () =>
          expect(await canvasKeys(page)).toEqual(['commitments', 'whatWasMissing', 'didTheRepPrepare']),
        5000,
      );

      // Keyboard: the question goes above the field that depends on it (Space, ArrowUp, Space).
      await moveWithKeyboard(
        page,
        page.getByRole('button', { name: 'Drag Did the rep prepare?' }),
        'ArrowUp',
      );
      await eventually(
        async () =>
          expect(await canvasKeys(page)).toEqual(['commitments', 'didTheRepPrepare', 'whatWasMissing']),
        5000,
      );
      await expect(page.getByText(/dropped at position 2 of 3/).count()).resolves.toBeGreaterThan(0);

      // "What was missing?" is shown only when "Did the rep prepare?" is answered no.
      await selectField(page, 'whatWasMissing');
      await page.getByRole('button', { name: 'Add a rule' }).click();
      const missingRow = page.locator('[data-field-key="whatWasMissing"]');
      await missingRow.getByText('Shown when “Did the rep prepare?” is no').waitFor();

      // The preview follows: hidden, shown after "No", hidden again after "Yes".
      const preview = page.getByRole('region', { name: 'Preview' });
      const missingInPreview = preview.getByRole('textbox', { name: 'What was missing?' });
      await preview.getByText('Did the rep prepare?').waitFor();
      expect(await missingInPreview.count()).toBe(0);
      await preview.getByRole('radio', { name: 'No' }).check();
      await missingInPreview.waitFor();
      await preview.getByRole('radio', { name: 'Yes' }).check();
      await missingInPreview.waitFor({ state: 'detached' });
      await waitUntilSaved(page);
      await screenshot(page, 'builder-new-form-built');
      // The worker runs under the API's Content-Security-Policy, which must let ajv compile there too.
      expect(await (await checker).evaluate(() => new Function('return typeof ajv')())).toBe('undefined');

      expect(await publish(page)).toEqual([]); // the first publication has no diff to show
      // Published: the keys are what task data already uses, so they no longer follow the labels.
      await selectField(page, 'didTheRepPrepare');
      await expect(
        page.getByRole('textbox', { name: 'Key', exact: true }).getAttribute('readonly'),
      ).resolves.not.toBeNull();

      // The playbook uses the new form for coaching sessions, and is published with that change shown.
      await page.goto(`${suite.stack.baseUrl}/admin/builder/playbooks/${playbookId}`);
      await page.getByRole('combobox', { name: 'Coaching session', exact: true }).click();
      await page.getByRole('option', { name: 'Session with preparation check (v1)' }).click();
      await screenshot(page, 'builder-new-form-playbook');
      const playbookChanges = await publish(page);
      expect(playbookChanges.join('\n')).toMatch(/forms/i);
      expect(admin.errors).toEqual([]);
    });
    await admin.close();

    // The manager's cycle, driven through the API to the coaching session.
    const cycle = await startCycle(suite.org.manager.api, suite.org.rep.user.id, playbookId);
    await completeTask(suite.org.rep.api, await openTask(suite.org.rep.api, cycle.id, 'self-assessment'), {
      ratings: fixtureRatings(3),
    });
    await completeTask(
      suite.org.manager.api,
      await openTask(suite.org.manager.api, cycle.id, 'manager-assessment'),
      {
        ratings: fixtureRatings(2),
      },
    );
    await completeTask(
      suite.org.manager.api,
      await openTask(suite.org.manager.api, cycle.id, 'set-priorities'),
      {
        focusAreas: ['discovery'],
        diagnosis: 'skill',
        style: 'coaching',
      },
    );
    const session = await openTask(suite.org.manager.api, cycle.id, 'coaching-session');

    // The manager fills in her coaching session in the browser: the new field and its condition work.
    const manager = await openAs(suite.browser, suite.stack, suite.org.manager);
    await screenshotOnFailure(manager.page, 'builder-new-form-task', async () => {
      const task = manager.page;
      await task.goto(`${suite.stack.baseUrl}/tasks/${session.id}`);
      await task.getByRole('textbox', { name: /What will you do/ }).fill('Prepare three discovery questions');
      await task.getByText('In 1 week', { exact: true }).click();
      const missing = task.getByRole('textbox', { name: 'What was missing?' });
      await task.getByText('Did the rep prepare?').waitFor();
      expect(await missing.count()).toBe(0);
      await task.getByRole('radio', { name: 'No' }).check();
      await missing.fill('No account research before the call');
      await screenshot(task, 'builder-new-form-task');
      await task.getByRole('button', { name: 'Submit' }).click();
      await task.waitForURL((url) => !url.pathname.includes(session.id));
      expect(manager.errors).toEqual([]);
    });
    await manager.close();

    const completed = await eventually(async () => {
      const events = await suite.org.manager.api.get<{ items: CycleEventView[] }>(
        `/api/cycles/${cycle.id}/events`,
      );
      const event = events.body.items.find(
        (candidate) => candidate.type === 'CoachingSessionHeld' && candidate.data['taskId'] === session.id,
      );
      if (!event) throw new Error('the coaching session is not completed yet');
      return event;
    }, 15_000);
    expect(completed.data['data']).toMatchObject({
      didTheRepPrepare: false,
      whatWasMissing: 'No account research before the call',
      commitments: [expect.objectContaining({ title: 'Prepare three discovery questions' })],
    });
  });
});
