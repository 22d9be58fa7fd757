import { describe, expect, it } from 'vitest';
import { buildUrl, toApiError } from './client';

describe('toApiError', () => {
  it('reads the error envelope with its field errors', () => {
    const err = toApiError(
      400,
      {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Periksa isian Anda.',
          requestId: 'req-1',
          fields: [{ path: 'body.newPassword', code: 'too_small', message: 'Minimal 10 karakter.' }],
        },
      },
      'fallback',
    );
    expect(err.status).toBe(400);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toBe('Periksa isian Anda.');
    expect(err.requestId).toBe('req-1');
    expect(err.fieldMessage('newPassword')).toBe('Minimal 10 karakter.');
  });

  it('falls back to a code from the status when the body is not an envelope', () => {
    const err = toApiError(502, '<html>Bad gateway</html>', 'Terjadi kesalahan.');
    expect(err.code).toBe('INTERNAL_ERROR');
    expect(err.message).toBe('Terjadi kesalahan.');
    expect(err.fields).toEqual([]);
  });

  it('maps 401 without a body to UNAUTHENTICATED', () => {
    expect(toApiError(401, undefined, 'x').code).toBe('UNAUTHENTICATED');
  });
});

describe('buildUrl', () => {
  it('drops empty query values', () => {
    expect(buildUrl('/api/employees', { q: '', unitId: 4, page: 2, x: undefined })).toBe(
      '/api/employees?unitId=4&page=2',
    );
    expect(buildUrl('/api/units')).toBe('/api/units');
  });
});
