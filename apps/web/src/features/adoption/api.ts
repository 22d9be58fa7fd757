import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AdoptionDailyResponse, AdoptionTrendResponse, NotStartedResponse, VerificationDelayResponse } from '@pantau/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../api/client';

export type AdoptionDaily = z.infer<typeof AdoptionDailyResponse>;
export type AdoptionTrend = z.infer<typeof AdoptionTrendResponse>;
export type NotStarted = z.infer<typeof NotStartedResponse>;
export type VerificationDelay = z.infer<typeof VerificationDelayResponse>;

export interface RangeParams {
  from: string;
  to: string;
  opdId?: number | undefined;
}

export const adoptionKeys = {
  all: ['adoption'] as const,
  daily: (p: RangeParams) => [...adoptionKeys.all, 'daily', p] as const,
  trend: (opdId: number | undefined) => [...adoptionKeys.all, 'trend', opdId ?? null] as const,
  notStarted: (p: RangeParams) => [...adoptionKeys.all, 'not-started', p] as const,
  delay: (p: RangeParams) => [...adoptionKeys.all, 'delay', p] as const,
};

const query = (p: RangeParams) => ({ from: p.from, to: p.to, opdId: p.opdId });

export function useAdoptionDaily(p: RangeParams) {
  return useQuery({
    queryKey: adoptionKeys.daily(p),
    queryFn: ({ signal }) => apiRequest<AdoptionDaily>('/api/adoption/daily', { signal, query: query(p) }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useAdoptionTrend(opdId: number | undefined) {
  return useQuery({
    queryKey: adoptionKeys.trend(opdId),
    queryFn: ({ signal }) => apiRequest<AdoptionTrend>('/api/adoption/trend', { signal, query: { months: 12, opdId } }),
    staleTime: 30 * 60_000,
  });
}

export function useNotStarted(p: RangeParams) {
  return useQuery({
    queryKey: adoptionKeys.notStarted(p),
    queryFn: ({ signal }) => apiRequest<NotStarted>('/api/adoption/not-started', { signal, query: query(p) }),
    staleTime: 5 * 60_000,
  });
}

export function useVerificationDelay(p: RangeParams) {
  return useQuery({
    queryKey: adoptionKeys.delay(p),
    queryFn: ({ signal }) => apiRequest<VerificationDelay>('/api/adoption/verification-delay', { signal, query: query(p) }),
    staleTime: 5 * 60_000,
  });
}
