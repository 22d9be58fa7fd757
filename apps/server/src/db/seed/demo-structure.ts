import type { Field } from './demo-names.js';
import type { DemoPosition, DemoUnit, UnitSpec } from './demo-types.js';

/** A position plus what the generator needs to staff it. */
export interface PositionPlan extends DemoPosition {
  /** Key of the top-level unit (the OPD). */
  opdKey: string;
  field: Field;
  /** Relative share of staff seats; 0 for single-holder posts. */
  weight: number;
  pnsBias: number;
  female: number;
  /** Heads and Staf Ahli: one DEFINITIF holder (unless left vacant). */
  single: boolean;
}

export const SEKDA_KEY = 'setda#head';

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const headKeyOf = (unitKey: string): string => `${unitKey}#head`;
export const slotKeyOf = (unitKey: string, name: string): string => `${unitKey}#${slug(name)}`;

/**
 * Flattens unit templates into units and positions. A head reports to the nearest ancestor head
 * (or to the head of `reportsTo`); top-level heads report to the Sekretaris Daerah; staff report
 * to the head of their own unit (or, in a unit without a head, to the head it `reportsTo`).
 */
export function flattenCity(specs: readonly UnitSpec[]): { units: DemoUnit[]; positions: PositionPlan[] } {
  const units: DemoUnit[] = [];
  const positions: PositionPlan[] = [];

  const walk = (spec: UnitSpec, parentKey: string | null, ancestorHead: string | null, opdKey: string): void => {
    const key = parentKey === null ? spec.key : `${parentKey}/${spec.key}`;
    units.push({
      key,
      parentKey,
      name: spec.name,
      shortName: spec.shortName ?? null,
      code: spec.code ?? null,
      kind: spec.kind,
    });
    const supervisor = spec.reportsTo !== undefined ? headKeyOf(spec.reportsTo) : ancestorHead;
    let headKey: string | null = null;
    if (spec.head !== null) {
      headKey = headKeyOf(key);
      positions.push({
        key: headKey,
        unitKey: key,
        parentKey: supervisor,
        name: spec.head.title,
        type: spec.head.type,
        jenjang: spec.head.jenjang ?? null,
        isHead: true,
        opdKey,
        field: spec.head.field ?? spec.field,
        weight: 0,
        pnsBias: 1,
        female: 0.3,
        single: true,
      });
    }
    const staffParent = headKey ?? supervisor;
    for (const s of spec.slots) {
      positions.push({
        key: slotKeyOf(key, s.name),
        unitKey: key,
        parentKey: staffParent,
        name: s.name,
        type: s.type,
        jenjang: s.jenjang,
        isHead: false,
        opdKey,
        field: s.field ?? spec.field,
        weight: s.single === true ? 0 : s.weight,
        pnsBias: s.pnsBias ?? 1,
        female: s.female ?? (s.single === true ? 0.3 : 0.5),
        single: s.single === true,
      });
    }
    for (const child of spec.children) walk(child, key, headKey ?? supervisor, opdKey);
  };

  for (const spec of specs) {
    walk(spec, null, spec.key === 'setda' ? null : SEKDA_KEY, spec.key);
  }
  return { units, positions };
}
