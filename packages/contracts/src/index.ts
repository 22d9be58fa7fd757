export * from './common.js';
export * from './auth.js';
export * from './org.js';
export * from './people.js';
