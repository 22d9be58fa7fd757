import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { PEOPLE_COLUMNS, type PeopleColumn } from '@pantau/contracts';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { nextNip, type TestOrg } from '../../../test/factories.js';
import type { Session } from '../../../test/http.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { OpenDb } from '../../db/open-db.js';
import type { Clock } from '../../lib/clock.js';
import { peopleRoutes } from './people.routes.js';
import { createPeopleService } from './people.service.js';

/** Test-only helpers for the people import: roster rows, CSV/XLSX files and multipart bodies. */

export type Line = Record<PeopleColumn, string>;

export const blankLine = (): Line => ({
  NIP: '',
  Nama: '',
  'Gelar Depan': '',
  'Gelar Belakang': '',
  'Jenis ASN': 'PNS',
  Golongan: 'III/a',
  Jabatan: '',
  'Jenis Jabatan': '',
  Unit: '',
  'NIP Atasan': '',
});

/** A new person's line with a fresh valid NIP. */
export const person = (name: string, jabatan: string, unit: string, atasan: string, extra: Partial<Line> = {}): Line => ({
  ...blankLine(),
  NIP: nextNip(),
  Nama: name,
  Jabatan: jabatan,
  Unit: unit,
  'NIP Atasan': atasan,
  ...extra,
});

/** The org built by makeOrg() as import lines (everybody, so nobody is "leaving"). */
export function roster(org: TestOrg): Line[] {
  const p = org.people;
  const line = (who: { nip: string; name: string }, jabatan: string, jenis: string, unit: string, atasan?: { nip: string }): Line => ({
    ...blankLine(),
    NIP: who.nip,
    Nama: who.name,
    Jabatan: jabatan,
    'Jenis Jabatan': jenis,
    Unit: unit,
    'NIP Atasan': atasan?.nip ?? '',
  });
  return [
    line(p.kadis, 'Kepala Dinas Kesehatan', 'JPT', 'Dinas Kesehatan'),
    line(p.kabid, 'Kepala Bidang Pelayanan', 'Administrator', 'Bidang Pelayanan', p.kadis),
    line(p.kasi, 'Kepala Seksi Layanan Primer', 'Pengawas', 'Seksi Layanan Primer', p.kabid),
    line(p.staff1, 'Pengadministrasi Perkantoran', 'Pelaksana', 'Seksi Layanan Primer', p.kasi),
    line(p.staff2, 'Pengadministrasi Perkantoran', 'Pelaksana', 'Seksi Layanan Primer', p.kasi),
    line(p.headB, 'Kepala Dinas Sosial', 'JPT', 'Dinas Sosial'),
    line(p.staffB, 'Penata Layanan Operasional', 'Pelaksana', 'Dinas Sosial', p.headB),
    line(p.adminBkpsdm, 'Analis SDM Aparatur', 'Fungsional', 'BKPSDM'),
    line(p.adminOpdB, 'Penata Layanan Operasional', 'Pelaksana', 'Dinas Sosial', p.headB),
    line(p.inspektorat, '', '', ''),
    line(p.pimpinan, '', '', ''),
  ];
}

export function toCsvText(lines: readonly Line[], opts: { sep?: string; headers?: readonly string[] } = {}): string {
  const sep = opts.sep ?? ',';
  const quote = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header = (opts.headers ?? PEOPLE_COLUMNS).map(quote).join(sep);
  return [header, ...lines.map((l) => PEOPLE_COLUMNS.map((c) => quote(l[c])).join(sep))].join('\n') + '\n';
}

/** An .xlsx with the lines; `nipAsNumber` stores NIPs the way a careless spreadsheet does. */
export async function toXlsxBuffer(lines: readonly Line[], opts: { nipAsNumber?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow([...PEOPLE_COLUMNS]);
  for (const l of lines) {
    ws.addRow(PEOPLE_COLUMNS.map((c) => (opts.nipAsNumber && c === 'NIP' ? Number(l[c]) : l[c])));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function multipart(filename: string, content: Buffer | string, field = 'file') {
  const boundary = `----pantau${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function uploader(t: PeopleTestApp) {
  return (who: Session | null, mode: 'dry-run' | 'commit', filename: string, content: Buffer | string, headers: Record<string, string> = {}) => {
    const m = multipart(filename, content);
    return t.as(who).post(`/api/imports/employees?mode=${mode}`, m.body, { ...m.headers, ...headers });
  };
}

/** The part of test/http.ts#TestApp these tests use. */
export interface PeopleTestApp {
  app: FastifyInstance;
  as(who: Session | null): {
    get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
    post(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  };
  signIn(person: { nip: string; password: string }): Promise<Session>;
  close(): Promise<void>;
}

/**
 * Like test/http.ts#buildTestApp, but mounts the people routes itself while app.ts still has
 * them commented out (the composition root is not ours to edit). Once app.ts registers them,
 * this mounts nothing and buildTestApp can replace it.
 */
export async function buildPeopleTestApp(db: OpenDb, opts: { env?: Record<string, string>; clock?: Clock } = {}): Promise<PeopleTestApp> {
  const config = loadConfig({ PANTAU_DEMO: 'false', PANTAU_WEB_DIST: '/nonexistent', ...opts.env });
  const app = await buildApp({ config, db, logger: false, clock: opts.clock });
  if (!app.hasRoute({ method: 'POST', url: '/api/imports/employees' })) {
    peopleRoutes(app, createPeopleService({ db: db.db, clock: opts.clock ?? { now: () => new Date() } }));
  }
  await app.ready();
  const send = (who: Session | null, o: InjectOptions) =>
    app.inject({
      ...o,
      headers: { ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}), ...(o.headers as Record<string, string> | undefined) },
    });
  return {
    app,
    as: (who) => ({
      get: (url, headers) => send(who, { method: 'GET', url, headers }),
      post: (url, payload, headers) => send(who, { method: 'POST', url, payload: payload as InjectOptions['payload'], headers }),
    }),
    async signIn(person) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { nip: person.nip, password: person.password } });
      if (res.statusCode !== 200) throw new Error(`sign-in failed ${res.statusCode}: ${res.body}`);
      const setCookie = res.headers['set-cookie'];
      const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
      const body = res.json() as { me: { csrfToken: string } };
      return { cookie: (raw ?? '').split(';')[0] ?? '', csrf: body.me.csrfToken };
    },
    close: () => app.close(),
  };
}
