/**
 * Activity descriptions for the demo daily reports, by kind of post. Each task is
 * [description, output unit or null, output min, output max]; a null unit means no output figure.
 */
export type DemoTask = readonly [description: string, unit: string | null, min: number, max: number];

interface Rule {
  /** Matched against the position name, the unit name or the OPD name (see `where`). */
  re: RegExp;
  where: 'position' | 'unit' | 'opd';
  tasks: readonly DemoTask[];
}

const HEAD: readonly DemoTask[] = [
  ['Rapat koordinasi bidang', 'kegiatan', 1, 1],
  ['Memeriksa dan memverifikasi laporan harian staf', 'laporan', 4, 20],
  ['Menandatangani surat dan memberi disposisi', 'surat', 5, 30],
  ['Monitoring pelaksanaan kegiatan unit kerja', 'kegiatan', 1, 3],
  ['Menyusun telaahan staf untuk pimpinan', 'dokumen', 1, 2],
  ['Menghadiri rapat koordinasi di Sekretariat Daerah', 'kegiatan', 1, 1],
  ['Pembinaan pegawai dan evaluasi capaian kinerja tim', 'orang', 3, 12],
  ['Menelaah dan mengoreksi konsep laporan kegiatan', 'dokumen', 1, 4],
];

const OFFICE: readonly DemoTask[] = [
  ['Mengagendakan surat masuk dan surat keluar', 'surat', 8, 40],
  ['Mengarsipkan dokumen kegiatan', 'berkas', 5, 30],
  ['Mengelola naskah dinas di aplikasi SRIKANDI', 'naskah', 5, 25],
  ['Menyiapkan bahan rapat dan menyusun notulen', 'dokumen', 1, 3],
  ['Melayani tamu dan konsultasi di ruang pelayanan', 'orang', 3, 15],
  ['Menyusun laporan kegiatan bulanan', 'laporan', 1, 1],
  ['Menginput data kegiatan ke aplikasi e-Kinerja', 'data', 10, 40],
  ['Menyiapkan dan mendistribusikan undangan rapat', 'undangan', 5, 30],
];

const RULES: readonly Rule[] = [
  {
    re: /Dokter Gigi/,
    where: 'position',
    tasks: [
      ['Pemeriksaan dan perawatan gigi pasien poli gigi', 'pasien', 6, 20],
      ['Tindakan penambalan dan pencabutan gigi', 'pasien', 2, 8],
      ['Penyuluhan kesehatan gigi dan mulut di sekolah dasar', 'kegiatan', 1, 1],
    ],
  },
  {
    re: /Dokter/,
    where: 'position',
    tasks: [
      ['Melayani pemeriksaan pasien poli umum', 'pasien', 15, 40],
      ['Menerbitkan surat keterangan sehat', 'surat', 2, 10],
      ['Konsultasi dan rujukan pasien ke rumah sakit', 'pasien', 1, 5],
      ['Pembahasan kasus dalam lokakarya mini puskesmas', 'kegiatan', 1, 1],
    ],
  },
  {
    re: /Perawat/,
    where: 'position',
    tasks: [
      ['Asuhan keperawatan pasien rawat jalan', 'pasien', 10, 30],
      ['Melayani pengunjung puskesmas di ruang tindakan', 'orang', 8, 25],
      ['Perawatan luka dan tindakan keperawatan', 'pasien', 2, 8],
      ['Kunjungan rumah pasien (perawatan kesehatan masyarakat)', 'keluarga', 2, 6],
    ],
  },
  {
    re: /Bidan/,
    where: 'position',
    tasks: [
      ['Pemeriksaan ibu hamil (antenatal care)', 'orang', 4, 15],
      ['Pelayanan keluarga berencana', 'akseptor', 3, 10],
      ['Pelayanan posyandu balita', 'balita', 20, 60],
      ['Imunisasi dasar bayi', 'bayi', 5, 20],
    ],
  },
  {
    re: /Apoteker/,
    where: 'position',
    tasks: [
      ['Pelayanan resep dan konseling obat', 'resep', 30, 90],
      ['Stock opname obat di gudang farmasi', 'item', 40, 150],
      ['Menyusun laporan pemakaian dan lembar permintaan obat (LPLPO)', 'laporan', 1, 1],
    ],
  },
  {
    re: /Pranata Laboratorium/,
    where: 'position',
    tasks: [
      ['Pemeriksaan sampel darah dan urine pasien', 'sampel', 10, 40],
      ['Pemeriksaan dahak tersangka TB', 'sampel', 2, 8],
      ['Kalibrasi dan pemeliharaan alat laboratorium', 'alat', 1, 4],
    ],
  },
  {
    re: /Nutrisionis/,
    where: 'position',
    tasks: [
      ['Konseling gizi ibu hamil dan balita', 'orang', 4, 15],
      ['Pemantauan status gizi balita di posyandu', 'balita', 15, 50],
      ['Menginput data gizi balita ke aplikasi e-PPGBM', 'data', 20, 80],
    ],
  },
  {
    re: /Sanitarian/,
    where: 'position',
    tasks: [
      ['Inspeksi kesehatan lingkungan tempat-tempat umum', 'lokasi', 2, 6],
      ['Pengambilan sampel kualitas air bersih', 'sampel', 2, 8],
      ['Pemicuan sanitasi total berbasis masyarakat di gampong', 'kegiatan', 1, 1],
    ],
  },
  {
    re: /Epidemiolog|Administrator Kesehatan/,
    where: 'position',
    tasks: [
      ['Analisis data surveilans penyakit mingguan (SKDR)', 'laporan', 1, 1],
      ['Penyelidikan epidemiologi kasus demam berdarah', 'kasus', 1, 3],
      ['Menyusun laporan capaian program kesehatan', 'laporan', 1, 2],
    ],
  },
  {
    re: /Bendahara/,
    where: 'position',
    tasks: [
      ['Menyiapkan SPP dan dokumen pencairan dana', 'dokumen', 2, 10],
      ['Mencatat transaksi di buku kas umum', 'transaksi', 10, 40],
      ['Menyetorkan pajak dan menyusun laporan pajak', 'dokumen', 2, 8],
      ['Menyusun surat pertanggungjawaban (SPJ) bendahara', 'laporan', 1, 1],
    ],
  },
  {
    re: /Keuangan/,
    where: 'position',
    tasks: [
      ['Menyusun laporan keuangan bulanan', 'laporan', 1, 1],
      ['Verifikasi SPM yang diajukan OPD', 'dokumen', 5, 20],
      ['Rekonsiliasi data belanja dengan SIPD', 'dokumen', 2, 8],
      ['Menginput dan memutakhirkan anggaran di SIPD', 'data', 10, 50],
    ],
  },
  {
    re: /SDM Aparatur/,
    where: 'position',
    tasks: [
      ['Memverifikasi usulan kenaikan pangkat', 'berkas', 5, 20],
      ['Memutakhirkan data pegawai di SIASN', 'data', 10, 40],
      ['Memproses SK mutasi dan penempatan pegawai', 'dokumen', 2, 10],
      ['Melayani konsultasi kepegawaian', 'orang', 3, 12],
    ],
  },
  {
    re: /Auditor|Pengawas Penyelenggaraan/,
    where: 'position',
    tasks: [
      ['Reviu laporan keuangan OPD', 'dokumen', 1, 3],
      ['Pemeriksaan dokumen pengadaan barang/jasa', 'paket', 1, 5],
      ['Menyusun kertas kerja pemeriksaan', 'KKP', 1, 3],
      ['Monitoring tindak lanjut hasil pemeriksaan', 'rekomendasi', 3, 12],
    ],
  },
  {
    re: /Perencana|Analis Kebijakan/,
    where: 'position',
    tasks: [
      ['Menyusun bahan rencana kerja (Renja) OPD', 'dokumen', 1, 2],
      ['Evaluasi capaian kinerja program triwulan', 'laporan', 1, 1],
      ['Menganalisis usulan hasil musrenbang kecamatan', 'usulan', 10, 40],
      ['Menyusun kajian kebijakan untuk pimpinan', 'dokumen', 1, 1],
    ],
  },
  {
    re: /Pranata Komputer|Pengelola Data/,
    where: 'position',
    tasks: [
      ['Pemeliharaan jaringan dan server', 'perangkat', 1, 6],
      ['Memperbarui konten situs web dan aplikasi', 'konten', 2, 10],
      ['Membantu pengguna mengatasi kendala aplikasi', 'tiket', 3, 15],
      ['Backup dan validasi basis data', 'basis data', 1, 3],
    ],
  },
  {
    re: /Hubungan Masyarakat/,
    where: 'position',
    tasks: [
      ['Menyusun rilis berita kegiatan pimpinan', 'berita', 1, 4],
      ['Mengelola akun media sosial pemerintah kota', 'unggahan', 2, 8],
      ['Dokumentasi foto dan video kegiatan', 'kegiatan', 1, 3],
    ],
  },
  {
    re: /Perancang Peraturan/,
    where: 'position',
    tasks: [
      ['Menyusun rancangan peraturan wali kota', 'rancangan', 1, 2],
      ['Harmonisasi rancangan qanun', 'rancangan', 1, 1],
    ],
  },
  {
    re: /Pengadaan Barang/,
    where: 'position',
    tasks: [
      ['Evaluasi dokumen penawaran tender', 'paket', 1, 3],
      ['Mengunggah paket pengadaan di SPSE', 'paket', 1, 5],
    ],
  },
  {
    re: /Pekerja Sosial/,
    where: 'position',
    tasks: [
      ['Asesmen calon penerima bantuan sosial', 'keluarga', 3, 10],
      ['Pendampingan keluarga penerima PKH', 'keluarga', 5, 15],
      ['Verifikasi dan validasi data DTKS', 'data', 20, 80],
    ],
  },
  {
    re: /Polisi Pamong Praja|Wilayatul Hisbah/,
    where: 'position',
    tasks: [
      ['Patroli ketertiban umum di pusat kota', 'lokasi', 3, 10],
      ['Penertiban pedagang kaki lima', 'lokasi', 1, 4],
      ['Patroli penegakan syariat Islam', 'lokasi', 2, 8],
      ['Pengamanan kegiatan pemerintah kota', 'kegiatan', 1, 1],
      ['Sosialisasi qanun kepada masyarakat', 'kegiatan', 1, 2],
    ],
  },
  {
    re: /Puskesmas/,
    where: 'unit',
    tasks: [
      ['Melayani pengunjung puskesmas di loket pendaftaran', 'orang', 30, 80],
      ['Menginput data kunjungan pasien ke SIMPUS', 'data', 40, 120],
      ['Menyiapkan klaim BPJS Kesehatan', 'berkas', 10, 40],
    ],
  },
  {
    re: /Kependudukan/,
    where: 'opd',
    tasks: [
      ['Menginput data kependudukan ke SIAK', 'data', 30, 120],
      ['Perekaman KTP-el pemohon', 'orang', 10, 40],
      ['Mencetak dan menyerahkan Kartu Keluarga', 'dokumen', 15, 50],
      ['Verifikasi berkas permohonan akta kelahiran', 'berkas', 10, 30],
      ['Melayani pengunjung di loket pelayanan', 'orang', 20, 60],
    ],
  },
  {
    re: /^Kecamatan|^Gampong/,
    where: 'unit',
    tasks: [
      ['Melayani surat keterangan untuk warga', 'surat', 5, 25],
      ['Verifikasi dokumen administrasi gampong', 'dokumen', 2, 10],
      ['Rekapitulasi data penduduk gampong', 'gampong', 1, 5],
      ['Menghadiri musyawarah gampong', 'kegiatan', 1, 1],
    ],
  },
  {
    re: /Pendidikan dan Kebudayaan/,
    where: 'opd',
    tasks: [
      ['Verifikasi data Dapodik sekolah', 'sekolah', 3, 12],
      ['Monitoring pembelajaran di sekolah', 'sekolah', 1, 3],
      ['Menyusun laporan penggunaan dana BOS', 'laporan', 1, 2],
    ],
  },
  {
    re: /Syariat Islam/,
    where: 'opd',
    tasks: [
      ['Koordinasi pembinaan dengan pimpinan dayah', 'dayah', 1, 4],
      ['Menyusun jadwal khatib dan penceramah', 'jadwal', 1, 1],
      ['Pendataan santri dan tenaga pengajar dayah', 'data', 20, 60],
    ],
  },
  {
    re: /Dinas Sosial/,
    where: 'opd',
    tasks: [
      ['Verifikasi dan validasi data DTKS', 'data', 20, 80],
      ['Penyaluran bantuan sosial kepada warga', 'keluarga', 10, 40],
    ],
  },
  {
    re: /Komunikasi, Informatika/,
    where: 'opd',
    tasks: [
      ['Memantau layanan aplikasi pemerintah kota', 'aplikasi', 3, 12],
      ['Mengelola pengaduan masyarakat di SP4N-LAPOR!', 'aduan', 2, 10],
    ],
  },
  {
    re: /Keuangan Daerah/,
    where: 'opd',
    tasks: [
      ['Memproses SP2D yang diajukan OPD', 'dokumen', 10, 40],
      ['Menyusun laporan realisasi anggaran', 'laporan', 1, 1],
    ],
  },
  {
    re: /Kepegawaian/,
    where: 'opd',
    tasks: [
      ['Memproses usulan cuti pegawai', 'berkas', 5, 20],
      ['Memutakhirkan data pegawai di SIASN', 'data', 10, 40],
    ],
  },
  {
    re: /Inspektorat/,
    where: 'opd',
    tasks: [['Menyusun laporan hasil pemeriksaan', 'laporan', 1, 1]],
  },
];

/**
 * Tasks for a post: its own (by position name), then its workplace's (unit, OPD), then office
 * work; heads get leadership tasks first. Returns [preferred, fallback].
 */
export function demoTasksFor(post: { positionName: string; unitName: string; opdName: string; isHead: boolean }): [
  readonly DemoTask[],
  readonly DemoTask[],
] {
  const text = { position: post.positionName, unit: post.unitName, opd: post.opdName };
  const own = RULES.filter((r) => r.where === 'position' && r.re.test(text.position)).flatMap((r) => r.tasks);
  const place = RULES.filter((r) => r.where !== 'position' && r.re.test(text[r.where])).flatMap((r) => r.tasks);
  if (post.isHead) return [HEAD, [...place, ...OFFICE.slice(3, 6)]];
  const preferred = own.length > 0 ? own : place.length > 0 ? place : OFFICE;
  const fallback = own.length > 0 ? [...place, ...OFFICE.slice(2, 6)] : place.length > 0 ? OFFICE : [HEAD[0] as DemoTask];
  return [preferred, fallback];
}

/** Notes an atasan writes when returning a day. */
export const DEMO_RETURN_NOTES: readonly string[] = [
  'Uraian kegiatan terlalu umum; mohon dirinci apa yang dikerjakan dan hasilnya.',
  'Jumlah output belum sesuai dengan bukti dukung; mohon dilengkapi.',
  'Mohon lampirkan bukti dukung (foto atau dokumen) untuk kegiatan pelayanan.',
  'Jam kegiatan bertabrakan dengan rapat koordinasi; mohon diperbaiki.',
  'Satuan output tidak sesuai; gunakan satuan yang ada di SKP.',
];

/** Every task of the catalogue once (the benchmark's year of reports draws from these). */
export function allDemoTasks(): DemoTask[] {
  return [...HEAD, ...OFFICE, ...RULES.flatMap((r) => r.tasks)];
}
