export * from './dead-letters';
export * from './projection';
export * from './projection-daemon';
export * from './projection-lag';
export * from './projection-runner';
export * from './rebuild-projection';
