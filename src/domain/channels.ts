/** The channels a message goes out on: the queue contract's own list, one definition for every part. */
export { CHANNELS, type Channel } from '../../queues/dispatch.js';
