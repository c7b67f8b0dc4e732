export * from './channel-listener';
export * from './create-pool';
export * from './ensure-database';
export * from './insert-cycle-row';
export * from './run-migrations';
