import { writeFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPhoneContext, screenshot, SCREENSHOT_DIR, watchPageErrors } from './support/browser';
import { ensureWebBuilt, type DemoLogin, type RunningServer } from './support/server';
import { apiSignIn, POLL, signIn, startEmployeeScene, type ApiSession } from './support/session';

/**
 * Issue 4, Background Sync (docs/decisions/0009-background-sync.md): on a phone, the employee
 * writes and submits a day without a connection and CLOSES the tab; when the connection returns,
 * the service worker sends the day (its photo first), and the atasan's API shows exactly one
 * report for the day. No Pantau page is open while it is sent.
 */

const SUPERVISOR_PASSWORD = 'atasan-e2e-sandi-2026';
const SYNC_TAG = 'pantau-outbox';
/** Console noise that is expected: requests made while offline, the event stream. */
const ignorable = (e: string) => /Failed to load resource|net::ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|EventSource/.test(e);

// A 2×2 PNG (evidence is checked by content on the server, so it must be a real image).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let pegawai: DemoLogin;
let employeeApi: ApiSession;
let supervisorApi: ApiSession;
let errors: string[] = [];

interface ReportRow {
  id: number;
  date: string;
  status: string;
  activityCount: number;
}

async function reportsSeenByAtasan(): Promise<ReportRow[]> {
  const { dailyReports } = await supervisorApi.json<{ dailyReports: ReportRow[] }>(
    'GET',
    `/api/daily-reports?employeeId=${employeeApi.me.employeeId}&pageSize=50`,
  );
  return dailyReports;
}

/** Adds one activity of an hour on the open day page, with a photo taken while offline when given. */
async function addActivity(p: Page, description: string, photo?: Buffer) {
  await p.getByRole('button', { name: '+ Tambah kegiatan' }).click();
  await p.getByLabel('Apa yang Anda kerjakan?').fill(description);
  await p.getByRole('button', { name: 'Lama (menit)' }).click();
  await p.getByRole('button', { name: '60 menit' }).click();
  if (photo) {
    await p.locator('#act-evidence-camera').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: photo });
    await expect.poll(() => p.locator('.activity-form .evidence__waiting').count(), POLL).toBe(1);
  }
  await p.getByRole('button', { name: 'Simpan kegiatan' }).click();
}

/** The sync tags registered for Pantau's service worker (read from a page of the origin). */
function syncTags(p: Page): Promise<string[]> {
  return p.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const sync = (registration as ServiceWorkerRegistration & { sync: { getTags(): Promise<string[]> } }).sync;
    return sync.getTags();
  });
}

/** The outbox entries on this phone, read straight from IndexedDB. */
function storedEntries(p: Page): Promise<Array<{ group: string; state: string; error: { status: number } | null }>> {
  return p.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('pantau');
        open.onsuccess = () => {
          const all = open.result.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

beforeAll(async () => {
  await ensureWebBuilt();
  let supervisor: { nip: string; password: string };
  ({ server, pegawai, employeeApi, supervisor } = await startEmployeeScene(SUPERVISOR_PASSWORD));
  supervisorApi = await apiSignIn(server.baseUrl, supervisor.nip, supervisor.password);
  browser = await launchBrowser();
  context = await newPhoneContext(browser, server.baseUrl);
  // As if the person had allowed notifications for Pantau some time before.
  // (Playwright's grant replaces the defaults: background sync must be named too.)
  await context.grantPermissions(['notifications', 'background-sync']);
});

afterAll(async () => {
  if (server) await writeFile(`${SCREENSHOT_DIR}background-sync-server.log`, server.output()).catch(() => undefined);
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('a day sent by the service worker after the tab was closed', () => {
  let page: Page;
  let date = '';

  it('queues the day offline and asks the browser for a background sync', async () => {
    page = await context.newPage();
    errors = watchPageErrors(page);
    await signIn(page, pegawai.login, pegawai.password);
    await page.goto('/laporan-harian');
    await page.getByRole('button', { name: '+ Tambah kegiatan' }).waitFor();
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? null), POLL)
      .toBe('activated');
    expect(await page.evaluate(() => 'SyncManager' in window)).toBe(true);
    expect(await reportsSeenByAtasan()).toEqual([]);

    await context.setOffline(true);
    await expect.poll(() => page.getByText('Tidak ada sinyal internet').count(), POLL).toBe(1);
    await addActivity(page, 'Memverifikasi data bantuan sosial Gampong Meunasah Mee', PNG);
    await expect.poll(() => page.locator('ol.activities > li').count(), POLL).toBe(1);
    await page.getByRole('button', { name: 'Kirim ke atasan' }).click();
    await expect.poll(() => page.locator('.day-status').textContent(), POLL).toContain('akan dikirim ke atasan otomatis');
    // This browser sends in the background: the person is told the tab may be closed.
    expect(await page.getByText('Pantau boleh ditutup').count()).toBe(1);
    await screenshot(page, 'b01-menunggu-sinkron-latar');

    date = await page.evaluate(() => new URL(location.href).searchParams.get('tanggal') ?? '');
    expect(await syncTags(page)).toContain(SYNC_TAG);
    expect((await storedEntries(page)).filter((e) => e.state === 'pending').length).toBeGreaterThan(0);
  });

  it('sends it when the connection returns, with no Pantau page open', async () => {
    expect(errors.filter((e) => !ignorable(e))).toEqual([]);
    await page.close();
    expect(context.pages()).toEqual([]);
    expect(await reportsSeenByAtasan()).toEqual([]);

    // Headless Chromium fires the real `sync` event as soon as the context is online again (the
    // DevTools network emulation that setOffline uses also covers the service worker and its
    // Background Sync state): no test hook dispatches it.
    await context.setOffline(false);
    await expect.poll(async () => (await reportsSeenByAtasan()).length, { timeout: 30_000, interval: 500 }).toBe(1);

    const reports = await reportsSeenByAtasan();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ status: 'SUBMITTED', activityCount: 1 });
    if (date) expect(reports[0]?.date).toBe(date);
    const { dailyReport } = await supervisorApi.json<{ dailyReport: { activities: Array<{ evidence: unknown[] }> } }>(
      'GET',
      `/api/daily-reports/${reports[0]?.id}`,
    );
    expect(dailyReport.activities.map((a) => a.evidence.length)).toEqual([1]);
  });

  it('leaves a quiet note where notifications were allowed before (Pantau never asks)', async () => {
    // Read from a file of the origin that does not run the app.
    page = await context.newPage();
    await page.goto('/favicon.svg');
    const notes = await page.evaluate(async () =>
      (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body })),
    );
    expect(notes).toEqual([{ title: 'Laporan harian terkirim', body: '1 laporan yang tersimpan di ponsel sudah dikirim.' }]);
    await page.close();
  });

  it('shows the day as sent when Pantau is opened again, with nothing left in the queue', async () => {
    page = await context.newPage();
    errors = watchPageErrors(page);
    await page.goto('/laporan-harian');
    await expect.poll(() => page.locator('.day-status').textContent(), POLL).toContain('Sudah dikirim ke atasan');
    await screenshot(page, 'b02-terkirim-oleh-service-worker');
    // Still exactly one report: the page did not send it again.
    expect(await reportsSeenByAtasan()).toHaveLength(1);
    expect(errors.filter((e) => !ignorable(e))).toEqual([]);
  });

  it('marks a day the server refuses for the person to fix, and does not retry it', async () => {
    // A day long outside the reporting window, queued on the phone as the page would queue it.
    page = await context.newPage();
    await page.goto('/laporan-harian');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await context.setOffline(true);
    const userId = employeeApi.me.userId;
    await page.evaluate(async (owner) => {
      const entry = {
        id: 'e2e-refused',
        seq: Date.now(),
        userId: owner,
        group: 'day:2020-01-06',
        key: 'e2e-refused-key',
        payload: {
          date: '2020-01-06',
          reportId: null,
          submit: true,
          activities: [
            {
              localId: 'a1',
              id: null,
              status: null,
              note: null,
              startTime: null,
              endTime: null,
              minutes: 30,
              description: 'Laporan yang terlambat sekali',
              rhkId: null,
              indicatorId: null,
              outputQuantity: null,
              outputUnit: null,
              evidence: [],
            },
          ],
        },
        state: 'pending',
        attempts: 0,
        createdAt: new Date().toISOString(),
        lastAttemptAt: null,
        error: null,
      };
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('pantau');
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          tx.objectStore('outbox').put(entry);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      });
      const registration = await navigator.serviceWorker.ready;
      await (registration as ServiceWorkerRegistration & { sync: { register(tag: string): Promise<void> } }).sync.register('pantau-outbox');
    }, userId);
    await page.close();
    await context.setOffline(false);

    // Watched from a file of the origin that does not run the app (the app would send by itself).
    page = await context.newPage();
    await page.goto('/favicon.svg');
    await expect
      .poll(async () => (await storedEntries(page)).find((e) => e.group === 'day:2020-01-06')?.state ?? null, { timeout: 30_000, interval: 500 })
      .toBe('failed');
    const refused = (await storedEntries(page)).find((e) => e.group === 'day:2020-01-06');
    expect(refused?.error?.status).toBeGreaterThanOrEqual(400);
    expect(refused?.error?.status).toBeLessThan(500);
    // Handled: the browser keeps no sync to retry it.
    await expect.poll(() => syncTags(page), POLL).toEqual([]);
    expect((await reportsSeenByAtasan()).map((r) => r.date)).not.toContain('2020-01-06');

    // The person sees it on the history page with the server's reason.
    await page.goto('/laporan-harian/riwayat');
    await expect.poll(() => page.getByText('Belum terkirim').count(), POLL).toBeGreaterThan(0);
    await screenshot(page, 'b03-ditolak-server');
    await page.close();
  });
});

describe('a browser without Background Sync', () => {
  it('still sends from the open page when the connection returns, as before', async () => {
    const plain = await newPhoneContext(browser, server.baseUrl);
    try {
      // As in Firefox or Safari: no SyncManager, so the page registers nothing.
      await plain.addInitScript(() => {
        Reflect.deleteProperty(window, 'SyncManager');
      });
      const p = await plain.newPage();
      const pageErrors = watchPageErrors(p);
      await signIn(p, pegawai.login, pegawai.password);
      await p.goto('/laporan-harian');
      await p.getByRole('heading', { level: 1 }).waitFor();
      await expect
        .poll(() => p.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? null), POLL)
        .toBe('activated');
      // Another working day of the window (today's was sent above).
      await p.locator('.day-picker a:not([aria-current])').first().click();
      await p.getByRole('button', { name: '+ Tambah kegiatan' }).waitFor();
      const otherDate = await p.evaluate(() => new URL(location.href).searchParams.get('tanggal'));
      await plain.setOffline(true);
      await expect.poll(() => p.getByText('Tidak ada sinyal internet').count(), POLL).toBe(1);
      await addActivity(p, 'Menyusun rekap kunjungan posyandu');
      await expect.poll(() => p.locator('ol.activities > li').count(), POLL).toBe(1);
      await p.getByRole('button', { name: 'Kirim ke atasan' }).click();
      await expect.poll(() => p.locator('.day-status').textContent(), POLL).toContain('akan dikirim ke atasan otomatis');
      expect(await p.getByText('Buka Pantau lagi saat ada sinyal').count()).toBe(1);
      expect(await syncTags(p)).toEqual([]);

      await plain.setOffline(false);
      await expect.poll(() => p.locator('.day-status').textContent(), POLL).toContain('Sudah dikirim ke atasan');
      const forDay = (await reportsSeenByAtasan()).filter((r) => r.date === otherDate);
      expect(forDay).toHaveLength(1);
      expect(forDay[0]).toMatchObject({ status: 'SUBMITTED', activityCount: 1 });
      expect(pageErrors.filter((e) => !ignorable(e))).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
