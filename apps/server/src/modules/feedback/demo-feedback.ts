import { sql } from 'drizzle-orm';
import {
  addDays,
  addWorkingDays,
  complaintDeadline,
  firstWorkingDayFrom,
  isLowScore,
  isWorkingDay,
  wibToInstant,
  workingDaysAfter,
} from '@pantau/domain';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { Rng } from '../../db/seed/demo-prng.js';
import { complaintHistory, complaints, feedbackAlerts, servicePoints, surveyResponses } from '../../db/schema/index.js';
import type { ComplaintStatusValue } from './complaints.repository.js';
import { feedbackPeopleRepository } from './feedback-people.repository.js';
import { seedNationalHolidays, holidayDates } from './holidays-2026.js';
import { slugify } from './service-points.service.js';
import { sha256 } from './text.js';
import { newTrackingCode, newTrackingSecret } from './tracking-code.js';

/**
 * Demo data for citizen feedback, for the demo seeder and the benchmark: service points for the
 * public-facing units, a year of SKM answers and complaints in every status, deterministic for a
 * seed. Call inside the seeding transaction after the organisation exists; does nothing when the
 * instansi already has service points.
 */
export interface FeedbackDemoOptions {
  instansiId: number;
  /** 'YYYY-MM-DD' (WIB): data runs up to this day. */
  today: string;
  /** How far back, in calendar days (default 365). */
  days?: number;
  /**
   * 'demo' (default): about 3 answers per service point per working day and a complaint every
   * 10–30 days. 'city' (the benchmark): a busy city's year, about 12 answers per service point per
   * working day and a complaint every 2–6 days.
   */
  size?: 'demo' | 'city';
  /** Average answers per service point per working day (overrides the size). */
  answersPerDay?: number;
  seed?: number;
}

const SIZES = {
  demo: { answersPerDay: 3, complaintEveryDays: [10, 30] },
  city: { answersPerDay: 12, complaintEveryDays: [2, 6] },
} as const;

export interface FeedbackDemoResult {
  servicePoints: number;
  answers: number;
  complaints: number;
  /** Two open complaints the demo can follow on the tracking page. */
  samples: Array<{ trackingCode: string; token: string }>;
}

const SERVICES: Array<[RegExp, (name: string) => string[]]> = [
  [/^Dinas Kependudukan/, () => ['Perekaman KTP-el', 'Akta Kelahiran', 'Kartu Keluarga']],
  [/^Dinas Penanaman Modal/, () => ['Perizinan Berusaha', 'Persetujuan Bangunan Gedung']],
  [/^Dinas Sosial$/, () => ['Rekomendasi Bantuan Sosial']],
  [/^Dinas Perhubungan$/, () => ['Pengujian Kendaraan Bermotor (KIR)']],
  [/^UPTD Puskesmas /, (n) => [`Poli Umum ${n.replace(/^UPTD /, '')}`]],
  [/^Kecamatan /, (n) => [`Layanan Administrasi ${n}`]],
];
const COMMENTS = [
  'Pelayanan cepat dan petugas ramah.',
  'Antrean terlalu lama, mohon ditambah loket.',
  'Petugas kurang sopan saat menjelaskan syarat.',
  'Ruang tunggu panas, AC tidak menyala.',
  'Syarat berkas tidak diumumkan dengan jelas.',
  'Sudah bagus, terima kasih.',
  'Toilet kotor dan kursi kurang.',
  'Tidak ada biaya, sesuai aturan. Mantap.',
  'Prosedur online membingungkan.',
];
const DESCRIPTIONS = [
  'Sudah datang sejak pagi tetapi nomor antrean habis sebelum jam sembilan.',
  'Petugas meminta fotokopi tambahan yang tidak ada dalam daftar persyaratan.',
  'Dokumen yang dijanjikan selesai tiga hari belum juga jadi setelah dua minggu.',
  'Ada permintaan uang di luar tarif resmi untuk mempercepat proses.',
  'Ruang pelayanan tutup pada jam kerja tanpa pemberitahuan.',
];
const CATEGORIES = ['PELAYANAN_LAMBAT', 'PERSYARATAN_PROSEDUR', 'PELAYANAN_LAMBAT', 'PUNGUTAN_LIAR', 'SARANA_PRASARANA'] as const;
const BATCH = 1000;

export async function seedFeedbackDemo(db: DbOrTx, o: FeedbackDemoOptions): Promise<FeedbackDemoResult> {
  const rng = new Rng(o.seed ?? 1447);
  const result: FeedbackDemoResult = { servicePoints: 0, answers: 0, complaints: 0, samples: [] };
  const [existing] = await rows<{ n: number }>(db, sql`select count(*)::int as n from service_points where instansi_id = ${o.instansiId}`);
  if ((existing?.n ?? 0) > 0) return result;
  await seedNationalHolidays(db, o.instansiId, 2026);
  const holidays = await holidayDates(db, o.instansiId, addDays(o.today, -800), addDays(o.today, 400));

  const units = await rows<{ id: number; name: string; parentId: number | null }>(
    db,
    sql`select id, name, parent_id as "parentId" from org_units where instansi_id = ${o.instansiId} and active order by path`,
  );
  const wanted = units.flatMap((u) => (SERVICES.find(([re]) => re.test(u.name))?.[1](u.name) ?? []).map((name) => ({ unitId: u.id, name })));
  const plan = wanted.length > 0 ? wanted : units.filter((u) => u.parentId === null).map((u) => ({ unitId: u.id, name: `Layanan ${u.name}` }));
  const taken = new Set((await rows<{ slug: string }>(db, sql`select slug from service_points`)).map((r) => r.slug));
  const sps = [];
  for (const p of plan) {
    let slug = slugify(p.name);
    for (let i = 2; taken.has(slug); i++) slug = `${slugify(p.name).slice(0, 70)}-${i}`;
    taken.add(slug);
    const [sp] = await db.insert(servicePoints).values({ instansiId: o.instansiId, unitId: p.unitId, name: p.name, slug }).returning();
    if (sp) sps.push({ ...sp, quality: 0.55 + rng.float() * 0.4, weak: rng.int(0, 8) });
  }
  result.servicePoints = sps.length;

  const staff = await rows<{ unitId: number; employeeId: number }>(
    db,
    sql`select distinct p.unit_id as "unitId", a.employee_id as "employeeId" from assignments a join positions p on p.id = a.position_id
        where a.kind = 'DEFINITIF' and a.valid_from <= ${o.today}::date and (a.valid_to is null or a.valid_to >= ${o.today}::date)
          and p.unit_id = any(${sql.param([...new Set(sps.map((s) => s.unitId))])}::int[])`,
  );
  const staffByUnit = new Map<number, number[]>();
  for (const s of staff) staffByUnit.set(s.unitId, [...(staffByUnit.get(s.unitId) ?? []), s.employeeId]);
  const staffOf = (unitId: number) => staffByUnit.get(unitId) ?? [];
  const heads = await feedbackPeopleRepository(db).unitHeads(sps.map((s) => s.unitId), o.today);

  // ---- survey answers
  let batch: Array<typeof surveyResponses.$inferInsert> = [];
  const flush = async () => {
    if (batch.length > 0) await db.insert(surveyResponses).values(batch);
    result.answers += batch.length;
    batch = [];
  };
  const start = addDays(o.today, -(o.days ?? 365));
  const size = SIZES[o.size ?? 'demo'];
  const perDay = o.answersPerDay ?? size.answersPerDay;
  for (let day = start; day <= o.today; day = addDays(day, 1)) {
    if (!isWorkingDay(day, holidays)) continue;
    for (const sp of sps) {
      const n = rng.int(0, perDay * 2);
      for (let i = 0; i < n; i++) {
        const answers = Array.from({ length: 9 }, (_, u) => {
          const good = rng.chance(u === sp.weak ? sp.quality - 0.25 : sp.quality);
          return good ? (rng.chance(0.5) ? 4 : 3) : rng.chance(0.7) ? 2 : 1;
        });
        const [u1 = 3, u2 = 3, u3 = 3, u4 = 3, u5 = 3, u6 = 3, u7 = 3, u8 = 3, u9 = 3] = answers;
        const people = staffOf(sp.unitId);
        batch.push({
          instansiId: o.instansiId,
          servicePointId: sp.id,
          unitId: sp.unitId,
          respondedOn: day,
          createdAt: wibToInstant(day, `${String(rng.int(8, 14)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`),
          u1, u2, u3, u4, u5, u6, u7, u8, u9,
          ageGroup: rng.chance(0.7) ? rng.pick(['20_29', '30_39', '40_49', '50_59']) : null,
          sex: rng.chance(0.7) ? rng.pick(['L', 'P'] as const) : null,
          education: rng.chance(0.6) ? rng.pick(['SMA', 'D4_S1', 'SMP']) : null,
          job: rng.chance(0.6) ? rng.pick(['WIRAUSAHA', 'PEGAWAI_SWASTA', 'IBU_RUMAH_TANGGA', 'PELAJAR_MAHASISWA']) : null,
          comment: rng.chance(0.2) ? rng.pick(COMMENTS) : null,
          servedByEmployeeId: people.length > 0 && rng.chance(0.3) ? rng.pick(people) : null,
          lowScore: isLowScore(answers, 65),
          clientHash: sha256(`demo-client-${rng.float()}`),
          contentHash: sha256(`demo-content-${rng.float()}`),
        });
        if (batch.length >= BATCH) await flush();
      }
    }
  }
  await flush();

  // ---- complaints: one every 10–30 days per service point, in the status their age gives them
  for (const sp of sps) {
    for (let d = start; d <= o.today; d = addDays(d, rng.int(size.complaintEveryDays[0], size.complaintEveryDays[1]))) {
      const day = firstWorkingDayFrom(d, holidays);
      if (day > o.today) break;
      const code = newTrackingCode();
      const token = newTrackingSecret();
      const age = workingDaysAfter(day, o.today, holidays);
      const verifyDueOn = complaintDeadline('VERIFIKASI', day, holidays);
      const disposedOn = addWorkingDays(day, rng.int(1, 4), holidays);
      const followUpDueOn = addWorkingDays(disposedOn, 5, holidays);
      const followUpOn = addWorkingDays(disposedOn, rng.int(1, 7), holidays);
      const closedOn = addWorkingDays(followUpOn, 10, holidays);
      const rejected = rng.chance(0.1);
      const reached = (on: string) => age >= workingDaysAfter(day, on, holidays);
      const status: ComplaintStatusValue =
        rejected && age >= 2 ? 'DITOLAK'
        : age > workingDaysAfter(day, closedOn, holidays) ? 'SELESAI'
        : reached(followUpOn) ? 'DITINDAKLANJUTI'
        : reached(disposedOn) ? 'DIDISPOSISIKAN'
        : age >= 1 ? 'DIVERIFIKASI'
        : 'DITERIMA';
      const followed = status === 'DITINDAKLANJUTI' || status === 'SELESAI';
      const breaches = (disposedOn > verifyDueOn ? 1 : 0) + (followed && followUpOn > followUpDueOn ? 1 : 0);
      const dueOn = { DITERIMA: verifyDueOn, DIVERIFIKASI: verifyDueOn, DIDISPOSISIKAN: followUpDueOn, DITINDAKLANJUTI: closedOn, SELESAI: null, DITOLAK: null }[status];
      const description = rng.pick(DESCRIPTIONS);
      const [c] = await db
        .insert(complaints)
        .values({
          instansiId: o.instansiId,
          trackingCode: code,
          tokenHash: sha256(token),
          servicePointId: sp.id,
          unitId: sp.unitId,
          handlingUnitId: status === 'DITERIMA' || status === 'DIVERIFIKASI' || status === 'DITOLAK' ? null : sp.unitId,
          category: rng.pick(CATEGORIES),
          description,
          anonymous: rng.chance(0.3),
          confidential: rng.chance(0.8),
          status,
          receivedAt: wibToInstant(day, '10:00'),
          receivedOn: day,
          verifyDueOn,
          followUpDueOn: status === 'DITERIMA' || status === 'DIVERIFIKASI' || status === 'DITOLAK' ? null : followUpDueOn,
          dueOn,
          slaBreaches: breaches,
          lastFollowUpOn: followed ? followUpOn : null,
          closedOn: status === 'SELESAI' ? addDays(closedOn, 1) : status === 'DITOLAK' ? addWorkingDays(day, 1, holidays) : null,
          resolutionDays: status === 'SELESAI' ? workingDaysAfter(day, followUpOn, holidays) : null,
          rejectionReason: status === 'DITOLAK' ? 'Bukan kewenangan Pemerintah Kota.' : null,
          clientHash: sha256(`demo-client-${code}`),
          contentHash: sha256(`demo-content-${code}`),
        })
        .returning({ id: complaints.id });
      if (!c) continue;
      result.complaints++;
      if (result.samples.length < 2 && (status === 'DIDISPOSISIKAN' || status === 'DITINDAKLANJUTI')) result.samples.push({ trackingCode: code, token });
      const steps: Array<[ComplaintStatusValue, string, string | null]> = [['DITERIMA', day, null]];
      if (status === 'DITOLAK') steps.push(['DITOLAK', addWorkingDays(day, 1, holidays), 'Bukan kewenangan Pemerintah Kota.']);
      else if (status !== 'DITERIMA') {
        steps.push(['DIVERIFIKASI', addWorkingDays(day, 1, holidays), null]);
        if (status !== 'DIVERIFIKASI') steps.push(['DIDISPOSISIKAN', disposedOn, null]);
        if (followed) steps.push(['DITINDAKLANJUTI', followUpOn, 'Sudah ditindaklanjuti oleh unit; terima kasih atas laporannya.']);
        if (status === 'SELESAI') steps.push(['SELESAI', addDays(closedOn, 1), null]);
      }
      await db.insert(complaintHistory).values(
        steps.map(([kind, on, note], i) => ({
          complaintId: c.id,
          at: wibToInstant(on, '10:00'),
          kind,
          fromStatus: i === 0 ? null : (steps[i - 1]?.[0] ?? null),
          toStatus: kind,
          actorKind: i === 0 ? 'PELAPOR' : status === 'SELESAI' && kind === 'SELESAI' ? 'SISTEM' : 'PETUGAS',
          actorName: i === 0 || kind === 'SELESAI' ? null : 'Petugas Demo',
          unitId: kind === 'DIDISPOSISIKAN' ? sp.unitId : null,
          note,
          visibleToComplainant: i === 0 || note !== null,
        })),
      );
      if (age <= 10) {
        await db.insert(feedbackAlerts).values({
          instansiId: o.instansiId,
          kind: 'COMPLAINT',
          complaintId: c.id,
          unitId: sp.unitId,
          responsibleEmployeeId: heads.get(sp.unitId) ?? null,
          createdAt: wibToInstant(day, '10:00'),
        });
      }
    }
  }
  return result;
}
