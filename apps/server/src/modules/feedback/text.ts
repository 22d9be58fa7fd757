import { createHash, createHmac } from 'node:crypto';
import { validation } from '../../http/errors.js';

/**
 * Citizen text is stored as plain text: tags are removed (with the content of script and style
 * elements), control characters dropped, spacing tidied. The web escapes on output as well; this
 * makes a stored `<script>` harmless on pages, in CSV/XLSX exports and PDFs alike.
 */
export function cleanText(input: string): string {
  return (
    input
      .normalize('NFC')
      .replace(/<(script|style|iframe|object|embed|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      // Block elements end a line; inline ones (b, i, a, span, img…) simply disappear.
      .replace(/<\/?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|blockquote|pre|hr)\b[^>]*>/gi, '\n')
      .replace(/<\/?[a-zA-Z][^>]*>/g, '')
      .replace(/<\/?[a-zA-Z][^<]*$/g, '')
      // eslint-disable-next-line no-control-regex -- removing control and bidi-override characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/** cleanText for a required field: 400 naming the field when nothing is left. */
export function requirePlain(input: string, path: string): string {
  const cleaned = cleanText(input);
  if (cleaned === '') throw validation([{ path, code: 'TEXT_TOO_SHORT', params: { minimum: 1 } }]);
  return cleaned;
}

/** cleanText for optional fields: empty becomes null. */
export function cleanOptional(input: string | null | undefined): string | null {
  if (input === undefined || input === null) return null;
  const cleaned = cleanText(input);
  return cleaned === '' ? null : cleaned;
}

/** Cells starting with = + - @ are formulas to spreadsheet programs: prefix them (CSV/XLSX injection). */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A keyed hash of the client address and browser for one WIB day. It finds same-day duplicates
 * without storing the address: it cannot be reversed and differs from one day to the next.
 */
export function clientHash(secret: string, ip: string, userAgent: string, day: string): string {
  return createHmac('sha256', secret).update(`${ip}\n${userAgent}\n${day}`).digest('hex');
}

export function sha256(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Lower-case words only, so re-spacing or re-casing a text does not make it "different". */
export function normalisedForDuplicates(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
