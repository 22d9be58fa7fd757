import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { checkDistribution, checkDistributionDetailed, distributionLimits } from './distribution.js';
import type { PredikatCounts } from './distribution.js';
import { RULE_SET_PERMENPANRB_6_2022 } from './rule-set.js';
import type { SkpRuleSet } from './rule-set.js';
import type { PredikatOrganisasi } from './types.js';

/** The rounding rules applied to pools of any size (no advisory small pools). */
const STRICT_ALWAYS: SkpRuleSet = {
  ...RULE_SET_PERMENPANRB_6_2022,
  distribution: { ...RULE_SET_PERMENPANRB_6_2022.distribution, minPoolSize: 1 },
};
const HALF_UP: SkpRuleSet = {
  ...RULE_SET_PERMENPANRB_6_2022,
  distribution: { ...RULE_SET_PERMENPANRB_6_2022.distribution, rounding: 'HALF_UP', minPoolSize: 1 },
};

function ruleIds(org: PredikatOrganisasi, counts: PredikatCounts, ruleSet?: SkpRuleSet): string[] {
  return checkDistributionDetailed(org, counts, ruleSet).violations.map((v) => v.ruleId);
}

describe('ISTIMEWA: Sangat Baik ≤ 70%', () => {
  it('allows 7 of 10 and rejects 8 of 10', () => {
    expect(checkDistribution('ISTIMEWA', { SANGAT_BAIK: 7, BAIK: 3 })).toEqual({ valid: true, violations: [] });
    const bad = checkDistribution('ISTIMEWA', { SANGAT_BAIK: 8, BAIK: 2 });
    expect(bad.valid).toBe(false);
    expect(bad.violations).toHaveLength(1);
    expect(bad.violations[0]).toContain('Sangat Baik');
    expect(bad.violations[0]).toContain('70%');
  });

  it('allows every other predikat freely', () => {
    expect(checkDistribution('ISTIMEWA', { BAIK: 1, BUTUH_PERBAIKAN: 1, KURANG: 1, SANGAT_KURANG: 1 }).valid).toBe(true);
  });

  it('floors the cap for small units (STRICT): 3 of 5 ok, 4 of 5 not', () => {
    expect(checkDistribution('ISTIMEWA', { SANGAT_BAIK: 3, BAIK: 2 }, STRICT_ALWAYS).valid).toBe(true);
    expect(checkDistribution('ISTIMEWA', { SANGAT_BAIK: 4, BAIK: 1 }, STRICT_ALWAYS).valid).toBe(false);
  });

  it('rounds the cap half up with HALF_UP: 4 of 5 ok (3.5 → 4), 5 of 5 not', () => {
    expect(checkDistribution('ISTIMEWA', { SANGAT_BAIK: 4, BAIK: 1 }, HALF_UP).valid).toBe(true);
    expect(checkDistribution('ISTIMEWA', { SANGAT_BAIK: 5 }, HALF_UP).valid).toBe(false);
  });
});

describe('BAIK: Baik ≤ 70% and at least one Butuh Perbaikan and/or Kurang', () => {
  it('allows 7 Baik of 10 and rejects 8', () => {
    expect(ruleIds('BAIK', { BAIK: 7, BUTUH_PERBAIKAN: 1, SANGAT_BAIK: 2 })).toEqual([]);
    expect(ruleIds('BAIK', { BAIK: 8, BUTUH_PERBAIKAN: 1, SANGAT_BAIK: 1 })).toEqual(['BAIK_B_MAX']);
  });

  it('needs one Butuh Perbaikan or Kurang; either satisfies it, Sangat Kurang does not', () => {
    expect(ruleIds('BAIK', { BAIK: 7, SANGAT_BAIK: 3 })).toEqual(['BAIK_BP_K_REQUIRED']);
    expect(ruleIds('BAIK', { BAIK: 7, SANGAT_BAIK: 2, BUTUH_PERBAIKAN: 1 })).toEqual([]);
    expect(ruleIds('BAIK', { BAIK: 7, SANGAT_BAIK: 2, KURANG: 1 })).toEqual([]);
    expect(ruleIds('BAIK', { BAIK: 7, SANGAT_BAIK: 2, SANGAT_KURANG: 1 })).toEqual(['BAIK_BP_K_REQUIRED']);
  });

  it('reports both violations together in Indonesian', () => {
    const result = checkDistribution('BAIK', { BAIK: 10 });
    expect(result.valid).toBe(false);
    expect(result.violations).toEqual([
      'Pegawai dengan predikat "Baik" paling banyak 70% (maksimal 7 dari 10 pegawai); saat ini 10 dari 10 pegawai (100%).',
      'Harus ada paling sedikit 1 pegawai dengan predikat "Butuh Perbaikan" dan/atau "Kurang/Misconduct"; saat ini tidak ada.',
    ]);
  });
});

describe('BUTUH_PERBAIKAN: Sangat Baik ≤ 10%, Butuh Perbaikan ≥ 60%', () => {
  it('Sangat Baik: 1 of 10 ok, 2 of 10 not; 2 of 20 ok, 3 of 20 not', () => {
    expect(ruleIds('BUTUH_PERBAIKAN', { SANGAT_BAIK: 1, BUTUH_PERBAIKAN: 6, BAIK: 3 })).toEqual([]);
    expect(ruleIds('BUTUH_PERBAIKAN', { SANGAT_BAIK: 2, BUTUH_PERBAIKAN: 6, BAIK: 2 })).toEqual(['BUTUH_PERBAIKAN_SB_MAX']);
    expect(ruleIds('BUTUH_PERBAIKAN', { SANGAT_BAIK: 2, BUTUH_PERBAIKAN: 12, BAIK: 6 })).toEqual([]);
    expect(ruleIds('BUTUH_PERBAIKAN', { SANGAT_BAIK: 3, BUTUH_PERBAIKAN: 12, BAIK: 5 })).toEqual(['BUTUH_PERBAIKAN_SB_MAX']);
  });

  it('no Sangat Baik at all in a unit of 9 (10% of 9 = 0.9 → max 0)', () => {
    expect(ruleIds('BUTUH_PERBAIKAN', { SANGAT_BAIK: 1, BUTUH_PERBAIKAN: 6, BAIK: 2 })).toEqual(['BUTUH_PERBAIKAN_SB_MAX']);
    expect(ruleIds('BUTUH_PERBAIKAN', { SANGAT_BAIK: 1, BUTUH_PERBAIKAN: 6, BAIK: 2 }, HALF_UP)).toEqual([]);
  });

  it('Butuh Perbaikan: 6 of 10 ok, 5 of 10 not', () => {
    expect(ruleIds('BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 6, BAIK: 4 })).toEqual([]);
    expect(ruleIds('BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 5, BAIK: 5 })).toEqual(['BUTUH_PERBAIKAN_BP_MIN']);
  });

  it('ceils the minimum for small units: 3 of 4 needed (2.4 → 3) with STRICT, 2 with HALF_UP', () => {
    expect(ruleIds('BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 3, BAIK: 1 })).toEqual([]);
    expect(ruleIds('BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 2, BAIK: 2 })).toEqual(['BUTUH_PERBAIKAN_BP_MIN']);
    expect(ruleIds('BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 2, BAIK: 2 }, HALF_UP)).toEqual([]);
    expect(ruleIds('BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 1, BAIK: 3 }, HALF_UP)).toEqual(['BUTUH_PERBAIKAN_BP_MIN']);
  });
});

describe('KURANG: Sangat Baik ≤ 10%, Butuh Perbaikan ≥ 10%, Kurang ≥ 60%', () => {
  const ok = { SANGAT_BAIK: 1, BUTUH_PERBAIKAN: 1, KURANG: 6, BAIK: 2 };

  it('accepts the limits exactly', () => {
    expect(ruleIds('KURANG', ok)).toEqual([]);
  });

  it('Sangat Baik: 2 of 10 breaks the cap', () => {
    expect(ruleIds('KURANG', { ...ok, SANGAT_BAIK: 2, BAIK: 1 })).toEqual(['KURANG_SB_MAX']);
  });

  it('Butuh Perbaikan: 0 of 10 breaks the minimum of 1', () => {
    expect(ruleIds('KURANG', { ...ok, BUTUH_PERBAIKAN: 0, BAIK: 3 })).toEqual(['KURANG_BP_MIN']);
  });

  it('Kurang: 5 of 10 breaks the minimum of 6', () => {
    expect(ruleIds('KURANG', { ...ok, KURANG: 5, BAIK: 3 })).toEqual(['KURANG_K_MIN']);
  });

  it('needs 5 Kurang of 7 (4.2 → 5) with STRICT and 4 with HALF_UP', () => {
    expect(ruleIds('KURANG', { KURANG: 5, BUTUH_PERBAIKAN: 1, BAIK: 1 })).toEqual([]);
    expect(ruleIds('KURANG', { KURANG: 4, BUTUH_PERBAIKAN: 1, BAIK: 2 })).toEqual(['KURANG_K_MIN']);
    expect(ruleIds('KURANG', { KURANG: 4, BUTUH_PERBAIKAN: 1, BAIK: 2 }, HALF_UP)).toEqual([]);
    expect(ruleIds('KURANG', { KURANG: 3, BUTUH_PERBAIKAN: 1, BAIK: 3 }, HALF_UP)).toEqual(['KURANG_K_MIN']);
  });
});

describe('SANGAT_KURANG: no Sangat Baik, Kurang + Butuh Perbaikan ≥ 10%, Sangat Kurang ≥ 60%', () => {
  const ok = { SANGAT_KURANG: 6, KURANG: 1, BAIK: 3 };

  it('accepts the limits exactly', () => {
    expect(ruleIds('SANGAT_KURANG', ok)).toEqual([]);
    expect(ruleIds('SANGAT_KURANG', { SANGAT_KURANG: 6, BUTUH_PERBAIKAN: 1, BAIK: 3 })).toEqual([]);
  });

  it('rejects a single Sangat Baik, with the "tidak boleh ada" message', () => {
    const detailed = checkDistributionDetailed('SANGAT_KURANG', { ...ok, SANGAT_BAIK: 1, BAIK: 2 });
    expect(detailed.violations.map((v) => v.ruleId)).toEqual(['SANGAT_KURANG_SB_NONE']);
    expect(detailed.violations[0]?.message).toMatch(/^Tidak boleh ada pegawai dengan predikat "Sangat Baik"/);
    expect(detailed.violations[0]?.limit).toBe(0);
  });

  it('counts Kurang and Butuh Perbaikan together: 0 of 10 fails', () => {
    expect(ruleIds('SANGAT_KURANG', { SANGAT_KURANG: 6, BAIK: 4 })).toEqual(['SANGAT_KURANG_K_BP_MIN']);
  });

  it('Sangat Kurang: 5 of 10 fails', () => {
    expect(ruleIds('SANGAT_KURANG', { SANGAT_KURANG: 5, KURANG: 1, BAIK: 4 })).toEqual(['SANGAT_KURANG_SK_MIN']);
  });
});

describe('checkDistributionDetailed', () => {
  it('returns codes and numbers for each violation', () => {
    const result = checkDistributionDetailed('KURANG', { SANGAT_BAIK: 3, BAIK: 7 });
    expect(result.valid).toBe(false);
    expect(result.total).toBe(10);
    expect(result.violations.map(({ code, ruleId, actual, limit }) => ({ code, ruleId, actual, limit }))).toEqual([
      { code: 'MAX_PERCENT_EXCEEDED', ruleId: 'KURANG_SB_MAX', actual: 3, limit: 1 },
      { code: 'MIN_PERCENT_NOT_MET', ruleId: 'KURANG_BP_MIN', actual: 0, limit: 1 },
      { code: 'MIN_PERCENT_NOT_MET', ruleId: 'KURANG_K_MIN', actual: 0, limit: 6 },
    ]);
    expect(result.violations[2]?.message).toBe(
      'Pegawai dengan predikat "Kurang/Misconduct" paling sedikit 60% (minimal 6 dari 10 pegawai); saat ini 0 dari 10 pegawai (0%).',
    );
  });

  it('uses REQUIRED_PREDIKAT_MISSING for the Baik rule', () => {
    const [v] = checkDistributionDetailed('BAIK', { BAIK: 1, SANGAT_BAIK: 1 }).violations.filter((x) => x.ruleId === 'BAIK_BP_K_REQUIRED');
    expect(v?.code).toBe('REQUIRED_PREDIKAT_MISSING');
    expect(v?.predikat).toEqual(['BUTUH_PERBAIKAN', 'KURANG']);
  });

  it('prints a one-decimal Indonesian percentage', () => {
    const [v] = checkDistributionDetailed('ISTIMEWA', { SANGAT_BAIK: 3 }).violations;
    expect(v?.message).toContain('(100%)');
    const [w] = checkDistributionDetailed('BUTUH_PERBAIKAN', { SANGAT_BAIK: 1, BUTUH_PERBAIKAN: 2 }).violations;
    expect(w?.message).toContain('saat ini 1 dari 3 pegawai (33,3%)');
  });
});

describe('input handling', () => {
  it('treats missing keys as 0 and an empty unit as valid', () => {
    expect(checkDistribution('BAIK', {})).toEqual({ valid: true, violations: [] });
    expect(checkDistribution('SANGAT_KURANG', { SANGAT_KURANG: 0 })).toEqual({ valid: true, violations: [] });
    expect(checkDistribution('ISTIMEWA', { SANGAT_BAIK: 0, BAIK: 1 }).valid).toBe(true);
  });

  it('rejects negative, fractional and unknown counts', () => {
    expect(() => checkDistribution('BAIK', { BAIK: -1 })).toThrow(DomainError);
    expect(() => checkDistribution('BAIK', { BAIK: 1.5 })).toThrow(DomainError);
    expect(() => checkDistribution('BAIK', { CUKUP: 1 } as PredikatCounts)).toThrow(DomainError);
    expect(() => checkDistribution('CUKUP' as PredikatOrganisasi, { BAIK: 1 })).toThrow(DomainError);
  });
});

describe('distributionLimits', () => {
  it('turns the percentages into headcounts', () => {
    expect(distributionLimits('KURANG', 10).map((l) => [l.ruleId, l.bound, l.count])).toEqual([
      ['KURANG_SB_MAX', 'max', 1],
      ['KURANG_BP_MIN', 'min', 1],
      ['KURANG_K_MIN', 'min', 6],
    ]);
    expect(distributionLimits('BAIK', 5).map((l) => l.count)).toEqual([3, 1]);
    expect(distributionLimits('BAIK', 5, HALF_UP).map((l) => l.count)).toEqual([4, 1]);
    expect(distributionLimits('BAIK', 0).map((l) => l.count)).toEqual([0, 0]);
  });

  it('rejects an invalid total', () => {
    expect(() => distributionLimits('BAIK', -1)).toThrow(DomainError);
  });
});

describe('small pools: binding from minPoolSize (10) rated employees, advisory below (decision 0008)', () => {
  it('is part of the versioned rule set: STRICT rounding, minimum pool of 10', () => {
    expect(RULE_SET_PERMENPANRB_6_2022.distribution).toMatchObject({ rounding: 'STRICT', minPoolSize: 10 });
  });

  it('lets a one-person pool under "Baik" be rated Baik: the breaches are listed, the pool is valid', () => {
    const one = checkDistributionDetailed('BAIK', { BAIK: 1 });
    expect(one).toMatchObject({ valid: true, advisory: true, total: 1 });
    expect(one.violations.map((v) => v.ruleId)).toEqual(['BAIK_B_MAX', 'BAIK_BP_K_REQUIRED']);
    expect(checkDistribution('BAIK', { BAIK: 1 }).valid).toBe(true);
    // With the rounding alone it never could: max Baik = floor(0.7) = 0, and "harus ada" BP/K.
    expect(checkDistribution('BAIK', { BAIK: 1 }, STRICT_ALWAYS).valid).toBe(false);
    expect(checkDistribution('BAIK', { BAIK: 1 }, HALF_UP).valid).toBe(false);
  });

  it('is advisory at 9 rated and binding at 10, for the same shares', () => {
    const nine = checkDistributionDetailed('BAIK', { BAIK: 9 });
    expect(nine).toMatchObject({ valid: true, advisory: true });
    expect(nine.violations.map((v) => v.ruleId)).toEqual(['BAIK_B_MAX', 'BAIK_BP_K_REQUIRED']);
    const ten = checkDistributionDetailed('BAIK', { BAIK: 10 });
    expect(ten).toMatchObject({ valid: false, advisory: false });
    expect(ten.violations.map((v) => v.ruleId)).toEqual(['BAIK_B_MAX', 'BAIK_BP_K_REQUIRED']);
    expect(checkDistributionDetailed('BAIK', { BAIK: 7, BUTUH_PERBAIKAN: 3 })).toMatchObject({ valid: true, advisory: false, violations: [] });
  });

  it.each([
    ['ISTIMEWA', { SANGAT_BAIK: 9 }, { SANGAT_BAIK: 10 }],
    ['BUTUH_PERBAIKAN', { SANGAT_BAIK: 9 }, { SANGAT_BAIK: 10 }],
    ['KURANG', { BAIK: 9 }, { BAIK: 10 }],
    ['SANGAT_KURANG', { SANGAT_BAIK: 9 }, { SANGAT_BAIK: 10 }],
  ] as const)('%s: a breaking pool of 9 is advisory, of 10 is not', (org, nine, ten) => {
    expect(checkDistributionDetailed(org, nine)).toMatchObject({ valid: true, advisory: true });
    expect(checkDistributionDetailed(org, nine).violations.length).toBeGreaterThan(0);
    expect(checkDistributionDetailed(org, ten)).toMatchObject({ valid: false, advisory: false });
  });

  it('treats tiny pools (1, 2 rated) as advisory and keeps the limits for display; an empty pool is simply valid', () => {
    expect(checkDistributionDetailed('KURANG', {})).toMatchObject({ valid: true, advisory: false, violations: [] });
    expect(checkDistributionDetailed('KURANG', { KURANG: 1 })).toMatchObject({ valid: true, advisory: true });
    expect(ruleIds('KURANG', { KURANG: 1 })).toEqual(['KURANG_BP_MIN']); // 10% of 1 → 1 Butuh Perbaikan
    expect(checkDistributionDetailed('SANGAT_KURANG', { SANGAT_KURANG: 1, BAIK: 1 })).toMatchObject({ valid: true, advisory: true });
    expect(distributionLimits('BAIK', 1).map((l) => l.count)).toEqual([0, 1]);
    expect(distributionLimits('BAIK', 1, HALF_UP).map((l) => l.count)).toEqual([1, 1]);
  });

  it('can be made binding for every size with minPoolSize 1', () => {
    expect(checkDistributionDetailed('KURANG', { KURANG: 1 }, STRICT_ALWAYS)).toMatchObject({ valid: false, advisory: false });
    expect(checkDistributionDetailed('KURANG', {}, STRICT_ALWAYS)).toMatchObject({ valid: true, advisory: false });
  });
});
