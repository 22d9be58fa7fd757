import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  DailyReportDto,
  DailyReportListResponse,
  DailyReportSummary,
  ReportWindowResponse,
  SkpDetail,
  SkpSummary,
  SupervisionRecordDto,
  TemplatesResponse,
} from '@pantau/contracts';
import type { z } from 'zod';
import { ApiError, apiRequest } from '../../api/client';
import { dailyReportKeys, skpLinkKeys, supervisionKeys, type ReportListParams } from './keys';

export type ReportWindow = z.infer<typeof ReportWindowResponse>;
export type ActivityTemplate = z.infer<typeof TemplatesResponse>['templates'][number];
export type ReportList = z.infer<typeof DailyReportListResponse>;

const WINDOW_KEY = 'pantau.reportWindow';

/**
 * The last answer is kept on the phone (dates, report ids and statuses only, no activities), so
 * that the page opened without a connection still knows which days were already sent.
 */
function storedWindow(userId: number): ReportWindow | undefined {
  try {
    const raw = localStorage.getItem(WINDOW_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { userId?: unknown; window?: ReportWindow };
    return parsed.userId === userId ? parsed.window : undefined;
  } catch {
    return undefined;
  }
}

function storeWindow(userId: number, window: ReportWindow): void {
  try {
    localStorage.setItem(WINDOW_KEY, JSON.stringify({ userId, window }));
  } catch {
    // Storage full or blocked: the page then needs a connection to know the statuses.
  }
}

export function forgetStoredWindow(): void {
  try {
    localStorage.removeItem(WINDOW_KEY);
  } catch {
    // Nothing kept.
  }
}

/** Today and the working days before it that may still be reported, with their reports. */
export function useReportWindow(userId: number) {
  return useQuery({
    queryKey: dailyReportKeys.window(),
    queryFn: async ({ signal }) => {
      const window = await apiRequest<ReportWindow>('/api/daily-reports/window', { signal });
      storeWindow(userId, window);
      return window;
    },
    initialData: () => storedWindow(userId),
    // Whatever was kept is old: ask the server as soon as it can be reached.
    initialDataUpdatedAt: 0,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: dailyReportKeys.templates(),
    queryFn: ({ signal }) => apiRequest<z.infer<typeof TemplatesResponse>>('/api/daily-reports/templates', { signal }).then((r) => r.templates),
    staleTime: 10 * 60_000,
  });
}

export function useDailyReport(id: number | null) {
  return useQuery({
    queryKey: dailyReportKeys.detail(id ?? 0),
    queryFn: ({ signal }) => apiRequest<{ dailyReport: DailyReportDto }>(`/api/daily-reports/${id}`, { signal }).then((r) => r.dailyReport),
    enabled: id !== null && id > 0,
  });
}

export function useMyReports(params: ReportListParams) {
  return useQuery({
    queryKey: dailyReportKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest<ReportList>('/api/daily-reports', {
        signal,
        query: { page: params.page, pageSize: params.pageSize, employeeId: params.employeeId },
      }),
    placeholderData: keepPreviousData,
  });
}

export function usePendingVerifications(enabled: boolean) {
  return useQuery({
    queryKey: dailyReportKeys.pending(),
    queryFn: ({ signal }) =>
      apiRequest<{ dailyReports: DailyReportSummary[] }>('/api/daily-reports/pending', { signal, query: { limit: 200 } }).then(
        (r) => r.dailyReports,
      ),
    enabled,
  });
}

export function useSupervisionRecords(employeeId: number | null) {
  return useQuery({
    queryKey: supervisionKeys.of(employeeId ?? 0),
    queryFn: ({ signal }) =>
      apiRequest<{ supervisionRecords: SupervisionRecordDto[] }>(`/api/employees/${employeeId}/supervision-records`, { signal }).then(
        (r) => r.supervisionRecords,
      ),
    enabled: employeeId !== null,
  });
}

export interface IndicatorOption {
  id: number;
  text: string;
  unit: string | null;
}

export interface RhkOption {
  id: number;
  text: string;
  indicators: IndicatorOption[];
}

/**
 * The RHK and indicators of the employee's APPROVED SKP covering `date`, or null when there is
 * none (the activity is then recorded as not linked to the SKP).
 */
export function useSkpOptions(date: string) {
  return useQuery({
    queryKey: skpLinkKeys.forDate(date),
    queryFn: async ({ signal }): Promise<RhkOption[] | null> => {
      const year = Number(date.slice(0, 4));
      let skps: SkpSummary[];
      try {
        ({ skps } = await apiRequest<{ skps: SkpSummary[] }>('/api/skp', { signal, query: { scope: 'mine', status: 'APPROVED', year } }));
      } catch (error) {
        // No SKP module for this account (e.g. 403/404): simply not linked.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) return null;
        throw error;
      }
      const covering = skps.filter((s) => s.status === 'APPROVED' && s.periodStart <= date && s.periodEnd >= date);
      const chosen = covering.find((s) => s.isCurrent) ?? covering[0];
      if (!chosen) return null;
      const { skp } = await apiRequest<{ skp: SkpDetail }>(`/api/skp/${chosen.id}`, { signal });
      return skp.rhk.map((r) => ({
        id: r.id,
        text: r.text,
        indicators: r.indicators.map((i) => ({ id: i.id, text: i.text, unit: i.targetUnit })),
      }));
    },
    staleTime: 30 * 60_000,
  });
}
