import { describe, expect, it } from 'vitest';
import { IdSchema } from './common.js';

describe('IdSchema', () => {
  it('accepts 1 and up, and reports the real minimum (1, not 0) for smaller values', () => {
    expect(IdSchema.parse('1')).toBe(1);
    const issue = IdSchema.safeParse(0).error?.issues[0];
    expect(issue).toMatchObject({ code: 'too_small', minimum: 1, inclusive: true });
    expect(IdSchema.safeParse(-3).success).toBe(false);
    expect(IdSchema.safeParse(1.5).success).toBe(false);
  });
});
