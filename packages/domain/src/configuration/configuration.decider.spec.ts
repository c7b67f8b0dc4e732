import type { ConfigurationEvent } from './configuration-events';
import {
  type ConfigurationCommand,
  ConfigurationError,
  ConfigurationErrorCode,
  decideConfiguration,
  evolveConfiguration,
  initialConfigurationState,
  latestVersion,
} from './configuration.decider';

/** A command and the time it is decided at. */
type Timed = [ConfigurationCommand, string];

const by = 'admin-1';
const create: Timed = [
  {
    type: 'CreateDraft',
    data: { by, id: 'r1', kind: 'rubric', organisationId: 'o1', body: { name: 'v1' } },
  },
  '2026-11-23T10:00:00Z',
];
const change = (name: string, at: string): Timed => [
  { type: 'ChangeDraft', data: { by, body: { name } } },
  at,
];
const publish = (at: string): Timed => [{ type: 'Publish', data: { by } }, at];
const decide = ([command, now]: Timed, state: ReturnType<typeof initialConfigurationState>) =>
  decideConfiguration(command, state, { now });

/** Given the commands already decided, when `command`: the events it yields (or the error it throws). */
function given(...history: Timed[]) {
  let state = initialConfigurationState();
  for (const timed of history) state = decide(timed, state).reduce(evolveConfiguration, state);
  return {
    state,
    when: (timed: Timed): ConfigurationEvent[] => decide(timed, state),
    then: (timed: Timed) => decide(timed, state).reduce(evolveConfiguration, state),
  };
}

const errorCode = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    return error instanceof ConfigurationError ? error.code : 'other';
  }
  return 'none';
};

describe('the configuration decider', () => {
  it('creates version 1 as a draft, with who and when', () => {
    const [event] = given().when(create);
    expect(event).toMatchObject({
      type: 'ConfigurationDrafted',
      data: { version: 1, kind: 'rubric', by: 'admin-1', at: '2026-11-23T10:00:00Z' },
    });
  });

  it('replaces a draft in place: still version 1', () => {
    const state = given(create).then(change('v1b', '2026-11-23T10:01:00Z'));
    expect(latestVersion(state)).toBe(1);
    expect(state.versions[0]).toEqual({ body: { name: 'v1b' }, status: 'draft' });
  });

  it('freezes a published version: a change opens version 2 and version 1 stays as published', () => {
    const state = given(create, publish('2026-11-23T10:02:00Z')).then(change('v2', '2026-11-23T10:03:00Z'));
    expect(state.versions).toEqual([
      { body: { name: 'v1' }, status: 'published' },
      { body: { name: 'v2' }, status: 'draft' },
    ]);
  });

  it('refuses to publish a published version, to touch an unknown or archived object, and to create twice', () => {
    const published = given(create, publish('t1'));
    expect(errorCode(() => published.when(publish('t2')))).toBe(ConfigurationErrorCode.AlreadyPublished);
    expect(errorCode(() => given().when(publish('t1')))).toBe(ConfigurationErrorCode.NotFound);
    expect(errorCode(() => given(create).when(create))).toBe(ConfigurationErrorCode.AlreadyExists);
    const archived = given(create, [{ type: 'Archive', data: { by } }, 't3']);
    expect(errorCode(() => archived.when(change('x', 't4')))).toBe(ConfigurationErrorCode.Archived);
  });

  it('gives each change its own event id and a retried command the same one', () => {
    const state = given(create).state;
    const first = decide(change('a', 't1'), state)[0]!.id;
    expect(decide(change('a', 't1'), state)[0]!.id).toBe(first);
    expect(decide(change('b', 't2'), state)[0]!.id).not.toBe(first);
  });
});
