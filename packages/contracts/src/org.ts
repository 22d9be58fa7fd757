import { z } from 'zod';
import { IsoDate, PageMeta, PageQuery, RequiredText, Text } from './common.js';

export const UnitKind = z.enum([
  'SEKRETARIAT', 'DINAS', 'BADAN', 'KANTOR', 'SATUAN', 'INSPEKTORAT', 'KECAMATAN', 'KELURAHAN',
  'GAMPONG', 'BAGIAN', 'BIDANG', 'SEKSI', 'SUBBAGIAN', 'UPTD', 'LAINNYA',
]);
export const JabatanType = z.enum(['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL']);
export const Jenjang = z.enum([
  'PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA', 'AHLI_PERTAMA', 'AHLI_MUDA', 'AHLI_MADYA', 'AHLI_UTAMA',
]);
export const JenisAsn = z.enum(['PNS', 'PPPK']);
export const AssignmentKind = z.enum(['DEFINITIF', 'PLT', 'PLH']);

export const UnitDto = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  opdId: z.number().int().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: UnitKind,
  employeeCount: z.number().int().describe('Employees with a definitive assignment today, this unit only'),
});
export type UnitDto = z.infer<typeof UnitDto>;
export const UnitListResponse = z.object({ units: z.array(UnitDto) });

export const CreateUnitBody = z.object({
  parentId: z.number().int().positive().nullable(),
  name: RequiredText(200),
  shortName: Text(60).optional(),
  kind: UnitKind,
});

export const EmployeeSummary = z.object({
  id: z.number().int(),
  nip: z.string(),
  name: z.string().describe('Name with gelar'),
  jenisAsn: JenisAsn,
  golongan: z.string().nullable(),
  positionName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  supervisorId: z.number().int().nullable(),
  supervisorName: z.string().nullable(),
});
export type EmployeeSummary = z.infer<typeof EmployeeSummary>;

export const EmployeeListQuery = PageQuery.extend({
  q: Text(100).optional().describe('Search in name or NIP'),
  unitId: z.coerce.number().int().positive().optional().describe('Only this unit and below'),
  jenisAsn: JenisAsn.optional(),
});
export const EmployeeListResponse = z.object({
  employees: z.array(EmployeeSummary),
  meta: PageMeta,
});

export const AssignmentDto = z.object({
  id: z.number().int(),
  kind: AssignmentKind,
  positionId: z.number().int(),
  positionName: z.string(),
  positionType: JabatanType,
  unitId: z.number().int(),
  unitName: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  decreeNumber: z.string().nullable(),
});

export const EmployeeDetail = EmployeeSummary.extend({
  gelarDepan: z.string().nullable(),
  gelarBelakang: z.string().nullable(),
  plainName: z.string(),
  pangkat: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.enum(['L', 'P']).nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  assignments: z.array(AssignmentDto),
});
export const EmployeeDetailResponse = z.object({ employee: EmployeeDetail });

export const SupervisorQuery = z.object({ date: IsoDate.optional() });
export const SupervisorResponse = z.object({
  date: z.string(),
  supervisor: EmployeeSummary.nullable(),
  kind: AssignmentKind.nullable().describe('How the supervisor holds the post on that date'),
});

export const CreateAssignmentBody = z.object({
  positionId: z.number().int().positive(),
  kind: AssignmentKind,
  validFrom: IsoDate,
  validTo: IsoDate.nullable().optional(),
  decreeNumber: Text(100).optional(),
});

export const InstansiDto = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
export const CreateInstansiBody = z.object({
  code: z.string().trim().regex(/^[a-z0-9-]{2,32}$/),
  name: RequiredText(200),
  adminNip: z.string().trim().regex(/^\d{18}$/),
  adminName: RequiredText(120),
  adminPassword: z.string().min(10).max(200),
});

export type AssignmentDto = z.infer<typeof AssignmentDto>;
export type EmployeeDetail = z.infer<typeof EmployeeDetail>;
export type EmployeeListResponse = z.infer<typeof EmployeeListResponse>;
export type SupervisorResponse = z.infer<typeof SupervisorResponse>;
