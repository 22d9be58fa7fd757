import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
  launchBrowser,
  newDesktopContext,
  newPhoneContext,
  screenshot,
  watchPageErrors,
} from './support/browser';
import { ensureWebBuilt, startServer, type DemoLogin, type RunningServer } from './support/server';
import { readXlsxRows, writeXlsx } from './support/xlsx';

/**
 * The web shell on a 390×844 phone, signed in as the BKPSDM admin of the demo city:
 * sign-in, Beranda, the unit tree, an employee list and detail, an import with one bad row,
 * and the switch to English. axe runs on every page.
 */

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let pegawaiPassword: string | undefined;
/** The admin's export, kept for the commit test. */
let exportedRows: string[][] = [];
let admin: DemoLogin;
let adminNip: string;

async function openMenuItem(p: Page, name: RegExp | string) {
  const menu = p.getByRole('button', { name: /^(Menu)$/ });
  if (await menu.isVisible()) {
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  await p.getByRole('navigation').getByRole('link', { name, exact: typeof name === 'string' }).click();
}

async function signIn(p: Page, nip: string, password: string) {
  await p.goto('/masuk');
  await p.getByLabel('NIP', { exact: false }).first().fill(nip);
  await p.getByLabel('Kata sandi', { exact: true }).fill(password);
  await p.getByRole('button', { name: 'Masuk', exact: true }).click();
}

beforeAll(async () => {
  await ensureWebBuilt();
  server = await startServer();
  const found = server.findLogin(/^ADMIN_BKPSDM\b/);
  if (!found) throw new Error(`No BKPSDM admin demo login in the server output:\n${server.output()}`);
  admin = found;
  adminNip = admin.login;
  browser = await launchBrowser();
  context = await newPhoneContext(browser, server.baseUrl);
  page = await context.newPage();
  pageErrors = watchPageErrors(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('web shell on a phone', () => {
  it('shows the sign-in page in Indonesian, with an error summary for empty fields', async () => {
    await page.goto('/');
    await expect.poll(() => page.url()).toContain('/masuk');
    await expect.poll(() => page.title()).toBe('Masuk ke Pantau – Pantau');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Langsung ke isi halaman');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await expectNoSeriousAxeViolations(page, 'sign-in');
    await screenshot(page, '01-masuk');

    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('Isi NIP Anda.');
    expect(await summary.textContent()).toContain('Isi kata sandi Anda.');
    await summary.getByRole('link', { name: 'Isi NIP Anda.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nip');
    await expectNoSeriousAxeViolations(page, 'sign-in with errors');
    await screenshot(page, '02-masuk-kosong');
  });

  it('shows the server message for a wrong password', async () => {
    await signIn(page, adminNip, 'salah-sekali-12345');
    const alert = page.getByRole('alert');
    await expect.poll(async () => (await alert.count()) > 0 && (await alert.first().textContent())).toBeTruthy();
    const text = (await alert.first().textContent()) ?? '';
    expect(text).toContain('Belum bisa masuk');
    expect(text.length).toBeGreaterThan('Belum bisa masuk'.length + 5);
    await screenshot(page, '03-masuk-salah');
  });

  it('signs in as the BKPSDM admin and lands on Beranda', async () => {
    await signIn(page, adminNip, admin.password);
    await page.waitForURL((url) => url.pathname === '/' || url.pathname === '/ganti-kata-sandi');
    if (new URL(page.url()).pathname === '/ganti-kata-sandi') {
      throw new Error('The demo BKPSDM admin must change the password first; demo logins should not require that');
    }
    const h1 = page.getByRole('heading', { level: 1 });
    await expect.poll(() => h1.textContent()).toMatch(/^Selamat (pagi|siang|sore|malam), /);
    // NIP in its printed grouping.
    const grouped = `${adminNip.slice(0, 8)} ${adminNip.slice(8, 14)} ${adminNip.slice(14, 15)} ${adminNip.slice(15)}`;
    await expect.poll(() => page.getByText(grouped).count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'Mulai di sini' }).count()).toBe(1);
    await expect.poll(() => page.title()).toBe('Beranda – Pantau');
    await expectNoSeriousAxeViolations(page, 'beranda');
    await screenshot(page, '04-beranda');

    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('true');
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    for (const name of ['Beranda', 'Profil', 'Organisasi', 'Pegawai', 'Impor pegawai', 'Dokumentasi API']) {
      expect(await nav.getByRole('link', { name, exact: true }).count(), name).toBe(1);
    }
    await expectNoSeriousAxeViolations(page, 'beranda with menu open');
    await screenshot(page, '05-menu');
    await page.getByRole('button', { name: 'Menu' }).click();
  });

  it('walks the unit tree and opens the employees of a unit', async () => {
    await openMenuItem(page, 'Organisasi');
    await page.waitForURL('**/organisasi');
    const tree = page.locator('ul.tree');
    await tree.waitFor();
    const firstToggle = tree.locator('> li > .tree__row > button[aria-expanded]').first();
    const unitName = (await firstToggle.textContent())?.trim() ?? '';
    expect(await firstToggle.getAttribute('aria-expanded')).toBe('false');
    await expectNoSeriousAxeViolations(page, 'organisasi');
    await screenshot(page, '06-organisasi');

    // Keyboard: focus the toggle and press Enter.
    await firstToggle.focus();
    await page.keyboard.press('Enter');
    expect(await firstToggle.getAttribute('aria-expanded')).toBe('true');
    const childrenId = await firstToggle.getAttribute('aria-controls');
    expect(childrenId).toBeTruthy();
    const children = page.locator(`#${childrenId}`);
    expect(await children.locator('> li').count()).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(page, 'organisasi expanded');
    await screenshot(page, '07-organisasi-terbuka');

    const link = children.getByRole('link', { name: /^Lihat pegawai / }).first();
    const linkLabel = (await link.getAttribute('aria-label')) ?? '';
    const childUnit = linkLabel.replace(/^Lihat pegawai /, '');
    await link.click();
    await page.waitForURL(/\/pegawai\?unitId=\d+/);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect.poll(() => h1.textContent()).toBe(`Pegawai ${childUnit}`);
    await expect.poll(() => page.locator('ul.cards > li').count()).toBeGreaterThan(0);
    expect(await page.getByText(/^Menampilkan 1–\d+ dari [\d.]+ pegawai$/).count()).toBe(1);
    expect(unitName.length).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(page, 'pegawai by unit');
    await screenshot(page, '08-pegawai-unit');
  });

  it('searches employees by name and pages through the list', async () => {
    await page.goto('/pegawai');
    await expect.poll(() => page.locator('ul.cards > li').count()).toBe(25);
    // The shared pager: steps named with the page they lead to, and "Halaman n dari N" between.
    const pager = page.getByRole('navigation', { name: 'Halaman', exact: true });
    const next = pager.getByRole('link', { name: /^Berikutnya: halaman 2 dari [\d.]+$/ });
    expect(await pager.getByText(/^Halaman 1 dari [\d.]+$/).count()).toBe(1);
    expect(await pager.getByRole('link', { name: /^Sebelumnya/ }).count()).toBe(0);
    await next.click();
    await page.waitForURL(/page=2/);
    await expect.poll(() => page.getByText(/^Menampilkan 26–50 dari/).count()).toBe(1);
    await expect.poll(() => pager.getByText(/^Halaman 2 dari [\d.]+$/).count()).toBe(1);
    expect(await pager.getByRole('link', { name: /^Sebelumnya: halaman 1 dari [\d.]+$/ }).getAttribute('href')).toMatch(/^\/pegawai\??$/);
    // On a phone: "Halaman 2 dari N" on its own line, then both steps side by side on one line.
    const box = async (l: ReturnType<typeof pager.getByText>) => (await l.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
    const [status, prev, nextBox] = await Promise.all([box(pager.getByText(/^Halaman 2 dari/)), box(pager.getByRole('link', { name: /^Sebelumnya/ })), box(pager.getByRole('link', { name: /^Berikutnya/ }))]);
    expect(status.y + status.height).toBeLessThanOrEqual(prev.y);
    expect(Math.abs(prev.y - nextBox.y)).toBeLessThan(2);
    expect(nextBox.x).toBeGreaterThan(prev.x + prev.width);
    await screenshot(page, '08b-pegawai-page-2');

    const firstName = (await page.locator('ul.cards > li .card__title').first().textContent()) ?? '';
    const word = firstName.replace(/^(dr|drs|ir|h|hj)\.?\s+/i, '').split(/[\s,]+/)[0] ?? '';
    await page.getByLabel('Nama atau NIP').fill(word);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.waitForURL(/q=/);
    await expect.poll(() => page.locator('ul.cards > li').count()).toBeGreaterThan(0);
    const names = await page.locator('ul.cards > li .card__title').allTextContents();
    expect(names.some((n) => n.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    await expectNoSeriousAxeViolations(page, 'pegawai search');
  });

  it('opens an employee with identity, position and assignment history', async () => {
    await page.goto('/pegawai');
    const first = page.locator('ul.cards > li .card__title').first();
    await first.waitFor();
    const name = (await first.textContent()) ?? '';
    await first.click();
    await page.waitForURL(/\/pegawai\/\d+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
    // After a client-side navigation the new page's heading has focus (announced by readers).
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    for (const heading of ['Identitas', 'Jabatan sekarang', 'Atasan langsung', 'Riwayat jabatan', 'Reset kata sandi']) {
      expect(await page.getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
    }
    const history = page.locator('ol.timeline');
    await history.waitFor();
    const historyText = (await history.textContent()) ?? '';
    expect(historyText).toMatch(/(Definitif|Plt\.|Plh\.)/);
    expect(historyText).toMatch(
      /\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4} – /,
    );
    expect(await page.getByRole('button', { name: 'Reset kata sandi' }).count()).toBe(1);
    await expectNoSeriousAxeViolations(page, 'pegawai detail');
    await screenshot(page, '09-pegawai-detail');

    // A too-short password is caught with the error beside the field and in the summary.
    await page.getByLabel('Kata sandi baru').fill('pendek');
    await page.getByRole('button', { name: 'Reset kata sandi' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('minimal 10 karakter');
    await expectNoSeriousAxeViolations(page, 'pegawai detail reset error');
  });

  it('offers the current employee data for download as XLSX and CSV', async () => {
    await openMenuItem(page, 'Impor pegawai');
    await page.waitForURL('**/impor-pegawai');
    await page.getByRole('heading', { name: 'Impor pegawai', level: 1 }).waitFor();
    await expectNoSeriousAxeViolations(page, 'impor');
    await screenshot(page, '10-impor');
    for (const [name, type] of [
      ['Unduh Excel (.xlsx)', 'spreadsheetml'],
      ['Unduh CSV', 'csv'],
    ] as const) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      expect(href).toMatch(/^\/api\/exports\/employees\.(xlsx|csv)$/);
      const res = await page.request.get(href ?? '');
      expect(res.status(), `GET ${href}`).toBe(200);
      expect(res.headers()['content-type']).toContain(type);
    }
  });

  it('checks an XLSX with one bad row and lists it with its row number', async () => {
    if (!page.url().endsWith('/impor-pegawai')) await page.goto('/impor-pegawai');
    // What a clerk does: download the current data, change a row, upload it again. An export
    // re-imports with no changes, so the one edited row is the only possible problem.
    const exported = await page.request.get('/api/exports/employees.xlsx');
    if (exported.status() !== 200) {
      throw new Error(`GET /api/exports/employees.xlsx answered ${exported.status()}; the import test starts from an export`);
    }
    const rows = await readXlsxRows(await exported.body());
    exportedRows = rows.map((r) => [...r]);
    expect(rows[0]).toEqual([
      'NIP',
      'Nama',
      'Gelar Depan',
      'Gelar Belakang',
      'Jenis ASN',
      'Golongan',
      'Jabatan',
      'Jenis Jabatan',
      'Unit',
      'NIP Atasan',
    ]);
    // Break the NIP of someone who supervises nobody, so no other row refers to it.
    const supervisorNips = new Set(rows.slice(1).map((r) => r[9] ?? ''));
    const index = rows.findIndex((r, i) => i >= 1 && r[0] !== undefined && !supervisorNips.has(r[0]));
    const bad = rows[index];
    if (index < 1 || !bad) throw new Error('export has no row to break');
    const badRowNumber = index + 1; // spreadsheet numbering: the header is row 1
    bad[0] = '12345';
    const file = await writeXlsx(rows);

    await page.setInputFiles('#import-file', {
      name: 'pegawai-satu-salah.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    const errorTable = page.locator('#import-errors');
    await errorTable.waitFor({ timeout: 60_000 });
    const errorRows = errorTable.locator('tbody tr');
    expect(await errorRows.count()).toBeGreaterThanOrEqual(1);
    const cells = await errorRows.first().locator('td').allTextContents();
    expect(cells[0]).toBe(String(badRowNumber));
    expect(cells[1]).toBe('NIP');
    expect((cells[2] ?? '').length).toBeGreaterThan(3);
    expect(await page.getByRole('heading', { name: /^Ada 1 masalah di berkas$/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Simpan perubahan' }).count()).toBe(0);
    expect(await page.getByText('Perubahan baru bisa disimpan setelah semua masalah diperbaiki.').count()).toBe(1);
    await expectNoSeriousAxeViolations(page, 'impor with errors');
    await screenshot(page, '11-impor-salah');
  });

  it('saves a clean file after the check, and only then', async () => {
    if (exportedRows.length < 2) throw new Error('needs the export from the previous test');
    // Promote one person by a grade: exactly one "changed" row.
    const rows = exportedRows.map((r) => [...r]);
    const target = rows.findIndex((r, i) => i >= 1 && r[5] === 'III/a');
    const row = rows[target];
    if (target < 1 || !row) throw new Error('no III/a employee in the export');
    row[5] = 'III/b';
    await page.setInputFiles('#import-file', {
      name: 'pegawai-naik-pangkat.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await writeXlsx(rows),
    });
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    const save = page.getByRole('button', { name: 'Simpan perubahan' });
    await save.waitFor({ timeout: 60_000 });
    expect(await page.locator('#import-errors').count()).toBe(0);
    const changed = page.locator('.stats__item--changed dd');
    expect(await changed.textContent()).toBe('1');
    expect(await page.locator('.changes__item--changed').first().textContent()).toContain('III/b');
    await expectNoSeriousAxeViolations(page, 'impor ready to save');
    await screenshot(page, '11b-impor-siap');
    await save.click();
    await expect.poll(() => page.getByText('Perubahan sudah disimpan.').count(), { timeout: 60_000 }).toBe(1);
  });

  it('switches to English and stays in English after a reload', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Import employees');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.title()).toBe('Import employees – Pantau');
    await expectNoSeriousAxeViolations(page, 'import (en)');
    await screenshot(page, '12-import-en');

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Import employees');
    await openMenuItem(page, 'Organisation');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Organisation');
    await expectNoSeriousAxeViolations(page, 'organisation (en)');
    await openMenuItem(page, 'Home');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Good (morning|afternoon|evening), /);
    expect(await page.getByRole('heading', { name: 'Start here' }).count()).toBe(1);
    await expectNoSeriousAxeViolations(page, 'home (en)');
    await screenshot(page, '13-home-en');
  });

  it('shows the profile with the change-password form and language preference', async () => {
    await openMenuItem(page, 'Profile');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Profile');
    await page.getByRole('button', { name: 'Change password' }).click();
    const summary = page.getByRole('alert').first();
    await expect.poll(() => summary.textContent()).toContain('Enter your current password.');
    await expectNoSeriousAxeViolations(page, 'profile with errors');
    await screenshot(page, '14-profile-en');
    // Back to Indonesian through the saved preference.
    await page.getByLabel('Bahasa Indonesia').check();
    await page.getByRole('button', { name: 'Save language' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Profil');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
  });

  it('shows a 404 page for an unknown address', async () => {
    await page.goto('/tidak-ada-halaman-ini');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Halaman tidak ditemukan');
    await expectNoSeriousAxeViolations(page, '404');
    await screenshot(page, '15-404');
  });

  it('shows the employee table on a desk-sized screen', async () => {
    const desk = await newDesktopContext(browser, server.baseUrl);
    await desk.addCookies(await context.cookies());
    const p = await desk.newPage();
    await p.goto('/pegawai');
    await p.locator('table.table tbody tr').first().waitFor();
    expect(await p.locator('table.table tbody tr').count()).toBe(25);
    await expectNoSeriousAxeViolations(p, 'pegawai table (desktop)');
    await screenshot(p, '16-pegawai-desktop');
    await desk.close();
  });

  it('sends an ended session to the sign-in page and back to where the person was', async () => {
    await page.goto('/organisasi');
    await page.locator('ul.tree').waitFor();
    await context.clearCookies(); // the session ends (expired, or signed out elsewhere)
    await openMenuItem(page, 'Pegawai');
    await page.waitForURL(/\/masuk\?next=%2Fpegawai/);
    await page.getByLabel('NIP', { exact: false }).first().fill(adminNip);
    await page.getByLabel('Kata sandi', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/pegawai');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Pegawai');
  });

  it('signs out', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL('**/masuk');
    await expect.poll(() => page.getByText('Anda sudah keluar dari Pantau.').count()).toBe(1);
    const me = await page.request.get('/api/me');
    expect(me.status()).toBe(401);
  });

  it('lets an admin reset a password, and the employee must change it at sign-in', async () => {
    const pegawai = server.findLogin(/^PEGAWAI\b/);
    if (!pegawai) throw new Error(`No PEGAWAI demo login in the server output:\n${server.output()}`);
    await signIn(page, adminNip, admin.password);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`/pegawai?q=${pegawai.login}`);
    const card = page.locator('ul.cards > li .card__title').first();
    await card.waitFor();
    expect(await page.locator('ul.cards > li').count()).toBe(1);
    await card.click();
    await page.waitForURL(/\/pegawai\/\d+$/);
    const temporary = 'sementara-2026-x';
    await page.getByLabel('Kata sandi baru').fill(temporary);
    await page.getByRole('button', { name: 'Reset kata sandi' }).click();
    const done = page.getByRole('status').filter({ hasText: 'sudah diganti' });
    await expect.poll(() => done.count()).toBe(1);
    expect(await done.textContent()).toContain(temporary);
    await expectNoSeriousAxeViolations(page, 'reset done');
    await screenshot(page, '18-reset-selesai');

    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL('**/masuk');
    await signIn(page, pegawai.login, temporary);
    await page.waitForURL('**/ganti-kata-sandi');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ganti kata sandi');
    expect(await page.getByText('ganti dulu kata sandi sementara').count()).toBe(1);
    // Other pages lead back here until the password is changed.
    await page.goto('/organisasi');
    await page.waitForURL('**/ganti-kata-sandi');
    await expectNoSeriousAxeViolations(page, 'must change password');
    await screenshot(page, '19-wajib-ganti-sandi');

    await page.getByLabel('Kata sandi sekarang').fill(temporary);
    await page.getByLabel('Kata sandi baru').fill('pendek');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('minimal 10 karakter');
    expect(await page.locator('#new-password').getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAxeViolations(page, 'change password errors');
    await screenshot(page, '20-ganti-sandi-salah');

    pegawaiPassword = 'kata sandi pegawai baru 2026';
    await page.getByLabel('Kata sandi baru').fill(pegawaiPassword);
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await expect.poll(() => page.getByText('Kata sandi Anda sudah diganti.').count()).toBe(1);
    await page.getByRole('link', { name: 'Lanjut ke Beranda' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Selamat /);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL('**/masuk');
  });

  it('shows "Tidak punya akses" to a plain employee on the import page', async () => {
    const pegawai = server.findLogin(/^PEGAWAI\b/);
    if (!pegawai) throw new Error(`No PEGAWAI demo login in the server output:\n${server.output()}`);
    await signIn(page, pegawai.login, pegawaiPassword ?? pegawai.password);
    await page.waitForURL((url) => url.pathname === '/' || url.pathname === '/ganti-kata-sandi');
    await page.goto('/impor-pegawai');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tidak punya akses');
    await page.getByRole('button', { name: 'Menu' }).click();
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    expect(await nav.getByRole('link', { name: 'Impor pegawai' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Pegawai', exact: true }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'no access');
    await screenshot(page, '17-tidak-punya-akses');
  });

  it('raised no uncaught errors in the page', () => {
    // 401 from /api/me before signing in is expected and shows as a failed resource load.
    const unexpected = pageErrors.filter((e) => !/401|Failed to load resource/.test(e));
    expect(unexpected).toEqual([]);
  });
});
