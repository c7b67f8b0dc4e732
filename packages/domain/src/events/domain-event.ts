/**
 * An event as the domain writes it: past-tense `type`, plain JSON `data`, and `metadata` carrying what the
 * domain never computes itself (who acted, correlation). Ids are chosen by the caller, so a retried write
 * carries the same id and the store can drop the repeat.
 */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  id: string;
  type: Type;
  data: Data;
  metadata?: Record<string, unknown>;
}
