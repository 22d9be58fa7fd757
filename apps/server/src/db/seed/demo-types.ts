import type { assignmentKind, jabatanType, jenisAsn, jenjang, unitKind } from '../schema/org.js';
import type { RoleName } from '../schema/auth.js';
import type { Field, Sex } from './demo-names.js';

/** Plain-object shapes produced by the demo generator. References are local string keys. */

export type UnitKind = (typeof unitKind.enumValues)[number];
export type JabatanType = (typeof jabatanType.enumValues)[number];
export type Jenjang = (typeof jenjang.enumValues)[number];
export type JenisAsn = (typeof jenisAsn.enumValues)[number];
export type AssignmentKind = (typeof assignmentKind.enumValues)[number];
export type DemoSize = 'small' | 'full';

export interface DemoUnit {
  key: string;
  parentKey: string | null;
  name: string;
  shortName: string | null;
  code: string | null;
  kind: UnitKind;
}

export interface DemoPosition {
  key: string;
  unitKey: string;
  /** The position this one reports to; null only for the Sekretaris Daerah. */
  parentKey: string | null;
  name: string;
  type: JabatanType;
  jenjang: Jenjang | null;
  isHead: boolean;
}

export interface DemoEmployee {
  key: string;
  nip: string;
  name: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  jenisAsn: JenisAsn;
  golongan: string;
  birthDate: string;
  sex: Sex;
  email: string | null;
}

export interface DemoAssignment {
  employeeKey: string;
  positionKey: string;
  kind: AssignmentKind;
  validFrom: string;
  /** Inclusive; null = open. */
  validTo: string | null;
  decreeNumber: string | null;
}

/** Roles as shown to people: the stored grants plus the derived ATASAN and PEGAWAI. */
export type DemoRole = RoleName | 'ATASAN' | 'PEGAWAI';

export interface DemoLogin {
  role: DemoRole;
  login: string;
  /** Display name with gelar. */
  name: string;
  employeeKey: string | null;
  /** Stored role grant, if the role is not derived from assignments. */
  grant: { role: RoleName; unitKey: string | null } | null;
  note: string;
}

export interface DemoOrg {
  instansi: { code: string; name: string; timezone: string; address: string };
  units: DemoUnit[];
  positions: DemoPosition[];
  employees: DemoEmployee[];
  assignments: DemoAssignment[];
  logins: DemoLogin[];
  /** The one password of every demo login. */
  password: string;
}

/** Staff slot template: a shared pelaksana/fungsional position (or a single JPT like Staf Ahli). */
export interface SlotSpec {
  name: string;
  type: JabatanType;
  jenjang: Jenjang | null;
  /** Relative share of the staff seats. */
  weight: number;
  field?: Field;
  /** Above 1 favours PNS holders, below 1 PPPK; 0 means PPPK only. Default 1. */
  pnsBias?: number;
  /** Probability that a holder is a woman. Default 0.5. */
  female?: number;
  /** Exactly one holder, always PNS (Staf Ahli). */
  single?: boolean;
}

export interface HeadSpec {
  title: string;
  type: JabatanType;
  jenjang?: Jenjang;
  field?: Field;
}

/** Template of a unit subtree. */
export interface UnitSpec {
  key: string;
  name: string;
  shortName?: string;
  code?: string;
  kind: UnitKind;
  /** Null for units without an ASN head (gampong offices: the keuchik is not an ASN). */
  head: HeadSpec | null;
  slots: SlotSpec[];
  children: UnitSpec[];
  field: Field;
  /**
   * Absolute unit key whose head this unit's head (or, without a head, its staff) reports to,
   * instead of the nearest ancestor head.
   */
  reportsTo?: string;
}
