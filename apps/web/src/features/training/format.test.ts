import { describe, expect, it } from 'vitest';
import { sessionOfToken } from './api';
import { formatJp, sessionStart, sessionWhen } from './format';

describe('training formats', () => {
  it('writes a session\'s dates and times the Indonesian way, in WIB', () => {
    const one = { startDate: '2026-05-20', endDate: '2026-05-20', startTime: '08:00', endTime: '12:30' };
    expect(sessionWhen(one, 'id')).toBe('20 Mei 2026, 08.00–12.30 WIB');
    expect(sessionWhen({ ...one, endDate: '2026-05-21' }, 'en')).toBe('20 May 2026 – 21 May 2026, 08:00–12:30 WIB');
    expect(sessionStart('2026-05-20', '08:00', 'id')).toBe('20 Mei 2026, 08.00 WIB');
  });

  it('writes JP with a decimal comma in Indonesian', () => {
    expect(formatJp(2.5, 'id')).toBe('2,5');
    expect(formatJp(8, 'en')).toBe('8');
  });

  it('reads the session id from a check-in code, and nothing from a bad one', () => {
    expect(sessionOfToken('12.29930461.jU1zw951s3VpB8wKddGBezmnQp6')).toBe(12);
    expect(sessionOfToken('bukan-kode')).toBeNull();
  });
});
