import { createHash } from 'node:crypto';
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

/** RFC 9562 §5.5: SHA-1 of namespace bytes and name, with version 5 and the RFC variant set. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
