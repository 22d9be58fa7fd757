import type {
  AssignmentDto as AssignmentSchema,
  EmployeeDetail as EmployeeDetailSchema,
  EmployeeListResponse as EmployeeListResponseSchema,
  Me,
  UnitDto,
  EmployeeSummary,
} from '@pantau/contracts';
import type { z } from 'zod';

/**
 * DTO types the web uses, all inferred from @pantau/contracts (the source of truth).
 * Contracts exports some types already (Me, UnitDto, EmployeeSummary); the rest are inferred
 * here until contracts exports them too.
 */
export type { Me, UnitDto, EmployeeSummary };
export type EmployeeDetailDto = z.infer<typeof EmployeeDetailSchema>;
export type AssignmentDto = z.infer<typeof AssignmentSchema>;
export type EmployeeListResponse = z.infer<typeof EmployeeListResponseSchema>;
