import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { addDays, attendanceNeeded, behaviourArea, sessionDays, wibToInstant, type Berakhlak } from '@pantau/domain';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { Rng } from '../../db/seed/demo-prng.js';
import {
  evidenceFiles,
  trainingAttendance,
  trainingCourseOrganisers,
  trainingCourses,
  trainingEnrolments,
  trainingExternal,
  trainingNeeds,
  trainingSessions,
} from '../../db/schema/index.js';
import { createFileStore } from '../evidence/file-store.js';
import { orgRepository } from '../org/org.repository.js';

/**
 * Demo data for training (issue 6), for the demo start: a catalogue of technical, managerial and
 * socio-cultural trainings run by BKPSDM and a few OPDs; sessions held earlier this year with
 * attendance and completed participants (their JP count); upcoming sessions with places and
 * requests waiting for the supervisor; external training waiting for verification; and a few
 * development needs. Deterministic for a seed and `today`; does nothing when the instansi already
 * has a course. Call after the organisation exists (inside the seeding transaction or not).
 */
export interface TrainingDemoOptions {
  instansiId: number;
  /** 'YYYY-MM-DD' (WIB). */
  today: string;
  /** Where evidence files live: the demo certificates of external training are written there. */
  filesDir?: string;
  seed?: number;
}

export interface TrainingDemoResult {
  courses: number;
  sessions: number;
  completed: number;
  requested: number;
  enrolled: number;
  externalPending: number;
  needs: number;
}

type Kind = 'TEKNIS' | 'MANAJERIAL' | 'SOSIAL_KULTURAL';
type Mode = 'KLASIKAL' | 'DARING' | 'ON_THE_JOB';

interface CourseSpec {
  title: string;
  kind: Kind;
  mode: Mode;
  jp: number;
  /** Short names of the organising units; the first leads. */
  units: readonly string[];
  organiser: string;
  behaviours: readonly Berakhlak[];
  competencies: readonly string[];
  description: string;
  /** Days per session. */
  days: number;
  place: string;
  /** How many sessions were held earlier this year. */
  past: number;
}

export const DEMO_COURSES: readonly CourseSpec[] = [
  {
    title: 'Pelayanan Prima',
    kind: 'SOSIAL_KULTURAL', mode: 'KLASIKAL', jp: 16, units: ['BKPSDM'], organiser: 'BKPSDM Kota Lhokseumawe',
    behaviours: ['BERORIENTASI_PELAYANAN', 'HARMONIS'], competencies: ['Pelayanan publik', 'Komunikasi pelayanan'],
    description: 'Standar pelayanan, sikap melayani, menghadapi warga yang kecewa.', days: 2, place: 'Aula BKPSDM', past: 2,
  },
  {
    title: 'Manajemen Waktu dan Prioritas Kerja',
    kind: 'MANAJERIAL', mode: 'KLASIKAL', jp: 8, units: ['BKPSDM'], organiser: 'BKPSDM Kota Lhokseumawe',
    behaviours: ['AKUNTABEL', 'KOMPETEN'], competencies: ['Manajemen waktu', 'Perencanaan kerja'],
    description: 'Menyusun prioritas harian, mengelola tenggat dan gangguan.', days: 1, place: 'Ruang Rapat BKPSDM', past: 1,
  },
  {
    title: 'Penyusunan SKP dan RHK',
    kind: 'TEKNIS', mode: 'KLASIKAL', jp: 12, units: ['BKPSDM', 'Ortala'], organiser: 'BKPSDM bersama Bagian Organisasi Setdako',
    behaviours: ['AKUNTABEL'], competencies: ['Penyusunan SKP', 'Rencana hasil kerja', 'Indikator kinerja'],
    description: 'Menurunkan RHK dari atasan, menulis indikator yang terukur, bukti dukung.', days: 2, place: 'Aula Setdako', past: 2,
  },
  {
    title: 'Tata Naskah Dinas Elektronik (SRIKANDI)',
    kind: 'TEKNIS', mode: 'KLASIKAL', jp: 8, units: ['BKPSDM', 'Diskominfo'], organiser: 'BKPSDM bersama Diskominfo',
    behaviours: ['KOMPETEN', 'ADAPTIF'], competencies: ['Kearsipan', 'Tata naskah dinas', 'SRIKANDI'],
    description: 'Membuat, menandatangani dan mengarsipkan naskah dinas di SRIKANDI.', days: 1, place: 'Lab Komputer Diskominfo', past: 1,
  },
  {
    title: 'Komunikasi Publik dan Media Sosial Instansi',
    kind: 'SOSIAL_KULTURAL', mode: 'DARING', jp: 6, units: ['Diskominfo'], organiser: 'Diskominfo Kota Lhokseumawe',
    behaviours: ['HARMONIS', 'LOYAL'], competencies: ['Komunikasi publik', 'Kehumasan'],
    description: 'Menyampaikan informasi layanan dengan jelas dan santun.', days: 1, place: 'Zoom (tautan dikirim lewat notifikasi)', past: 1,
  },
  {
    title: 'Pengelolaan Pengaduan Masyarakat',
    kind: 'TEKNIS', mode: 'KLASIKAL', jp: 8, units: ['Inspektorat', 'BKPSDM'], organiser: 'Inspektorat bersama BKPSDM',
    behaviours: ['BERORIENTASI_PELAYANAN', 'AKUNTABEL'], competencies: ['Pengelolaan pengaduan', 'Tindak lanjut keluhan'],
    description: 'Menerima, memverifikasi dan menindaklanjuti pengaduan tepat waktu.', days: 1, place: 'Aula Inspektorat', past: 1,
  },
  {
    title: 'K3 dan Pencegahan Infeksi di Puskesmas',
    kind: 'TEKNIS', mode: 'ON_THE_JOB', jp: 12, units: ['Dinkes'], organiser: 'Dinas Kesehatan',
    behaviours: ['KOMPETEN'], competencies: ['K3 fasilitas kesehatan', 'Pencegahan infeksi'],
    description: 'Keselamatan kerja, alat pelindung diri, limbah medis.', days: 2, place: 'UPTD Puskesmas Banda Sakti', past: 1,
  },
  {
    title: 'Kepemimpinan Pengawas',
    kind: 'MANAJERIAL', mode: 'KLASIKAL', jp: 24, units: ['BKPSDM'], organiser: 'BKPSDM Kota Lhokseumawe',
    behaviours: ['KOLABORATIF', 'KOMPETEN', 'LOYAL'], competencies: ['Kepemimpinan', 'Pembinaan pegawai', 'Umpan balik kinerja'],
    description: 'Membina tim, memberi umpan balik, menilai perilaku kerja dengan adil.', days: 3, place: 'Aula BKPSDM', past: 1,
  },
  {
    title: 'Etika dan Budaya Kerja BerAKHLAK',
    kind: 'SOSIAL_KULTURAL', mode: 'KLASIKAL', jp: 4, units: ['BKPSDM'], organiser: 'BKPSDM Kota Lhokseumawe',
    behaviours: ['HARMONIS', 'LOYAL', 'KOLABORATIF'], competencies: ['Etika ASN', 'Budaya kerja'],
    description: 'Nilai dasar ASN dalam pekerjaan sehari-hari.', days: 1, place: 'Aula Setdako', past: 2,
  },
  {
    title: 'Pengelolaan Keuangan Daerah untuk Bendahara',
    kind: 'TEKNIS', mode: 'KLASIKAL', jp: 16, units: ['BKPSDM'], organiser: 'BKPSDM bersama BPKD',
    behaviours: ['AKUNTABEL', 'KOMPETEN'], competencies: ['Penatausahaan keuangan', 'Pertanggungjawaban belanja'],
    description: 'SPJ, pajak belanja, laporan bendahara.', days: 2, place: 'Ruang Rapat BPKD', past: 0,
  },
  {
    title: 'Literasi Digital dan Keamanan Informasi',
    kind: 'TEKNIS', mode: 'DARING', jp: 4, units: ['Diskominfo'], organiser: 'Diskominfo Kota Lhokseumawe',
    behaviours: ['ADAPTIF'], competencies: ['Literasi digital', 'Keamanan informasi'],
    description: 'Kata sandi, penipuan daring, menjaga data warga.', days: 1, place: 'Zoom (tautan dikirim lewat notifikasi)', past: 1,
  },
  {
    title: 'Kerja Sama Tim Lintas Bidang',
    kind: 'SOSIAL_KULTURAL', mode: 'KLASIKAL', jp: 6, units: ['BKPSDM'], organiser: 'BKPSDM Kota Lhokseumawe',
    behaviours: ['KOLABORATIF', 'HARMONIS'], competencies: ['Kerja sama', 'Koordinasi'],
    description: 'Berbagi tugas dan informasi antarbidang.', days: 1, place: 'Aula BKPSDM', past: 0,
  },
];

const EXTERNAL: ReadonlyArray<{ title: string; organiser: string; kind: Kind; mode: Mode; jp: number; behaviours: Berakhlak[] }> = [
  { title: 'Pelatihan Analisis Jabatan', organiser: 'Kementerian PANRB (daring)', kind: 'TEKNIS', mode: 'DARING', jp: 10, behaviours: ['KOMPETEN'] },
  { title: 'Webinar Smart ASN', organiser: 'BKN', kind: 'SOSIAL_KULTURAL', mode: 'DARING', jp: 3, behaviours: ['ADAPTIF'] },
  { title: 'Pelatihan Pengadaan Barang/Jasa Tingkat Dasar', organiser: 'LKPP', kind: 'TEKNIS', mode: 'KLASIKAL', jp: 30, behaviours: ['AKUNTABEL'] },
  { title: 'Kursus Bahasa Inggris Pelayanan', organiser: 'Lembaga kursus swasta', kind: 'SOSIAL_KULTURAL', mode: 'KLASIKAL', jp: 20, behaviours: ['BERORIENTASI_PELAYANAN'] },
  { title: 'Pelatihan Statistik Sektoral', organiser: 'BPS Kota Lhokseumawe', kind: 'TEKNIS', mode: 'KLASIKAL', jp: 8, behaviours: ['KOMPETEN'] },
  { title: 'Orientasi Jabatan Fungsional Pranata Komputer', organiser: 'BPSDM Aceh', kind: 'TEKNIS', mode: 'DARING', jp: 12, behaviours: ['KOMPETEN', 'ADAPTIF'] },
];

const NEED_BEHAVIOURS: readonly Berakhlak[] = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'KOLABORATIF'];

/** A small PDF standing for a scanned certificate (one per person: the store is content-addressed). */
function certificatePdf(name: string, title: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% Sertifikat contoh / demo certificate\n% ${name}: ${title}\n%%EOF\n`);
}

export async function seedTrainingDemo(db: DbOrTx, o: TrainingDemoOptions): Promise<TrainingDemoResult> {
  const result: TrainingDemoResult = { courses: 0, sessions: 0, completed: 0, requested: 0, enrolled: 0, externalPending: 0, needs: 0 };
  const [existing] = await rows<{ n: number }>(db, sql`select count(*)::int as n from training_courses where instansi_id = ${o.instansiId}`);
  if ((existing?.n ?? 0) > 0) return result;
  const rng = new Rng(o.seed ?? 2026);
  const year = Number(o.today.slice(0, 4));

  // Who: an admin for "created by", the OPDs by short name, and everyone with a post and an account.
  const [admin] = await rows<{ userId: number }>(
    db,
    sql`select u.id as "userId" from users u join role_grants g on g.user_id = u.id
        where g.instansi_id = ${o.instansiId} and g.role = 'ADMIN_BKPSDM' order by u.id limit 1`,
  );
  const [anyUser] = await rows<{ userId: number }>(db, sql`select u.id as "userId" from users u join employees e on e.id = u.employee_id where e.instansi_id = ${o.instansiId} order by u.id limit 1`);
  const adminUserId = admin?.userId ?? anyUser?.userId;
  if (adminUserId === undefined) return result;
  const units = await rows<{ id: number; name: string; shortName: string | null; parentId: number | null }>(
    db,
    sql`select id, name, short_name as "shortName", parent_id as "parentId" from org_units where instansi_id = ${o.instansiId} and active order by path`,
  );
  const byShort = (short: string) =>
    units.find((u) => u.shortName === short) ?? units.find((u) => u.name.toLowerCase().includes(short.toLowerCase()));
  const fallbackUnit = byShort('BKPSDM') ?? units.find((u) => u.parentId === null);
  if (!fallbackUnit) return result;
  const everyone = await rows<{ id: number; userId: number | null; name: string; demoLogin: boolean }>(
    db,
    sql`select distinct on (e.id) e.id, u.id as "userId", e.name, coalesce(u.password_hash is not null, false) as "demoLogin" from employees e
        join assignments a on a.employee_id = e.id and a.kind = 'DEFINITIF'
          and a.valid_from <= ${o.today}::date and (a.valid_to is null or a.valid_to >= ${o.today}::date)
        left join users u on u.employee_id = e.id and u.active
        where e.instansi_id = ${o.instansiId} and e.active order by e.id`,
  );
  // The demo logins (accounts with a password) get no places, JP or needs: a visitor, and the
  // browser tests, walk through training from a clean start; the rest of the city has history.
  const people = everyone.filter((p) => !p.demoLogin);
  if (people.length === 0) return result;
  const supervisors = await orgRepository(db).supervisorsOn(people.map((p) => p.id), o.today);
  const pickDistinct = (pool: readonly { id: number }[], n: number, taken: Set<number>) => {
    const out: number[] = [];
    for (let tries = 0; out.length < n && tries < n * 20; tries++) {
      const p = rng.pick(pool);
      if (taken.has(p.id)) continue;
      taken.add(p.id);
      out.push(p.id);
    }
    return out;
  };

  // Dates: past sessions between early this year and two weeks ago; upcoming ones in the next two months.
  const yearStart = `${year}-01-08`;
  const pastFrom = addDays(o.today, -300) > yearStart ? addDays(o.today, -300) : yearStart;
  const pastTo = addDays(o.today, -14);
  const spanDays = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  // Working days only: no weekends, no holidays of the instansi (seeded with the feedback demo), no New Year.
  const offDays = new Set(
    (await rows<{ date: string }>(db, sql`select date::text as date from holidays where instansi_id = ${o.instansiId}`)).map((r) => r.date),
  );
  const isOff = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) || offDays.has(d) || d.endsWith('-01-01');
  /** The first day from `date` on that starts `days` consecutive working days (a session runs every day it spans). */
  const weekday = (date: string, days = 1) => {
    let d = date;
    while (Array.from({ length: days }, (_, i) => addDays(d, i)).some(isOff)) d = addDays(d, 1);
    return d;
  };

  const enrolments: (typeof trainingEnrolments.$inferInsert)[] = [];
  const attendanceFor: { index: number; dates: string[] }[] = [];
  const qrSecret = (n: number) => createHash('sha256').update(`demo-training-${o.instansiId}-${n}`).digest('base64url').slice(0, 43);
  let sessionNo = 0;

  for (const spec of DEMO_COURSES) {
    const organiserUnits = [...new Set(spec.units.map((s) => (byShort(s) ?? fallbackUnit).id))];
    const [course] = await db
      .insert(trainingCourses)
      .values({
        instansiId: o.instansiId,
        title: spec.title,
        description: spec.description,
        kind: spec.kind,
        mode: spec.mode,
        jp: spec.jp,
        organiser: spec.organiser,
        behaviours: [...spec.behaviours],
        competencies: [...spec.competencies],
        createdByUserId: adminUserId,
      })
      .returning();
    if (!course) continue;
    result.courses++;
    await db.insert(trainingCourseOrganisers).values(organiserUnits.map((unitId, i) => ({ courseId: course.id, unitId, isLead: i === 0 })));

    const starts: { start: string; upcoming: boolean }[] = [];
    if (pastTo > pastFrom) {
      for (let i = 0; i < spec.past; i++) starts.push({ start: weekday(addDays(pastFrom, rng.int(0, spanDays(pastFrom, pastTo) - spec.days - 4)), spec.days), upcoming: false });
    }
    starts.push({ start: weekday(addDays(o.today, rng.int(7, 60)), spec.days), upcoming: true });

    for (const { start, upcoming } of starts) {
      const capacity = rng.pick([20, 25, 30, 40]);
      const endDate = addDays(start, spec.days - 1);
      const [session] = await db
        .insert(trainingSessions)
        .values({
          instansiId: o.instansiId,
          courseId: course.id,
          startDate: start,
          endDate,
          startTime: '08:30',
          endTime: spec.mode === 'DARING' ? '12:00' : '16:00',
          place: spec.place,
          capacity,
          qrSecret: qrSecret(++sessionNo),
          createdByUserId: adminUserId,
          createdAt: wibToInstant(addDays(start, -21), '09:00'),
        })
        .returning();
      if (!session) continue;
      result.sessions++;
      const taken = new Set<number>();
      const base = { instansiId: o.instansiId, sessionId: session.id, courseId: course.id };
      if (upcoming) {
        for (const id of pickDistinct(people, rng.int(4, Math.min(12, capacity - 4)), taken)) {
          enrolments.push({ ...base, employeeId: id, status: 'ENROLLED', enrolledByUserId: adminUserId, enrolledAt: wibToInstant(addDays(o.today, -rng.int(1, 6)), '10:00') });
          result.enrolled++;
        }
        for (const id of pickDistinct(people, rng.int(1, 3), taken)) {
          enrolments.push({
            ...base,
            employeeId: id,
            status: 'REQUESTED',
            requestNote: rng.pick(['Sesuai kebutuhan pengembangan saya tahun ini.', 'Untuk mendukung tugas pelayanan di unit.', null]),
            approverEmployeeId: supervisors.get(id)?.supervisorId ?? null,
            requestedAt: wibToInstant(addDays(o.today, -rng.int(0, 4)), '11:00'),
          });
          result.requested++;
        }
        continue;
      }
      const days = sessionDays({ startDate: start, endDate });
      const needed = attendanceNeeded(days.length);
      for (const id of pickDistinct(people, rng.int(Math.min(8, capacity), capacity), taken)) {
        const done = rng.chance(0.88);
        const attended = done ? days : days.slice(0, Math.max(0, needed - 1));
        enrolments.push({
          ...base,
          employeeId: id,
          status: done ? 'COMPLETED' : 'INCOMPLETE',
          enrolledByUserId: adminUserId,
          enrolledAt: wibToInstant(addDays(start, -10), '10:00'),
          completedAt: wibToInstant(addDays(endDate, 1), '10:00'),
          completedByUserId: adminUserId,
          completedOn: done ? endDate : null,
          jp: done ? spec.jp : null,
          completionNote: done ? null : 'Kehadiran kurang dari yang disyaratkan.',
        });
        attendanceFor.push({ index: enrolments.length - 1, dates: attended });
        if (done) result.completed++;
      }
    }
  }

  // Places in batches, then their attendance (by tick list of the organiser).
  const inserted: { id: number; sessionId: number; employeeId: number }[] = [];
  for (let i = 0; i < enrolments.length; i += 500) {
    inserted.push(
      ...(await db
        .insert(trainingEnrolments)
        .values(enrolments.slice(i, i + 500))
        .returning({ id: trainingEnrolments.id, sessionId: trainingEnrolments.sessionId, employeeId: trainingEnrolments.employeeId })),
    );
  }
  const attendance = attendanceFor.flatMap(({ index, dates }) => {
    const e = inserted[index];
    if (!e) return [];
    return dates.map((date) => ({
      enrolmentId: e.id,
      sessionId: e.sessionId,
      employeeId: e.employeeId,
      date,
      method: 'LIST' as const,
      recordedByUserId: adminUserId,
      recordedAt: wibToInstant(date, '15:30'),
    }));
  });
  for (let i = 0; i < attendance.length; i += 1000) await db.insert(trainingAttendance).values(attendance.slice(i, i + 1000));

  // External training: a few waiting for verification, a few already verified (their JP count).
  const store = o.filesDir ? createFileStore(o.filesDir) : null;
  const withAccount = people.filter((p) => p.userId !== null);
  const externalTaken = new Set<number>();
  for (const [i, x] of EXTERNAL.entries()) {
    const [personId] = pickDistinct(withAccount, 1, externalTaken);
    const person = withAccount.find((p) => p.id === personId);
    if (!person || person.userId === null) break;
    const pdf = certificatePdf(person.name, x.title);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    if (store) await store.commit(await store.receive(Readable.from([pdf]), { maxBytes: 1_000_000, headBytes: 0 }));
    const [file] = await db
      .insert(evidenceFiles)
      .values({ instansiId: o.instansiId, sha256, sizeBytes: pdf.length, mimeType: 'application/pdf', originalName: `sertifikat-${i + 1}.pdf`, uploadedByUserId: person.userId, uploadedByEmployeeId: person.id })
      .returning();
    if (!file) continue;
    const pending = i % 2 === 0;
    const end = weekday(addDays(o.today, -rng.int(5, 60)));
    await db.insert(trainingExternal).values({
      instansiId: o.instansiId,
      employeeId: person.id,
      title: x.title,
      organiser: x.organiser,
      kind: x.kind,
      mode: x.mode,
      behaviours: x.behaviours,
      startDate: end,
      endDate: end,
      jp: x.jp,
      certificateEvidenceId: file.id,
      status: pending ? 'PENDING' : 'VERIFIED',
      submittedByUserId: person.userId,
      decidedByUserId: pending ? null : adminUserId,
      decidedAt: pending ? null : wibToInstant(addDays(end, 3), '10:00'),
      createdAt: wibToInstant(addDays(end, 1), '20:00'),
    });
    if (pending) result.externalPending++;
  }

  // Development needs added by supervisors (behaviours the catalogue develops).
  const needTaken = new Set<number>();
  for (const id of pickDistinct(people, Math.min(15, people.length), needTaken)) {
    const behaviour = rng.pick(NEED_BEHAVIOURS);
    await db.insert(trainingNeeds).values({
      instansiId: o.instansiId,
      employeeId: id,
      year,
      areaKey: behaviourArea(behaviour),
      source: 'MANUAL',
      behaviour,
      note: 'Dicatat atasan dari pengamatan kerja sehari-hari.',
      createdByUserId: adminUserId,
    });
    result.needs++;
  }
  return result;
}
