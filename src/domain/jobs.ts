/**
 * A message's BullMQ job id. The first job is the message id, so adding it twice is a no-op; a
 * message parked back in the store (a deferral beyond the horizon) gets a new job when it comes
 * back, `<id>.<seq>`, since a completed job of the same id may still be kept in Redis and would
 * swallow the add.
 */
export const jobIdOf = (m: { id: string; jobSeq: number }): string => (m.jobSeq === 0 ? m.id : `${m.id}.${m.jobSeq}`);
