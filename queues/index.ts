export * from './dispatch.js';
export * from './events-out.js';
