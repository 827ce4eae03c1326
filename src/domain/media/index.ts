export * from './dates';
export * from './guide';
export * from './page';
export * from './registry';
export * from './robots';
export * from './rules';
export * from './site';
export * from './wording';
