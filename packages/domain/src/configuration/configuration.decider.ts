import { CodedError } from '../errors';
import type { ConfigurationEvent, ConfigurationKind } from './configuration-events';

export interface ConfigurationVersion {
  body: unknown;
  status: 'draft' | 'published';
}

export interface ConfigurationState {
  exists: boolean;
  archived: boolean;
  /** Every version so far, 1-based: versions[0] is version 1. A published version never changes. */
  versions: ConfigurationVersion[];
}

interface Actor {
  by: string;
}

/** What a decision needs from outside the command: the time, passed the same way as to the cycle decider. */
export interface ConfigurationContext {
  now: string;
}

export type ConfigurationCommand =
  | {
      type: 'CreateDraft';
      data: Actor & { id: string; kind: ConfigurationKind; organisationId: string; body: unknown };
    }
  | { type: 'ChangeDraft'; data: Actor & { body: unknown } }
  | { type: 'Publish'; data: Actor }
  | { type: 'Archive'; data: Actor };

export enum ConfigurationErrorCode {
  AlreadyExists = 'already-exists',
  NotFound = 'not-found',
  Archived = 'archived',
  AlreadyPublished = 'already-published',
}

/** A command the object's history does not allow (the API answers 404 or 409). */
export class ConfigurationError extends CodedError<ConfigurationErrorCode> {}

export const initialConfigurationState = (): ConfigurationState => ({
  exists: false,
  archived: false,
  versions: [],
});

/** The latest version number (0 before the first draft). */
export const latestVersion = (state: ConfigurationState): number => state.versions.length;

/**
 * Drafts change freely; publishing freezes a version; changing a published object opens the next version
 * as a draft, so a running cycle pinned to a published version never sees it change.
 */
export function decideConfiguration(
  command: ConfigurationCommand,
  state: ConfigurationState,
  ctx: ConfigurationContext,
): ConfigurationEvent[] {
  const { by } = command.data;
  const at = ctx.now;
  if (command.type === 'CreateDraft') {
    if (state.exists)
      throw new ConfigurationError(ConfigurationErrorCode.AlreadyExists, 'It exists already.');
    const { id, kind, organisationId, body } = command.data;
    return [
      {
        id: `${kind}-${id}/1/drafted`,
        type: 'ConfigurationDrafted',
        data: { id, kind, organisationId, version: 1, body, by, at },
      },
    ];
  }
  if (!state.exists) throw new ConfigurationError(ConfigurationErrorCode.NotFound, 'No such object.');
  if (state.archived) throw new ConfigurationError(ConfigurationErrorCode.Archived, 'It is archived.');
  const latest = state.versions[state.versions.length - 1]!;
  const version = latestVersion(state);
  switch (command.type) {
    case 'ChangeDraft': {
      const target = latest.status === 'published' ? version + 1 : version;
      return [
        {
          id: eventId(command, target, at),
          type: 'ConfigurationChanged',
          data: { version: target, body: command.data.body, by, at },
        },
      ];
    }
    case 'Publish':
      if (latest.status === 'published') {
        throw new ConfigurationError(
          ConfigurationErrorCode.AlreadyPublished,
          `Version ${version} is published already.`,
        );
      }
      return [
        { id: eventId(command, version, at), type: 'ConfigurationPublished', data: { version, by, at } },
      ];
    case 'Archive':
      return [{ id: eventId(command, version, at), type: 'ConfigurationArchived', data: { by, at } }];
  }
}

// Unique per change (a draft may change many times at one version), stable for a retried command.
function eventId(command: ConfigurationCommand, version: number, at: string): string {
  return `${command.type}/${version}/${at}/${command.data.by}`;
}

export function evolveConfiguration(
  state: ConfigurationState,
  event: ConfigurationEvent,
): ConfigurationState {
  switch (event.type) {
    case 'ConfigurationDrafted':
      return { exists: true, archived: false, versions: [{ body: event.data.body, status: 'draft' }] };
    case 'ConfigurationChanged': {
      const versions = state.versions.slice(0, event.data.version - 1);
      return { ...state, versions: [...versions, { body: event.data.body, status: 'draft' }] };
    }
    case 'ConfigurationPublished':
      return {
        ...state,
        versions: state.versions.map((v, i) =>
          i === event.data.version - 1 ? { ...v, status: 'published' } : v,
        ),
      };
    case 'ConfigurationArchived':
      return { ...state, archived: true };
  }
}
