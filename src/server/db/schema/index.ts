export * from './disclosure';
export * from './org';
export * from './platform';
