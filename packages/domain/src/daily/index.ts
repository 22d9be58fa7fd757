export * from './report-window.js';
export * from './activity.js';
export * from './report-status.js';
export * from './alerts.js';
export * from './reminders.js';
