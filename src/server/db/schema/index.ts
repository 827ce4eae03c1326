export * from './org';
export * from './platform';
export * from './tasks';
