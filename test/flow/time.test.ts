// Unit conversion for time limits: 8 office hours to a working day, 24 hours to a calendar day, days and working days 1:1.
import { describe, expect, it } from 'vitest';
import { convert, countedDuration, toHundredths } from '../../src/flow/time.js';
import type { Step } from '../../src/schema/definitions.js';

const step = (more: Partial<Step>): Step => ({ id: 'x', name: '审查', type: 'task', ...more });

describe('convert', () => {
  it('leaves a value in its own unit alone', () => {
    expect(convert(3, 'working-days', 'working-days')).toBe(3);
    expect(convert(3, 'days', 'days')).toBe(3);
    expect(convert(3, 'hours', 'hours')).toBe(3);
  });

  it('converts hours and working days at 8 hours a day', () => {
    expect(convert(8, 'hours', 'working-days')).toBe(1);
    expect(convert(12, 'hours', 'working-days')).toBe(1.5);
    expect(convert(4, 'hours', 'working-days')).toBe(0.5);
    expect(convert(2, 'working-days', 'hours')).toBe(16);
  });

  it('converts hours and calendar days at 24 hours a day', () => {
    expect(convert(48, 'hours', 'days')).toBe(2);
    expect(convert(12, 'hours', 'days')).toBe(0.5);
    expect(convert(1, 'days', 'hours')).toBe(24);
  });

  it('counts days and working days 1:1, which errs towards a longer flow', () => {
    expect(convert(3, 'days', 'working-days')).toBe(3);
    expect(convert(3, 'working-days', 'days')).toBe(3);
    expect(convert(0.5, 'working-days', 'days')).toBe(0.5);
  });

  it('round-trips through hours', () => {
    expect(convert(convert(5, 'working-days', 'hours'), 'hours', 'working-days')).toBe(5);
    expect(convert(convert(5, 'days', 'hours'), 'hours', 'days')).toBe(5);
  });
});

describe('countedDuration', () => {
  it('takes the item unit when the step gives none', () => {
    expect(countedDuration(step({ duration: 3 }), 'working-days')).toBe(3);
    expect(countedDuration(step({ duration: 3 }), 'hours')).toBe(3);
  });

  it('converts a step in its own unit into the item unit', () => {
    expect(countedDuration(step({ duration: 16, unit: 'hours' }), 'working-days')).toBe(2);
    expect(countedDuration(step({ duration: 1, unit: 'working-days' }), 'hours')).toBe(8);
    expect(countedDuration(step({ duration: 2, unit: 'working-days' }), 'days')).toBe(2);
  });

  it('weighs nothing when not counted (不计入办结时限) or without a duration', () => {
    expect(countedDuration(step({ duration: 20, counted: false }), 'working-days')).toBe(0);
    expect(countedDuration(step({ unit: 'hours' }), 'working-days')).toBe(0);
    expect(countedDuration(step({ duration: 2, counted: true }), 'working-days')).toBe(2);
  });
});

describe('toHundredths', () => {
  it('rounds to two decimals', () => {
    expect(toHundredths(2.345)).toBe(2.35);
    expect(toHundredths(1 / 3)).toBe(0.33);
    expect(toHundredths(7)).toBe(7);
  });

  it('keeps a value too large to scale by 100 as it is, instead of making it Infinity', () => {
    expect(toHundredths(1e308)).toBe(1e308);
    expect(toHundredths(Number.MAX_VALUE)).toBe(Number.MAX_VALUE);
    expect(toHundredths(Infinity)).toBe(Infinity);
  });
});
