import type { Field } from './demo-names.js';
import type { DemoSize, Jenjang, SlotSpec, UnitKind, UnitSpec } from './demo-types.js';

/**
 * Builders for the unit templates of the demo city: a dinas/badan with Sekretariat, Subbagian,
 * Bidang and Seksi; the Sekretariat Daerah; the Inspektorat; a kecamatan with gampong offices.
 * The 'small' size keeps at most two Subbagian, two Bidang per OPD and two Seksi per Bidang.
 */

const JENJANG_SUFFIX: ReadonlyArray<readonly [string, Jenjang]> = [
  ['Ahli Pertama', 'AHLI_PERTAMA'],
  ['Ahli Muda', 'AHLI_MUDA'],
  ['Ahli Madya', 'AHLI_MADYA'],
  ['Ahli Utama', 'AHLI_UTAMA'],
  ['Pemula', 'PEMULA'],
  ['Terampil', 'TERAMPIL'],
  ['Mahir', 'MAHIR'],
  ['Penyelia', 'PENYELIA'],
];

/** A staff slot; names ending in a jenjang ("Perencana Ahli Pertama") are fungsional, others pelaksana. */
export function slot(name: string, weight: number, opts: Partial<Omit<SlotSpec, 'name' | 'weight'>> = {}): SlotSpec {
  const j = JENJANG_SUFFIX.find(([suffix]) => name.endsWith(suffix));
  return { name, type: j ? 'FUNGSIONAL' : 'PELAKSANA', jenjang: j ? j[1] : null, weight, ...opts };
}

export const limit = <T>(size: DemoSize, items: readonly T[], small: number): T[] =>
  size === 'small' ? items.slice(0, small) : [...items];

const SEKSI_STAFF: readonly SlotSpec[] = [
  slot('Penata Layanan Operasional', 2),
  slot('Pengadministrasi Perkantoran', 1),
];

export function seksi(key: string, name: string, field: Field, extra: readonly SlotSpec[] = []): UnitSpec {
  return {
    key,
    name,
    kind: 'SEKSI',
    head: { title: `Kepala ${name}`, type: 'PENGAWAS' },
    slots: [...SEKSI_STAFF, ...extra],
    children: [],
    field,
  };
}

export function subbagian(key: string, name: string, field: Field, staff: readonly SlotSpec[]): UnitSpec {
  return {
    key,
    name,
    kind: 'SUBBAGIAN',
    head: { title: `Kepala ${name}`, type: 'PENGAWAS' },
    slots: [slot('Pengadministrasi Perkantoran', 1), ...staff],
    children: [],
    field,
  };
}

/** The three Subbagian of a dinas/badan Sekretariat (the first two in 'small'). */
function standardSubbagian(size: DemoSize): UnitSpec[] {
  return limit(
    size,
    [
      subbagian('sb1', 'Subbagian Umum dan Kepegawaian', 'umum', [
        slot('Analis SDM Aparatur Ahli Pertama', 1, { field: 'sdm' }),
        slot('Pengelola Layanan Operasional', 1),
      ]),
      subbagian('sb2', 'Subbagian Keuangan', 'ekonomi', [
        slot('Bendahara', 1),
        slot('Analis Keuangan Pusat dan Daerah Ahli Pertama', 1),
      ]),
      subbagian('sb3', 'Subbagian Program', 'ekonomi', [
        slot('Perencana Ahli Pertama', 1),
        slot('Pengelola Data', 1, { field: 'ti' }),
      ]),
    ],
    2,
  );
}

export interface BidangDef {
  name: string;
  /** Seksi names; empty for a bidang run as a fungsional team. */
  seksi: readonly string[];
  /** Fungsional/pelaksana slots directly under the Kepala Bidang. */
  team?: readonly SlotSpec[];
  kind?: UnitKind;
  headTitle?: string;
}

export function bidang(name: string, seksiNames: readonly string[], team: readonly SlotSpec[] = []): BidangDef {
  return { name, seksi: seksiNames, team };
}

export interface OpdDef {
  key: string;
  name: string;
  short: string;
  kind: UnitKind;
  head: string;
  field: Field;
  /** Part of the 'small' demo. */
  small: boolean;
  bidang: readonly BidangDef[];
  /** Extra slots in every Seksi of this OPD. */
  seksiExtra?: readonly SlotSpec[];
  /** UPTD and other units below the OPD (Puskesmas, schools). */
  extra?: (size: DemoSize) => UnitSpec[];
}

/** A dinas/badan/satuan: Kepala (JPT) → Sekretaris → Subbagian; Kepala → Kepala Bidang → Kepala Seksi. */
export function buildOpd(def: OpdDef, size: DemoSize): UnitSpec {
  const sekretariat: UnitSpec = {
    key: 'sekr',
    name: 'Sekretariat',
    kind: 'SEKRETARIAT',
    head: { title: `Sekretaris ${def.name}`, type: 'ADMINISTRATOR' },
    slots: [],
    children: standardSubbagian(size),
    field: def.field,
  };
  const bidangUnits = limit(size, def.bidang, 2).map((b, i): UnitSpec => ({
    key: `bid${i + 1}`,
    name: b.name,
    kind: b.kind ?? 'BIDANG',
    head: { title: b.headTitle ?? `Kepala ${b.name}`, type: 'ADMINISTRATOR' },
    slots: [...(b.team ?? [])],
    children: limit(size, b.seksi, 2).map((s, j) => seksi(`sek${j + 1}`, s, def.field, def.seksiExtra)),
    field: def.field,
  }));
  return {
    key: def.key,
    name: def.name,
    shortName: def.short,
    code: def.key.toUpperCase(),
    kind: def.kind,
    head: { title: def.head, type: 'JPT' },
    slots: [],
    children: [sekretariat, ...bidangUnits, ...(def.extra?.(size) ?? [])],
    field: def.field,
  };
}

interface BagianDef {
  name: string;
  subbagian: readonly string[];
  team?: readonly SlotSpec[];
}

function bagian(key: string, def: BagianDef, size: DemoSize, field: Field): UnitSpec {
  return {
    key,
    name: def.name,
    kind: 'BAGIAN',
    head: { title: `Kepala ${def.name}`, type: 'ADMINISTRATOR' },
    slots: [...(def.team ?? [])],
    children: limit(size, def.subbagian, 2).map((s, i) =>
      subbagian(`sb${i + 1}`, s, field, [slot('Penata Layanan Operasional', 1)]),
    ),
    field,
  };
}

const ASISTEN: ReadonlyArray<{ name: string; bagian: readonly BagianDef[] }> = [
  {
    name: 'Asisten Pemerintahan dan Keistimewaan Aceh',
    bagian: [
      { name: 'Bagian Pemerintahan', subbagian: ['Subbagian Administrasi Pemerintahan', 'Subbagian Otonomi Daerah', 'Subbagian Administrasi Kewilayahan'] },
      { name: 'Bagian Hukum', subbagian: ['Subbagian Perundang-undangan', 'Subbagian Bantuan Hukum', 'Subbagian Dokumentasi dan Informasi Hukum'], team: [slot('Perancang Peraturan Perundang-undangan Ahli Pertama', 1, { field: 'hukum' })] },
      { name: 'Bagian Kesejahteraan Rakyat', subbagian: ['Subbagian Bina Mental Spiritual', 'Subbagian Kesejahteraan Sosial'] },
    ],
  },
  {
    name: 'Asisten Perekonomian dan Pembangunan',
    bagian: [
      { name: 'Bagian Perekonomian dan Sumber Daya Alam', subbagian: ['Subbagian Perekonomian', 'Subbagian Sumber Daya Alam'] },
      { name: 'Bagian Administrasi Pembangunan', subbagian: ['Subbagian Program Pembangunan', 'Subbagian Pengendalian Pembangunan'] },
      { name: 'Bagian Pengadaan Barang dan Jasa', subbagian: ['Subbagian Pengelolaan Pengadaan', 'Subbagian Layanan Pengadaan Secara Elektronik'], team: [slot('Pengelola Pengadaan Barang/Jasa Ahli Pertama', 2, { field: 'teknik' })] },
    ],
  },
  {
    name: 'Asisten Administrasi Umum',
    bagian: [
      { name: 'Bagian Umum', subbagian: ['Subbagian Tata Usaha Pimpinan', 'Subbagian Rumah Tangga', 'Subbagian Keuangan'] },
      { name: 'Bagian Organisasi', subbagian: ['Subbagian Kelembagaan dan Analisis Jabatan', 'Subbagian Reformasi Birokrasi dan Akuntabilitas Kinerja', 'Subbagian Tata Laksana'], team: [slot('Analis Kebijakan Ahli Pertama', 1)] },
      { name: 'Bagian Protokol dan Komunikasi Pimpinan', subbagian: ['Subbagian Protokol', 'Subbagian Komunikasi Pimpinan', 'Subbagian Dokumentasi Pimpinan'], team: [slot('Pranata Hubungan Masyarakat Ahli Pertama', 1)] },
    ],
  },
];

const STAF_AHLI = [
  'Staf Ahli Wali Kota Bidang Pemerintahan, Hukum dan Politik',
  'Staf Ahli Wali Kota Bidang Ekonomi, Pembangunan dan Keuangan',
  'Staf Ahli Wali Kota Bidang Kemasyarakatan dan Sumber Daya Manusia',
];

/** Sekretariat Daerah: Sekda (top ASN) → Asisten → Bagian → Subbagian; Staf Ahli report to the Sekda. */
export function buildSetda(size: DemoSize): UnitSpec {
  return {
    key: 'setda',
    name: 'Sekretariat Daerah',
    shortName: 'Setdako',
    code: 'SETDA',
    kind: 'SEKRETARIAT',
    head: { title: 'Sekretaris Daerah', type: 'JPT' },
    slots: STAF_AHLI.map((name) => slot(name, 0, { type: 'JPT', jenjang: null, single: true })),
    children: ASISTEN.map((a, i): UnitSpec => ({
      key: `as${i + 1}`,
      name: a.name,
      kind: 'LAINNYA',
      head: { title: a.name, type: 'JPT' },
      slots: [],
      children: limit(size, a.bagian, 2).map((b, j) => bagian(`bag${j + 1}`, b, size, 'umum')),
      field: 'umum',
    })),
    field: 'umum',
  };
}

/** Sekretariat DPRK, Sekretariat MPU, Sekretariat Baitul Mal: Kepala → Bagian/Subbagian directly. */
export function buildSecretariat(
  key: string,
  name: string,
  short: string,
  head: { title: string; type: 'JPT' | 'ADMINISTRATOR' },
  parts: readonly BagianDef[],
  size: DemoSize,
): UnitSpec {
  const children =
    head.type === 'JPT'
      ? limit(size, parts, 2).map((b, i) => bagian(`bag${i + 1}`, b, size, 'umum'))
      : limit(size, parts, 2).map((b, i) =>
          subbagian(`sb${i + 1}`, b.name, 'umum', [slot('Penata Layanan Operasional', 1), ...(b.team ?? [])]),
        );
  return {
    key,
    name,
    shortName: short,
    code: key.toUpperCase(),
    kind: 'SEKRETARIAT',
    head: { ...head },
    slots: [],
    children,
    field: 'umum',
  };
}

/** Inspektorat: Inspektur → Sekretaris → Subbagian; Inspektur → Inspektur Pembantu → auditors. */
export function inspektoratDef(): OpdDef {
  const team = [
    slot('Auditor Ahli Muda', 2, { pnsBias: 30 }),
    slot('Auditor Ahli Pertama', 2),
    slot('Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Pertama', 2),
  ];
  const irban = (n: string): BidangDef => ({
    name: `Inspektur Pembantu Wilayah ${n}`,
    seksi: [],
    team,
    kind: 'LAINNYA',
    headTitle: `Inspektur Pembantu Wilayah ${n}`,
  });
  return {
    key: 'inspektorat',
    name: 'Inspektorat',
    short: 'Inspektorat',
    kind: 'INSPEKTORAT',
    head: 'Inspektur',
    field: 'ekonomi',
    small: true,
    bidang: [irban('I'), irban('II'), irban('III'), irban('IV')],
  };
}

const KECAMATAN_SEKSI = [
  'Seksi Pemerintahan',
  'Seksi Ketenteraman dan Ketertiban Umum',
  'Seksi Pemberdayaan Masyarakat Gampong',
  'Seksi Pelayanan Umum',
];

/**
 * A kantor camat: Camat (Administrator) → Sekretaris Kecamatan and Kepala Seksi; gampong offices
 * below have no ASN head (the keuchik is elected, not an ASN) and their PPPK staff report to the
 * Kepala Seksi Pemerintahan.
 */
export function buildKecamatan(key: string, name: string, gampong: readonly string[], size: DemoSize): UnitSpec {
  const sekretariat: UnitSpec = {
    key: 'sekr',
    name: 'Sekretariat Kecamatan',
    kind: 'SEKRETARIAT',
    head: { title: `Sekretaris Kecamatan ${name}`, type: 'PENGAWAS' },
    slots: [slot('Pengadministrasi Perkantoran', 2), slot('Bendahara', 1)],
    children: [],
    field: 'umum',
  };
  const seksiUnits = limit(size, KECAMATAN_SEKSI, 2).map((s, i) => seksi(`sek${i + 1}`, s, 'umum'));
  const gampongUnits = limit(size, gampong, 3).map((g, i): UnitSpec => ({
    key: `gp${i + 1}`,
    name: `Gampong ${g}`,
    kind: 'GAMPONG',
    head: null,
    slots: [
      slot('Penata Layanan Operasional', 1.5, { pnsBias: 0 }),
      slot('Pengadministrasi Perkantoran', 1, { pnsBias: 0 }),
    ],
    children: [],
    field: 'umum',
    reportsTo: `${key}/sek1`,
  }));
  return {
    key,
    name: `Kecamatan ${name}`,
    shortName: name,
    code: key.toUpperCase(),
    kind: 'KECAMATAN',
    head: { title: `Camat ${name}`, type: 'ADMINISTRATOR' },
    slots: [],
    children: [sekretariat, ...seksiUnits, ...gampongUnits],
    field: 'umum',
  };
}
