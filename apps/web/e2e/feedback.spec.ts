import { deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
  launchBrowser,
  newPhoneContext,
  screenshot,
} from './support/browser';
import { ensureWebBuilt, startServer, type DemoLogin, type RunningServer } from './support/server';

/**
 * Citizen feedback on a 390×844 phone (issue 5): a citizen scans a service's QR poster and fills
 * in the SKM survey; sends a complaint with a photo and a `<script>` in the text; follows it on
 * the tracking page; the responsible supervisor, with the inbox open, sees it arrive live and
 * records the follow-up and the workflow; the public transparency page shows the figures or says
 * the group is too small. Admin pages: service points with the QR poster, the IKM report.
 * axe runs on every page.
 */

let server: RunningServer;
let browser: Browser;
let citizen: BrowserContext;
let citizenPage: Page;
let supervisor: BrowserContext;
let supervisorPage: Page;
let admin: BrowserContext;
let adminPage: Page;
const pageErrors: string[] = [];

let adminLogin: DemoLogin;
let atasanLogin: DemoLogin;
let pegawaiName = '';
const SLUG = 'konsultasi-gizi-e2e';
const SERVICE = 'Konsultasi Gizi Ibu dan Anak';
let trackingCode = '';
let trackingSecret = '';
const COMMENT = 'Kursi di ruang tunggu konsultasi gizi kurang, ibu hamil harus berdiri.';
const SCRIPT_TEXT = 'Saya menunggu tiga jam di loket <script>window.__pwned = 1</script> tanpa kejelasan; nomor antrean 2 < 3 & 5 > 4.';

// ------------------------------------------------------------------ helpers

/** A 2×2 PNG built by hand (signature, IHDR, IDAT, IEND), so the test needs no image file. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Signs in through the API with a cookie jar of one cookie; returns a fetch bound to the session. */
async function apiSession(login: DemoLogin) {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nip: login.login, password: login.password }),
  });
  if (!res.ok) throw new Error(`API sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { me: { csrfToken: string } };
  return async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const r = await fetch(`${server.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { cookie, 'x-csrf-token': body.me.csrfToken, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${r.status}: ${text}`);
    return JSON.parse(text) as unknown;
  };
}

async function signIn(p: Page, login: DemoLogin) {
  await p.goto('/masuk');
  await p.getByLabel('NIP', { exact: false }).first().fill(login.login);
  await p.getByLabel('Kata sandi', { exact: true }).fill(login.password);
  await p.getByRole('button', { name: 'Masuk', exact: true }).click();
  await p.waitForURL((url) => url.pathname === '/');
}

async function h1(p: Page): Promise<string> {
  return ((await p.getByRole('heading', { level: 1 }).first().textContent()) ?? '').trim();
}

async function check(p: Page, label: string) {
  await expectNoSeriousAxeViolations(p, label);
  await screenshot(p, `feedback-${label}`);
}

// ------------------------------------------------------------------ setup

beforeAll(async () => {
  await ensureWebBuilt();
  server = await startServer();
  const find = (pattern: RegExp) => {
    const found = server.findLogin(pattern);
    if (!found) throw new Error(`No demo login ${pattern} in the server output:\n${server.output()}`);
    return found;
  };
  adminLogin = find(/^ADMIN_BKPSDM\b/);
  // The first ATASAN is the head of Bidang Kesehatan Masyarakat, Dinas Kesehatan.
  atasanLogin = find(/^ATASAN\b/);
  const pegawai = find(/^PEGAWAI\b/);

  // The demo city has no service points: the admin adds one at the PEGAWAI's unit (a seksi
  // inside the ATASAN's bidang), so the ATASAN answers for feedback about it.
  const api = await apiSession(adminLogin);
  const found = (await api(`/api/employees?q=${pegawai.login}`)) as { employees: { unitId: number | null; name: string }[] };
  const employee = found.employees[0];
  if (!employee?.unitId) throw new Error('The demo PEGAWAI has no unit');
  pegawaiName = employee.name;
  await api('/api/service-points', {
    method: 'POST',
    body: { unitId: employee.unitId, name: SERVICE, description: 'Konsultasi gizi untuk ibu hamil dan balita.', slug: SLUG },
  });

  browser = await launchBrowser();
  citizen = await newPhoneContext(browser, server.baseUrl);
  citizenPage = await citizen.newPage();
  supervisor = await newPhoneContext(browser, server.baseUrl);
  supervisorPage = await supervisor.newPage();
  admin = await newPhoneContext(browser, server.baseUrl);
  adminPage = await admin.newPage();
  for (const p of [citizenPage, supervisorPage, adminPage]) {
    p.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
    p.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(`console: ${msg.text()}`);
    });
  }
});

afterAll(async () => {
  await citizen?.close();
  await supervisor?.close();
  await admin?.close();
  await browser?.close();
  await server?.stop();
});

// ------------------------------------------------------------------ tests

describe('citizen feedback on a phone', () => {
  it('admin: lists service points, adds one and downloads its QR poster', async () => {
    await signIn(adminPage, adminLogin);
    await adminPage.goto('/layanan-publik');
    await expect.poll(() => adminPage.getByRole('link', { name: SERVICE, exact: true }).count()).toBe(1);
    await check(adminPage, '01-layanan-publik');

    await adminPage.getByRole('link', { name: 'Tambah layanan' }).click();
    await adminPage.waitForURL('**/layanan-publik/baru');
    // Empty form: error summary with links to the fields.
    await adminPage.getByRole('button', { name: 'Simpan layanan' }).click();
    const summary = adminPage.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('Isi nama layanan');
    await check(adminPage, '02-layanan-baru-kosong');

    await adminPage.getByLabel('Nama layanan').fill('Imunisasi Dasar Lengkap');
    const unitSelect = adminPage.getByLabel('Unit yang memberikan layanan');
    const unitValue = await unitSelect.locator('option', { hasText: 'Seksi Kesehatan Keluarga dan Gizi' }).first().getAttribute('value');
    await unitSelect.selectOption(unitValue ?? '');
    await adminPage.getByRole('button', { name: 'Simpan layanan' }).click();
    await adminPage.waitForURL(/\/layanan-publik\/\d+$/);
    await expect.poll(() => adminPage.getByText('Layanan sudah disimpan.').count()).toBe(1);
    const poster = adminPage.getByRole('link', { name: 'Unduh poster QR (PDF)' });
    const href = (await poster.getAttribute('href')) ?? '';
    const pdf = await adminPage.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect.poll(() => adminPage.locator('.checkbox-list input[type=checkbox]').count()).toBeGreaterThan(0);
    await check(adminPage, '03-layanan-ubah');
  });

  it('supervisor: opens the complaints page, live', async () => {
    await signIn(supervisorPage, atasanLogin);
    await supervisorPage.goto('/umpan-balik');
    await expect.poll(() => h1(supervisorPage)).toBe('Pengaduan dan survei');
    await expect.poll(() => supervisorPage.getByText('Pembaruan langsung aktif').count(), { timeout: 15_000 }).toBe(1);
    // The demo data may already hold alerts; whatever arrives from now on is marked "Baru".
    await expect.poll(() => supervisorPage.getByRole('heading', { name: 'Menunggu tindak lanjut Anda' }).count()).toBe(1);
    await expect.poll(() => supervisorPage.locator('.loading').count()).toBe(0);
    await check(supervisorPage, '04-atasan-kosong');
  });

  it('scan-to-survey: nine questions, optional profile, comment and staff member, thanks', async () => {
    const p = citizenPage;
    await p.goto(`/survei/${SLUG}`);
    await expect.poll(() => h1(p)).toBe(SERVICE);
    // No staff navigation and no sign-in on the public page.
    expect(await p.getByRole('button', { name: 'Menu' }).count()).toBe(0);
    await check(p, '05-survei-mulai');

    await p.getByRole('button', { name: 'Mulai survei' }).click();
    for (let n = 1; n <= 9; n++) {
      await p.waitForURL(new RegExp(`langkah=${n}$`));
      await expect.poll(() => p.getByText(`Pertanyaan ${n} dari 9`).count()).toBe(1);
      const answers = p.locator('.answers .answer');
      expect(await answers.count()).toBe(4);
      if (n === 1 || n === 4 || n === 9) await check(p, `06-survei-pertanyaan-${n}`);
      // "b" (nilai 2) everywhere: a low score, which must reach the supervisor.
      await answers.nth(1).click();
    }
    await p.waitForURL(/langkah=profil$/);
    await expect.poll(() => h1(p)).toBe('Tentang Anda (tidak wajib)');
    await p.getByLabel('Perempuan').check();
    await p.getByLabel('Umur').selectOption({ label: '30–39 tahun' });
    await check(p, '07-survei-profil');
    await p.getByRole('button', { name: 'Lanjut' }).click();

    await p.waitForURL(/langkah=saran$/);
    // Back and forth keeps the answers: Back to the profile, then on again.
    await p.goBack();
    await p.waitForURL(/langkah=profil$/);
    expect(await p.getByLabel('Perempuan').isChecked()).toBe(true);
    await p.goForward();
    await p.waitForURL(/langkah=saran$/);
    await p.getByLabel(/Saran atau masukan/).fill(COMMENT);
    await p.getByLabel(/Petugas yang melayani Anda/).selectOption({ label: (await p.locator('#survey-served-by option', { hasText: pegawaiName }).first().textContent()) ?? '' });
    // The honeypot is out of sight and out of reach.
    const honeypot = p.locator('#survey-website');
    expect((await honeypot.boundingBox())?.x ?? 0).toBeLessThan(-1000);
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await p.locator('.honeypot').getAttribute('aria-hidden')).toBe('true');
    await check(p, '08-survei-saran');
    await p.getByRole('button', { name: 'Kirim penilaian' }).click();
    await p.waitForURL(/langkah=selesai$/);
    await expect.poll(() => h1(p)).toBe('Terima kasih');
    await check(p, '09-survei-terima-kasih');
  });

  it('supervisor sees the low score live and records the follow-up', async () => {
    const p = supervisorPage;
    const card = p.locator('.cards li.card--new', { hasText: COMMENT });
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);
    expect(await card.textContent()).toContain('Nilai survei rendah');
    expect(await card.textContent()).toContain('Baru');
    expect(await card.textContent()).toContain(pegawaiName);
    await card.getByText('Catat tindak lanjut').click();
    await card.getByLabel('Apa yang sudah Anda lakukan?').fill('Sudah dibicarakan dengan kepala seksi; jam layanan ditambah.');
    await check(p, '10-atasan-survei-rendah');
    await card.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
    await expect.poll(() => p.getByText('Tindak lanjut sudah dicatat.').count()).toBe(1);
    await expect.poll(() => p.locator('.cards li', { hasText: COMMENT }).count()).toBe(0);
  });

  it('complaint with a photo and a <script> in the text, from the service page', async () => {
    const p = citizenPage;
    await p.getByRole('link', { name: /Sampaikan pengaduan/ }).first().click();
    await p.waitForURL(/\/pengaduan\?layanan=/);
    await expect.poll(() => h1(p)).toBe('Apa yang terjadi?');
    expect(await p.getByText(SERVICE).count()).toBeGreaterThan(0);

    // Nothing filled in: error summary linking to the fields.
    await p.getByRole('button', { name: 'Lanjut' }).click();
    const summary = p.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('Pilih jenis masalah.');
    expect(await summary.textContent()).toContain('paling sedikit 20 huruf');
    await check(p, '11-pengaduan-kosong');

    await p.getByLabel('Pelayanan lambat atau berlarut-larut').check();
    await p.getByLabel('Ceritakan apa yang terjadi').fill(SCRIPT_TEXT);
    await p.locator('#complaint-files').setInputFiles({ name: 'antrean.png', mimeType: 'image/png', buffer: tinyPng() });
    await expect.poll(() => p.locator('.file-list li').count()).toBe(1);
    await check(p, '12-pengaduan-isi');
    await p.getByRole('button', { name: 'Lanjut' }).click();

    await p.waitForURL(/langkah=identitas/);
    await expect.poll(() => h1(p)).toBe('Siapa yang boleh tahu identitas Anda?');
    expect(await p.getByLabel('Rahasia (disarankan)').isChecked()).toBe(true);
    await p.getByLabel('Nomor HP/WhatsApp').fill('0812 3456 7890');
    await check(p, '13-pengaduan-identitas');
    await p.getByRole('button', { name: 'Lanjut' }).click();

    await p.waitForURL(/langkah=periksa/);
    await expect.poll(() => h1(p)).toBe('Periksa pengaduan Anda');
    expect(await p.getByText('antrean.png').count()).toBe(1);
    await check(p, '14-pengaduan-periksa');
    await p.getByRole('button', { name: 'Kirim pengaduan' }).click();

    await p.waitForURL(/langkah=terkirim/);
    await expect.poll(() => h1(p), { timeout: 15_000 }).toBe('Pengaduan Anda sudah terkirim');
    trackingCode = ((await p.getByTestId('tracking-code').textContent()) ?? '').trim();
    trackingSecret = ((await p.getByTestId('tracking-secret').textContent()) ?? '').trim();
    expect(trackingCode).toMatch(/^[A-Z0-9-]{6,20}$/);
    expect(trackingSecret.length).toBeGreaterThan(10);
    await expect.poll(() => p.getByText('Semua lampiran sudah terkirim.').count(), { timeout: 15_000 }).toBe(1);
    await check(p, '15-pengaduan-terkirim');
  });

  it('the supervisor, with the page open, sees the complaint arrive and records a follow-up', async () => {
    expect(trackingCode, 'the complaint test must have sent a complaint').not.toBe('');
    const p = supervisorPage;
    // Arrived after the page was opened, without a reload.
    const card = p.locator('.cards li.card--new', { hasText: 'Pengaduan: Pelayanan lambat' });
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);
    // The announcement for screen readers.
    await expect.poll(() => p.getByRole('status').filter({ hasText: 'Pengaduan baru masuk' }).count()).toBe(1);
    // And the complaint is in the list below, as text, marked nowhere with who sent it.
    await expect.poll(() => p.locator('ul.cards').last().getByText(trackingCode).count()).toBe(1);
    await check(p, '16-atasan-pengaduan-masuk');

    await card.getByText('Catat tindak lanjut').click();
    await card.getByLabel('Apa yang sudah Anda lakukan?').fill('Pengaduan diteruskan ke kepala seksi untuk diperiksa hari ini.');
    await card.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
    // Saving and the list's refetch can take a few seconds on a loaded machine.
    await expect.poll(() => p.locator('.cards li.card--new', { hasText: 'Pengaduan: Pelayanan lambat' }).count(), { timeout: 10_000 }).toBe(0);
  });

  it('officials see the script as text, and move the complaint through verify, forward and follow-up', async () => {
    expect(trackingCode, 'the complaint test must have sent a complaint').not.toBe('');
    const p = supervisorPage;
    await p.getByLabel('Kode lacak atau kata').fill(trackingCode);
    await p.getByRole('button', { name: 'Terapkan' }).click();
    await expect.poll(() => p.getByText('Menampilkan 1–1 dari 1 pengaduan').count()).toBe(1);
    await p.locator('ul.cards').last().getByRole('link').first().click();
    await p.waitForURL(/\/umpan-balik\/pengaduan\/\d+$/);
    await expect.poll(() => h1(p)).toBe(`Pengaduan ${trackingCode}`);
    const description = p.getByTestId('complaint-description');
    const text = (await description.textContent()) ?? '';
    expect(text).toContain('tanpa kejelasan');
    expect(text).toContain('2 < 3 & 5 > 4');
    expect(await description.locator('script').count()).toBe(0);
    expect(await p.evaluate(() => 'pwned' in window || '__pwned' in window)).toBe(false);
    // A rahasia complaint: no identity on the page, and no placeholder hinting at one.
    expect(await p.getByText('0812').count()).toBe(0);
    expect(await p.getByRole('link', { name: /antrean\.png/ }).count()).toBe(1);
    await check(p, '17-atasan-detail');

    await p.getByText('Verifikasi', { exact: true }).click();
    await p.getByRole('button', { name: 'Verifikasi pengaduan' }).click();
    await expect.poll(() => p.getByText('Perubahan sudah disimpan.').count()).toBe(1);

    await p.getByText('Disposisikan ke unit', { exact: true }).click();
    const unitSelect = p.getByLabel('Unit yang menangani');
    const value = await unitSelect.locator('option', { hasText: 'Seksi Kesehatan Keluarga dan Gizi' }).first().getAttribute('value');
    await unitSelect.selectOption(value ?? '');
    await p.getByRole('button', { name: 'Disposisikan' }).click();
    await expect.poll(() => p.locator('.summary-list').first().textContent()).toContain('Didisposisikan');

    await p.getByText('Catat tindak lanjut', { exact: true }).click();
    await p.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
    await expect.poll(() => p.getByRole('alert').first().textContent()).toContain('Tulis tindak lanjutnya.');
    await p.getByLabel('Tindak lanjut (dibaca pelapor)').fill('Petugas loket ditambah satu orang mulai Senin. Mohon maaf atas lamanya antrean.');
    await p.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
    await expect.poll(() => p.locator('.summary-list').first().textContent()).toContain('Ditindaklanjuti');
    await check(p, '18-atasan-ditindaklanjuti');
  });

  it('tracking page: code and secret show the status, history and the script as text; reopen', async () => {
    expect(trackingCode, 'the complaint test must have sent a complaint').not.toBe('');
    const p = citizenPage;
    await p.goto('/pengaduan/lacak');
    await expect.poll(() => h1(p)).toBe('Lacak pengaduan');
    await p.getByRole('button', { name: 'Lihat status' }).click();
    await expect.poll(() => p.getByRole('alert').textContent()).toContain('Isi kode lacak.');
    await check(p, '19-lacak-kosong');

    await p.getByLabel('Kode lacak').fill(trackingCode.toLowerCase());
    await p.getByLabel('Kode rahasia').fill('salah-salah-salah');
    await p.getByRole('button', { name: 'Lihat status' }).click();
    await expect.poll(() => p.getByRole('alert').textContent()).toContain('tidak cocok');

    // The secret as copied from the screen, in groups of four.
    await p.getByLabel('Kode rahasia').fill(trackingSecret);
    await p.getByRole('button', { name: 'Lihat status' }).click();
    await expect.poll(() => h1(p)).toBe(`Pengaduan ${trackingCode}`);
    expect(await p.getByText('Sudah ada jawaban').count()).toBe(1);
    const description = p.getByTestId('complaint-description');
    expect((await description.textContent()) ?? '').toContain('2 < 3 & 5 > 4');
    expect(await description.locator('script').count()).toBe(0);
    expect(await p.evaluate(() => '__pwned' in window)).toBe(false);
    expect(await p.getByText('Petugas loket ditambah satu orang').count()).toBe(1);
    expect(await p.getByText(/Ditutup pada .* bila tidak Anda buka kembali/).count()).toBe(1);
    await check(p, '20-lacak-hasil');

    await p.getByLabel('Alasan membuka kembali').fill('Hari ini antrean masih sama panjangnya.');
    await p.getByRole('button', { name: 'Buka kembali pengaduan' }).click();
    await expect.poll(() => p.getByText('Pengaduan sudah dibuka kembali').count()).toBe(1);
    await expect.poll(() => p.getByText('Dibuka kembali oleh pelapor').count()).toBe(1);
    await check(p, '21-lacak-dibuka-kembali');
  });

  it('IKM report for the supervisor, with the weakest unsur first and an XLSX download', async () => {
    const p = supervisorPage;
    await p.goto('/umpan-balik/ikm');
    await expect.poll(() => h1(p)).toBe('Laporan IKM');
    await expect.poll(() => p.locator('.figure').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Only this service: the one questionnaire of the test, answered "b" everywhere.
    const service = p.getByLabel('Layanan', { exact: true });
    await service.selectOption({ label: (await service.locator('option', { hasText: SERVICE }).first().textContent()) ?? '' });
    await p.getByRole('button', { name: 'Tampilkan' }).click();
    await expect.poll(() => p.locator('.figure').first().textContent()).toBe('Kuesioner1');
    expect(await p.locator('.figure').nth(1).textContent()).toBe('IKM50,00');
    expect(await p.getByText(COMMENT).count()).toBeGreaterThan(0);
    const xlsx = p.getByRole('link', { name: 'Unduh Excel (XLSX)' });
    const res = await p.request.get((await xlsx.getAttribute('href')) ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    await check(p, '22-laporan-ikm');
  });

  it('public transparency page: figures, or "too little data" for small groups, and open data', async () => {
    const p = citizenPage;
    await p.goto('/transparansi');
    await expect.poll(() => h1(p)).toBe('Hasil survei dan pengaduan layanan publik');
    const dinkes = p.locator('details.opd', { hasText: 'Dinas Kesehatan' }).first();
    await dinkes.locator(':scope > summary').click();
    // One questionnaire and one complaint: below the threshold, so no figure, in words.
    await expect.poll(() => dinkes.getByText('Data terlalu sedikit untuk ditampilkan').count()).toBeGreaterThan(0);
    expect(await dinkes.getByText(SERVICE).count()).toBe(1);
    await check(p, '23-transparansi');
    const csv = await p.request.get((await p.getByRole('link', { name: 'IKM per layanan dan bulan (CSV)' }).getAttribute('href')) ?? '');
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(SERVICE);
    await p.getByRole('link', { name: 'Penjelasan kolom data terbuka' }).click();
    await expect.poll(() => h1(p)).toBe('Data terbuka: penjelasan kolom');
    await check(p, '24-data-terbuka');
  });

  it('had no script errors and no CSP violations', () => {
    const unexpected = pageErrors.filter((e) => !/401|Failed to load resource/.test(e));
    expect(unexpected).toEqual([]);
  });
});
