import { createHmac, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import { qrWindow, qrWindowAccepted } from '@pantau/domain';

/** How often the code shown at a session changes, unless configured (PANTAU_TRAINING_QR_SECONDS). */
export const QR_ROTATION_SECONDS = 60;

/**
 * Attendance codes: `<sessionId>.<window>.<mac>`, where the MAC is an HMAC-SHA256 of the session
 * id and the time window under the session's own secret (never sent to participants). A code
 * cannot be forged for another session or another time, goes stale after two windows, and a
 * participant's attendance of the day is recorded once (a second scan is refused).
 */
export function makeAttendanceToken(
  sessionId: number,
  secret: string,
  at: Date,
  windowSeconds = QR_ROTATION_SECONDS,
): { token: string; window: number; expiresAt: Date } {
  const window = qrWindow(at.getTime(), windowSeconds);
  return {
    token: `${sessionId}.${window}.${mac(secret, sessionId, window)}`,
    window,
    expiresAt: new Date((window + 1) * windowSeconds * 1000),
  };
}

function mac(secret: string, sessionId: number, window: number): string {
  return createHmac('sha256', secret).update(`${sessionId}.${window}`).digest('base64url').slice(0, 27);
}

/** The session a token claims to be for, before its MAC is checked (null when malformed). */
export function parseAttendanceToken(token: string): { sessionId: number; window: number; mac: string } | null {
  const m = /^(\d{1,9})\.(\d{1,12})\.([A-Za-z0-9_-]{27})$/.exec(token);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { sessionId: Number(m[1]), window: Number(m[2]), mac: m[3] };
}

export type TokenCheck = 'OK' | 'INVALID' | 'EXPIRED';

export function checkAttendanceToken(
  parsed: { sessionId: number; window: number; mac: string },
  secret: string,
  at: Date,
  windowSeconds = QR_ROTATION_SECONDS,
): TokenCheck {
  const expected = Buffer.from(mac(secret, parsed.sessionId, parsed.window));
  const given = Buffer.from(parsed.mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'INVALID';
  return qrWindowAccepted(parsed.window, qrWindow(at.getTime(), windowSeconds)) ? 'OK' : 'EXPIRED';
}

interface QrNode {
  _canvas: { x: number; y: number; w: number; h: number; color: string }[];
  _width: number;
}
interface QrEncoder {
  default: { measure(node: { qr: string; fit: number; eccLevel: string; padding?: number }): QrNode };
}

const require = createRequire(import.meta.url);
let encoder: QrEncoder | undefined;

/**
 * The QR code as an SVG document, drawn from pdfmake's built-in encoder (pdfmake is already a
 * dependency for the SKP documents; no QR package is added). Four modules of quiet zone.
 */
export function qrSvg(text: string, size = 600): string {
  encoder ??= require('pdfmake/js/qrEnc.js') as QrEncoder;
  const node = encoder.default.measure({ qr: text, fit: size, eccLevel: 'M', padding: 4 });
  const rects = node._canvas
    .filter((r) => r.color !== '#fff')
    .map((r) => `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}"/>`)
    .join('');
  const n = node._width;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" width="${n}" height="${n}" shape-rendering="crispEdges"><rect width="${n}" height="${n}" fill="#fff"/><g fill="#000">${rects}</g></svg>`;
}
