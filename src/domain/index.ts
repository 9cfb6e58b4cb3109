/** The shared vocabulary: imported by every part, importing nothing of theirs. */
export * from './channels.js';
export * from './clock.js';
export * from './entities.js';
export * from './events.js';
export * from './keys.js';
export * from './statuses.js';
export * from './paths.js';
export * from './breaker.js';
export * from './provider-codes.js';
export * from './jobs.js';
export * from './sender.js';
export * from './replies.js';
export * from './holds.js';
