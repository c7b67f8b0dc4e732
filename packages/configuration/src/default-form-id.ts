import { v5 as uuidV5 } from 'uuid';
import type { PinnedCycleConfiguration } from '@coachflow/domain';

type TaskKind = keyof PinnedCycleConfiguration['forms'];

// Namespace of Coachflow's name-based ids (a random UUID, fixed forever: changing it orphans every default form).
const DEFAULT_FORMS_NAMESPACE = '4f0d6a4e-93b5-4c55-9d0e-2c7f6d3b8a11';

/**
 * The id of an organisation's default form for a task kind: a name-based UUID (RFC 9562 version 5), so
 * anyone can find the default form from the organisation and the kind alone, consistently, with no lookup
 * table that could fall behind the event store.
 */
export function defaultFormId(organisationId: string, kind: TaskKind): string {
  return uuidV5(`default-form/${organisationId}/${kind}`, DEFAULT_FORMS_NAMESPACE);
}
