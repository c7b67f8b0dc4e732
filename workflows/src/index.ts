export * from './coaching-cycle';
export * from './temporal-settings';
export * from './workflows-path';
