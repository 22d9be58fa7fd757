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
