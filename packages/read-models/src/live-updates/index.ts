export * from './live-update';
export * from './publish-live-updates';
export * from './with-live-updates';
