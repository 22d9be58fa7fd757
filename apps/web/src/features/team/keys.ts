export type TeamScope = 'direct' | 'all';

export const teamKeys = {
  all: ['team'] as const,
  today: (scope: TeamScope) => [...teamKeys.all, 'today', scope] as const,
};
