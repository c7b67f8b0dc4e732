export {
  LIVE_UPDATES_CHANNEL,
  LIVE_UPDATES_RETENTION_MS,
  type LiveUpdate,
  type LiveUpdateRow,
  parseLiveUpdatePayload,
} from './live-update';
export * from './live-update-queries';
export { type LiveAudience, withLiveUpdates } from './with-live-updates';
