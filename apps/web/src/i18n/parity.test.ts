/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import id from './locales/id.json';

function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();
}

// Feature namespaces (features/<name>/locales/{id,en}.json) must be complete too.
const featureLocales = import.meta.glob<{ default: Record<string, unknown> }>('../features/*/locales/*.json', { eager: true });
const namespaces = new Map<string, { id?: Record<string, unknown>; en?: Record<string, unknown> }>();
for (const [path, mod] of Object.entries(featureLocales)) {
  const m = /features\/([^/]+)\/locales\/(id|en)\.json$/.exec(path);
  if (!m?.[1] || !m[2]) continue;
  const entry = namespaces.get(m[1]) ?? {};
  entry[m[2] as 'id' | 'en'] = mod.default;
  namespaces.set(m[1], entry);
}

describe.runIf(namespaces.size > 0)('feature namespaces', () => {
  it.each([...namespaces.keys()].map((ns) => [ns]))('%s has the same non-empty keys in id and en', (ns) => {
    const entry = namespaces.get(ns) ?? {};
    const a = leaves(entry.id ?? {});
    const b = leaves(entry.en ?? {});
    expect([...b.keys()].filter((k) => !a.has(k)), `keys only in ${ns}/en.json`).toEqual([]);
    expect([...a.keys()].filter((k) => !b.has(k)), `keys only in ${ns}/id.json`).toEqual([]);
    const empty = [...a, ...b].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
    const mismatched = [...a].filter(([k, v]) => {
      const other = b.get(k);
      return typeof v === 'string' && typeof other === 'string' && placeholders(v).join() !== placeholders(other).join();
    });
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });
});

const idLeaves = leaves(id);
const enLeaves = leaves(en);

describe('translations', () => {
  it('have the same keys in Indonesian and English', () => {
    const idKeys = [...idLeaves.keys()].sort();
    const enKeys = [...enLeaves.keys()].sort();
    expect(enKeys.filter((k) => !idLeaves.has(k)), 'keys only in en.json').toEqual([]);
    expect(idKeys.filter((k) => !enLeaves.has(k)), 'keys only in id.json').toEqual([]);
  });

  it('have no empty or non-string values', () => {
    for (const [name, map] of [['id', idLeaves], ['en', enLeaves]] as const) {
      const bad = [...map].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect(bad, `empty values in ${name}.json`).toEqual([]);
    }
  });

  it('use the same interpolation variables in both languages', () => {
    const mismatched = [...idLeaves]
      .filter(([k, v]) => {
        const other = enLeaves.get(k);
        return typeof v === 'string' && typeof other === 'string' && placeholders(v).join() !== placeholders(other).join();
      })
      .map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it('use semantic nested keys, not sentences', () => {
    const sentenceLike = [...idLeaves.keys()].filter((k) => /\s/.test(k) || k.split('.').length < 2);
    expect(sentenceLike).toEqual([]);
  });
});
