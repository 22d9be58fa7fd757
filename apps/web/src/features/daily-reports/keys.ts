export interface ReportListParams {
  page: number;
  pageSize: number;
  employeeId?: number | undefined;
}

/** Query keys of daily reports; the live event stream invalidates `all`. */
export const dailyReportKeys = {
  all: ['daily-reports'] as const,
  window: () => [...dailyReportKeys.all, 'window'] as const,
  templates: () => [...dailyReportKeys.all, 'templates'] as const,
  lists: () => [...dailyReportKeys.all, 'list'] as const,
  list: (params: ReportListParams) => [...dailyReportKeys.lists(), params] as const,
  details: () => [...dailyReportKeys.all, 'detail'] as const,
  detail: (id: number) => [...dailyReportKeys.details(), id] as const,
  pending: () => [...dailyReportKeys.all, 'pending'] as const,
};

export const supervisionKeys = {
  all: ['supervision-records'] as const,
  of: (employeeId: number) => [...supervisionKeys.all, employeeId] as const,
};

export const skpLinkKeys = {
  all: ['skp-links'] as const,
  forDate: (date: string) => [...skpLinkKeys.all, date] as const,
};
