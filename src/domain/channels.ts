/** The channels a message goes out on: the queue contract's own list, one definition for every part. */
export { CHANNELS, type Channel } from '../../queues/dispatch.js';

/** The kinds of template: a channel's own, plus the limited-content voicemail a machine gets. */
export const TEMPLATE_CHANNELS = ['sms', 'email', 'voice', 'voicemail'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

/** The template kinds that can serve a dispatch channel, in the order they are tried (a call falls back to the voicemail). */
export const TEMPLATE_KINDS_FOR: Readonly<Record<'sms' | 'voice' | 'email', readonly TemplateChannel[]>> =
  Object.freeze({ sms: ['sms'], voice: ['voice', 'voicemail'], email: ['email'] });
