import { CodedError } from '@coachflow/domain';

export enum EventStoreErrorCode {
  WrongExpectedVersion = 'WRONG_EXPECTED_VERSION',
  PartialDuplicateBatch = 'PARTIAL_DUPLICATE_BATCH',
  EmptyBatch = 'EMPTY_BATCH',
}

/** A typed failure of the event store; the API maps `WrongExpectedVersion` to 409. */
export class EventStoreException extends CodedError<EventStoreErrorCode> {}

export function wrongExpectedVersion(
  streamId: string,
  expected: string | number,
  actual: number,
): EventStoreException {
  return new EventStoreException(
    EventStoreErrorCode.WrongExpectedVersion,
    `Stream ${streamId} is at version ${actual}, not ${expected}`,
  );
}

export function partialDuplicateBatch(streamId: string): EventStoreException {
  return new EventStoreException(
    EventStoreErrorCode.PartialDuplicateBatch,
    `Stream ${streamId} already holds some but not all of this batch's events`,
  );
}

export function emptyBatch(): EventStoreException {
  return new EventStoreException(EventStoreErrorCode.EmptyBatch, 'Nothing to append');
}
