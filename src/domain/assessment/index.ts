export * from './phone';
export * from './scoring';
export * from './tree';
