import type { ImportChange, PeopleColumn } from '@pantau/contracts';
import { isManajerial, type JabatanType } from '@pantau/domain';
import { displayName } from '../org/names.js';
import { JENIS_JABATAN_LABEL, type ParsedRow, type RowProblem, type RowsResult } from './people-rows.js';
import { normaliseName } from './people-units.js';
import type {
  EmployeeCreate,
  EmployeeUpdate,
  EmployeeValues,
  FieldChange,
  Leaver,
  Move,
  NewSlot,
  OpenAssignment,
  Plan,
  PositionRow,
  Snapshot,
} from './people-plan.js';

/**
 * Compares the checked rows with the database and plans every write. Pure: the same snapshot
 * and rows give the same plan, which the dry run shows and the commit applies.
 *
 * Posts: a row's post is the slot (unit, jabatan, parent post) where the parent post is the one
 * the NIP Atasan holds definitively today, or will hold after this import when they are in the
 * file. New slots get negative temporary ids until they are inserted.
 */

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const dayBefore = (date: string) => addDays(date, -1);

export function planImport(input: RowsResult, snap: Snapshot, scopeRoots: readonly number[] | null, columnHeader: (c: PeopleColumn) => string): Plan {
  const problems = [...input.problems];
  const fail = (row: number, column: PeopleColumn, code: RowProblem['code'], params?: Record<string, unknown>) =>
    problems.push({ row, column: columnHeader(column), code, params });

  const empByNip = new Map(snap.employees.map((e) => [e.nip, e]));
  const empById = new Map(snap.employees.map((e) => [e.id, e]));
  const posById = new Map(snap.positions.map((p) => [p.id, p]));
  const current = new Map<number, OpenAssignment>();
  const laterDefinitive = new Map<number, string>();
  const openByEmployee = new Map<number, OpenAssignment[]>();
  const holders = new Map<number, OpenAssignment[]>();
  for (const a of snap.openAssignments) {
    pushTo(openByEmployee, a.employeeId, a);
    if (a.kind !== 'DEFINITIF') continue;
    if (a.validFrom <= snap.today) {
      current.set(a.employeeId, a);
      pushTo(holders, a.positionId, a);
    } else {
      const seen = laterDefinitive.get(a.employeeId);
      if (seen === undefined || a.validFrom < seen) laterDefinitive.set(a.employeeId, a.validFrom);
    }
  }
  const slotKey = (unitId: number, name: string, parentId: number | null) => `${unitId}|${normaliseName(name)}|${parentId ?? 0}`;
  const existingSlots = new Map<string, number>();
  const slotsByUnitName = new Map<string, PositionRow[]>();
  for (const p of [...snap.positions].sort((a, b) => a.id - b.id)) {
    const key = slotKey(p.unitId, p.name, p.parentPositionId);
    if (!existingSlots.has(key)) existingSlots.set(key, p.id);
    pushTo(slotsByUnitName, `${p.unitId}|${normaliseName(p.name)}`, p);
  }
  const currentUnit = (employeeId: number) => {
    const a = current.get(employeeId);
    return a ? posById.get(a.positionId)?.unitId : undefined;
  };

  // Who is not in the file any more (within the importer's units).
  const leaving = snap.employees
    .filter((e) => e.active && !input.fileNips.has(e.nip))
    .filter((e) => {
      if (scopeRoots === null) return true;
      const unitId = currentUnit(e.id);
      return unitId !== undefined && snap.units.covers(scopeRoots, unitId);
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'id') || a.nip.localeCompare(b.nip));
  const leavingNips = new Set(leaving.map((e) => e.nip));

  // 1. Checks against the database, one row at a time.
  const valid = new Map<string, ParsedRow>();
  for (const r of input.rows) {
    const e = empByNip.get(r.nip);
    const before = problems.length;
    if (snap.otherInstansiNips.has(r.nip)) fail(r.row, 'NIP', 'NIP_OTHER_INSTANSI');
    if (e && scopeRoots !== null) {
      const unitId = currentUnit(e.id);
      if (unitId === undefined ? r.unitId === null : !snap.units.covers(scopeRoots, unitId)) fail(r.row, 'NIP', 'EMPLOYEE_OUT_OF_SCOPE');
    }
    if (!e && r.unitId === null) {
      fail(r.row, 'Unit', 'REQUIRED');
      fail(r.row, 'Jabatan', 'REQUIRED');
    }
    if (r.atasanNip !== null && !input.fileNips.has(r.atasanNip)) {
      const a = empByNip.get(r.atasanNip);
      if (!a) fail(r.row, 'NIP Atasan', 'ATASAN_UNKNOWN', { nip: r.atasanNip });
      // Naming as supervisor someone this very file removes would leave the row pointing at nobody.
      else if (leavingNips.has(a.nip)) fail(r.row, 'NIP Atasan', 'ATASAN_LEAVING', { nip: r.atasanNip });
      else if (!current.has(a.id)) fail(r.row, 'NIP Atasan', 'ATASAN_NO_POSITION', { nip: r.atasanNip });
    }
    if (problems.length === before) valid.set(r.nip, r);
  }

  // 2. Loops in the supervisor chain within the file.
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of valid.values()) {
    const path: ParsedRow[] = [];
    let cur: ParsedRow | undefined = start;
    while (cur && !state.has(cur.nip)) {
      state.set(cur.nip, 'visiting');
      path.push(cur);
      cur = cur.atasanNip === null ? undefined : valid.get(cur.atasanNip);
    }
    if (cur && state.get(cur.nip) === 'visiting') {
      const loop = path.slice(path.indexOf(cur));
      const chain = [...loop, cur].map((r) => r.row).join(' → ');
      for (const r of loop) fail(r.row, 'NIP Atasan', 'ATASAN_CYCLE', { chain });
      for (const r of loop) valid.delete(r.nip);
    }
    for (const r of path) state.set(r.nip, 'done');
  }

  // 3. Posts, parents before children (recursion follows the chain, which has no loops now).
  const newSlots: NewSlot[] = [];
  const newSlotKeys = new Map<string, number>();
  const typeClaims = new Map<number, { type: JabatanType; row: number }>();
  const slotOf = new Map<string, number | undefined>();
  const badRows = new Set<number>();

  const claimType = (slotId: number, r: ParsedRow) => {
    if (r.jenisJabatan === null) return;
    const prior = typeClaims.get(slotId);
    if (!prior) typeClaims.set(slotId, { type: r.jenisJabatan, row: r.row });
    else if (prior.type !== r.jenisJabatan) {
      fail(r.row, 'Jenis Jabatan', 'JENIS_JABATAN_CONFLICT', { row: prior.row });
      badRows.add(r.row);
    }
  };

  const findOrCreate = (r: ParsedRow, unitId: number, jabatan: string, parentId: number | null): number => {
    const cur = current.get(empByNip.get(r.nip)?.id ?? -1);
    const cp = cur ? posById.get(cur.positionId) : undefined;
    // The current post counts as the same when unit and name match and, if a supervisor is
    // given, so does the parent; an empty NIP Atasan never moves anybody by itself.
    const sameName = cp !== undefined && cp.unitId === unitId && normaliseName(cp.name) === normaliseName(jabatan);
    if (cp && sameName && (parentId === null || cp.parentPositionId === parentId)) return cp.id;
    const key = slotKey(unitId, jabatan, parentId);
    let id = existingSlots.get(key) ?? newSlotKeys.get(key);
    if (id === undefined && parentId === null) {
      const same = slotsByUnitName.get(`${unitId}|${normaliseName(jabatan)}`) ?? [];
      if (same.length === 1) id = same[0]?.id;
    }
    if (id !== undefined) return id;
    const parentNew = parentId !== null && parentId < 0 ? newSlots[-parentId - 1] : undefined;
    const slot: NewSlot = {
      tempId: -(newSlots.length + 1),
      unitId,
      name: jabatan,
      type: 'PELAKSANA',
      parentId,
      isHead: false,
      depth: parentNew ? parentNew.depth + 1 : 0,
    };
    newSlots.push(slot);
    newSlotKeys.set(key, slot.tempId);
    return slot.tempId;
  };

  /** The row's post; its supervisor's row (if in the file) must be resolved already. */
  const resolveOne = (r: ParsedRow): void => {
    let slot: number | undefined;
    const e = empByNip.get(r.nip);
    if (r.unitId === null || r.jabatan === null) {
      slot = e ? current.get(e.id)?.positionId : undefined;
    } else {
      let parent: number | null | undefined = null;
      if (r.atasanNip !== null) {
        const boss = valid.get(r.atasanNip);
        if (boss) {
          parent = slotOf.get(boss.nip);
          if (parent === undefined && boss.unitId === null) {
            fail(r.row, 'NIP Atasan', 'ATASAN_NO_POSITION', { nip: r.atasanNip });
            badRows.add(r.row);
          }
        } else {
          const a = empByNip.get(r.atasanNip);
          // Not valid in the file (its own row carries the error) or checked above.
          parent = a && !input.fileNips.has(r.atasanNip) ? current.get(a.id)?.positionId : undefined;
        }
      }
      if (parent !== undefined) slot = findOrCreate(r, r.unitId, r.jabatan, parent);
    }
    if (slot !== undefined) claimType(slot, r);
    slotOf.set(r.nip, slot);
  };
  // Walk up to the first resolved (or outside) supervisor, then resolve downwards: no recursion,
  // so even a pathological 20,000-deep chain cannot overflow the stack.
  for (const start of valid.values()) {
    const chain: ParsedRow[] = [];
    for (let r: ParsedRow | undefined = start; r && !slotOf.has(r.nip); r = r.atasanNip === null ? undefined : valid.get(r.atasanNip)) {
      chain.push(r);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const r = chain[i];
      if (r) resolveOne(r);
    }
  }

  const typeUpdates = new Map<number, JabatanType>();
  for (const slot of newSlots) {
    slot.type = typeClaims.get(slot.tempId)?.type ?? 'PELAKSANA';
    slot.isHead = isManajerial(slot.type);
  }
  for (const [slotId, claim] of typeClaims) {
    const p = posById.get(slotId);
    if (p && p.type !== claim.type) typeUpdates.set(slotId, claim.type);
  }

  // 4. The differences.
  /** A post as stored (`planned` false) or as it will be after this import. */
  const slotView = (id: number, planned: boolean) => {
    if (id < 0) {
      const s = newSlots[-id - 1];
      return s ? { unitId: s.unitId, name: s.name, type: s.type, parentId: s.parentId } : undefined;
    }
    const p = posById.get(id);
    const type = (planned ? typeUpdates.get(id) : undefined) ?? p?.type;
    return p && type ? { unitId: p.unitId, name: p.name, type, parentId: p.parentPositionId } : undefined;
  };
  const holderNip = (positionId: number | null) => {
    if (positionId === null || positionId < 0) return null;
    const list = [...(holders.get(positionId) ?? [])].sort((a, b) => b.validFrom.localeCompare(a.validFrom) || a.employeeId - b.employeeId);
    const first = list[0];
    return first ? (empById.get(first.employeeId)?.nip ?? null) : null;
  };

  const changes: ImportChange[] = [];
  const creates: EmployeeCreate[] = [];
  const updates: EmployeeUpdate[] = [];
  let unchanged = 0;
  for (const r of valid.values()) {
    if (badRows.has(r.row)) continue;
    const slotId = slotOf.get(r.nip);
    const e = empByNip.get(r.nip);
    const values: EmployeeValues = {
      name: r.name,
      gelarDepan: r.gelarDepan === undefined ? (e?.gelarDepan ?? null) : r.gelarDepan,
      gelarBelakang: r.gelarBelakang === undefined ? (e?.gelarBelakang ?? null) : r.gelarBelakang,
      jenisAsn: r.jenisAsn,
      golongan: r.golongan,
    };
    if (!e) {
      if (slotId === undefined) continue;
      creates.push({ nip: r.nip, values, slotId });
      changes.push({ kind: 'new', nip: r.nip, name: displayName(values) });
      continue;
    }
    const fields: FieldChange[] = [];
    const compare = (column: FieldChange['column'], old: string | null, now: string | null) => {
      if ((old ?? '') !== (now ?? '')) fields.push({ column, old: old || null, new: now || null });
    };
    compare('Nama', e.name, values.name);
    compare('Gelar Depan', e.gelarDepan, values.gelarDepan);
    compare('Gelar Belakang', e.gelarBelakang, values.gelarBelakang);
    compare('Jenis ASN', e.jenisAsn, values.jenisAsn);
    compare('Golongan', e.golongan, values.golongan);
    if (!e.active) fields.push({ column: 'Status', old: 'Tidak aktif', new: 'Aktif' });
    const cur = current.get(e.id) ?? null;
    const before = cur ? slotView(cur.positionId, false) : undefined;
    const after = slotId === undefined ? undefined : slotView(slotId, true);
    let move: Move | null = null;
    if (after && slotId !== undefined) {
      compare('Unit', before ? snap.units.label(before.unitId) : null, snap.units.label(after.unitId));
      compare('Jabatan', before?.name ?? null, after.name);
      compare('Jenis Jabatan', before ? JENIS_JABATAN_LABEL[before.type] : null, JENIS_JABATAN_LABEL[after.type]);
      if (slotId !== cur?.positionId) {
        const oldBoss = before ? holderNip(before.parentId) : null;
        if (before?.parentId !== after.parentId) fields.push({ column: 'NIP Atasan', old: oldBoss, new: r.atasanNip ?? holderNip(after.parentId) });
        const later = laterDefinitive.get(e.id);
        move = { slotId, current: cur, validTo: later ? dayBefore(later) : null };
      }
    }
    if (fields.length === 0) {
      unchanged++;
      continue;
    }
    updates.push({ employeeId: e.id, nip: e.nip, values: { ...values, active: true }, fields, move });
    changes.push({ kind: 'changed', nip: e.nip, name: displayName(values), fields });
  }

  // 5. Leaving.
  const leavers: Leaver[] = [];
  for (const e of leaving) {
    leavers.push({ employeeId: e.id, nip: e.nip, assignments: openByEmployee.get(e.id) ?? [] });
    changes.push({ kind: 'leaving', nip: e.nip, name: displayName(e) });
  }

  problems.sort((a, b) => a.row - b.row);
  return {
    problems,
    changes,
    summary: { new: creates.length, changed: updates.length, leaving: leavers.length, unchanged },
    newSlots,
    typeUpdates,
    creates,
    updates,
    leavers,
  };
}
