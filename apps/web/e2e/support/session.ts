import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoSeriousAxeViolations, screenshot } from './browser';
import { startServer, type DemoLogin, type RunningServer } from './server';

/** How long `expect.poll` waits for the page (a busy 2-core machine is slow). */
export const POLL = { timeout: 20_000, interval: 200 };

/** A signed-in API session for setting up a scene (not what the test is about). */
export interface ApiSession {
  me: { userId: number; employeeId: number | null; nip: string; name: string; csrfToken: string | null };
  call: (method: string, path: string, body?: unknown) => Promise<Response>;
  /** `call`, then the JSON body; a non-2xx answer throws with the server's message. */
  json: <T>(method: string, path: string, body?: unknown) => Promise<T>;
}

export async function apiSignIn(baseUrl: string, nip: string, password: string): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nip, password }),
  });
  if (!res.ok) throw new Error(`sign-in ${nip} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { me } = (await res.json()) as { me: ApiSession['me'] };
  const call: ApiSession['call'] = (method, path, body) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        ...(me.csrfToken ? { 'x-csrf-token': me.csrfToken } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    me,
    call,
    json: async <T,>(method: string, path: string, body?: unknown) => {
      const r = await call(method, path, body);
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}

/**
 * The atasan who verifies the employee's days today (the direct atasan, by date). When the demo
 * seed printed no login for them, the BKPSDM admin gives them a temporary password and they change
 * it to `newPassword`, as a real atasan would on first sign-in.
 */
export async function supervisorOf(
  server: RunningServer,
  employee: ApiSession,
  newPassword: string,
): Promise<{ id: number; nip: string; password: string; name: string }> {
  const res = await employee.call('GET', `/api/employees/${employee.me.employeeId}/supervisor`);
  const { supervisor: sup } = (await res.json()) as { supervisor: { id: number; nip: string; name: string } | null };
  if (!sup) throw new Error('The employee has no supervisor');
  const demo = server.findLogin(new RegExp(`\\|\\s*${sup.nip}\\s*\\|`));
  if (demo) return { id: sup.id, nip: demo.login, password: demo.password, name: sup.name };
  const admin = server.findLogin(/^ADMIN_BKPSDM\b/);
  if (!admin) throw new Error(`Demo admin login missing in the server output:\n${server.output()}`);
  const adminApi = await apiSignIn(server.baseUrl, admin.login, admin.password);
  const temp = 'sementara-e2e-2026';
  const reset = await adminApi.call('POST', `/api/employees/${sup.id}/password-reset`, { newPassword: temp });
  if (!reset.ok) throw new Error(`password reset failed: ${reset.status} ${await reset.text()}`);
  const supApi = await apiSignIn(server.baseUrl, sup.nip, temp);
  const changed = await supApi.call('POST', '/api/me/password', { currentPassword: temp, newPassword });
  if (!changed.ok) throw new Error(`password change failed: ${changed.status} ${await changed.text()}`);
  return { id: sup.id, nip: sup.nip, password: newPassword, name: sup.name };
}

/**
 * The daily-report story's start: a server with the demo city but none of its daily reports (an
 * empty day and an empty queue), the demo PEGAWAI signed in over the API, and their atasan.
 */
export async function startEmployeeScene(supervisorPassword: string): Promise<{
  server: RunningServer;
  pegawai: DemoLogin;
  employeeApi: ApiSession;
  supervisor: Awaited<ReturnType<typeof supervisorOf>>;
}> {
  const server = await startServer({ env: { PANTAU_DEMO_DAILY_DAYS: '0' } });
  const pegawai = server.findLogin(/^PEGAWAI\b/);
  if (!pegawai) {
    await server.stop();
    throw new Error(`Demo logins missing in the server output:\n${server.output()}`);
  }
  const employeeApi = await apiSignIn(server.baseUrl, pegawai.login, pegawai.password);
  const supervisor = await supervisorOf(server, employeeApi, supervisorPassword);
  return { server, pegawai, employeeApi, supervisor };
}

/** axe finds nothing serious, nothing sticks out sideways on a phone, and a screenshot is kept. */
export async function checkPage(p: Page, label: string, shot: string) {
  await expectNoSeriousAxeViolations(p, label);
  const wide = await p.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= limit) return [];
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > limit + 1 && !el.closest('.table-wrap'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
  });
  expect(wide, `${label}: wider than the phone`).toEqual([]);
  await screenshot(p, shot);
}

/** Signs in through the real sign-in page and waits for the home page. */
export async function signIn(p: Page, nip: string, password: string) {
  await p.goto('/masuk');
  await p.getByLabel('NIP', { exact: false }).first().fill(nip);
  await p.getByLabel('Kata sandi', { exact: true }).fill(password);
  await p.getByRole('button', { name: 'Masuk', exact: true }).click();
  await p.waitForURL((url) => url.pathname === '/');
}
