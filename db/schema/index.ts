export * from './auth';
export * from './settings';
export * from './audit';
export * from './org';
export * from './metrics';
export * from './uploads';
export * from './ai';
export * from './reports';
