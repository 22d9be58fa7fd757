import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type {
  IkmReport,
  IkmReportQuery,
  PublicServicePointResponse,
  SurveySubmitBody,
  SurveySubmitResponse,
} from '@pantau/contracts';
import type { z } from 'zod';
import { apiRequest, buildUrl } from '../../api/client';

export type PublicServicePoint = z.infer<typeof PublicServicePointResponse>['servicePoint'];
export type SurveyQuestion = PublicServicePoint['questions'][number];
export type { IkmReport, IkmReportQuery };

export const surveyKeys = {
  all: ['survey'] as const,
  servicePoint: (slug: string) => [...surveyKeys.all, 'service-point', slug] as const,
  ikm: (query: IkmReportQuery) => [...surveyKeys.all, 'ikm', query] as const,
  reportUnits: () => [...surveyKeys.all, 'ikm-units'] as const,
};

/** The units the caller may filter the IKM report to (their scope). */
export function useIkmReportUnits() {
  return useQuery({
    queryKey: surveyKeys.reportUnits(),
    queryFn: ({ signal }) => apiRequest<{ unitIds: number[] }>('/api/feedback/ikm-report/units', { signal }).then((r) => new Set(r.unitIds)),
    staleTime: 5 * 60_000,
  });
}

/** The public page of a service (the QR poster's link): questions and the staff list. */
export function usePublicServicePoint(slug: string | null) {
  return useQuery({
    queryKey: surveyKeys.servicePoint(slug ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<z.infer<typeof PublicServicePointResponse>>(`/api/public/service-points/${encodeURIComponent(slug ?? '')}`, {
        signal,
        withoutSession: true,
      }).then((r) => r.servicePoint),
    enabled: slug !== null && slug !== '',
    // A service's questions and staff list change rarely; a citizen may go back and forth.
    staleTime: 10 * 60_000,
  });
}

export function useSubmitSurvey(slug: string) {
  return useMutation({
    mutationFn: (body: SurveySubmitBody) =>
      apiRequest<z.infer<typeof SurveySubmitResponse>>(`/api/public/service-points/${encodeURIComponent(slug)}/survey-responses`, {
        method: 'POST',
        body,
        withoutSession: true,
      }),
  });
}

function reportParams(query: IkmReportQuery) {
  return { from: query.from, to: query.to, unitId: query.unitId, servicePointId: query.servicePointId };
}

async function fetchIkmReport(query: IkmReportQuery | null, signal: AbortSignal): Promise<IkmReport> {
  const r = await apiRequest<{ report: IkmReport }>('/api/feedback/ikm-report', { signal, query: query ? reportParams(query) : {} });
  return r.report;
}

export function useIkmReport(query: IkmReportQuery | null) {
  return useQuery({
    queryKey: surveyKeys.ikm(query ?? { from: '', to: '' }),
    queryFn: ({ signal }) => fetchIkmReport(query, signal),
    enabled: query !== null,
    // Keep the last report on screen while another period loads.
    placeholderData: keepPreviousData,
  });
}

/** The same report as an Excel file: a plain link, so the browser downloads it with the session cookie. */
export function ikmXlsxHref(query: IkmReportQuery): string {
  return buildUrl('/api/feedback/ikm-report.xlsx', reportParams(query));
}
