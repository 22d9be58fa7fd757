export * from './jp.js';
export * from './catalogue.js';
export * from './attendance.js';
export * from './needs.js';
export * from './reminders.js';
