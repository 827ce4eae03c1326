export * from './dates';
export * from './guide';
export * from './page';
export * from './robots';
export * from './rules';
export * from './site';
export * from './wording';
