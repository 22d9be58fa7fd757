import { writeFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  newPhoneContext,
  screenshot,
  SCREENSHOT_DIR,
  watchPageErrors,
} from './support/browser';
import { ensureWebBuilt, type DemoLogin, type RunningServer } from './support/server';
import { apiSignIn, checkPage, POLL, signIn, startEmployeeScene, type ApiSession } from './support/session';

/**
 * Issue 4 on a 390×844 phone: the demo PEGAWAI reports a day, goes offline, submits (twice, as
 * an impatient thumb would), comes back online; the atasan's open "Tim saya" page shows the report
 * without a reload; the atasan returns it with a note and the employee sees the note. axe runs on
 * every new page; screenshots go to e2e/screenshots/d*.png.
 */

const SUPERVISOR_PASSWORD = 'atasan-e2e-sandi-2026';
/** A small solid-colour PNG (evidence is checked by content on the server, so it must be real). */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PNG = png(64, 48, [200, 40, 40]);
const PNG2 = png(64, 48, [40, 120, 200]);
const PNG3 = png(64, 48, [40, 160, 60]);

/** Console noise that is expected: the 401 of /api/me before sign-in, requests made while offline. */
const ignorable = (e: string) => /Failed to load resource|net::ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|EventSource/.test(e);

let server: RunningServer;
let browser: Browser;
let employeeContext: BrowserContext;
let supervisorContext: BrowserContext;
let employeePage: Page;
let supervisorPage: Page;
let employeeErrors: string[];
let supervisorErrors: string[];
let pegawai: DemoLogin;
let supervisor: { nip: string; password: string; name: string };
let employeeApi: ApiSession;
let pembinaanForPegawai = false;

beforeAll(async () => {
  await ensureWebBuilt();
  // Without the demo's daily reports (the demo history itself is checked in demo-daily.test.ts);
  // the verifier is the pegawai's direct atasan (by date).
  ({ server, pegawai, employeeApi, supervisor } = await startEmployeeScene(SUPERVISOR_PASSWORD));

  browser = await launchBrowser();
  employeeContext = await newPhoneContext(browser, server.baseUrl);
  supervisorContext = await newPhoneContext(browser, server.baseUrl);
  employeePage = await employeeContext.newPage();
  supervisorPage = await supervisorContext.newPage();
  employeeErrors = watchPageErrors(employeePage);
  supervisorErrors = watchPageErrors(supervisorPage);
});

afterAll(async () => {
  // The server's own log, for when a step fails (the folder is git-ignored).
  if (server) await writeFile(`${SCREENSHOT_DIR}daily-reports-server.log`, server.output()).catch(() => undefined);
  await employeeContext?.close();
  await supervisorContext?.close();
  await browser?.close();
  await server?.stop();
});

describe('daily reports on a phone', () => {
  it('puts today’s report first on Beranda for the employee', async () => {
    await signIn(employeePage, pegawai.login, pegawai.password);
    const card = employeePage.locator('.today-card').first();
    await card.waitFor();
    // It is the first thing under the greeting.
    const firstSection = await employeePage.locator('main section').first().getAttribute('class');
    expect(firstSection).toContain('today-card');
    expect(await employeePage.getByRole('link', { name: /^Isi laporan hari / }).count()).toBe(1);
    expect(await employeePage.getByText('segera hadir').count()).toBe(0);
    await checkPage(employeePage, 'beranda pegawai', 'd01-beranda-pegawai');
  });

  it('adds an activity with a photo and keeps it as a draft', async () => {
    const started = Date.now();
    await employeePage.getByRole('link', { name: /^Isi laporan hari / }).click();
    await employeePage.waitForURL('**/laporan-harian');
    await employeePage.getByRole('button', { name: '+ Tambah kegiatan' }).waitFor();
    await checkPage(employeePage, 'laporan hari ini (kosong)', 'd02-laporan-kosong');

    await employeePage.getByRole('button', { name: '+ Tambah kegiatan' }).click();
    // The form opens with the cursor in the description; saving it empty shows what to fix.
    expect(await employeePage.evaluate(() => document.activeElement?.id)).toBe('act-description');
    await employeePage.getByRole('button', { name: 'Simpan kegiatan' }).click();
    const summary = employeePage.locator('.error-summary');
    await expect.poll(() => summary.textContent(), POLL).toContain('Tulis apa yang Anda kerjakan.');
    await checkPage(employeePage, 'form kegiatan salah', 'd03-form-salah');

    await employeePage.getByLabel('Apa yang Anda kerjakan?').fill('Mengentri data posyandu Desa Uteun Bayi');
    await employeePage.getByLabel('Jumlah').fill('12');
    await employeePage.getByLabel('Satuan').fill('dokumen');
    await employeePage.locator('#act-evidence-file').setInputFiles({ name: 'daftar-hadir.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => employeePage.locator('.activity-form .evidence__item').count(), POLL).toBe(1);
    expect(await employeePage.locator('.activity-form .evidence__waiting').count()).toBe(0);
    await checkPage(employeePage, 'form kegiatan', 'd04-form-kegiatan');
    await employeePage.getByRole('button', { name: 'Simpan kegiatan' }).click();

    await expect.poll(() => employeePage.locator('ol.activities > li').count(), POLL).toBe(1);
    await expect.poll(() => employeePage.getByText('Draf, belum dikirim').count(), POLL).toBe(1);
    // Well under a minute for a first activity, even here (the budget is for a person; this is a check).
    expect(Date.now() - started).toBeLessThan(60_000);
    await checkPage(employeePage, 'laporan draf', 'd05-laporan-draf');
  });

  it('shows the atasan an open team page', async () => {
    await signIn(supervisorPage, supervisor.nip, supervisor.password);
    // Beranda tells the atasan how many reports wait for them.
    await supervisorPage.locator('.today-card--team').waitFor();
    await supervisorPage.goto('/tim');
    await supervisorPage.getByRole('heading', { level: 1, name: 'Tim saya' }).waitFor();
    await expect.poll(() => supervisorPage.getByText('Tidak ada laporan yang menunggu Anda periksa.').count(), POLL).toBe(1);
    await expect.poll(() => supervisorPage.getByText('Langsung: halaman ini diperbarui sendiri').count(), POLL).toBe(1);
    await checkPage(supervisorPage, 'tim saya', 'd06-tim-kosong');
  });

  it('submits without a connection, once, and sends it when the connection returns', async () => {
    await employeeContext.setOffline(true);
    await expect.poll(() => employeePage.getByText('Tidak ada sinyal internet').count(), POLL).toBe(1);

    await employeePage.getByRole('button', { name: '+ Tambah kegiatan' }).click();
    await employeePage.getByLabel('Apa yang Anda kerjakan?').fill('Rapat koordinasi gizi balita');
    await employeePage.getByRole('button', { name: 'Lama (menit)' }).click();
    await employeePage.getByRole('button', { name: '60 menit' }).click();
    await employeePage.locator('#act-evidence-camera').setInputFiles({ name: 'rapat.png', mimeType: 'image/png', buffer: PNG2 });
    await expect.poll(() => employeePage.locator('.activity-form .evidence__waiting').count(), POLL).toBe(1);
    await employeePage.getByRole('button', { name: 'Simpan kegiatan' }).click();
    await expect.poll(() => employeePage.locator('ol.activities > li').count(), POLL).toBe(2);

    // An impatient double tap on a slow phone.
    const send = employeePage.getByRole('button', { name: 'Kirim ke atasan' });
    await send.dblclick();
    // The autosaved draft may be queued first ("Perubahan tersimpan…"); wait for the submission itself.
    await expect.poll(() => employeePage.locator('.day-status').textContent(), POLL).toContain('akan dikirim ke atasan otomatis');
    expect(await employeePage.locator('.day-status').textContent()).toContain('Menunggu dikirim');
    await checkPage(employeePage, 'laporan menunggu dikirim', 'd07-offline-menunggu-dikirim');

    await employeeContext.setOffline(false);
    await expect.poll(() => employeePage.locator('.day-status').textContent(), POLL).toContain('Sudah dikirim ke atasan');
    await screenshot(employeePage, 'd08-terkirim');

    // The server has one report for the day with exactly the two activities (no duplicates).
    const list = (await (await employeeApi.call('GET', '/api/daily-reports?pageSize=10')).json()) as {
      dailyReports: Array<{ id: number; status: string; activityCount: number }>;
    };
    expect(list.dailyReports).toHaveLength(1);
    expect(list.dailyReports[0]).toMatchObject({ status: 'SUBMITTED', activityCount: 2 });
    const detail = (await (await employeeApi.call('GET', `/api/daily-reports/${list.dailyReports[0]?.id}`)).json()) as {
      dailyReport: { activities: Array<{ evidence: unknown[] }> };
    };
    expect(detail.dailyReport.activities.map((a) => a.evidence.length)).toEqual([1, 1]);
  });

  it('shows the report on the atasan’s open page without a reload', async () => {
    const item = supervisorPage.locator('.pending-list > li').filter({ hasText: pegawai.line.split('|')[3]?.trim() ?? '' });
    await expect.poll(() => item.count(), POLL).toBe(1);
    await expect.poll(() => supervisorPage.locator('.live-bar').textContent(), POLL).toContain('Diperbarui pukul');
    await checkPage(supervisorPage, 'tim saya (live)', 'd09-tim-live');
  });

  it('lets the atasan return the day with a note', async () => {
    await supervisorPage.getByRole('button', { name: /^Periksa/ }).first().click();
    const review = supervisorPage.locator('form.review');
    await review.waitFor();
    await expect.poll(() => review.locator('.review__activity').count(), POLL).toBe(2);
    await review.getByRole('button', { name: 'Kembalikan untuk diperbaiki' }).click();
    await expect.poll(() => supervisorPage.locator('.error-summary').textContent(), POLL).toContain('Tulis catatan untuk pegawai');
    await checkPage(supervisorPage, 'periksa laporan', 'd10-periksa-laporan');
    await review.getByLabel('Catatan untuk pegawai').fill('Tolong lampirkan foto daftar hadir rapat.');
    await review.getByRole('button', { name: 'Kembalikan untuk diperbaiki' }).click();
    await expect.poll(() => supervisorPage.getByText(/dikembalikan dengan catatan Anda/).count(), POLL).toBe(1);
    await expect.poll(() => supervisorPage.getByText('Tidak ada laporan yang menunggu Anda periksa.').count(), POLL).toBe(1);
    await screenshot(supervisorPage, 'd11-tim-setelah-dikembalikan');
  });

  it('shows the employee the note, live, and lets them fix and resend', async () => {
    await expect.poll(() => employeePage.locator('.day-status').textContent(), POLL).toContain('Tolong lampirkan foto daftar hadir rapat.');
    expect(await employeePage.locator('.day-status').textContent()).toContain('Dikembalikan oleh');
    await checkPage(employeePage, 'laporan dikembalikan', 'd12-dikembalikan');

    await employeePage.getByRole('button', { name: /^Perbaiki Kegiatan 2/ }).click();
    await employeePage.locator('#act-evidence-file').setInputFiles({ name: 'daftar-hadir-rapat.png', mimeType: 'image/png', buffer: PNG3 });
    await expect.poll(() => employeePage.locator('.activity-form .evidence__item').count(), POLL).toBe(2);
    await employeePage.getByRole('button', { name: 'Simpan perubahan' }).click();
    await employeePage.getByRole('button', { name: 'Kirim ulang ke atasan' }).click();
    await expect.poll(() => employeePage.locator('.day-status').textContent(), POLL).toContain('Sudah dikirim ke atasan');
  });

  it('lists notifications with the bell count', async () => {
    const bell = employeePage.locator('a.bell');
    await expect.poll(() => bell.getAttribute('aria-label'), POLL).toMatch(/^Notifikasi, \d+ belum dibaca$/);
    await bell.click();
    await employeePage.waitForURL('**/notifikasi');
    await expect.poll(() => employeePage.locator('.notification').count(), POLL).toBeGreaterThan(0);
    expect(await employeePage.locator('.notification').first().textContent()).toContain('dikembalikan');
    await checkPage(employeePage, 'notifikasi', 'd13-notifikasi');
    await employeePage.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
    await expect.poll(() => bell.getAttribute('aria-label'), POLL).toBe('Notifikasi');
  });

  it('shows my past days with their status', async () => {
    await employeePage.goto('/laporan-harian/riwayat');
    await expect.poll(() => employeePage.locator('.day-list__item').count(), POLL).toBe(1);
    expect(await employeePage.locator('.day-list__item').first().textContent()).toContain('Menunggu diperiksa atasan');
    await checkPage(employeePage, 'riwayat', 'd14-riwayat');
  });

  it('records a note from an alert on the team page, and the employee reads it', async () => {
    await supervisorPage.goto('/tim');
    await supervisorPage.locator('.member--alert').first().waitFor();
    // The demo pegawai when they have an alert (their month is behind the norm), else the first.
    const pegawaiCard = supervisorPage.locator('.member--alert').filter({ hasText: employeeApi.me.name });
    const forPegawai = (await pegawaiCard.count()) > 0;
    const member = forPegawai ? pegawaiCard.first() : supervisorPage.locator('.member--alert').first();
    const name = (await member.locator('.member__name').textContent())?.trim() ?? '';
    await member.getByRole('button', { name: /^Catat pembinaan/ }).click();
    await member.getByLabel('Isi').fill('Mohon mulai mengisi laporan harian setiap hari kerja.');
    await member.getByLabel('Tindak lanjut yang disepakati (boleh dikosongkan)').fill('Dicek lagi hari Senin.');
    await checkPage(supervisorPage, 'tim: pembinaan', 'd15-tim-pembinaan');
    await member.getByRole('button', { name: 'Simpan dan kirim ke pegawai' }).click();
    await expect.poll(() => supervisorPage.getByText(`Pembinaan untuk ${name} sudah disimpan`, { exact: false }).count(), POLL).toBe(1);
    pembinaanForPegawai = forPegawai;
  });

  it('has help pages in plain Indonesian', async () => {
    for (const [path, heading, shot] of [
      ['/bantuan', 'Bantuan', 'd16-bantuan'],
      ['/bantuan/cara-melapor', 'Cara melapor', 'd17-cara-melapor'],
      ['/bantuan/tanpa-sinyal', 'Jika tidak ada sinyal', 'd18-tanpa-sinyal'],
    ] as const) {
      await employeePage.goto(path);
      await employeePage.getByRole('heading', { level: 1, name: heading }).waitFor();
      await checkPage(employeePage, path, shot);
    }
    await employeePage.goto('/catatan-atasan');
    await employeePage.getByRole('heading', { level: 1, name: 'Catatan dari atasan' }).waitFor();
    if (pembinaanForPegawai) {
      await expect.poll(() => employeePage.locator('.record').first().textContent(), POLL).toContain('Mohon mulai mengisi laporan harian');
    }
    await checkPage(employeePage, 'catatan atasan', 'd19-catatan-atasan');
  });

  it('shows the adoption dashboard to pimpinan', async () => {
    const pimpinan = server.findLogin(/^PIMPINAN\b/);
    if (!pimpinan) throw new Error('No PIMPINAN demo login');
    const context = await newPhoneContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, pimpinan.login, pimpinan.password);
    await page.goto('/adopsi');
    await page.getByRole('heading', { level: 1, name: 'Penggunaan laporan harian' }).waitFor();
    await expect.poll(() => page.getByText(/% pegawai melapor/).count(), POLL).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Lama pemeriksaan per atasan' }).count(), POLL).toBe(1);
    await expect.poll(() => page.locator('.trend__col').count(), POLL).toBeGreaterThan(0);
    await checkPage(page, 'adopsi', 'd20-adopsi');
    // Monthly recap downloads (XLSX and PDF) for an OPD, with the signed-in session.
    const xlsx = await page.locator('.opd-list a', { hasText: 'Excel' }).first().getAttribute('href');
    const pdf = await page.locator('.opd-list a', { hasText: 'PDF' }).first().getAttribute('href');
    expect(xlsx).toMatch(/format=xlsx$/);
    const xlsxRes = await context.request.get(xlsx ?? '');
    expect(xlsxRes.status()).toBe(200);
    expect(xlsxRes.headers()['content-type']).toContain('spreadsheetml');
    const pdfRes = await context.request.get(pdf ?? '');
    expect(pdfRes.status()).toBe(200);
    expect((await pdfRes.body()).subarray(0, 4).toString()).toBe('%PDF');
    expect(errors.filter((e) => !ignorable(e))).toEqual([]);
    await context.close();
  });

  it('lets an admin verify the day of someone with no atasan (the Sekda, top of the chain)', async () => {
    const sekda = server.findLogin(/^PIMPINAN\b/);
    const admin = server.findLogin(/^ADMIN_BKPSDM\b/);
    if (!sekda || !admin) throw new Error('Demo logins missing');
    const sekdaApi = await apiSignIn(server.baseUrl, sekda.login, sekda.password);
    const win = (await (await sekdaApi.call('GET', '/api/daily-reports/window')).json()) as { dates: Array<{ date: string }> };
    const date = win.dates[win.dates.length - 1]?.date ?? '';
    const made = await sekdaApi.call('POST', '/api/daily-reports', {
      date,
      submit: true,
      idempotencyKey: `e2e-sekda-${Date.now()}`,
      activities: [{ startTime: '08:00', endTime: '10:00', description: 'Memimpin rapat koordinasi kepala OPD' }],
    });
    expect(made.status).toBe(201);
    const { dailyReport } = (await made.json()) as { dailyReport: { verifier: unknown; status: string } };
    expect(dailyReport).toMatchObject({ status: 'SUBMITTED', verifier: null });

    const context = await newPhoneContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, admin.login, admin.password);
    // "Tim saya" is in the admin's menu (it holds their verification queue). The menu closes when
    // the page changes under it (the home page settling after sign-in), so open it until the link
    // shows (once flaky in CI: the click landed before the page had settled).
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const teamLink = page.getByRole('link', { name: 'Tim saya' }).first();
    const menu = page.getByRole('button', { name: /Menu/ }).first();
    await expect
      .poll(async () => {
        if (await teamLink.isVisible()) return true;
        if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
        return teamLink.isVisible();
      }, POLL)
      .toBe(true);
    await teamLink.click();
    await page.getByRole('heading', { level: 1, name: 'Tim saya' }).waitFor();
    await expect.poll(() => page.getByText(/tidak punya atasan langsung/).count(), POLL).toBe(1);
    const item = page.locator('.pending-list > li').filter({ hasText: sekdaApi.me.name });
    await expect.poll(() => item.count(), POLL).toBe(1);
    await checkPage(page, 'tim admin (puncak rantai)', 'd22-tim-admin');
    await item.getByRole('button', { name: /^Periksa/ }).click();
    await page.locator('form.review').getByRole('button', { name: 'Setujui laporan' }).click();
    await expect.poll(() => page.getByText(/sudah disetujui/).count(), POLL).toBe(1);
    await expect.poll(() => item.count(), POLL).toBe(0);
    expect(errors.filter((e) => !ignorable(e))).toEqual([]);
    await context.close();
  });

  it('is installable: manifest and service worker', async () => {
    const manifest = (await (await fetch(`${server.baseUrl}/manifest.webmanifest`)).json()) as { start_url: string; icons: unknown[] };
    expect(manifest.start_url).toBe('/');
    expect(manifest.icons.length).toBeGreaterThan(1);
    await expect
      .poll(() => employeePage.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? null), POLL)
      .toBe('activated');
    // The worker never keeps API answers.
    const cached = await employeePage.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      return urls;
    });
    expect(cached.some((u) => u.startsWith('/api/'))).toBe(false);
    expect(cached.some((u) => u.startsWith('/assets/'))).toBe(true);
  });

  it('opens without a connection after a reload, and knows the day was already sent', async () => {
    await employeeContext.setOffline(true);
    await employeePage.goto('/laporan-harian');
    await employeePage.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => employeePage.getByText('Tidak ada sinyal internet').count(), POLL).toBe(1);
    // The sent day is read-only offline (its details are on the server), but another day can be written.
    await expect.poll(() => employeePage.locator('.day-status').textContent(), POLL).toContain('sudah tersimpan di server');
    await checkPage(employeePage, 'laporan offline setelah dimuat ulang', 'd21-offline-dimuat-ulang');
    const otherDay = employeePage.locator('.day-picker a:not([aria-current])').first();
    await otherDay.click();
    await employeePage.getByRole('button', { name: '+ Tambah kegiatan' }).waitFor();
    await employeeContext.setOffline(false);

    // A phone that reloads the tab (e.g. after the camera app) gives back what was being typed.
    await employeePage.getByRole('button', { name: '+ Tambah kegiatan' }).click();
    await employeePage.getByLabel('Apa yang Anda kerjakan?').fill('Menyusun daftar hadir apel pagi');
    await employeePage.reload();
    await expect.poll(() => employeePage.getByLabel('Apa yang Anda kerjakan?').inputValue(), POLL).toBe('Menyusun daftar hadir apel pagi');
  });

  it('had no uncaught errors', () => {
    expect(employeeErrors.filter((e) => !ignorable(e))).toEqual([]);
    expect(supervisorErrors.filter((e) => !ignorable(e))).toEqual([]);
  });
});
