import { writeFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPhoneContext, screenshot, SCREENSHOT_DIR, watchPageErrors } from './support/browser';
import { ensureWebBuilt, startServer, type RunningServer } from './support/server';
import { apiSignIn, checkPage, POLL, signIn, type ApiSession } from './support/session';

/**
 * Issue 3 on a 390×844 phone: the demo pegawai's Kepala Seksi cascades an RHK to two
 * subordinates, the pegawai submits the SKP the cascade drafted, the Kepala Seksi approves it,
 * rates the current period, sees the distribution warning and downloads the PDFs. axe runs on
 * every new page; screenshots go to e2e/screenshots/s*.png.
 */

const PASSWORD = 'skp-e2e-sandi-2026';

const ignorable = (e: string) => /Failed to load resource|EventSource/.test(e);

let server: RunningServer;
let browser: Browser;
let supervisorContext: BrowserContext;
let employeeContext: BrowserContext;
let supervisorPage: Page;
let employeePage: Page;
let supervisorErrors: string[];
let employeeErrors: string[];
let pegawai: { nip: string; password: string; name: string };
let kasi: { nip: string; password: string; name: string };
let kasiApi: ApiSession;
let pegawaiApi: ApiSession;
let kabidApi: ApiSession;
let other: { employeeId: number; name: string };
let leaderRhkText: string;
let year: number;
let pegawaiSkpId = 0;

/** A demo login for this employee if the seed printed one, else a password set by the BKPSDM admin. */
async function loginFor(emp: { id: number; nip: string; name: string }, admin: ApiSession) {
  const demo = server.findLogin(new RegExp(`\\|\\s*${emp.nip}\\s*\\|`));
  if (demo) return { nip: demo.login, password: demo.password, name: emp.name };
  const temp = 'sementara-e2e-2026';
  const reset = await admin.call('POST', `/api/employees/${emp.id}/password-reset`, { newPassword: temp });
  if (!reset.ok) throw new Error(`password reset failed: ${reset.status} ${await reset.text()}`);
  const api = await apiSignIn(server.baseUrl, emp.nip, temp);
  const changed = await api.call('POST', '/api/me/password', { currentPassword: temp, newPassword: PASSWORD });
  if (!changed.ok) throw new Error(`password change failed: ${changed.status} ${await changed.text()}`);
  return { nip: emp.nip, password: PASSWORD, name: emp.name };
}

type Sup = { supervisor: { id: number; nip: string; name: string } | null };

beforeAll(async () => {
  await ensureWebBuilt();
  server = await startServer();
  const found = server.findLogin(/^PEGAWAI\b/);
  const adminLogin = server.findLogin(/^ADMIN_BKPSDM\b/);
  if (!found || !adminLogin) throw new Error(`Demo logins missing in the server output:\n${server.output()}`);
  const admin = await apiSignIn(server.baseUrl, adminLogin.login, adminLogin.password);
  pegawaiApi = await apiSignIn(server.baseUrl, found.login, found.password);
  pegawai = { nip: found.login, password: found.password, name: pegawaiApi.me.name };

  // The pegawai's direct atasan (Kepala Seksi) and that person's own atasan (Kepala Bidang).
  const { supervisor: kasiEmp } = await pegawaiApi.json<Sup>('GET', `/api/employees/${pegawaiApi.me.employeeId}/supervisor`);
  if (!kasiEmp) throw new Error('The demo pegawai has no supervisor');
  kasi = await loginFor(kasiEmp, admin);
  kasiApi = await apiSignIn(server.baseUrl, kasi.nip, kasi.password);
  const { supervisor: kabidEmp } = await kasiApi.json<Sup>('GET', `/api/employees/${kasiEmp.id}/supervisor`);
  if (!kabidEmp) throw new Error('The Kepala Seksi has no supervisor');
  const kabid = await loginFor(kabidEmp, admin);
  kabidApi = await apiSignIn(server.baseUrl, kabid.nip, kabid.password);

  // Precondition through the API (the UI for it is tested below for the pegawai): the Kepala
  // Seksi's own SKP, approved by the Kepala Bidang, so there is an RHK to cascade.
  const now = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  year = Number(now.slice(0, 4));
  const { skp } = await kasiApi.json<{ skp: { id: number } }>('POST', '/api/skp', { year });
  leaderRhkText = 'Meningkatnya cakupan layanan kesehatan dasar di wilayah kerja';
  await kasiApi.json('POST', `/api/skp/${skp.id}/rhk`, {
    kind: 'UTAMA',
    text: leaderRhkText,
    indicators: [{ aspek: 'KUANTITAS', text: 'Jumlah posyandu yang dibina', targetValue: 12, targetUnit: 'Posyandu' }],
  });
  await kasiApi.json('POST', `/api/skp/${skp.id}/submission`);
  await kabidApi.json('POST', `/api/skp/${skp.id}/approval`);

  // A second subordinate of the Kepala Seksi to cascade to.
  const team = await kasiApi.json<{ members: { employeeId: number; name: string }[] }>('GET', '/api/team/today?scope=direct');
  const second = team.members.find((m) => m.employeeId !== pegawaiApi.me.employeeId);
  if (!second) throw new Error('The Kepala Seksi has only one direct report');
  other = second;

  browser = await launchBrowser();
  supervisorContext = await newPhoneContext(browser, server.baseUrl);
  employeeContext = await newPhoneContext(browser, server.baseUrl);
  supervisorPage = await supervisorContext.newPage();
  employeePage = await employeeContext.newPage();
  supervisorErrors = watchPageErrors(supervisorPage);
  employeeErrors = watchPageErrors(employeePage);
});

afterAll(async () => {
  if (server) await writeFile(`${SCREENSHOT_DIR}skp-server.log`, server.output()).catch(() => undefined);
  await supervisorContext?.close();
  await employeeContext?.close();
  await browser?.close();
  await server?.stop();
});

describe('SKP and evaluation on a phone', () => {
  it('lets the Kepala Seksi cascade an RHK to two subordinates', async () => {
    await signIn(supervisorPage, kasi.nip, kasi.password);
    await supervisorPage.goto('/skp/turunkan');
    await supervisorPage.getByRole('heading', { level: 1, name: 'Turunkan RHK ke bawahan' }).waitFor();
    await supervisorPage.getByLabel(leaderRhkText).waitFor();
    // Sending without choosing shows what to fix.
    await supervisorPage.getByRole('button', { name: 'Turunkan RHK' }).click();
    await expect.poll(() => supervisorPage.locator('.error-summary').textContent(), POLL).toContain('Pilih RHK yang akan diturunkan.');
    await checkPage(supervisorPage, 'turunkan RHK (salah)', 's01-cascade-errors');

    await supervisorPage.getByLabel(leaderRhkText).check();
    // By position: the jabatan slots below the Kepala Seksi with their holders.
    await supervisorPage.getByLabel('Semua pemangku jabatan yang saya pilih').check();
    await expect.poll(() => supervisorPage.locator('#cascade-positionId').count(), POLL).toBe(1);
    await expect.poll(() => supervisorPage.locator('fieldset', { hasText: 'Jabatan' }).getByText(pegawai.name, { exact: false }).count(), POLL).toBeGreaterThan(0);
    await checkPage(supervisorPage, 'turunkan RHK (per jabatan)', 's01b-cascade-positions');
    await supervisorPage.getByLabel('Bawahan yang saya pilih').check();
    await supervisorPage.getByLabel(pegawai.name, { exact: false }).check();
    await supervisorPage.getByLabel(other.name, { exact: false }).check();
    await supervisorPage.getByRole('button', { name: 'Turunkan RHK' }).click();
    await expect.poll(() => supervisorPage.getByText('Selesai: 2 dibuat, 0 dilewati.').count(), POLL).toBe(1);
    await checkPage(supervisorPage, 'turunkan RHK (hasil)', 's02-cascade-done');
  });

  it('lets the pegawai see the drafted SKP, check the RHK form and submit', async () => {
    await signIn(employeePage, pegawai.nip, pegawai.password);
    await employeePage.goto('/skp');
    await employeePage.getByRole('heading', { level: 1, name: `SKP saya ${year}` }).waitFor();
    await employeePage.getByText(leaderRhkText).first().waitFor();
    expect(await employeePage.getByText(/^Mendukung: /).first().textContent()).toContain(leaderRhkText);
    await checkPage(employeePage, 'SKP saya (draf)', 's03-my-skp-draft');

    // The RHK form is checked with the contract's schema: an empty RHK shows the error summary.
    await employeePage.getByRole('button', { name: 'Tambah RHK' }).click();
    await employeePage.getByRole('button', { name: 'Simpan RHK' }).click();
    await expect.poll(() => employeePage.locator('.error-summary').first().textContent(), POLL).toContain('wajib diisi');
    await checkPage(employeePage, 'form RHK salah', 's04-rhk-form-errors');
    await employeePage.getByRole('button', { name: 'Batal' }).click();

    // The three lampiran lists, one item per line.
    await employeePage.getByLabel('Dukungan sumber daya').fill('Kendaraan dinas roda dua\nFormulir register posyandu');
    await employeePage.getByRole('button', { name: 'Simpan lampiran' }).click();
    await expect.poll(() => employeePage.getByText('Lampiran disimpan.').count(), POLL).toBe(1);
    await checkPage(employeePage, 'lampiran SKP', 's04b-lampiran');

    await employeePage.getByRole('button', { name: 'Ajukan ke pejabat penilai' }).click();
    await expect.poll(() => employeePage.getByText('SKP sudah diajukan.').count(), POLL).toBe(1);
    await screenshot(employeePage, 's05-my-skp-submitted');
    const { skps } = await pegawaiApi.json<{ skps: { id: number; status: string }[] }>('GET', `/api/skp?scope=mine&year=${year}`);
    expect(skps[0]?.status).toBe('SUBMITTED');
    pegawaiSkpId = skps[0]?.id ?? 0;
  });

  it('lets the Kepala Seksi approve it and download the SKP as PDF', async () => {
    await supervisorPage.goto('/skp/persetujuan');
    await supervisorPage.getByRole('heading', { level: 1, name: 'Persetujuan SKP' }).waitFor();
    const link = supervisorPage.getByRole('link', { name: pegawai.name }).first();
    await link.waitFor();
    await checkPage(supervisorPage, 'persetujuan SKP', 's06-approvals');
    await link.click();
    await supervisorPage.getByRole('button', { name: 'Setujui SKP' }).waitFor();
    await checkPage(supervisorPage, 'SKP bawahan', 's07-skp-to-approve');
    await supervisorPage.getByRole('button', { name: 'Setujui SKP' }).click();
    await expect.poll(() => supervisorPage.getByText('SKP sudah disetujui.').count(), POLL).toBe(1);

    const href = await supervisorPage.getByRole('link', { name: 'Unduh SKP (PDF)' }).getAttribute('href');
    expect(href).toBe(`/api/skp/${pegawaiSkpId}/document.pdf`);
    const pdf = await supervisorPage.request.get(href ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets the pegawai record realisation with an evidence file; feedback and dialog kinerja on both sides', async () => {
    await employeePage.goto(`/skp/${pegawaiSkpId}/evaluasi`);
    await employeePage.getByRole('heading', { level: 1, name: 'Realisasi dan evaluasi' }).waitFor();
    await employeePage.getByLabel('Realisasi (angka)').first().fill('3');
    await employeePage.getByRole('button', { name: 'Simpan realisasi' }).first().click();
    await expect.poll(() => employeePage.getByText('Realisasi disimpan.').count(), POLL).toBe(1);
    await employeePage.getByLabel('Berkas bukti dukung').first().setInputFiles({
      name: 'register-posyandu.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1'),
    });
    await employeePage.getByRole('button', { name: 'Unggah bukti dukung' }).first().click();
    await expect.poll(() => employeePage.getByRole('link', { name: 'register-posyandu.pdf' }).count(), POLL).toBe(1);
    // A renamed program is refused by content.
    await employeePage.getByLabel('Berkas bukti dukung').first().setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(600, 1)]) });
    await employeePage.getByRole('button', { name: 'Unggah bukti dukung' }).first().click();
    await expect.poll(() => employeePage.locator('.error-summary').count(), POLL).toBeGreaterThan(0);
    await checkPage(employeePage, 'realisasi dengan bukti dukung', 's08a-realisation-evidence');

    await supervisorPage.goto(`/skp/${pegawaiSkpId}/evaluasi`);
    await supervisorPage.getByRole('heading', { level: 2, name: 'Umpan balik berkelanjutan' }).waitFor();
    await supervisorPage.getByLabel('Tentang').selectOption({ index: 1 });
    await supervisorPage.getByLabel('Pesan', { exact: true }).fill('Register sudah rapi; tambahkan rekap per posyandu.');
    await supervisorPage.getByRole('button', { name: 'Kirim umpan balik' }).click();
    await expect.poll(() => supervisorPage.locator('.skp-message', { hasText: 'Register sudah rapi; tambahkan rekap per posyandu.' }).count(), POLL).toBe(1);
    await supervisorPage.getByLabel('Hal yang dibicarakan').fill('Target triwulan dan kendala kendaraan.');
    await supervisorPage.getByRole('button', { name: 'Catat dialog' }).click();
    await expect.poll(() => supervisorPage.getByText('Dialog kinerja dicatat.').count(), POLL).toBe(1);
    await checkPage(supervisorPage, 'umpan balik (atasan)', 's08b-feedback-supervisor');

    await employeePage.reload();
    await employeePage.getByText('Register sudah rapi; tambahkan rekap per posyandu.').waitFor();
    await employeePage.getByLabel('Balas').fill('Siap, mulai bulan ini.');
    await employeePage.getByRole('button', { name: 'Kirim balasan' }).click();
    await expect.poll(() => employeePage.locator('.skp-message--reply', { hasText: 'Siap, mulai bulan ini.' }).count(), POLL).toBe(1);
    await employeePage.getByText('Target triwulan dan kendala kendaraan.').waitFor();
    await checkPage(employeePage, 'umpan balik (pegawai)', 's08c-feedback-employee');
  });

  it('rates the period, shows the distribution warning and gives the evaluation PDF', async () => {
    // Precondition through the API: the Kepala Bidang (the leader one level up) sets the
    // seksi's organisation predikat for the current quarter (the admin page is not under test).
    const { skp } = await pegawaiApi.json<{ skp: { unitId: number } }>('GET', `/api/skp/${pegawaiSkpId}`);
    const { periods } = await pegawaiApi.json<{ periods: { id: number; kind: string; startDate: string; endDate: string }[] }>('GET', `/api/skp/periods?year=${year}`);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    const period = periods.find((p) => p.kind === 'PERIODIC' && p.startDate <= today && p.endDate >= today);
    if (!period) throw new Error('No period today');
    await kabidApi.json('PUT', '/api/skp/org-predikat', { unitId: skp.unitId, periodId: period.id, predikat: 'BAIK' });

    await supervisorPage.goto(`/skp/penilaian?periode=${period.id}`);
    await supervisorPage.getByRole('heading', { level: 1, name: 'Penilaian kinerja tim' }).waitFor();
    const card = supervisorPage.locator('article', { has: supervisorPage.getByRole('heading', { name: pegawai.name }) });
    await card.getByRole('button', { name: /Beri penilaian/ }).click();
    await checkPage(supervisorPage, 'penilaian tim (form)', 's08-rating-form');
    // Ratings without reasons are refused with the reasons named.
    await card.getByLabel('Sesuai Ekspektasi').first().check();
    await card.getByLabel('Sesuai Ekspektasi').nth(1).check();
    await expect.poll(() => card.getByText('Predikat menurut matriks: Baik').count(), POLL).toBe(1);
    await card.getByRole('button', { name: 'Simpan penilaian' }).click();
    await expect.poll(() => card.locator('.error-summary').textContent(), POLL).toContain('Tulis alasan Rating hasil kerja.');
    await card.getByLabel('Alasan Rating hasil kerja').fill('Target posyandu binaan tercapai sesuai rencana.');
    await card.getByLabel('Alasan Rating perilaku kerja').fill('Melayani dengan ramah dan tepat waktu.');
    await card.getByRole('button', { name: 'Simpan penilaian' }).click();

    // One Baik out of one in a unit rated Baik breaks the pattern: the server's warning is shown.
    const warning = supervisorPage.getByRole('alert').filter({ hasText: 'Distribusi predikat melampaui pola' });
    await expect.poll(() => warning.count(), POLL).toBeGreaterThan(0);
    // The demo seksi has one rated person, fewer than the 10 from which the pattern binds
    // (decision 0008): the warning says plainly that it is guidance only and needs no reason.
    await expect.poll(() => warning.getByText('Baru 1 orang yang dinilai, kurang dari 10 orang. Pola ini hanya sebagai panduan', { exact: false }).count(), POLL).toBe(1);
    expect(await warning.getByText(/wajib diikuti/).count()).toBe(0);
    await expect.poll(() => card.getByText(/Predikat: Baik/).count(), POLL).toBe(1);
    await checkPage(supervisorPage, 'penilaian tim (peringatan distribusi)', 's09-rating-warning');

    const pdfLink = card.getByRole('link', { name: /Dokumen evaluasi \(PDF\)/ });
    if ((await pdfLink.count()) > 0) {
      const pdf = await supervisorPage.request.get((await pdfLink.getAttribute('href')) ?? '');
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
    } else {
      const pdf = await supervisorPage.request.get(`/api/skp/${pegawaiSkpId}/evaluations/${period.id}/document.pdf`);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
    }
  });

  it('finalises (with a recorded justification when the pool binds); the pegawai sees the predikat and acknowledges', async () => {
    const card = supervisorPage.locator('article', { has: supervisorPage.getByRole('heading', { name: pegawai.name }) });
    await card.getByRole('button', { name: /Finalkan penilaian/ }).click();
    // A pool that breaks the pattern and is large enough to bind (decision 0008) makes the server
    // ask for a justification beside the field; a small pool is advisory and finalises at once.
    const justification = card.getByLabel('Justifikasi distribusi');
    const final = card.getByText('Penilaian sudah final dan terkunci.');
    await expect.poll(async () => (await justification.count()) + (await final.count()), POLL).toBeGreaterThan(0);
    if ((await justification.count()) > 0) {
      await checkPage(supervisorPage, 'penilaian tim (justifikasi)', 's11-rating-justification');
      await justification.fill('Seksi baru dibentuk; satu-satunya pelaksana yang dinilai pada triwulan ini.');
      await card.getByRole('button', { name: /Finalkan penilaian/ }).click();
      await expect.poll(() => supervisorPage.getByText(/^Justifikasi tercatat: /).count(), POLL).toBeGreaterThan(0);
    }
    await expect.poll(() => final.count(), POLL).toBe(1);
    await checkPage(supervisorPage, 'penilaian tim (final)', 's11-rating-final');

    await employeePage.goto('/skp/evaluasi-saya');
    await employeePage.getByRole('heading', { level: 1, name: 'Evaluasi kinerja saya' }).waitFor();
    await checkPage(employeePage, 'evaluasi saya', 's12-my-evaluations');
    await employeePage.getByRole('link', { name: /^SKP \d{4} versi/ }).first().click();
    await employeePage.getByRole('heading', { level: 1, name: 'Realisasi dan evaluasi' }).waitFor();
    await expect.poll(() => employeePage.locator('dd strong').filter({ hasText: 'Baik' }).count(), POLL).toBe(1);
    await checkPage(employeePage, 'evaluasi periode', 's13-evaluation');
    await employeePage.getByRole('button', { name: 'Saya sudah membaca hasil evaluasi' }).click();
    await expect.poll(() => employeePage.getByText(/^Dibaca pada /).count(), POLL).toBe(1);
    await expect.poll(() => employeePage.getByRole('button', { name: 'Kirim keberatan ke atasan pejabat penilai' }).count(), POLL).toBe(1);
  });

  it('shows the objections and admin pages', async () => {
    await supervisorPage.goto('/skp/keberatan');
    await supervisorPage.getByRole('heading', { level: 1, name: 'Keberatan yang Anda putuskan' }).waitFor();
    await supervisorPage.getByText('Tidak ada keberatan.').waitFor();
    await checkPage(supervisorPage, 'keberatan', 's14-objections');
    await supervisorPage.goto('/skp/pengaturan');
    await supervisorPage.getByRole('heading', { level: 1, name: 'Periode, aturan dan predikat organisasi' }).waitFor();
    await supervisorPage.getByText('Triwulanan').waitFor();
    await checkPage(supervisorPage, 'pengaturan SKP', 's15-admin');
  });

  it('shows the cascade tree', async () => {
    await supervisorPage.goto('/skp/pohon');
    await supervisorPage.getByRole('heading', { level: 1, name: `Pohon kinerja ${year}` }).waitFor();
    await supervisorPage.getByText('Seluruh kota').waitFor();
    await checkPage(supervisorPage, 'pohon kinerja', 's10-tree');
  });

  it('had no page errors', () => {
    expect(supervisorErrors.filter((e) => !ignorable(e))).toEqual([]);
    expect(employeeErrors.filter((e) => !ignorable(e))).toEqual([]);
  });
});
