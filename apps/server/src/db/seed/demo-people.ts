import { makeNip } from '@pantau/domain';
import { makeGelar, makeName, type Education, type Field, type Sex } from './demo-names.js';
import { minDate, yearOf, type Rng } from './demo-prng.js';
import type { DemoEmployee, JabatanType, JenisAsn, Jenjang } from './demo-types.js';

/**
 * One fictional ASN: name, sex, gelar, birth date, golongan and a valid, unique NIP / NI PPPK
 * (reference §6.1–6.3). Golongan follows the jabatan: JPT IV/c–IV/d, Administrator IV/a–IV/b,
 * Pengawas III/c–III/d, pelaksana II/c–III/b, fungsional by jenjang; PPPK V–XI.
 */

export interface PersonRole {
  jenisAsn: JenisAsn;
  type: JabatanType;
  jenjang: Jenjang | null;
  isHead: boolean;
  field: Field;
  /** Probability of a woman. */
  female: number;
}

export interface Person extends Omit<DemoEmployee, 'key'> {
  /** First day of service (TMT CPNS / PPPK), never after `today`. */
  serviceStart: string;
}

const PNS_FUNGSIONAL: Record<Jenjang, readonly string[]> = {
  PEMULA: ['II/a'],
  TERAMPIL: ['II/c', 'II/d'],
  MAHIR: ['III/a', 'III/b'],
  PENYELIA: ['III/c', 'III/d'],
  AHLI_PERTAMA: ['III/a', 'III/b'],
  AHLI_MUDA: ['III/c', 'III/d'],
  AHLI_MADYA: ['IV/a', 'IV/b'],
  AHLI_UTAMA: ['IV/d'],
};

const PPPK_FUNGSIONAL: Record<Jenjang, string> = {
  PEMULA: 'V',
  TERAMPIL: 'VII',
  MAHIR: 'VIII',
  PENYELIA: 'IX',
  AHLI_PERTAMA: 'IX',
  AHLI_MUDA: 'X',
  AHLI_MADYA: 'XI',
  AHLI_UTAMA: 'XI',
};

function golonganFor(rng: Rng, role: PersonRole): string {
  if (role.jenisAsn === 'PPPK') {
    if (role.type === 'FUNGSIONAL' && role.jenjang !== null) return PPPK_FUNGSIONAL[role.jenjang];
    return rng.pick(['V', 'V', 'VII', 'VII', 'IX']);
  }
  switch (role.type) {
    case 'JPT':
      return rng.chance(0.7) ? 'IV/c' : 'IV/d';
    case 'ADMINISTRATOR':
      return rng.chance(0.55) ? 'IV/a' : 'IV/b';
    case 'PENGAWAS':
      return rng.chance(0.5) ? 'III/c' : 'III/d';
    case 'FUNGSIONAL':
      return rng.pick(PNS_FUNGSIONAL[role.jenjang ?? 'AHLI_PERTAMA']);
    case 'PELAKSANA':
      return rng.pick(['II/c', 'II/d', 'III/a', 'III/a', 'III/b']);
  }
}

function educationFor(rng: Rng, golongan: string, role: PersonRole): Education {
  if (role.field === 'dokter') return rng.chance(role.type === 'FUNGSIONAL' ? 0.1 : 0.5) ? 'S2' : 'S1';
  switch (golongan) {
    case 'II/a':
    case 'II/b':
    case 'V':
      return 'SMA';
    case 'II/c':
    case 'II/d':
      return role.type === 'PELAKSANA' && rng.chance(0.4) ? 'SMA' : 'D3';
    case 'VII':
      return 'D3';
    case 'VIII':
      return rng.chance(0.5) ? 'D3' : 'S1';
    case 'IV/a':
    case 'IV/b':
    case 'XI':
      return rng.chance(0.55) ? 'S2' : 'S1';
    case 'IV/c':
    case 'IV/d':
      return rng.chance(0.85) ? 'S2' : 'S1';
    case 'III/c':
    case 'III/d':
    case 'X':
      return rng.chance(0.15) ? 'S2' : 'S1';
    default:
      return 'S1';
  }
}

/** Birth-year range [min, max] by jabatan (all within 1966–2001). */
function birthYears(role: PersonRole, golongan: string): readonly [number, number] {
  if (role.jenisAsn === 'PPPK') return [1968, 2001];
  if (role.type === 'JPT') return [1967, 1976];
  if (role.type === 'ADMINISTRATOR' || golongan.startsWith('IV/')) return [1968, 1983];
  if (role.type === 'PENGAWAS') return [1970, 1988];
  if (golongan === 'III/c' || golongan === 'III/d') return [1970, 1992];
  return [1972, 2001];
}

/** Years of service a PNS usually has before reaching a golongan (regular promotion every 4 years). */
const MIN_SERVICE: Record<string, number> = {
  'II/d': 4, 'III/b': 4, 'III/c': 8, 'III/d': 12, 'IV/a': 16, 'IV/b': 20, 'IV/c': 22, 'IV/d': 26,
};

const PNS_TMT_MONTHS = [1, 1, 1, 2, 3, 3, 4, 10, 12];
const PPPK_START_MONTHS = ['03', '05', '07', '10'];

/** Hands out NIP sequence numbers: 001 unless the first 15 digits collide (§6.1). */
export class NipAllocator {
  private readonly used = new Map<string, number>();

  allocate(build: (sequence: number) => string): string {
    const prefix = build(1).slice(0, 15);
    const sequence = (this.used.get(prefix) ?? 0) + 1;
    this.used.set(prefix, sequence);
    return build(sequence);
  }
}

export function makePerson(rng: Rng, role: PersonRole, nips: NipAllocator, today: string): Person {
  const thisYear = yearOf(today);
  const sex: Sex = rng.chance(role.female) ? 'P' : 'L';
  const golongan = golonganFor(rng, role);
  const [minYear, maxYearRaw] = birthYears(role, golongan);
  const service = role.jenisAsn === 'PNS' ? (MIN_SERVICE[golongan] ?? 0) : 0;
  const birthYear = rng.int(minYear, Math.max(minYear, Math.min(maxYearRaw, thisYear - 23 - service)));
  const month = rng.int(1, 12);
  const day = rng.int(1, month === 2 ? 28 : 30);
  const birthDate = `${birthYear}-${pad(month)}-${pad(day)}`;

  let nip: string;
  let serviceStart: string;
  if (role.jenisAsn === 'PNS') {
    const span = role.isHead ? 26 : 34;
    const tmtYear = rng.int(birthYear + 22, Math.max(birthYear + 22, Math.min(birthYear + span, thisYear - 1 - service)));
    const tmt = `${tmtYear}-${pad(rng.pick(PNS_TMT_MONTHS))}`;
    nip = nips.allocate((sequence) => makeNip({ birthDate, tmt, sex, sequence, jenisAsn: 'PNS' }));
    serviceStart = `${tmt}-01`;
  } else {
    const year = rng.int(2022, Math.max(2022, Math.min(2025, thisYear)));
    const paruhWaktu = year === 2025 && rng.chance(0.45);
    const code = paruhWaktu ? '24' : '21';
    nip = nips.allocate((sequence) => makeNip({ birthDate, tmt: year, sex, sequence, jenisAsn: 'PPPK', code }));
    serviceStart = paruhWaktu ? `${year}-12-01` : `${year}-${rng.pick(PPPK_START_MONTHS)}-01`;
  }

  const gelar = makeGelar(rng, role.field, educationFor(rng, golongan, role));
  return {
    nip,
    name: makeName(rng, sex),
    gelarDepan: gelar.gelarDepan,
    gelarBelakang: gelar.gelarBelakang,
    jenisAsn: role.jenisAsn,
    golongan,
    birthDate,
    sex,
    email: null,
    serviceStart: minDate(serviceStart, today),
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
