/**
 * Fixed-window counter per key (client address) held in memory. Each app instance limits on
 * its own; the per-account lock-out in the database is the limit that holds across instances.
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
