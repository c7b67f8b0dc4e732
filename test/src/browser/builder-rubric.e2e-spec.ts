import { createPlaybookFixture, openTask, startCycle } from '@coachflow/testing';
import { screenshot } from './browser';
import { builderSuite, openAs, publish, screenshotOnFailure, waitUntilSaved } from './builder-steps';

/**
 * The rubric half of the builder's "done when", in Chromium on the real stack: an admin designs a rubric
 * from the builder's home without typing JSON (competencies with indicators and weights, one moved by
 * keyboard, a KPI), publishes it, and the rep's self-assessment of a cycle on it rates those competencies
 * in that order.
 */
describe('the builder in Chromium: a new rubric to a running cycle', () => {
  const suite = builderSuite();

  it('an admin designs and publishes a rubric; a cycle on it asks for its competencies', async () => {
    const admin = await openAs(suite.browser, suite.stack, suite.org.admin);
    const { page } = admin;
    const rubricId = await screenshotOnFailure(page, 'builder-rubric', async () => {
      await page.goto(`${suite.stack.baseUrl}/admin/builder`);
      await page.getByRole('tab', { name: 'Rubrics' }).click();
      await page.getByRole('button', { name: 'New rubric' }).click();
      await page.waitForURL(/\/admin\/builder\/rubrics\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: /^Rubric:/ }).waitFor();
      // The rubric's own name comes before any competency's.
      await page.getByRole('textbox', { name: 'Name', exact: true }).first().fill('Discovery rubric');

      const competencies = page.getByRole('list', { name: 'competencies' });
      const competency = (index: number) => competencies.getByRole('listitem').nth(index);
      await competency(0)
        .getByRole('textbox', { name: 'Name', exact: true })
        .fill('Asks discovery questions');
      await competency(0)
        .getByRole('textbox', { name: 'Observable indicators, one per line' })
        .fill('Asks open questions\nConfirms the pain in the buyer’s words');
      await competency(0).getByRole('textbox', { name: 'Weight' }).fill('2');
      await page.getByRole('button', { name: 'Add competency' }).click();
      await competency(1).getByRole('textbox', { name: 'Name', exact: true }).fill('Agrees next steps');

      // By keyboard: the move button, then Enter.
      await page.getByRole('button', { name: 'Move Agrees next steps up' }).focus();
      await page.keyboard.press('Enter');
      const names = () =>
        competencies
          .getByRole('textbox', { name: 'Name', exact: true })
          .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      await expect(names()).resolves.toEqual(['Agrees next steps', 'Asks discovery questions']);

      await page.getByRole('button', { name: 'Add KPI' }).click();
      const kpis = page.locator('section[aria-labelledby="kpis-title"]');
      await kpis.getByRole('textbox', { name: 'Name', exact: true }).fill('Meetings booked');
      await kpis.getByRole('textbox', { name: 'Unit' }).fill('meetings a week');
      // Until the first publish, a key follows its name, the KPI's as the competencies'.
      await expect(kpis.getByRole('textbox', { name: 'Key', exact: true }).inputValue()).resolves.toBe(
        'meetings-booked',
      );

      await waitUntilSaved(page);
      await screenshot(page, 'builder-rubric-built');
      expect(await publish(page)).toEqual([]); // the first publication has no diff to show
      // Published: cycles rate by the keys now, so they are fixed.
      await expect(
        competency(0).getByRole('textbox', { name: 'Key', exact: true }).getAttribute('readonly'),
      ).resolves.not.toBeNull();
      expect(admin.errors).toEqual([]);
      return page.url().split('/').pop()!;
    });
    await admin.close();

    // A playbook on the new rubric (its editor is the form scenario's), and a cycle on that.
    const playbookId = await createPlaybookFixture(suite.org.admin.api, {
      rubricId,
      timings: { prioritiseDue: 'PT1H', sessionDue: 'PT1H' },
    });
    const cycle = await startCycle(suite.org.manager.api, suite.org.rep.user.id, playbookId);
    const selfAssessment = await openTask(suite.org.rep.api, cycle.id, 'self-assessment');

    const rep = await openAs(suite.browser, suite.stack, suite.org.rep);
    await screenshotOnFailure(rep.page, 'builder-rubric-task', async () => {
      const task = rep.page;
      await task.goto(`${suite.stack.baseUrl}/tasks/${selfAssessment.id}`);
      const first = task.getByText('Agrees next steps', { exact: true }).first();
      const second = task.getByText('Asks discovery questions', { exact: true }).first();
      await first.waitFor();
      await second.waitFor();
      const [above, below] = await Promise.all([first.boundingBox(), second.boundingBox()]);
      expect(above!.y).toBeLessThan(below!.y);
      await screenshot(task, 'builder-rubric-task');
      expect(rep.errors).toEqual([]);
    });
    await rep.close();
  });
});
