/** Query keys of SKP planning and evaluation; every mutation invalidates `all` (cheap, few pages open). */
export const skpKeys = {
  all: ['skp'] as const,
  list: (scope: string, year: number) => [...skpKeys.all, 'list', scope, year] as const,
  detail: (id: number) => [...skpKeys.all, 'detail', id] as const,
  parentOptions: (id: number) => [...skpKeys.all, 'parent-options', id] as const,
  tree: (year: number, unitId: number | null) => [...skpKeys.all, 'tree', year, unitId] as const,
  periods: (year: number) => [...skpKeys.all, 'periods', year] as const,
  settings: () => [...skpKeys.all, 'settings'] as const,
  team: (periodId: number) => [...skpKeys.all, 'team', periodId] as const,
  evaluation: (skpId: number, periodId: number) => [...skpKeys.all, 'evaluation', skpId, periodId] as const,
  realisations: (skpId: number, periodId: number) => [...skpKeys.all, 'realisations', skpId, periodId] as const,
  objections: (role: string) => [...skpKeys.all, 'objections', role] as const,
  strengths: (employeeId: number, periodId: number) => [...skpKeys.all, 'strengths', employeeId, periodId] as const,
  orgPredikat: (periodId: number) => [...skpKeys.all, 'org-predikat', periodId] as const,
  cascadePositions: (skpId: number) => [...skpKeys.all, 'cascade-positions', skpId] as const,
  subordinates: () => [...skpKeys.all, 'subordinates'] as const,
};
