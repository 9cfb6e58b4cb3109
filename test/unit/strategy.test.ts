import { describe, expect, it } from 'vitest';
import {
  compareDecimal,
  DEFAULT_STRATEGY,
  planSteps,
  resolveStrategy,
  selectStage,
  StrategyError,
} from '../../src/policy/strategy.js';

const usd = (amount: string, daysOverdue: number) => ({ daysOverdue, amountDue: { amount, currency: 'USD' } });
const stage = (amount: string, days: number) => selectStage(DEFAULT_STRATEGY, usd(amount, days)).stage;

describe('stage selection', () => {
  it.each([
    [-5, 'pre-due'],
    [0, 'pre-due'],
    [1, 'early'],
    [7, 'early'],
    [8, 'middle'],
    [30, 'middle'],
    [31, 'late'],
    [400, 'late'],
  ])('day %i with a small amount is %s', (days, expected) => {
    expect(stage('120.50', days)).toBe(expected);
  });

  it('moves to late above the high threshold (USD 5000.00), not at it', () => {
    expect(stage('5000.00', 3)).toBe('early');
    expect(stage('5000.01', 3)).toBe('late');
    expect(stage('4999.99', 12)).toBe('middle');
    expect(stage('5000.01', 12)).toBe('late');
    expect(stage('999999.00', 0)).toBe('pre-due');
  });

  it('says why, naming the threshold when the amount is over it', () => {
    expect(selectStage(DEFAULT_STRATEGY, usd('1000.01', 9)).why).toContain('over the threshold of 1000.00 USD');
    expect(selectStage(DEFAULT_STRATEGY, usd('1000.00', 9)).why).toBe('9 days overdue (8 to 30)');
    expect(
      selectStage(DEFAULT_STRATEGY, { daysOverdue: 2, amountDue: { amount: '30000.01', currency: 'CNY' } }).stage,
    ).toBe('late');
  });

  it('refuses a currency the strategy has no thresholds for, clearly', () => {
    expect(() =>
      selectStage(DEFAULT_STRATEGY, { daysOverdue: 3, amountDue: { amount: '10', currency: 'JPY' } }),
    ).toThrow(StrategyError);
    expect(() =>
      selectStage(DEFAULT_STRATEGY, { daysOverdue: 3, amountDue: { amount: '10', currency: 'JPY' } }),
    ).toThrow(/no thresholds for JPY/);
  });

  it('compares decimal strings exactly', () => {
    expect(compareDecimal('1000.00', '1000')).toBe(0);
    expect(compareDecimal('999.999999', '1000')).toBe(-1);
    expect(compareDecimal('10000000000000.01', '10000000000000.001')).toBe(1);
  });
});

describe('strategy files', () => {
  it('names the missing threshold of a currency at start-up', () => {
    expect(() =>
      resolveStrategy({
        ...DEFAULT_STRATEGY,
        thresholds: { ...DEFAULT_STRATEGY.thresholds, JPY: { threshold: '100000' } },
      }),
    ).toThrow(/thresholds\.JPY\.high/);
  });
  it('refuses automated calls in the late stage', () => {
    expect(() =>
      resolveStrategy({
        ...DEFAULT_STRATEGY,
        cadences: { ...DEFAULT_STRATEGY.cadences, late: [{ template: 'final-courtesy', channel: 'voice', day: 31 }] },
      }),
    ).toThrow(/no automated calls/);
  });
});

describe('cadence planning', () => {
  const day = 86_400_000;
  it('lays out early from day 1: SMS now, email two days later', () => {
    const steps = planSteps(DEFAULT_STRATEGY, 'early', 1, 0, day);
    expect(steps.map((s) => [s.channel, s.at, s.superseded])).toEqual([
      ['sms', 0, false],
      ['email', 2 * day, false],
    ]);
    expect(steps[0]!.nextAt).toBe(2 * day);
  });
  it('drops steps whose day has passed when a later one is also due (superseded)', () => {
    const steps = planSteps(DEFAULT_STRATEGY, 'early', 5, 0, day);
    expect(steps.map((s) => [s.day, s.at, s.superseded])).toEqual([
      [1, 0, true],
      [3, 0, false],
    ]);
  });
  it('keeps same-day steps together in middle (SMS and email on day 8), calls on days 10 and 20', () => {
    const steps = planSteps(DEFAULT_STRATEGY, 'middle', 8, 0, day);
    expect(steps.map((s) => [s.channel, s.at / day, s.nextAt === null ? null : s.nextAt / day])).toEqual([
      ['sms', 0, 2],
      ['email', 0, 2],
      ['voice', 2, 12],
      ['voice', 12, null],
    ]);
  });
});
