import { z } from 'zod';
import { Locale } from './common.js';

export const Role = z.enum([
  'PEGAWAI',
  'ATASAN',
  'ADMIN_OPD',
  'ADMIN_BKPSDM',
  'INSPEKTORAT',
  'PIMPINAN',
  'SUPER_ADMIN',
]);
export type Role = z.infer<typeof Role>;

export const LoginBody = z.object({
  nip: z.string().trim().min(1).max(40).describe('NIP (18 digits) or login name'),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z.object({
  userId: z.number().int(),
  employeeId: z.number().int().nullable(),
  instansiId: z.number().int().nullable(),
  instansiName: z.string().nullable(),
  nip: z.string(),
  name: z.string(),
  roles: z.array(Role),
  /** Unit subtrees administered (ADMIN_OPD). */
  adminUnitIds: z.array(z.number().int()),
  mustChangePassword: z.boolean(),
  locale: Locale,
  csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on state-changing requests'),
});
export type Me = z.infer<typeof Me>;

export const MeResponse = z.object({ me: Me });

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z
    .string()
    .min(10, { message: 'PASSWORD_TOO_SHORT' })
    .max(200)
    .describe('At least 10 characters'),
});

export const UpdateMeBody = z.object({ locale: Locale });

export const ResetPasswordBody = z.object({
  newPassword: z.string().min(10, { message: 'PASSWORD_TOO_SHORT' }).max(200),
});

export const CreateApiTokenBody = z.object({
  userId: z.number().int().positive().optional().describe('Owner; defaults to the caller'),
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(730).optional(),
});
export const ApiTokenDto = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const CreatedApiToken = z.object({
  apiToken: ApiTokenDto,
  token: z.string().describe('Shown once; store it now'),
});
