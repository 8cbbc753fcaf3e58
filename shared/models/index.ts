export * from './condition';
export * from './project';
export * from './mock';
export * from './response';
export * from './request-log';
export * from './content';
export * from './domain-events';
export * from './scenario';
