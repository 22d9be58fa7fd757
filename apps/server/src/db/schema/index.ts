export * from './instansi.js';
export * from './org.js';
export * from './auth.js';
export * from './audit.js';
export * from './realtime.js';
