import type { DemoSize, UnitSpec } from './demo-types.js';
import {
  bidang,
  buildKecamatan,
  buildOpd,
  buildSecretariat,
  buildSetda,
  inspektoratDef,
  limit,
  slot,
  type OpdDef,
} from './demo-units.js';

/**
 * The perangkat daerah of the demo "Pemerintah Kota Lhokseumawe" (reference §7.1; the real SOTK
 * was not available, so bidang/seksi names are typical, not official). 'small' keeps the OPDs
 * marked `small` (with every role needed by the demo logins), 'full' all of them plus schools.
 */

const PUSKESMAS = ['Banda Sakti', 'Muara Dua', 'Muara Satu', 'Blang Mangat', 'Kandang', 'Mon Geudong'];

const PUSKESMAS_STAFF = [
  slot('Dokter Ahli Pertama', 3, { field: 'dokter', female: 0.6, pnsBias: 1.5 }),
  slot('Dokter Gigi Ahli Pertama', 1, { field: 'dokter', female: 0.7 }),
  slot('Perawat Ahli Pertama', 4, { field: 'perawat', female: 0.7 }),
  slot('Perawat Terampil', 12, { field: 'perawat', female: 0.7, pnsBias: 0.8 }),
  slot('Bidan Ahli Pertama', 2, { field: 'bidan', female: 1 }),
  slot('Bidan Terampil', 10, { field: 'bidan', female: 1, pnsBias: 0.8 }),
  slot('Apoteker Ahli Pertama', 1, { field: 'farmasi', female: 0.7 }),
  slot('Asisten Apoteker Terampil', 2, { field: 'farmasi', female: 0.7 }),
  slot('Pranata Laboratorium Kesehatan Terampil', 2, { field: 'kesmas', female: 0.6 }),
  slot('Nutrisionis Terampil', 2, { field: 'gizi', female: 0.8 }),
  slot('Sanitarian Terampil', 2, { field: 'kesmas' }),
  slot('Pengadministrasi Perkantoran', 3),
];

function puskesmas(size: DemoSize): UnitSpec[] {
  return limit(size, PUSKESMAS, 4).map((name, i) => ({
    key: `pkm${i + 1}`,
    name: `UPTD Puskesmas ${name}`,
    shortName: `Puskesmas ${name}`,
    kind: 'UPTD',
    head: { title: `Kepala UPTD Puskesmas ${name}`, type: 'PENGAWAS', field: 'kesmas' },
    slots: PUSKESMAS_STAFF,
    children: [],
    field: 'kesmas',
  }));
}

const SCHOOL_STAFF = {
  SD: [
    slot('Guru Ahli Pertama', 8, { field: 'guru', female: 0.75, pnsBias: 0.5 }),
    slot('Guru Ahli Muda', 4, { field: 'guru', female: 0.7, pnsBias: 3 }),
    slot('Guru Ahli Madya', 1, { field: 'guru', female: 0.65, pnsBias: 8 }),
    slot('Pengadministrasi Perkantoran', 1),
  ],
  SMP: [
    slot('Guru Ahli Pertama', 12, { field: 'guru', female: 0.65, pnsBias: 0.5 }),
    slot('Guru Ahli Muda', 6, { field: 'guru', female: 0.6, pnsBias: 3 }),
    slot('Guru Ahli Madya', 2, { field: 'guru', female: 0.6, pnsBias: 8 }),
    slot('Pustakawan Terampil', 1, { female: 0.7 }),
    slot('Pengadministrasi Perkantoran', 2),
  ],
};

/** SD Negeri 1–40 and SMP Negeri 1–12 (full only); the Kepala Sekolah reports to the Kepala Bidang. */
function schools(size: DemoSize): UnitSpec[] {
  if (size === 'small') return [];
  const make = (level: 'SD' | 'SMP', count: number, bidangKey: string): UnitSpec[] =>
    Array.from({ length: count }, (_, i): UnitSpec => ({
      key: `${level.toLowerCase()}n${i + 1}`,
      name: `${level} Negeri ${i + 1} Lhokseumawe`,
      shortName: `${level}N ${i + 1}`,
      kind: 'UPTD',
      head: { title: `Kepala ${level} Negeri ${i + 1} Lhokseumawe`, type: 'FUNGSIONAL', jenjang: 'AHLI_MADYA' },
      slots: SCHOOL_STAFF[level],
      children: [],
      field: 'guru',
      reportsTo: `disdikbud/${bidangKey}`,
    }));
  return [...make('SD', 40, 'bid1'), ...make('SMP', 12, 'bid2')];
}

const BADAN: readonly OpdDef[] = [
  {
    key: 'bkpsdm', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', short: 'BKPSDM', kind: 'BADAN',
    head: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', field: 'sdm', small: true,
    bidang: [
      bidang('Bidang Penilaian Kinerja Aparatur dan Penghargaan', [], [
        slot('Analis SDM Aparatur Ahli Muda', 2, { pnsBias: 30 }),
        slot('Analis SDM Aparatur Ahli Pertama', 2),
        slot('Pranata SDM Aparatur Terampil', 2),
      ]),
      bidang('Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian', ['Seksi Pengadaan dan Pemberhentian', 'Seksi Data dan Sistem Informasi Kepegawaian'], [slot('Pranata Komputer Ahli Pertama', 1, { field: 'ti' })]),
      bidang('Bidang Mutasi dan Promosi', ['Seksi Mutasi', 'Seksi Promosi dan Kepangkatan']),
      bidang('Bidang Pengembangan Kompetensi Aparatur', [], [slot('Analis SDM Aparatur Ahli Pertama', 2), slot('Pengelola Layanan Operasional', 1)]),
    ],
  },
  {
    key: 'bappeda', name: 'Badan Perencanaan Pembangunan Daerah', short: 'Bappeda', kind: 'BADAN',
    head: 'Kepala Badan Perencanaan Pembangunan Daerah', field: 'ekonomi', small: true,
    bidang: [
      'Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah',
      'Bidang Pemerintahan dan Pembangunan Manusia',
      'Bidang Perekonomian dan Sumber Daya Alam',
      'Bidang Infrastruktur dan Kewilayahan',
    ].map((name) => bidang(name, [], [slot('Perencana Ahli Muda', 2, { pnsBias: 3 }), slot('Perencana Ahli Pertama', 2), slot('Pengelola Data', 1, { field: 'ti' })])),
  },
  {
    key: 'bpkd', name: 'Badan Pengelolaan Keuangan Daerah', short: 'BPKD', kind: 'BADAN',
    head: 'Kepala Badan Pengelolaan Keuangan Daerah', field: 'ekonomi', small: true,
    seksiExtra: [slot('Analis Keuangan Pusat dan Daerah Ahli Pertama', 1)],
    bidang: [
      bidang('Bidang Anggaran', ['Seksi Penyusunan Anggaran', 'Seksi Pengendalian Anggaran']),
      bidang('Bidang Perbendaharaan', ['Seksi Pengelolaan Kas Daerah', 'Seksi Belanja Daerah']),
      bidang('Bidang Akuntansi dan Pelaporan', ['Seksi Akuntansi', 'Seksi Pelaporan Keuangan']),
      bidang('Bidang Pendapatan Daerah', ['Seksi Pendataan dan Penetapan', 'Seksi Penagihan dan Keberatan', 'Seksi Pajak Daerah']),
    ],
  },
  {
    key: 'bpbd', name: 'Badan Penanggulangan Bencana Daerah', short: 'BPBD', kind: 'BADAN',
    head: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah', field: 'umum', small: false,
    bidang: [
      bidang('Bidang Pencegahan dan Kesiapsiagaan', ['Seksi Pencegahan', 'Seksi Kesiapsiagaan']),
      bidang('Bidang Kedaruratan dan Logistik', ['Seksi Kedaruratan', 'Seksi Logistik'], [slot('Operator Layanan Operasional', 3)]),
      bidang('Bidang Rehabilitasi dan Rekonstruksi', ['Seksi Rehabilitasi', 'Seksi Rekonstruksi']),
    ],
  },
  {
    key: 'kesbangpol', name: 'Badan Kesatuan Bangsa dan Politik', short: 'Kesbangpol', kind: 'BADAN',
    head: 'Kepala Badan Kesatuan Bangsa dan Politik', field: 'umum', small: false,
    bidang: [
      bidang('Bidang Ideologi dan Wawasan Kebangsaan', ['Seksi Ideologi Pancasila', 'Seksi Wawasan Kebangsaan']),
      bidang('Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan', ['Seksi Politik Dalam Negeri', 'Seksi Organisasi Kemasyarakatan']),
      bidang('Bidang Ketahanan Ekonomi, Sosial, Budaya dan Agama', ['Seksi Ketahanan Ekonomi', 'Seksi Ketahanan Sosial, Budaya dan Agama']),
    ],
  },
];

const DINAS: readonly OpdDef[] = [
  {
    key: 'disdikbud', name: 'Dinas Pendidikan dan Kebudayaan', short: 'Disdikbud', kind: 'DINAS',
    head: 'Kepala Dinas Pendidikan dan Kebudayaan', field: 'guru', small: true, extra: schools,
    bidang: [
      bidang('Bidang Pembinaan Sekolah Dasar', ['Seksi Kurikulum dan Penilaian Sekolah Dasar', 'Seksi Peserta Didik dan Pembangunan Karakter Sekolah Dasar']),
      bidang('Bidang Pembinaan Sekolah Menengah Pertama', ['Seksi Kurikulum dan Penilaian Sekolah Menengah Pertama', 'Seksi Peserta Didik dan Pembangunan Karakter Sekolah Menengah Pertama']),
      bidang('Bidang Guru dan Tenaga Kependidikan', ['Seksi Guru dan Tenaga Kependidikan Sekolah Dasar', 'Seksi Guru dan Tenaga Kependidikan Sekolah Menengah Pertama']),
      bidang('Bidang Kebudayaan', ['Seksi Cagar Budaya dan Permuseuman', 'Seksi Kesenian dan Tradisi']),
    ],
  },
  {
    key: 'dinkes', name: 'Dinas Kesehatan', short: 'Dinkes', kind: 'DINAS',
    head: 'Kepala Dinas Kesehatan', field: 'kesmas', small: true, extra: puskesmas,
    seksiExtra: [slot('Administrator Kesehatan Ahli Pertama', 1)],
    bidang: [
      bidang('Bidang Kesehatan Masyarakat', ['Seksi Kesehatan Keluarga dan Gizi', 'Seksi Promosi dan Pemberdayaan Masyarakat', 'Seksi Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga']),
      bidang('Bidang Pencegahan dan Pengendalian Penyakit', ['Seksi Surveilans dan Imunisasi', 'Seksi Pencegahan dan Pengendalian Penyakit Menular', 'Seksi Pencegahan dan Pengendalian Penyakit Tidak Menular'], [slot('Epidemiolog Kesehatan Ahli Pertama', 1)]),
      bidang('Bidang Pelayanan Kesehatan', ['Seksi Pelayanan Kesehatan Primer', 'Seksi Pelayanan Kesehatan Rujukan', 'Seksi Fasilitas Pelayanan Kesehatan']),
      bidang('Bidang Sumber Daya Kesehatan', ['Seksi Kefarmasian dan Alat Kesehatan', 'Seksi Sumber Daya Manusia Kesehatan']),
    ],
  },
  {
    key: 'dsi', name: 'Dinas Syariat Islam dan Pendidikan Dayah', short: 'DSI', kind: 'DINAS',
    head: 'Kepala Dinas Syariat Islam dan Pendidikan Dayah', field: 'agama', small: true,
    bidang: [
      bidang('Bidang Pembinaan Syariat Islam', ['Seksi Dakwah dan Syiar Islam', 'Seksi Bina Hukum Syariat']),
      bidang('Bidang Pendidikan Dayah', ['Seksi Kurikulum dan Kelembagaan Dayah', 'Seksi Sarana dan Prasarana Dayah']),
      bidang('Bidang Sarana Keagamaan dan Bina Ummat', ['Seksi Sarana Keagamaan', 'Seksi Bina Ummat']),
    ],
  },
  {
    key: 'dlhk', name: 'Dinas Lingkungan Hidup dan Kehutanan', short: 'DLHK', kind: 'DINAS',
    head: 'Kepala Dinas Lingkungan Hidup dan Kehutanan', field: 'teknik', small: false,
    seksiExtra: [slot('Operator Layanan Operasional', 2)],
    bidang: [
      bidang('Bidang Tata Lingkungan', ['Seksi Perencanaan dan Kajian Dampak Lingkungan', 'Seksi Pemeliharaan Lingkungan Hidup']),
      bidang('Bidang Pengelolaan Sampah dan Limbah B3', ['Seksi Pengurangan Sampah', 'Seksi Penanganan Sampah', 'Seksi Limbah B3']),
      bidang('Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan', ['Seksi Pemantauan Lingkungan', 'Seksi Penegakan Hukum Lingkungan'], [slot('Pengendali Dampak Lingkungan Ahli Pertama', 2)]),
      bidang('Bidang Pertamanan dan Kehutanan Kota', ['Seksi Pertamanan', 'Seksi Kehutanan Kota']),
    ],
  },
  {
    key: 'dinsos', name: 'Dinas Sosial', short: 'Dinsos', kind: 'DINAS',
    head: 'Kepala Dinas Sosial', field: 'umum', small: true,
    seksiExtra: [slot('Pekerja Sosial Ahli Pertama', 1)],
    bidang: [
      bidang('Bidang Perlindungan dan Jaminan Sosial', ['Seksi Perlindungan Sosial Korban Bencana', 'Seksi Jaminan Sosial Keluarga']),
      bidang('Bidang Rehabilitasi Sosial', ['Seksi Rehabilitasi Sosial Anak dan Lanjut Usia', 'Seksi Rehabilitasi Sosial Penyandang Disabilitas']),
      bidang('Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin', ['Seksi Pemberdayaan Sosial', 'Seksi Penanganan Fakir Miskin']),
    ],
  },
  {
    key: 'pupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', short: 'PUPR', kind: 'DINAS',
    head: 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang', field: 'teknik', small: false,
    seksiExtra: [slot('Teknik Jalan dan Jembatan Ahli Pertama', 1)],
    bidang: [
      bidang('Bidang Bina Marga', ['Seksi Pembangunan Jalan dan Jembatan', 'Seksi Preservasi Jalan dan Jembatan']),
      bidang('Bidang Sumber Daya Air', ['Seksi Irigasi dan Rawa', 'Seksi Drainase']),
      bidang('Bidang Cipta Karya', ['Seksi Air Minum dan Sanitasi', 'Seksi Bangunan Gedung']),
      bidang('Bidang Penataan Ruang', ['Seksi Perencanaan Tata Ruang', 'Seksi Pengendalian Pemanfaatan Ruang']),
    ],
  },
  {
    key: 'perkim', name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman', short: 'Perkim', kind: 'DINAS',
    head: 'Kepala Dinas Perumahan Rakyat dan Kawasan Permukiman', field: 'teknik', small: false,
    bidang: [
      bidang('Bidang Perumahan', ['Seksi Pendataan dan Perencanaan Perumahan', 'Seksi Pembangunan Perumahan']),
      bidang('Bidang Kawasan Permukiman', ['Seksi Peningkatan Kualitas Permukiman', 'Seksi Prasarana, Sarana dan Utilitas Umum']),
      bidang('Bidang Penerangan Jalan Umum', ['Seksi Pemasangan Penerangan Jalan', 'Seksi Pemeliharaan Penerangan Jalan']),
    ],
  },
  {
    key: 'dispusip', name: 'Dinas Perpustakaan dan Kearsipan', short: 'Dispusip', kind: 'DINAS',
    head: 'Kepala Dinas Perpustakaan dan Kearsipan', field: 'umum', small: false,
    bidang: [
      bidang('Bidang Perpustakaan', ['Seksi Layanan dan Pelestarian Bahan Pustaka', 'Seksi Pengembangan Koleksi'], [slot('Pustakawan Ahli Pertama', 2), slot('Pustakawan Terampil', 2)]),
      bidang('Bidang Kearsipan', ['Seksi Pengelolaan Arsip', 'Seksi Pembinaan Kearsipan'], [slot('Arsiparis Ahli Pertama', 2), slot('Arsiparis Terampil', 2)]),
    ],
  },
  {
    key: 'disporapar', name: 'Dinas Pemuda, Olahraga dan Pariwisata', short: 'Disporapar', kind: 'DINAS',
    head: 'Kepala Dinas Pemuda, Olahraga dan Pariwisata', field: 'umum', small: false,
    bidang: [
      bidang('Bidang Kepemudaan', ['Seksi Pemberdayaan Pemuda', 'Seksi Pengembangan Kepemimpinan Pemuda']),
      bidang('Bidang Keolahragaan', ['Seksi Pembudayaan Olahraga', 'Seksi Peningkatan Prestasi Olahraga']),
      bidang('Bidang Pariwisata', ['Seksi Destinasi Pariwisata', 'Seksi Pemasaran Pariwisata dan Ekonomi Kreatif']),
    ],
  },
  {
    key: 'pertanahan', name: 'Dinas Pertanahan', short: 'Pertanahan', kind: 'DINAS',
    head: 'Kepala Dinas Pertanahan', field: 'hukum', small: false,
    bidang: [
      bidang('Bidang Pengadaan Tanah', ['Seksi Perencanaan Pengadaan Tanah', 'Seksi Pelaksanaan Pengadaan Tanah']),
      bidang('Bidang Penataan dan Sengketa Pertanahan', ['Seksi Penataan Pertanahan', 'Seksi Penyelesaian Sengketa Tanah']),
    ],
  },
  {
    key: 'diskominfo', name: 'Dinas Komunikasi, Informatika dan Persandian', short: 'Diskominfo', kind: 'DINAS',
    head: 'Kepala Dinas Komunikasi, Informatika dan Persandian', field: 'ti', small: true,
    bidang: [
      bidang('Bidang Aplikasi Informatika', ['Seksi Pengembangan Aplikasi', 'Seksi Tata Kelola Pemerintahan Berbasis Elektronik'], [slot('Pranata Komputer Ahli Pertama', 2)]),
      bidang('Bidang Informasi dan Komunikasi Publik', ['Seksi Pengelolaan Informasi Publik', 'Seksi Kemitraan Media'], [slot('Pranata Hubungan Masyarakat Ahli Pertama', 2, { field: 'umum' })]),
      bidang('Bidang Infrastruktur Teknologi Informasi', ['Seksi Infrastruktur Jaringan', 'Seksi Pusat Data']),
      bidang('Bidang Persandian dan Statistik', ['Seksi Persandian dan Keamanan Informasi', 'Seksi Statistik Sektoral'], [slot('Sandiman Ahli Pertama', 1), slot('Statistisi Ahli Pertama', 1)]),
    ],
  },
  {
    key: 'disdukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', short: 'Disdukcapil', kind: 'DINAS',
    head: 'Kepala Dinas Kependudukan dan Pencatatan Sipil', field: 'umum', small: true,
    bidang: [
      bidang('Bidang Pelayanan Pendaftaran Penduduk', ['Seksi Identitas Penduduk', 'Seksi Pindah Datang Penduduk']),
      bidang('Bidang Pelayanan Pencatatan Sipil', ['Seksi Kelahiran dan Kematian', 'Seksi Perkawinan dan Perceraian']),
      bidang('Bidang Pengelolaan Informasi Administrasi Kependudukan', ['Seksi Sistem Informasi Administrasi Kependudukan', 'Seksi Pengolahan dan Penyajian Data'], [slot('Administrator Database Kependudukan Ahli Pertama', 2, { field: 'ti' })]),
      bidang('Bidang Pemanfaatan Data dan Inovasi Pelayanan', ['Seksi Kerja Sama', 'Seksi Inovasi Pelayanan']),
    ],
  },
  {
    key: 'dishub', name: 'Dinas Perhubungan', short: 'Dishub', kind: 'DINAS',
    head: 'Kepala Dinas Perhubungan', field: 'teknik', small: false,
    bidang: [
      bidang('Bidang Lalu Lintas dan Angkutan Jalan', ['Seksi Manajemen dan Rekayasa Lalu Lintas', 'Seksi Angkutan'], [slot('Operator Layanan Operasional', 3)]),
      bidang('Bidang Sarana dan Prasarana', ['Seksi Pengujian Sarana', 'Seksi Prasarana'], [slot('Penguji Kendaraan Bermotor Terampil', 2)]),
      bidang('Bidang Perhubungan Laut', ['Seksi Kepelabuhanan', 'Seksi Keselamatan Pelayaran']),
    ],
  },
  {
    key: 'dpmptsp', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', short: 'DPMPTSP', kind: 'DINAS',
    head: 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', field: 'umum', small: false,
    bidang: [
      bidang('Bidang Penanaman Modal', ['Seksi Promosi Penanaman Modal', 'Seksi Pengendalian Pelaksanaan Penanaman Modal']),
      bidang('Bidang Pelayanan Perizinan', ['Seksi Perizinan Usaha', 'Seksi Perizinan Non Usaha']),
      bidang('Bidang Pengaduan dan Informasi', ['Seksi Pengaduan', 'Seksi Data dan Informasi']),
    ],
  },
  {
    key: 'diskopukmdag', name: 'Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan', short: 'Diskopukmdag', kind: 'DINAS',
    head: 'Kepala Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan', field: 'ekonomi', small: false,
    bidang: [
      bidang('Bidang Koperasi dan Usaha Kecil Menengah', ['Seksi Kelembagaan Koperasi', 'Seksi Pemberdayaan Usaha Kecil Menengah']),
      bidang('Bidang Perindustrian', ['Seksi Industri Agro dan Kimia', 'Seksi Industri Logam dan Aneka']),
      bidang('Bidang Perdagangan', ['Seksi Perdagangan Dalam Negeri', 'Seksi Metrologi Legal'], [slot('Penera Terampil', 2)]),
      bidang('Bidang Pengelolaan Pasar', ['Seksi Pengelolaan Pasar', 'Seksi Retribusi Pasar']),
    ],
  },
  {
    key: 'dkpp', name: 'Dinas Kelautan, Perikanan dan Pertanian', short: 'DKPP', kind: 'DINAS',
    head: 'Kepala Dinas Kelautan, Perikanan dan Pertanian', field: 'pertanian', small: false,
    bidang: [
      bidang('Bidang Perikanan Tangkap', ['Seksi Sarana dan Prasarana Perikanan Tangkap', 'Seksi Pemberdayaan Nelayan']),
      bidang('Bidang Perikanan Budidaya', ['Seksi Produksi Perikanan Budidaya', 'Seksi Kesehatan Ikan dan Lingkungan']),
      bidang('Bidang Pertanian dan Peternakan', ['Seksi Tanaman Pangan dan Hortikultura', 'Seksi Peternakan dan Kesehatan Hewan'], [slot('Medik Veteriner Ahli Pertama', 1)]),
      bidang('Bidang Penyuluhan', [], [slot('Penyuluh Pertanian Terampil', 5), slot('Penyuluh Pertanian Ahli Pertama', 2), slot('Penyuluh Perikanan Ahli Pertama', 2)]),
    ],
  },
  {
    key: 'dp3ap2kb', name: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana', short: 'DP3AP2KB', kind: 'DINAS',
    head: 'Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana', field: 'umum', small: false,
    bidang: [
      bidang('Bidang Pemberdayaan Perempuan dan Perlindungan Anak', ['Seksi Perlindungan Hak Perempuan', 'Seksi Pemenuhan Hak Anak']),
      bidang('Bidang Pengendalian Penduduk dan Keluarga Berencana', [], [slot('Penyuluh Keluarga Berencana Ahli Pertama', 3, { female: 0.7 }), slot('Penyuluh Keluarga Berencana Terampil', 2, { female: 0.7 })]),
      bidang('Bidang Ketahanan dan Kesejahteraan Keluarga', ['Seksi Ketahanan Keluarga', 'Seksi Kesejahteraan Keluarga']),
    ],
  },
  {
    key: 'disnaker', name: 'Dinas Ketenagakerjaan', short: 'Disnaker', kind: 'DINAS',
    head: 'Kepala Dinas Ketenagakerjaan', field: 'umum', small: false,
    bidang: [
      bidang('Bidang Penempatan dan Perluasan Kesempatan Kerja', ['Seksi Penempatan Tenaga Kerja', 'Seksi Perluasan Kesempatan Kerja']),
      bidang('Bidang Pelatihan dan Produktivitas', ['Seksi Pelatihan Kerja', 'Seksi Produktivitas']),
      bidang('Bidang Hubungan Industrial dan Jaminan Sosial', ['Seksi Hubungan Industrial', 'Seksi Jaminan Sosial Tenaga Kerja'], [slot('Mediator Hubungan Industrial Ahli Pertama', 1)]),
    ],
  },
];

const SATPOL: OpdDef = {
  key: 'satpolpp', name: 'Satuan Polisi Pamong Praja dan Wilayatul Hisbah', short: 'Satpol PP dan WH', kind: 'SATUAN',
  head: 'Kepala Satuan Polisi Pamong Praja dan Wilayatul Hisbah', field: 'hukum', small: true,
  bidang: [
    bidang('Bidang Penegakan Peraturan Daerah', ['Seksi Penyelidikan dan Penyidikan', 'Seksi Pembinaan dan Pengawasan'], [slot('Polisi Pamong Praja Terampil', 6, { female: 0.25 })]),
    bidang('Bidang Penegakan Syariat Islam', ['Seksi Pengawasan Syariat', 'Seksi Pembinaan Syariat'], [slot('Petugas Wilayatul Hisbah', 5, { female: 0.35, field: 'agama' })]),
    bidang('Bidang Ketertiban Umum dan Ketenteraman Masyarakat', ['Seksi Operasi dan Pengendalian', 'Seksi Kerja Sama'], [slot('Polisi Pamong Praja Terampil', 6, { female: 0.25 })]),
    bidang('Bidang Pemadam Kebakaran dan Perlindungan Masyarakat', ['Seksi Pemadam Kebakaran dan Penyelamatan', 'Seksi Satuan Perlindungan Masyarakat'], [slot('Pemadam Kebakaran Terampil', 4, { female: 0.05 })]),
  ],
};

/** Gampong per kecamatan (real names from Kota Lhokseumawe; only a few offices are modelled). */
export const KECAMATAN: ReadonlyArray<{ key: string; name: string; gampong: readonly string[] }> = [
  { key: 'kec-bs', name: 'Banda Sakti', gampong: ['Hagu Selatan', 'Kampung Jawa Lama', 'Keude Aceh', 'Hagu Tengah', 'Hagu Barat Laut', 'Pusong Baru', 'Mon Geudong', 'Uteun Bayi', 'Lancang Garam', 'Simpang Empat'] },
  { key: 'kec-md', name: 'Muara Dua', gampong: ['Keude Cunda', 'Blang Crum', 'Meunasah Mee Kandang', 'Paya Bili', 'Cot Girek', 'Panggoi', 'Uteun Kot', 'Meunasah Alue'] },
  { key: 'kec-ms', name: 'Muara Satu', gampong: ['Batuphat Timur', 'Batuphat Barat', 'Blang Pulo', 'Paloh Punti', 'Padang Sakti', 'Ujong Pacu', 'Meuria Paloh', 'Cot Trieng'] },
  { key: 'kec-bm', name: 'Blang Mangat', gampong: ['Alue Lim', 'Meunasah Blang', 'Blang Cut', 'Jambo Timu', 'Mesjid Punteut', 'Tunong', 'Kuala', 'Rayeuk Kareung'] },
];

/** The whole city as unit templates; Sekretariat Daerah first (its head is the top of every chain). */
export function buildCitySpec(size: DemoSize): UnitSpec[] {
  const keep = (d: OpdDef) => size === 'full' || d.small;
  const units: UnitSpec[] = [buildSetda(size)];
  if (size === 'full') {
    units.push(
      buildSecretariat('setwan', 'Sekretariat Dewan Perwakilan Rakyat Kota', 'Sekretariat DPRK', { title: 'Sekretaris DPRK', type: 'JPT' }, [
        { name: 'Bagian Umum dan Keuangan', subbagian: ['Subbagian Tata Usaha dan Kepegawaian', 'Subbagian Keuangan'] },
        { name: 'Bagian Persidangan dan Perundang-undangan', subbagian: ['Subbagian Persidangan dan Risalah', 'Subbagian Perundang-undangan'] },
        { name: 'Bagian Fasilitasi Penganggaran, Pengawasan dan Hubungan Masyarakat', subbagian: ['Subbagian Fasilitasi Penganggaran dan Pengawasan', 'Subbagian Hubungan Masyarakat dan Protokol'] },
      ], size),
    );
  }
  units.push(buildOpd(inspektoratDef(), size));
  for (const d of [...BADAN, ...DINAS, SATPOL]) if (keep(d)) units.push(buildOpd(d, size));
  if (size === 'full') {
    units.push(
      buildSecretariat('setmpu', 'Sekretariat Majelis Permusyawaratan Ulama', 'Sekretariat MPU', { title: 'Kepala Sekretariat Majelis Permusyawaratan Ulama', type: 'ADMINISTRATOR' }, [
        { name: 'Subbagian Umum dan Keuangan', subbagian: [] },
        { name: 'Subbagian Persidangan, Hukum dan Fatwa', subbagian: [], team: [slot('Penyuluh Agama Ahli Pertama', 1, { field: 'agama' })] },
        { name: 'Subbagian Program dan Kajian', subbagian: [] },
      ], size),
      buildSecretariat('baitulmal', 'Sekretariat Baitul Mal', 'Baitul Mal', { title: 'Kepala Sekretariat Baitul Mal', type: 'ADMINISTRATOR' }, [
        { name: 'Subbagian Umum dan Keuangan', subbagian: [] },
        { name: 'Subbagian Pengumpulan Zakat dan Infak', subbagian: [] },
        { name: 'Subbagian Pendistribusian dan Pendayagunaan', subbagian: [] },
      ], size),
    );
  }
  for (const k of KECAMATAN) units.push(buildKecamatan(k.key, k.name, k.gampong, size));
  return units;
}
