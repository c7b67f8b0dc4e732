export * from './ensure-database';
export * from './run-migrations';
