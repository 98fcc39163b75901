export * from './errors.js';
export * from './questionnaire.js';
