export * from './bulletin';
export * from './phone';
export * from './scoring';
export * from './tree';
