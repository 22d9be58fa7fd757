import { describe, expect, it } from 'vitest';
import { cleanOptional, cleanText, clientHash, normalisedForDuplicates, spreadsheetSafe } from './text.js';
import { safeFileName, sniffType, stripPng } from './attachments.js';

describe('cleanText', () => {
  it.each([
    ['<script>alert(1)</script>Halo', 'Halo'],
    ['Bagus <b>sekali</b>!', 'Bagus sekali!'],
    ['<img src=x onerror=alert(1)>foto', 'foto'],
    ['<scr<script>ipt>alert(1)</script>', ''],
    ['baris satu<br>baris dua<p>tiga</p>', 'baris satu\nbaris dua\ntiga'],
    ['<!-- komentar -->teks', 'teks'],
    ['harga < 5000 dan > 1000', 'harga < 5000 dan > 1000'],
    ['a\u202Egnp.exe\u0000', 'agnp.exe'],
    ['  banyak    spasi  \r\n\r\n\r\n\r\nbaris  ', 'banyak spasi\n\nbaris'],
    ['teks <a href="javascript:alert(1)', 'teks'],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('turns empty optional text into null', () => {
    expect(cleanOptional('<b></b>')).toBeNull();
    expect(cleanOptional(undefined)).toBeNull();
  });
});

describe('spreadsheetSafe, clientHash, normalisedForDuplicates', () => {
  it('neutralises formulas', () => {
    expect(spreadsheetSafe('=1+1')).toBe("'=1+1");
    expect(spreadsheetSafe('-2')).toBe("'-2");
    expect(spreadsheetSafe('biasa')).toBe('biasa');
  });

  it('hashes the client per day and cannot be read back', () => {
    const a = clientHash('k', '10.0.0.1', 'hp', '2026-03-02');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain('10.0.0.1');
    expect(clientHash('k', '10.0.0.1', 'hp', '2026-03-03')).not.toBe(a);
  });

  it('ignores case, spacing and punctuation', () => {
    expect(normalisedForDuplicates('Antrean  LAMA!!')).toBe(normalisedForDuplicates('antrean lama'));
  });
});

describe('attachments', () => {
  it('reads the type from the content', () => {
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffType(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
  });

  it('removes text chunks from a PNG', () => {
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    };
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', Buffer.alloc(13)),
      chunk('tEXt', Buffer.from('Author\0Budi Pelapor')),
      chunk('IDAT', Buffer.from([1, 2, 3])),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const stripped = stripPng(png);
    expect(stripped.toString('latin1')).not.toContain('Budi');
    expect(stripped.toString('latin1')).toContain('IDAT');
  });

  it('makes a harmless file name with the real extension', () => {
    expect(safeFileName('C:\\Users\\budi\\KTP budi.exe', 'image/png')).toBe('KTP budi.png');
    expect(safeFileName('"><script>.jpg', 'image/jpeg')).toBe('script.jpg');
    expect(safeFileName(undefined, 'application/pdf')).toBe('lampiran.pdf');
  });
});
