import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Session, TestApp } from '../../../test/http.js';
import type { Clock } from '../../lib/clock.js';
import { multipartBody } from '../evidence/evidence.test-helpers.js';

/** Test helpers of the training module. */

/** A clock the test can move. */
export function movableClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => now,
    set(v: string) {
      now = new Date(v);
    },
  };
}

/** WIB wall-clock time → UTC ISO instant. */
export const wib = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).toISOString();

export const filesEnv = () => ({ PANTAU_FILES_DIR: mkdtempSync(join(tmpdir(), 'pantau-training-')), PANTAU_LOGIN_RATE_PER_MINUTE: '1000', PANTAU_SESSION_HOURS: '720' });

export function expectStatus(res: LightMyRequestResponse, status: number): void {
  expect(res.statusCode, res.body).toBe(status);
}

export const fieldsOf = (res: LightMyRequestResponse) =>
  ((res.json() as { error: { fields?: Array<{ path: string; code: string }> } }).error.fields ?? []).map((f) => `${f.path}:${f.code}`);

export const courseBody = (unitIds: number[], over: Record<string, unknown> = {}) => ({
  title: 'Lokakarya Pelayanan Prima',
  description: 'Komunikasi dengan warga, menangani keluhan, standar pelayanan.',
  kind: 'SOSIAL_KULTURAL',
  mode: 'KLASIKAL',
  jp: 8,
  organiser: 'BKPSDM Kota',
  organiserUnitIds: unitIds,
  behaviours: ['BERORIENTASI_PELAYANAN'],
  competencies: ['Komunikasi pelayanan'],
  ...over,
});

export const sessionBody = (over: Record<string, unknown> = {}) => ({
  startDate: '2026-05-20',
  endDate: '2026-05-20',
  startTime: '08:00',
  endTime: '16:00',
  place: 'Aula BKPSDM',
  capacity: 2,
  ...over,
});

/** Uploads a tiny PDF as `who` and returns its evidence id. */
export async function uploadPdf(t: TestApp, who: Session, label = 'sertifikat'): Promise<number> {
  const { body, headers } = multipartBody(`${label}.pdf`, Buffer.from(`%PDF-1.4\n% ${label} ${Math.random()}\n%%EOF\n`));
  const res = await t.app.inject({ method: 'POST', url: '/api/evidence', payload: body, headers: { ...headers, cookie: who.cookie, 'x-csrf-token': who.csrf } });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return (res.json() as { evidence: { id: number } }).evidence.id;
}

export async function createCourse(t: TestApp, admin: Session, unitIds: number[], over: Record<string, unknown> = {}): Promise<number> {
  const res = await t.as(admin).post('/api/training/courses', courseBody(unitIds, over));
  expectStatus(res, 201);
  return (res.json() as { course: { id: number } }).course.id;
}

export async function createSession(t: TestApp, admin: Session, courseId: number, over: Record<string, unknown> = {}): Promise<number> {
  const res = await t.as(admin).post(`/api/training/courses/${courseId}/sessions`, sessionBody(over));
  expectStatus(res, 201);
  return (res.json() as { session: { id: number } }).session.id;
}
