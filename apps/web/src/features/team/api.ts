import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSupervisionRecordBody, DailyReportDto, SupervisionRecordDto, TeamTodayResponse, VerificationBody } from '@pantau/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../api/client';
import { dailyReportKeys, supervisionKeys } from '../daily-reports/keys';
import { teamKeys, type TeamScope } from './keys';

export function useTeamToday(scope: TeamScope, enabled = true) {
  return useQuery({
    enabled,
    queryKey: teamKeys.today(scope),
    queryFn: ({ signal }) => apiRequest<TeamTodayResponse>('/api/team/today', { signal, query: { scope } }),
  });
}

/** Verify or return a day; the key is made once per decision so a retry never decides twice. */
export function useVerifyReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, body, key }: { reportId: number; body: VerificationBody; key: string }) =>
      apiRequest<{ dailyReport: DailyReportDto }>(`/api/daily-reports/${reportId}/verification`, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': key },
      }).then(
        (r) => r.dailyReport,
      ),
    onSuccess: async (report) => {
      queryClient.setQueryData(dailyReportKeys.detail(report.id), report);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dailyReportKeys.pending() }),
        queryClient.invalidateQueries({ queryKey: teamKeys.all }),
      ]);
    },
  });
}

export function useCreateSupervisionRecord(employeeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: z.input<typeof CreateSupervisionRecordBody>; key: string }) =>
      apiRequest<{ supervisionRecord: SupervisionRecordDto }>(`/api/employees/${employeeId}/supervision-records`, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': key },
      }).then(
        (r) => r.supervisionRecord,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supervisionKeys.of(employeeId) }),
  });
}
