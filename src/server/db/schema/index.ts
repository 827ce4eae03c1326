export * from './auth';
export * from './disclosure';
export * from './org';
export * from './platform';
export * from './requests';
export * from './tasks';
