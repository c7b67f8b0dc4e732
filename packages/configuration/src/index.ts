export * from './configuration-pin.error';
export * from './configuration-record-cache';
export * from './default-form-id';
export * from './load-configuration';
export * from './pin-cycle-configuration';
