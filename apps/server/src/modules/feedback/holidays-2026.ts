import { sql } from 'drizzle-orm';
import type { HolidayEntry } from '@pantau/domain';
import type { DbOrTx } from '../../db/open-db.js';
import { holidays } from '../../db/schema/index.js';

/**
 * Hari libur nasional and cuti bersama 2026: SKB Menteri Agama, Menteri Ketenagakerjaan and
 * Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (announced
 * 19 September 2025): 17 libur nasional and 8 cuti bersama. Checked against two published lists
 * (Disdik Kota Semarang; a news copy of the SKB); admins correct the calendar if the government
 * moves a day, and add local (DAERAH) days themselves.
 */
export const HOLIDAYS_2026: readonly HolidayEntry[] = [
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'NASIONAL' },
  { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad S.A.W.', kind: 'NASIONAL' },
  { date: '2026-02-16', name: 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili', kind: 'CUTI_BERSAMA' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'NASIONAL' },
  { date: '2026-03-18', name: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: 'CUTI_BERSAMA' },
  { date: '2026-03-19', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: 'NASIONAL' },
  { date: '2026-03-20', name: 'Cuti Bersama Idul Fitri 1447 Hijriah', kind: 'CUTI_BERSAMA' },
  { date: '2026-03-21', name: 'Idul Fitri 1447 Hijriah', kind: 'NASIONAL' },
  { date: '2026-03-22', name: 'Idul Fitri 1447 Hijriah', kind: 'NASIONAL' },
  { date: '2026-03-23', name: 'Cuti Bersama Idul Fitri 1447 Hijriah', kind: 'CUTI_BERSAMA' },
  { date: '2026-03-24', name: 'Cuti Bersama Idul Fitri 1447 Hijriah', kind: 'CUTI_BERSAMA' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'NASIONAL' },
  { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'NASIONAL' },
  { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'NASIONAL' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'NASIONAL' },
  { date: '2026-05-15', name: 'Cuti Bersama Kenaikan Yesus Kristus', kind: 'CUTI_BERSAMA' },
  { date: '2026-05-27', name: 'Idul Adha 1447 Hijriah', kind: 'NASIONAL' },
  { date: '2026-05-28', name: 'Cuti Bersama Idul Adha 1447 Hijriah', kind: 'CUTI_BERSAMA' },
  { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'NASIONAL' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'NASIONAL' },
  { date: '2026-06-16', name: '1 Muharam Tahun Baru Islam 1448 Hijriah', kind: 'NASIONAL' },
  { date: '2026-08-17', name: 'Proklamasi Kemerdekaan Republik Indonesia', kind: 'NASIONAL' },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad S.A.W.', kind: 'NASIONAL' },
  { date: '2026-12-24', name: 'Cuti Bersama Kelahiran Yesus Kristus', kind: 'CUTI_BERSAMA' },
  { date: '2026-12-25', name: 'Kelahiran Yesus Kristus', kind: 'NASIONAL' },
];

/** National calendars Pantau ships, by year. */
export const NATIONAL_HOLIDAYS: Readonly<Record<number, readonly HolidayEntry[]>> = { 2026: HOLIDAYS_2026 };

/**
 * Adds the shipped national calendar of `year` to an instansi; days already in its calendar are
 * left alone (an admin may have renamed or moved them). Returns the number of days added. The
 * demo seeder calls this inside its transaction; the admin route calls it with an audit record.
 */
export async function seedNationalHolidays(db: DbOrTx, instansiId: number, year = 2026): Promise<number> {
  const list = NATIONAL_HOLIDAYS[year] ?? [];
  if (list.length === 0) return 0;
  const inserted = await db
    .insert(holidays)
    .values(list.map((h) => ({ instansiId, date: h.date, name: h.name, kind: h.kind })))
    .onConflictDoNothing({ target: [holidays.instansiId, holidays.date] })
    .returning({ id: holidays.id });
  return inserted.length;
}

/** Holiday dates of an instansi between two dates (inclusive) as a Set, for deadline arithmetic. */
export async function holidayDates(db: DbOrTx, instansiId: number, from: string, to: string): Promise<Set<string>> {
  const result = await db
    .select({ date: holidays.date })
    .from(holidays)
    .where(sql`${holidays.instansiId} = ${instansiId} and ${holidays.date} between ${from}::date and ${to}::date`);
  return new Set(result.map((r) => r.date));
}
