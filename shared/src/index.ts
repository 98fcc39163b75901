export * from './errors.js';
export * from './questionnaire.js';
export * from './api/health.js';
export * from './api/auth.js';
