import { describe, expect, it } from 'vitest';
import { pageCount, pageFromParams, pageHref, pageRange, positiveIntParam } from './paging';

describe('pager arithmetic', () => {
  it('reads the page from the address, page 1 for anything that is not a whole number from 1', () => {
    expect(pageFromParams(new URLSearchParams('page=3&q=x'))).toBe(3);
    for (const bad of ['', 'page=', 'page=0', 'page=-2', 'page=1.5', 'page=abc']) expect(pageFromParams(new URLSearchParams(bad))).toBe(1);
  });

  it('reads an id from the address only when it is a whole number from 1', () => {
    expect(positiveIntParam('12')).toBe(12);
    for (const bad of [null, '', '0', '-3', '2.5', 'abc', '1e400']) expect(positiveIntParam(bad)).toBeUndefined();
  });

  it('counts pages, with one page for an empty list', () => {
    expect(pageCount({ page: 1, pageSize: 25, total: 0 })).toBe(1);
    expect(pageCount({ page: 1, pageSize: 25, total: 25 })).toBe(1);
    expect(pageCount({ page: 1, pageSize: 25, total: 26 })).toBe(2);
    expect(pageCount({ page: 3, pageSize: 20, total: 41 })).toBe(3);
  });

  it('gives the rows shown, the last page ending at the total', () => {
    expect(pageRange({ page: 1, pageSize: 25, total: 120 })).toEqual({ from: 1, to: 25, total: 120 });
    expect(pageRange({ page: 2, pageSize: 25, total: 120 })).toEqual({ from: 26, to: 50, total: 120 });
    expect(pageRange({ page: 5, pageSize: 25, total: 120 })).toEqual({ from: 101, to: 120, total: 120 });
  });

  it('keeps the filters in the page address and drops page=1', () => {
    const params = new URLSearchParams('q=budi&unitId=7&page=3');
    expect(pageHref(params, 4)).toBe('?q=budi&unitId=7&page=4');
    expect(pageHref(params, 1)).toBe('?q=budi&unitId=7');
    expect(pageHref(new URLSearchParams(), 2)).toBe('?page=2');
    expect(params.get('page')).toBe('3');
  });
});
