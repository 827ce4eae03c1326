export * from './scoring';
export * from './tree';
