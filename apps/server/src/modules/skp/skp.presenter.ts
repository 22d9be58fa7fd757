import type { SkpIndicatorDto, SkpPersonRef, SkpRhkDto, SkpAbilities, SkpDetail, SkpSummary } from '@pantau/contracts';
import { BERAKHLAK, BERAKHLAK_DEFINITIONS, type CascadeGap } from '@pantau/domain';
import type { IndicatorRow, LampiranRow, PerilakuRow, RhkWithParent, SkpRow } from './skp.repository.js';

/** The only row → JSON path of the SKP plan. */

const iso = (d: Date | string | null): string | null => (d === null ? null : typeof d === 'string' ? d : d.toISOString());

export function unknownPerson(id: number): SkpPersonRef {
  return { id, nip: '', name: '?', golongan: null, pangkat: null, positionName: null, unitName: null };
}

export function presentIndicator(i: IndicatorRow): SkpIndicatorDto {
  return {
    id: i.id,
    key: i.key,
    seq: i.seq,
    aspek: i.aspek,
    perspektif: i.perspektif,
    text: i.text,
    targetValue: i.targetValue,
    targetUnit: i.targetUnit,
    targetText: i.targetText,
  };
}

export function presentRhk(
  r: RhkWithParent,
  indicators: readonly IndicatorRow[],
  names: ReadonlyMap<number, SkpPersonRef>,
  supportedBy: number,
  gaps: readonly CascadeGap[],
): SkpRhkDto {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind,
    seq: r.seq,
    text: r.text,
    origin: r.origin,
    parent:
      r.parentRhkId !== null && r.parentKey !== null
        ? {
            id: r.parentRhkId,
            key: r.parentKey,
            text: r.parentText ?? '',
            ownerName: r.parentOwnerId === null ? '' : (names.get(r.parentOwnerId)?.name ?? ''),
          }
        : null,
    supportedBy,
    gaps: [...gaps],
    indicators: indicators.map(presentIndicator),
  };
}

export function presentSummary(s: SkpRow, employee: SkpPersonRef, rhkCount: number, abilities: SkpAbilities): SkpSummary {
  return {
    id: s.id,
    seriesId: s.seriesId ?? s.id,
    version: s.version,
    isCurrent: s.isCurrent,
    year: s.year,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    form: s.form,
    status: s.status,
    employee,
    rhkCount,
    submittedAt: iso(s.submittedAt),
    approvedAt: iso(s.approvedAt),
    abilities,
  };
}

export interface DetailParts {
  skp: SkpRow;
  employee: SkpPersonRef;
  penilai: SkpPersonRef | null;
  atasanPenilai: SkpPersonRef | null;
  rhk: SkpRhkDto[];
  lampiran: readonly LampiranRow[];
  perilaku: readonly PerilakuRow[];
  problems: { code: string; message: string; blocking: boolean }[];
  versions: { id: number; version: number; status: SkpRow['status']; approvedAt: Date | null }[];
  abilities: SkpAbilities;
}

export function presentDetail(p: DetailParts): SkpDetail {
  const { skp } = p;
  const byKind = (k: LampiranRow['kind']) => p.lampiran.filter((l) => l.kind === k).map((l) => l.text);
  const ekspektasi = new Map(p.perilaku.map((x) => [x.behaviour, x.ekspektasi]));
  return {
    ...presentSummary(skp, p.employee, p.rhk.length, p.abilities),
    approach: skp.approach,
    unitId: skp.unitId,
    positionId: skp.positionId,
    penilai: p.penilai,
    atasanPenilai: p.atasanPenilai,
    penilaiCaptured: skp.penilaiEmployeeId !== null,
    returnedAt: iso(skp.returnedAt),
    returnNote: skp.returnNote,
    rhk: p.rhk,
    lampiran: {
      DUKUNGAN_SUMBER_DAYA: byKind('DUKUNGAN_SUMBER_DAYA'),
      SKEMA_PERTANGGUNGJAWABAN: byKind('SKEMA_PERTANGGUNGJAWABAN'),
      KONSEKUENSI: byKind('KONSEKUENSI'),
    },
    perilaku: BERAKHLAK.map((b) => ({
      behaviour: b,
      label: BERAKHLAK_DEFINITIONS[b].label,
      makna: BERAKHLAK_DEFINITIONS[b].makna,
      panduan: [...BERAKHLAK_DEFINITIONS[b].panduan],
      ekspektasi: ekspektasi.get(b) ?? null,
    })),
    problems: p.problems,
    versions: p.versions.map((v) => ({ id: v.id, version: v.version, status: v.status, approvedAt: iso(v.approvedAt) })),
  };
}
