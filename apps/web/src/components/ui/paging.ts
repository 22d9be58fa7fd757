import { formatNumber } from '../../lib/format';

/** Paging arithmetic for list pages whose page lives in the address (`?page=n`). */

export interface PageMeta {
  page: number;
  pageSize: number;
  total: number;
}

/** An id or number from the address (`?unitId=12`): a whole number from 1, else undefined. */
export function positiveIntParam(value: string | null): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The page asked for in the address (`?page=n`): a whole number from 1, else page 1. */
export function pageFromParams(params: URLSearchParams): number {
  return positiveIntParam(params.get('page')) ?? 1;
}

/** How many pages there are (at least one, so an empty list is "page 1 of 1"). */
export function pageCount(meta: PageMeta): number {
  return Math.max(1, Math.ceil(meta.total / meta.pageSize));
}

/** The 1-based rows shown on this page ("26–50 of 120"); `to` never passes `total`. */
export function pageRange(meta: PageMeta): { from: number; to: number; total: number } {
  return { from: (meta.page - 1) * meta.pageSize + 1, to: Math.min(meta.page * meta.pageSize, meta.total), total: meta.total };
}

/** The address of page `page` with every other search parameter kept; page 1 drops `page`. */
export function pageHref(params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  if (page <= 1) next.delete('page');
  else next.set('page', String(page));
  return `?${next.toString()}`;
}

/** `pageRange` in the reader's number format, for "Menampilkan {{from}}–{{to}} dari {{total}} …". */
export function formattedPageRange(meta: PageMeta, lang: string): { from: string; to: string; total: string } {
  const { from, to, total } = pageRange(meta);
  return { from: formatNumber(from, lang), to: formatNumber(to, lang), total: formatNumber(total, lang) };
}
