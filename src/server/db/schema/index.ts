export * from './auth';
export * from './disclosure';
export * from './interaction';
export * from './org';
export * from './platform';
export * from './reports';
export * from './requests';
export * from './tasks';
