import { displayName } from './demo-names.js';
import { headKeyOf, SEKDA_KEY, slotKeyOf } from './demo-structure.js';
import type { AssignmentKind, DemoEmployee, DemoLogin, DemoOrg, DemoRole } from './demo-types.js';
import type { RoleName } from '../schema/auth.js';

/**
 * Demo accounts covering every role. Each employee role is mapped to a real generated employee
 * whose post fits the role; the stored role grants are given in `grant`, while ATASAN and
 * PEGAWAI are derived from assignments and need no grant.
 */

export const SUPERADMIN_LOGIN = 'superadmin';

const DINKES = 'dinkes';
const ADMIN_BKPSDM_POST = slotKeyOf('bkpsdm/bid1', 'Analis SDM Aparatur Ahli Muda');
const ADMIN_OPD_POST = slotKeyOf('dinkes/sekr/sb1', 'Analis SDM Aparatur Ahli Pertama');
const AUDITOR_POST = slotKeyOf('inspektorat/bid1', 'Auditor Ahli Muda');
const ATASAN_POST = headKeyOf('dinkes/bid1');
const PLT_POST = headKeyOf('disdukcapil');
const PEGAWAI_POST = slotKeyOf('dinkes/bid1/sek1', 'Penata Layanan Operasional');
/** The demo pegawai's direct atasan, so the demo shows verification end to end. */
const KASI_POST = headKeyOf('dinkes/bid1/sek1');

export function generateDemoLogins(org: Omit<DemoOrg, 'logins'>): DemoLogin[] {
  const employees = new Map(org.employees.map((e) => [e.key, e]));
  const positions = new Map(org.positions.map((p) => [p.key, p]));
  const units = new Map(org.units.map((u) => [u.key, u]));

  /** Current holder of a post (PNS preferred), by assignment kind. */
  const holder = (positionKey: string, kind: AssignmentKind = 'DEFINITIF'): DemoEmployee => {
    const found = org.assignments
      .filter((a) => a.positionKey === positionKey && a.kind === kind && (kind !== 'DEFINITIF' || a.validTo === null))
      .map((a) => employees.get(a.employeeKey))
      .filter((e): e is DemoEmployee => e !== undefined);
    const best = found.find((e) => e.jenisAsn === 'PNS') ?? found[0];
    if (best === undefined) throw new Error(`demo logins: nobody holds ${positionKey} (${kind})`);
    return best;
  };
  const where = (positionKey: string): string => {
    const p = positions.get(positionKey);
    if (p === undefined) throw new Error(`demo logins: no position ${positionKey}`);
    const unit = units.get(p.unitKey);
    const opd = units.get(p.unitKey.split('/')[0] ?? '');
    const parts = [p.name];
    if (unit !== undefined && !p.isHead && unit !== opd) parts.push(unit.name);
    if (opd !== undefined && !p.name.includes(opd.name)) {
      parts.push(opd.name.length > 40 ? (opd.shortName ?? opd.name) : opd.name);
    }
    return parts.join(', ');
  };
  const login = (
    role: DemoRole,
    e: DemoEmployee,
    grant: RoleName | null,
    unitKey: string | null,
    note: string,
  ): DemoLogin => ({
    role,
    login: e.nip,
    name: displayName(e.name, e),
    employeeKey: e.key,
    grant: grant === null ? null : { role: grant, unitKey },
    note,
  });

  const plt = holder(PLT_POST, 'PLT');
  const pltOwn = org.assignments.find((a) => a.employeeKey === plt.key && a.kind === 'DEFINITIF' && a.validTo === null);
  return [
    {
      role: 'SUPER_ADMIN',
      login: SUPERADMIN_LOGIN,
      name: 'Administrator Sistem',
      employeeKey: null,
      grant: { role: 'SUPER_ADMIN', unitKey: null },
      note: 'Administrator sistem, tanpa data pegawai',
    },
    login('ADMIN_BKPSDM', holder(ADMIN_BKPSDM_POST), 'ADMIN_BKPSDM', null, `${where(ADMIN_BKPSDM_POST)}; admin kepegawaian seluruh instansi`),
    login('ADMIN_OPD', holder(ADMIN_OPD_POST), 'ADMIN_OPD', DINKES, `${where(ADMIN_OPD_POST)}; admin OPD Dinas Kesehatan (termasuk Puskesmas)`),
    login('INSPEKTORAT', holder(AUDITOR_POST), 'INSPEKTORAT', null, `${where(AUDITOR_POST)}; akses pengawasan Inspektorat`),
    login('PIMPINAN', holder(SEKDA_KEY), 'PIMPINAN', null, 'Sekretaris Daerah; pimpinan, ASN tertinggi'),
    login('ATASAN', holder(ATASAN_POST), null, null, `${where(ATASAN_POST)}; atasan berjenjang (Kepala Seksi, pelaksana)`),
    login(
      'ATASAN',
      plt,
      null,
      null,
      `Plt ${positions.get(PLT_POST)?.name ?? ''}; definitif: ${pltOwn === undefined ? '-' : where(pltOwn.positionKey)}`,
    ),
    login('ATASAN', holder(KASI_POST), null, null, `${where(KASI_POST)}; atasan langsung pegawai demo di bawah`),
    login('PEGAWAI', holder(PEGAWAI_POST), null, null, where(PEGAWAI_POST)),
  ];
}
