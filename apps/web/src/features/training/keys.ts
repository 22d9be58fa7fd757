/** Query keys of the training pages; mutations invalidate `all` (few pages are open at once). */
export const trainingKeys = {
  all: ['training'] as const,
  courses: (q: string, includeInactive: boolean) => [...trainingKeys.all, 'courses', q, includeInactive] as const,
  session: (id: number) => [...trainingKeys.all, 'session', id] as const,
  code: (id: number) => [...trainingKeys.all, 'code', id] as const,
  plan: (employeeId: number | null, year: number) => [...trainingKeys.all, 'plan', employeeId, year] as const,
  team: (year: number) => [...trainingKeys.all, 'team', year] as const,
  enrolments: (scope: string) => [...trainingKeys.all, 'enrolments', scope] as const,
  external: (scope: string) => [...trainingKeys.all, 'external', scope] as const,
  unitFigures: (year: number, parentId: number | null) => [...trainingKeys.all, 'figures-units', year, parentId] as const,
  courseFigures: (year: number) => [...trainingKeys.all, 'figures-courses', year] as const,
};
