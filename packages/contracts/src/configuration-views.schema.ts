import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { FormBody, PlaybookBody } from './configuration.schema';
import { oneOf, Uuid } from './identifiers';
import { RubricBody } from './rubrics.schema';
import { TASK_KINDS } from './task-kinds';

export const CONFIGURATION_STATUSES = ['draft', 'published'] as const;
export type ConfigurationStatus = (typeof CONFIGURATION_STATUSES)[number];

const Version = Type.Integer({ minimum: 1 });
const Timestamp = Type.String({ format: 'date-time' });

/** What every rubric, form and playbook answer carries beside its body: which version, and who did what when. */
export const ConfigurationMeta = Type.Object({
  id: Uuid,
  version: Version,
  status: oneOf(CONFIGURATION_STATUSES),
  /** The newest version (a draft may sit above the latest published one). */
  latestVersion: Version,
  /** The newest published version, which new cycles pin; null before the first publish. */
  publishedVersion: Type.Union([Version, Type.Null()]),
  archived: Type.Boolean(),
  createdBy: Uuid,
  createdAt: Timestamp,
  updatedBy: Uuid,
  updatedAt: Timestamp,
  publishedBy: Type.Optional(Uuid),
  publishedAt: Type.Optional(Timestamp),
});
export type ConfigurationMeta = Static<typeof ConfigurationMeta>;

// The body's fields are spread into the answer (shared/API.md: `{id, version, status, ...}`).
const withMeta = <T extends TSchema>(body: T, extra = Type.Object({})) =>
  Type.Composite([ConfigurationMeta, body, extra]);

export const RubricView = withMeta(RubricBody);
export type RubricView = ConfigurationMeta & RubricBody;

export const FormView = withMeta(
  FormBody,
  Type.Object({
    isDefault: Type.Boolean({ description: "The organisation's default form for its task kind." }),
  }),
);
export type FormView = ConfigurationMeta & FormBody & { isDefault: boolean };

export const PlaybookView = withMeta(PlaybookBody);
export type PlaybookView = ConfigurationMeta & PlaybookBody;

/** A row of `GET /api/rubrics|forms|playbooks` (eventually consistent with writes). */
export const ConfigurationSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  version: Version,
  status: oneOf(CONFIGURATION_STATUSES),
  publishedVersion: Type.Union([Version, Type.Null()]),
  taskKind: Type.Optional(oneOf(TASK_KINDS)),
  archived: Type.Boolean(),
  updatedBy: Uuid,
  updatedAt: Timestamp,
});
export type ConfigurationSummary = Static<typeof ConfigurationSummary>;

export const ListConfigurationQuery = Type.Object(
  {
    limit: Type.Optional(Type.String()),
    cursor: Type.Optional(Type.String()),
    status: Type.Optional(oneOf(CONFIGURATION_STATUSES)),
    taskKind: Type.Optional(oneOf(TASK_KINDS)),
  },
  { additionalProperties: false },
);
export type ListConfigurationQuery = Static<typeof ListConfigurationQuery>;

/** One event of a configuration object's stream: its audit trail. */
export const ConfigurationEventView = Type.Object({
  position: Type.Integer({ minimum: 1 }),
  version: Type.Integer({ minimum: 1, description: 'Version of the stream, not of the object.' }),
  type: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  recordedAt: Timestamp,
});
export type ConfigurationEventView = Static<typeof ConfigurationEventView>;

const Pinned = <T extends TSchema>(body: T) =>
  Type.Object({ id: Uuid, version: Version, body }, { additionalProperties: false });

export const PLAYBOOK_BUNDLE_FORMAT = 'coachflow/playbook-bundle';

/**
 * A playbook with its rubric and the forms it names, each at one version: what
 * `GET /api/playbooks/:id/export` gives and `POST /api/playbooks/import` takes. Ids are the exporting
 * organisation's; importing gives everything new ids.
 */
export const PlaybookBundle = Type.Object(
  {
    format: Type.Literal(PLAYBOOK_BUNDLE_FORMAT),
    formatVersion: Type.Literal(1),
    exportedAt: Timestamp,
    playbook: Pinned(PlaybookBody),
    rubric: Pinned(RubricBody),
    forms: Type.Array(Pinned(FormBody), { maxItems: TASK_KINDS.length }),
  },
  { additionalProperties: false },
);
export type PlaybookBundle = Static<typeof PlaybookBundle>;

/** What an import created: the new ids, the forms' keyed by their ids in the bundle. */
export const PlaybookImportResult = Type.Object({
  playbookId: Uuid,
  rubricId: Uuid,
  forms: Type.Record(Type.String(), Uuid),
});
export type PlaybookImportResult = Static<typeof PlaybookImportResult>;
