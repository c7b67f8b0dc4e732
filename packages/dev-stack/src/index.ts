export * from './embedded-postgres';
export * from './ensure-temporal-cli';
export * from './free-port';
export * from './managed-process';
export * from './temporal-dev-server';
export * from './wait-until';
export * from './workspace-root';
export * from './grant-traversal';
