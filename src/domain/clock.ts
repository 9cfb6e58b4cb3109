/** Time is a parameter: every part that needs "now" is given a clock (tests pass fixed ones). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
