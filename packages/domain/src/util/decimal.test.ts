import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { divideRoundHalfUp, roundHalfUp } from './decimal.js';

describe('roundHalfUp', () => {
  it('rounds a trailing 5 up where binary floats would round down', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(88.305, 2)).toBe(88.31);
    expect(roundHalfUp(76.605, 2)).toBe(76.61);
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
  });

  it('rounds just below a half down and just above up', () => {
    expect(roundHalfUp(88.3049, 2)).toBe(88.3);
    expect(roundHalfUp(88.3051, 2)).toBe(88.31);
    expect(roundHalfUp(0.4999, 0)).toBe(0);
    expect(roundHalfUp(0.5, 0)).toBe(1);
  });

  it('absorbs arithmetic noise such as 0.1 + 0.2', () => {
    expect(roundHalfUp(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundHalfUp(1.1 * 3, 1)).toBe(3.3);
  });

  it('rounds halves away from zero for negative values', () => {
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01);
    expect(Object.is(roundHalfUp(-0.001, 2), 0)).toBe(true);
  });

  it('keeps values that already have fewer decimals and handles tiny and large numbers', () => {
    expect(roundHalfUp(12.5, 2)).toBe(12.5);
    expect(roundHalfUp(0, 2)).toBe(0);
    expect(roundHalfUp(0.000123, 5)).toBe(0.00012);
    expect(roundHalfUp(0.00000001, 2)).toBe(0);
    expect(roundHalfUp(123456789.125, 2)).toBe(123456789.13);
    expect(roundHalfUp(1e21, 2)).toBe(1e21);
  });

  it('rejects non-finite values and bad decimals', () => {
    expect(() => roundHalfUp(Number.NaN, 2)).toThrow(DomainError);
    expect(() => roundHalfUp(Number.POSITIVE_INFINITY, 2)).toThrow(DomainError);
    expect(() => roundHalfUp(1, -1)).toThrow(DomainError);
    expect(() => roundHalfUp(1, 1.5)).toThrow(DomainError);
  });
});

describe('divideRoundHalfUp', () => {
  it('rounds exact halves up and other remainders to nearest', () => {
    expect(divideRoundHalfUp(5, 2)).toBe(3);
    expect(divideRoundHalfUp(7, 2)).toBe(4);
    expect(divideRoundHalfUp(4, 3)).toBe(1);
    expect(divideRoundHalfUp(5, 3)).toBe(2);
    expect(divideRoundHalfUp(0, 7)).toBe(0);
    expect(divideRoundHalfUp(10, 5)).toBe(2);
  });

  it('rejects negative, fractional and zero inputs', () => {
    expect(() => divideRoundHalfUp(-1, 2)).toThrow(DomainError);
    expect(() => divideRoundHalfUp(1.5, 2)).toThrow(DomainError);
    expect(() => divideRoundHalfUp(1, 0)).toThrow(DomainError);
  });
});
