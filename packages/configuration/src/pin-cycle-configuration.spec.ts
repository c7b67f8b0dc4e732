import { TASK_KINDS } from '@coachflow/contracts';
import {
  type ConfigurationCommand,
  type ConfigurationKind,
  configurationStreamId,
  decideConfiguration,
  evolveConfiguration,
  initialConfigurationState,
} from '@coachflow/domain';
import { InMemoryEventStore } from '@coachflow/event-store';
import { ConfigurationPinError, ConfigurationPinErrorCode } from './configuration-pin.error';
import { defaultFormId } from './default-form-id';
import { ConfigurationRecordCache } from './configuration-record-cache';
import { pinCycleConfiguration } from './pin-cycle-configuration';

const ORG = '11111111-1111-4111-8111-111111111111';
const RUBRIC = '22222222-2222-4222-8222-222222222222';
const PLAYBOOK = '33333333-3333-4333-8333-333333333333';
const CUSTOM_FORM = '44444444-4444-4444-8444-444444444444';

const rubric = (name: string) => ({ name, scale: { min: 1, max: 5 }, competencies: [] });
const playbook = (name: string) => ({
  name,
  rubricId: RUBRIC,
  forms: { 'self-assessment': CUSTOM_FORM },
  timings: {
    prioritiseDue: 'P1D',
    sessionDue: 'P1D',
    planLength: 'P30D',
    checkInGrace: 'P1D',
    escalateAfter: 'P1D',
  },
  escalation: { levels: ['manager'] },
  maxFocusAreas: 1,
  observation: false,
  autoRenew: false,
});

/** Runs commands through the decider into the store, as the API does. */
async function run(
  store: InMemoryEventStore,
  kind: ConfigurationKind,
  id: string,
  ...commands: ConfigurationCommand['type'][]
) {
  let at = 0;
  for (const type of commands) {
    const streamId = configurationStreamId(kind, id);
    const events = await store.readStream(streamId);
    const state = events.reduce((s, e) => evolveConfiguration(s, e as never), initialConfigurationState());
    const actor = { by: 'admin' };
    const now = `t${(at += 1)}`;
    const body =
      kind === 'rubric' ? rubric(`r${at}`) : kind === 'playbook' ? playbook(`p${at}`) : { name: `f${at}` };
    const command = (
      type === 'CreateDraft'
        ? { type, data: { ...actor, id, kind, organisationId: ORG, body } }
        : type === 'ChangeDraft'
          ? { type, data: { ...actor, body } }
          : { type, data: actor }
    ) as ConfigurationCommand;
    await store.appendToStream(streamId, decideConfiguration(command, state, { now }), {
      expectedVersion: events.length,
    });
  }
}

async function publishedDefaults(store: InMemoryEventStore, organisationId = ORG) {
  for (const kind of TASK_KINDS)
    await run(store, 'form', defaultFormId(organisationId, kind), 'CreateDraft', 'Publish');
}

const errorCode = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'none',
    (error: unknown) => (error instanceof ConfigurationPinError ? error.code : 'other'),
  );

describe('pinCycleConfiguration', () => {
  it('pins the latest published versions, not a newer draft, and the default form where none is named', async () => {
    const eventStore = new InMemoryEventStore();
    await publishedDefaults(eventStore);
    await run(eventStore, 'form', CUSTOM_FORM, 'CreateDraft', 'Publish', 'ChangeDraft', 'Publish');
    await run(eventStore, 'rubric', RUBRIC, 'CreateDraft', 'Publish', 'ChangeDraft');
    await run(
      eventStore,
      'playbook',
      PLAYBOOK,
      'CreateDraft',
      'Publish',
      'ChangeDraft',
      'Publish',
      'ChangeDraft',
    );

    const pinned = await pinCycleConfiguration(
      { configurations: new ConfigurationRecordCache(eventStore) },
      ORG,
      PLAYBOOK,
    );
    expect(pinned.playbook).toMatchObject({ id: PLAYBOOK, version: 2, name: 'p3' });
    expect(pinned.rubric).toEqual({ id: RUBRIC, version: 1, body: rubric('r1') });
    expect(pinned.forms['self-assessment']).toEqual({ id: CUSTOM_FORM, version: 2 });
    expect(pinned.forms['cycle-review']).toEqual({ id: defaultFormId(ORG, 'cycle-review'), version: 1 });
    expect(Object.keys(pinned.forms).sort()).toEqual([...TASK_KINDS].sort());
  });

  it('refuses an unknown, another organisation’s or an unpublished playbook, and an unpublished rubric', async () => {
    const eventStore = new InMemoryEventStore();
    // One cache throughout: each refusal below follows a change it must notice.
    const configurations = new ConfigurationRecordCache(eventStore);
    const pin = (organisationId = ORG) => pinCycleConfiguration({ configurations }, organisationId, PLAYBOOK);
    await publishedDefaults(eventStore);
    await run(eventStore, 'form', CUSTOM_FORM, 'CreateDraft', 'Publish');
    expect(await errorCode(pin())).toBe(ConfigurationPinErrorCode.PlaybookNotFound);
    await run(eventStore, 'playbook', PLAYBOOK, 'CreateDraft');
    expect(await errorCode(pin())).toBe(ConfigurationPinErrorCode.PlaybookNotPublished);
    expect(await errorCode(pin('55555555-5555-4555-8555-555555555555'))).toBe(
      ConfigurationPinErrorCode.PlaybookNotFound,
    );
    await run(eventStore, 'playbook', PLAYBOOK, 'Publish');
    await run(eventStore, 'rubric', RUBRIC, 'CreateDraft');
    expect(await errorCode(pin())).toBe(ConfigurationPinErrorCode.RubricNotPublished);
  });

  it('folds again only the objects whose streams moved since the last pin', async () => {
    const eventStore = new InMemoryEventStore();
    await publishedDefaults(eventStore);
    await run(eventStore, 'form', CUSTOM_FORM, 'CreateDraft', 'Publish');
    await run(eventStore, 'rubric', RUBRIC, 'CreateDraft', 'Publish');
    await run(eventStore, 'playbook', PLAYBOOK, 'CreateDraft', 'Publish');
    const configurations = new ConfigurationRecordCache(eventStore);
    const folds = jest.spyOn(eventStore, 'aggregateStream');

    await pinCycleConfiguration({ configurations }, ORG, PLAYBOOK);
    const first = folds.mock.calls.length;
    expect(first).toBe(2 + TASK_KINDS.length);
    await pinCycleConfiguration({ configurations }, ORG, PLAYBOOK);
    expect(folds.mock.calls.length).toBe(first);

    await run(eventStore, 'rubric', RUBRIC, 'ChangeDraft', 'Publish');
    const pinned = await pinCycleConfiguration({ configurations }, ORG, PLAYBOOK);
    expect(folds.mock.calls.slice(first).map(([streamId]) => streamId)).toEqual([
      configurationStreamId('rubric', RUBRIC),
    ]);
    expect(pinned.rubric.version).toBe(2);
  });
});
