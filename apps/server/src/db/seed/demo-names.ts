import type { Rng } from './demo-prng.js';

/**
 * Names and academic titles for demo employees: Acehnese / Indonesian given names, the Acehnese
 * noble prefixes Teuku (men) and Cut (women), and gelar that match the field and education level.
 * All generated people are fictional.
 */

export type Sex = 'L' | 'P';

/** Field of study, drives the gelar. */
export type Field =
  | 'umum'
  | 'sdm'
  | 'ekonomi'
  | 'teknik'
  | 'ti'
  | 'hukum'
  | 'guru'
  | 'agama'
  | 'perawat'
  | 'bidan'
  | 'dokter'
  | 'kesmas'
  | 'farmasi'
  | 'gizi'
  | 'pertanian';

/** Highest education, derived from golongan and jabatan. */
export type Education = 'SMA' | 'D3' | 'S1' | 'S2';

const MALE_GIVEN = [
  'Muhammad', 'Zulkifli', 'Fauzan', 'Safrizal', 'Khairul', 'Iskandar', 'Rizki', 'Syahrial',
  'Ridwan', 'Mukhlis', 'Azhari', 'Bukhari', 'Murdani', 'Zulfikar', 'Fakhrurrazi', 'Mahdi',
  'Taufik', 'Nasruddin', 'Irwansyah', 'Fadhli', 'Hasbi', 'Junaidi', 'Marzuki', 'Samsul',
  'Yusri', 'Armia', 'Jamaluddin', 'Saifullah', 'Husaini', 'Ikhsan', 'Maulana', 'Rahmat',
  'Fajri', 'Munawar', 'Razali', 'Sulaiman', 'Nazaruddin', 'Hendra', 'Zainal', 'Ismail',
  'Nasrullah', 'Reza', 'Anwar', 'Baihaqi', 'Darmawan', 'Edi', 'Faisal', 'Hamdani',
  'Hidayat', 'Ilyas', 'Jufri', 'Kamaruddin', 'Khalid', 'Mirza', 'Mulyadi', 'Munir', 'Nurdin',
  'Rusli', 'Saiful', 'Syarifuddin', 'Amiruddin', 'Zulfahmi', 'Akmal', 'Fikri', 'Haris', 'Rizal',
  'Sayed', 'Yusuf', 'Darwis', 'Azwar', 'Boihaqi', 'Chairul', 'Dedi', 'Ferdi', 'Heri', 'Kautsar',
] as const;

const FEMALE_GIVEN = [
  'Nurul', 'Rahmawati', 'Nurhayati', 'Mawaddah', 'Maulida', 'Nurlaila', 'Fitriani', 'Rosmawati',
  'Yusnidar', 'Zahratul', 'Nurjannah', 'Safrina', 'Intan', 'Fatimah', 'Khairunnisa', 'Rina',
  'Aida', 'Sri Wahyuni', 'Dewi', 'Marlina', 'Yulia', 'Rahmi', 'Syarifah', 'Zuraida', 'Hasnidar',
  'Ernawati', 'Darmawati', 'Salmiah', 'Asmaul Husna', 'Ulfa', 'Munawarah', 'Suryani', 'Nuraini',
  'Putri', 'Aisyah', 'Ainul Mardhiah', 'Nurmala', 'Raudhatul', 'Rizka', 'Yuliana', 'Zakiah',
  'Fitri', 'Husna', 'Irma', 'Julianti', 'Khairiah', 'Lia', 'Meutia', 'Nadia', 'Rahmah', 'Sarah',
  'Wirda', 'Cut Nyak', 'Azizah', 'Desi', 'Elvira', 'Farah', 'Hayatun', 'Jamilah', 'Kartini',
  'Liza', 'Mardiana', 'Nova', 'Rosnani', 'Sakdiah', 'Yusrawati', 'Zubaidah', 'Erlina', 'Murni',
] as const;

const MALE_SECOND = [
  'Abdullah', 'Ibrahim', 'Hasan', 'Yusuf', 'Ismail', 'Usman', 'Ahmad', 'Mahmud', 'Daud',
  'Harun', 'Ali', 'Syah', 'Saputra', 'Fahlevi', 'Hidayat', 'Ramadhan', 'Rizal', 'Firdaus',
  'Akbar', 'Hanafiah', 'Gade', 'Yunus', 'Amin', 'Husein', 'Arif', 'Muhibbuddin', 'Fuadi',
  'Nasution', 'Sabri', 'Zakaria', 'Ilham', 'Maulana', 'Putra', 'Hakim', 'Azmi', 'Jalil',
] as const;

const FEMALE_SECOND = [
  'Sari', 'Putri', 'Hayati', 'Wati', 'Yanti', 'Aini', 'Fitri', 'Rahmah', 'Husna', 'Zahara',
  'Mardhiah', 'Safitri', 'Ulfah', 'Andriani', 'Rahmadani', 'Amalia', 'Maulidar', 'Jannah',
  'Rizkiah', 'Wardani', 'Lestari', 'Khairani', 'Ulya', 'Yusra', 'Agustina', 'Meutia',
] as const;

/** A plausible full name without titles, matching `sex` (Teuku only for men, Cut only for women). */
export function makeName(rng: Rng, sex: Sex): string {
  const parts: string[] = [];
  if (sex === 'L') {
    const r = rng.float();
    if (r < 0.07) parts.push('Teuku');
    else if (r < 0.25) parts.push(rng.chance(0.6) ? 'Muhammad' : 'M.');
    const given = rng.pick(MALE_GIVEN);
    parts.push(given === 'Muhammad' && parts.length > 0 ? rng.pick(MALE_SECOND) : given);
    if (rng.chance(0.75)) {
      const second = rng.pick(MALE_SECOND);
      if (!parts.includes(second)) parts.push(second);
    }
  } else {
    if (rng.chance(0.07)) parts.push('Cut');
    const given = rng.pick(FEMALE_GIVEN);
    parts.push(given === 'Cut Nyak' && parts.length > 0 ? 'Nyak' : given);
    if (rng.chance(0.7)) {
      const second = rng.pick(FEMALE_SECOND);
      if (!parts.includes(second)) parts.push(second);
    }
  }
  return parts.join(' ');
}

interface GelarTable {
  d3: readonly string[];
  s1: readonly string[];
  s2: readonly string[];
}

const GELAR: Record<Field, GelarTable> = {
  umum: { d3: ['A.Md.'], s1: ['S.Sos.', 'S.E.', 'S.H.', 'S.STP.', 'S.IP.', 'S.AP.'], s2: ['M.Si.', 'M.M.', 'M.AP.'] },
  sdm: { d3: ['A.Md.'], s1: ['S.Sos.', 'S.Psi.', 'S.H.', 'S.AP.', 'S.STP.'], s2: ['M.Si.', 'M.AP.', 'M.Psi.'] },
  ekonomi: { d3: ['A.Md.Ak.', 'A.Md.'], s1: ['S.E.', 'S.Ak.'], s2: ['M.Si.', 'M.M.', 'M.Ak.'] },
  teknik: { d3: ['A.Md.T.'], s1: ['S.T.'], s2: ['M.T.'] },
  ti: { d3: ['A.Md.Kom.'], s1: ['S.Kom.', 'S.T.'], s2: ['M.Kom.', 'M.T.'] },
  hukum: { d3: ['A.Md.'], s1: ['S.H.'], s2: ['M.H.'] },
  guru: { d3: ['A.Md.Pd.'], s1: ['S.Pd.', 'S.Pd.I.', 'S.Pd.'], s2: ['M.Pd.'] },
  agama: { d3: ['A.Md.'], s1: ['S.Ag.', 'S.H.I.', 'S.Sos.I.', 'Lc.'], s2: ['M.A.', 'M.Ag.'] },
  perawat: { d3: ['A.Md.Kep.'], s1: ['S.Kep.'], s2: ['M.Kep.'] },
  bidan: { d3: ['A.Md.Keb.'], s1: ['S.Tr.Keb.', 'S.Keb.'], s2: ['M.Keb.'] },
  dokter: { d3: ['A.Md.Kes.'], s1: [''], s2: ['M.Kes.', 'Sp.PD.', 'M.K.M.'] },
  kesmas: { d3: ['A.Md.Kes.', 'A.Md.KL.'], s1: ['S.KM.'], s2: ['M.Kes.', 'M.K.M.'] },
  farmasi: { d3: ['A.Md.Farm.'], s1: ['S.Farm.'], s2: ['M.Farm.'] },
  gizi: { d3: ['A.Md.Gz.'], s1: ['S.Gz.'], s2: ['M.Gz.'] },
  pertanian: { d3: ['A.Md.P.', 'A.Md.'], s1: ['S.P.', 'S.Pi.', 'S.Pt.'], s2: ['M.P.', 'M.Si.'] },
};

export interface Gelar {
  gelarDepan: string | null;
  gelarBelakang: string | null;
}

/**
 * Titles for a person of `field` with `education`: doctors get "dr." in front, S1 nurses "Ns.",
 * and pharmacists (S1 farmasi) "apt." (profession titles that go before the name).
 */
export function makeGelar(rng: Rng, field: Field, education: Education): Gelar {
  if (education === 'SMA') return { gelarDepan: null, gelarBelakang: null };
  const table = GELAR[field];
  if (education === 'D3') return { gelarDepan: null, gelarBelakang: rng.pick(table.d3) };
  const front: string[] = [];
  const back: string[] = [];
  if (field === 'dokter') front.push('dr.');
  else back.push(rng.pick(table.s1));
  if (field === 'perawat') front.push('Ns.');
  if (field === 'farmasi') front.push('apt.');
  if (education === 'S2') {
    back.push(rng.pick(table.s2));
    if (field !== 'dokter' && rng.chance(0.04)) front.unshift('Dr.');
  }
  return {
    gelarDepan: front.length > 0 ? front.join(' ') : null,
    gelarBelakang: back.filter((g) => g !== '').join(', ') || null,
  };
}

/** "dr. Cut Nurul Aini, M.Kes." */
export function displayName(name: string, gelar: Gelar): string {
  const front = gelar.gelarDepan === null ? '' : `${gelar.gelarDepan} `;
  const back = gelar.gelarBelakang === null ? '' : `, ${gelar.gelarBelakang}`;
  return `${front}${name}${back}`;
}
