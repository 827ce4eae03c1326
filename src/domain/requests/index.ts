export * from './clock';
export * from './fees';
export * from './intake';
export * from './outcomes';
export * from './receipt';
