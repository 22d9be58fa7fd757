import { buildCitySpec } from './demo-city.js';
import { generateDemoLogins } from './demo-logins.js';
import { makePerson, NipAllocator, type Person } from './demo-people.js';
import { addDays, isIsoDate, maxDate, minDate, Rng, yearOf } from './demo-prng.js';
import { flattenCity, type PositionPlan } from './demo-structure.js';
import type { DemoAssignment, DemoEmployee, DemoOrg, DemoPosition, DemoSize } from './demo-types.js';

export type * from './demo-types.js';
export { generateDemoLogins } from './demo-logins.js';

/**
 * Pure, deterministic generator of the demo organisation "Pemerintah Kota Lhokseumawe": the
 * same `size`, `seed` and `today` always give the same units, positions, employees, assignments
 * and demo logins. No database ids: everything refers to local string keys.
 */

export const DEMO_PASSWORD = 'pantau-demo-2026';
export const DEMO_SEED = 20011017; // hari jadi Kota Lhokseumawe, 17 Oktober 2001
export const DEMO_INSTANSI = {
  code: 'lhokseumawe',
  name: 'Pemerintah Kota Lhokseumawe',
  timezone: 'Asia/Jakarta',
  address: 'Jl. Merdeka, Kecamatan Banda Sakti, Kota Lhokseumawe, Aceh',
} as const;

/** Employee totals; 'full' mirrors the March 2026 count of 2.996 PNS + 3.670 PPPK (§7). */
export const DEMO_TARGETS: Record<DemoSize, { total: number; pns: number }> = {
  small: { total: 700, pns: 315 },
  full: { total: 6666, pns: 2996 },
};

/** Head posts left without a DEFINITIF holder (each covered by a Plt below). */
export const VACANT_POSITIONS = ['disdukcapil#head', 'dinsos/bid2#head', 'bpkd/bid1/sek2#head'] as const;

/** Acting assignments around `today` (days relative to today, both ends inclusive). */
export const ACTING_ASSIGNMENTS = [
  { kind: 'PLT', position: 'disdukcapil#head', holder: 'disdukcapil/sekr#head', from: -40, to: 50 },
  { kind: 'PLT', position: 'dinsos/bid2#head', holder: 'dinsos/bid2/sek1#head', from: -75, to: 15 },
  { kind: 'PLT', position: 'bpkd/bid1/sek2#head', holder: 'bpkd/bid1/sek1#head', from: -20, to: 70 },
  { kind: 'PLH', position: 'kec-ms#head', holder: 'kec-ms/sekr#head', from: -6, to: 7 },
  { kind: 'PLH', position: 'bappeda#head', holder: 'bappeda/sekr#head', from: -2, to: 11 },
] as const;

export interface GenerateDemoOptions {
  size: DemoSize;
  seed?: number;
  /** 'YYYY-MM-DD' (WIB calendar date); all dates are placed around it. */
  today: string;
}

/** An employee with their current DEFINITIF post, used while building. */
interface Staffed {
  employee: DemoEmployee;
  plan: PositionPlan;
  current: DemoAssignment;
  serviceStart: string;
}

export function generateDemoOrg(options: GenerateDemoOptions): DemoOrg {
  const { size, today } = options;
  if (!isIsoDate(today)) throw new Error(`generateDemoOrg: today must be YYYY-MM-DD, got ${today}`);
  const rng = new Rng(options.seed ?? DEMO_SEED);
  const { units, positions: plans } = flattenCity(buildCitySpec(size));
  const planByKey = new Map(plans.map((p) => [p.key, p]));
  for (const key of [...VACANT_POSITIONS, ...ACTING_ASSIGNMENTS.map((a) => a.holder)]) {
    if (!planByKey.has(key)) throw new Error(`demo structure lacks position ${key}`);
  }
  const vacant = new Set<string>(VACANT_POSITIONS);
  const target = DEMO_TARGETS[size];

  const singles = plans.filter((p) => p.single && !vacant.has(p.key));
  const staffPlans = plans.filter((p) => !p.single && p.weight > 0);
  const seats = allocateSeats(staffPlans, target.total - singles.length);
  const pnsSeats = choosePnsSeats(rng, seats, target.pns - singles.length);

  const lastYearEnd = `${yearOf(today) - 1}-12-31`;
  const nips = new NipAllocator();
  const staffed: Staffed[] = [];
  const hire = (plan: PositionPlan, jenisAsn: 'PNS' | 'PPPK'): void => {
    const person: Person = makePerson(rng, { ...plan, jenisAsn }, nips, today);
    const { serviceStart, ...data } = person;
    const employee: DemoEmployee = { key: `E${String(staffed.length + 1).padStart(5, '0')}`, ...data };
    const earliest = plan.single ? `${yearOf(today) - 5}-01-02` : `${yearOf(today) - 8}-01-02`;
    const lo = minDate(maxDate(serviceStart, earliest), today);
    const hi = maxDate(lo, minDate(today, lastYearEnd));
    const current: DemoAssignment = {
      employeeKey: employee.key,
      positionKey: plan.key,
      kind: 'DEFINITIF',
      validFrom: rng.date(lo, hi),
      validTo: null,
      decreeNumber: null,
    };
    staffed.push({ employee, plan, current, serviceStart });
  };
  for (const plan of singles) hire(plan, 'PNS');
  seats.forEach((plan, i) => hire(plan, pnsSeats.has(i) ? 'PNS' : 'PPPK'));

  const history = addHistory(rng, staffed, staffPlans, today);
  const acting = addActing(staffed, today);
  const assignments = [...history, ...staffed.map((s) => s.current), ...acting];
  const positions: DemoPosition[] = plans.map(({ key, unitKey, parentKey, name, type, jenjang, isHead }) => ({
    key,
    unitKey,
    parentKey,
    name,
    type,
    jenjang,
    isHead,
  }));
  const employees = staffed.map((s) => s.employee);
  const base = { instansi: { ...DEMO_INSTANSI }, units, positions, employees, assignments, password: DEMO_PASSWORD };
  return { ...base, logins: generateDemoLogins(base) };
}

/** Seat counts: at least one holder per staff slot, the rest by weight (largest remainder). */
function allocateSeats(plans: readonly PositionPlan[], total: number): PositionPlan[] {
  if (total < plans.length) throw new Error(`demo: ${total} staff seats for ${plans.length} slots`);
  const spare = total - plans.length;
  const weightSum = plans.reduce((s, p) => s + p.weight, 0);
  const exact = plans.map((p) => (p.weight / weightSum) * spare);
  const counts = exact.map((x) => 1 + Math.floor(x));
  let left = total - counts.reduce((s, c) => s + c, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left -= 1;
  }
  return plans.flatMap((p, i) => Array.from({ length: counts[i] ?? 0 }, () => p));
}

/** Weighted sampling without replacement (Efraimidis–Spirakis): pnsBias tilts, 0 excludes. */
function choosePnsSeats(rng: Rng, seats: readonly PositionPlan[], count: number): Set<number> {
  const keyed = seats.map((p, i) => ({ i, k: p.pnsBias > 0 ? rng.float() ** (1 / p.pnsBias) : -1 }));
  const eligible = keyed.filter((x) => x.k >= 0).sort((a, b) => b.k - a.k || a.i - b.i);
  if (count < 0 || eligible.length < count) throw new Error(`demo: cannot place ${count} PNS`);
  return new Set(eligible.slice(0, count).map((x) => x.i));
}

/**
 * About 5% of employees moved last year: a closed DEFINITIF row on an earlier post (pelaksana:
 * transfer from another OPD; fungsional: the same jabatan in another unit, e.g. another school;
 * heads: promotion from a staff post in the same OPD)
 * and the current post starting the day after. Top JPT and acting holders are left alone.
 */
function addHistory(rng: Rng, staffed: Staffed[], staffPlans: readonly PositionPlan[], today: string): DemoAssignment[] {
  const lastYear = yearOf(today) - 1;
  const actingHolders = new Set<string>(ACTING_ASSIGNMENTS.map((a) => a.holder));
  const candidates = staffed.filter(
    (s) => s.serviceStart < `${lastYear}-01-01` && s.plan.type !== 'JPT' && !actingHolders.has(s.plan.key),
  );
  const wanted = Math.round(staffed.length * 0.05);
  const out: DemoAssignment[] = [];
  let decree = 100;
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [candidates[i], candidates[j]] = [candidates[j] as Staffed, candidates[i] as Staffed];
  }
  for (const s of candidates) {
    if (out.length >= wanted) break;
    const pnsOk = (p: PositionPlan) => s.employee.jenisAsn === 'PPPK' || p.pnsBias > 0;
    const options = staffPlans.filter((p) => {
      if (!pnsOk(p)) return false;
      if (s.plan.single) return p.opdKey === s.plan.opdKey; // promotion from staff of the same OPD
      if (s.plan.type === 'FUNGSIONAL') return p.name === s.plan.name && p.unitKey !== s.plan.unitKey;
      return p.type === 'PELAKSANA' && p.opdKey !== s.plan.opdKey; // transfer between OPDs
    });
    if (options.length === 0) continue;
    const previous = rng.pick(options);
    const prevTo = rng.date(`${lastYear}-01-15`, `${lastYear}-12-15`);
    const prevFrom = s.current.validFrom < prevTo ? s.current.validFrom : s.serviceStart;
    out.push({ ...s.current, positionKey: previous.key, validFrom: prevFrom, validTo: prevTo });
    s.current.validFrom = addDays(prevTo, 1);
    s.current.decreeNumber = `821.2/${decree++}/${lastYear}`;
  }
  return out;
}

/** Plt on vacant heads and Plh for absent heads, covering `today`, held by the named deputies. */
function addActing(staffed: readonly Staffed[], today: string): DemoAssignment[] {
  return ACTING_ASSIGNMENTS.map((a, i) => {
    const holder = staffed.find((s) => s.plan.key === a.holder);
    if (holder === undefined) throw new Error(`demo: no holder for ${a.holder}`);
    return {
      employeeKey: holder.employee.key,
      positionKey: a.position,
      kind: a.kind,
      validFrom: maxDate(addDays(today, a.from), holder.current.validFrom),
      validTo: addDays(today, a.to),
      decreeNumber: `800.1.3.3/${String(i + 11)}/${yearOf(today)}`,
    };
  });
}
