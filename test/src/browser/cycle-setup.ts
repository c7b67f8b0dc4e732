import { completeTask, fixtureRatings, type FixtureUser, openTask, startCycle } from '@coachflow/testing';

/**
 * Runs a cycle over the API (the parts a browser scenario is not about) up to the rep's acknowledged plan
 * with one commitment per title, each due after `due` (an ISO 8601 duration); returns the cycle's id.
 */
export async function cycleWithCommitments(
  manager: FixtureUser,
  rep: FixtureUser,
  playbookId: string,
  titles: readonly string[],
  due = 'PT1S',
): Promise<string> {
  const cycleId = (await startCycle(manager.api, rep.user.id, playbookId)).id;
  await completeTask(rep.api, await openTask(rep.api, cycleId, 'self-assessment'), {
    ratings: fixtureRatings(3),
  });
  await completeTask(manager.api, await openTask(manager.api, cycleId, 'manager-assessment'), {
    ratings: fixtureRatings(2),
  });
  await completeTask(manager.api, await openTask(manager.api, cycleId, 'set-priorities'), {
    focusAreas: ['closing'],
    diagnosis: 'will',
    style: 'directing',
  });
  await completeTask(manager.api, await openTask(manager.api, cycleId, 'coaching-session'), {
    commitments: titles.map((title) => ({ title, due })),
  });
  await completeTask(rep.api, await openTask(rep.api, cycleId, 'acknowledge-plan'), { accepted: true });
  return cycleId;
}
