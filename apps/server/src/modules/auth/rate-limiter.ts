/**
 * Fixed-window counter per key (client address) held in memory, for `memoryRateStore`
 * (http/rate-store.ts): each app instance limits on its own. The PostgreSQL store shares one count
 * between instances; the per-account lock-out in the database always holds across instances.
 */
export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return {
    /** Counts one attempt; returns false when the key is over the limit. */
    hit(key: string): boolean {
      const t = now();
      if (hits.size > 50_000) {
        for (const [k, v] of hits) if (v.resetAt <= t) hits.delete(k);
      }
      const entry = hits.get(key);
      if (!entry || entry.resetAt <= t) {
        hits.set(key, { count: 1, resetAt: t + windowMs });
        return true;
      }
      entry.count++;
      return entry.count <= limit;
    },
  };
}
