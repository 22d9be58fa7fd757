import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../lib/format';
import { formattedPageRange, pageCount, pageHref, type PageMeta } from './paging';
import { LoadError, Loading } from './Status';

/**
 * Previous / "Halaman 2 dari 5" / next for a list whose page is `?page=n` in the address. The
 * steps are links (they work without script and with the back button), named with the page they
 * lead to; nothing is shown when everything fits on one page.
 */
export function Pager({ meta, label }: { meta: PageMeta; label?: string }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const pages = pageCount(meta);
  if (pages <= 1) return null;
  const lang = i18n.language;
  const of = (page: number) => ({ page: formatNumber(page, lang), pages: formatNumber(pages, lang) });
  return (
    <nav className="pagination" aria-label={label ?? t('common.pager.label')}>
      {meta.page > 1 ? (
        <Link className="button button--secondary" to={pageHref(params, meta.page - 1)} rel="prev" aria-label={t('common.pager.previousTo', of(meta.page - 1))}>
          {t('common.pager.previous')}
        </Link>
      ) : null}
      <span className="pagination__status">{t('common.pager.pageOf', of(meta.page))}</span>
      {meta.page < pages ? (
        <Link className="button button--secondary" to={pageHref(params, meta.page + 1)} rel="next" aria-label={t('common.pager.nextTo', of(meta.page + 1))}>
          {t('common.pager.next')}
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * "Menampilkan 26–50 dari 120 …" above a paged list, announced when the page or filter changes.
 * The sentence is the feature's own (it names what is listed): `showing` gets the numbers
 * already in the reader's format.
 */
export function ResultCount({ meta, empty, showing }: { meta: PageMeta; empty: string; showing: (range: { from: string; to: string; total: string }) => string }) {
  const { i18n } = useTranslation();
  return (
    <p className="result-count" role="status">
      {meta.total === 0 ? empty : showing(formattedPageRange(meta, i18n.language))}
    </p>
  );
}

/**
 * A paged list's body: loading, a load error with retry, then the result count, the rows (shown
 * only when there are any) and the pager. The feature renders the rows (a table on a desk, cards
 * on a phone) for the page it has.
 */
export function PagedResults<T extends { meta: PageMeta }>({
  query,
  empty,
  showing,
  pagerLabel,
  hasRows,
  children,
}: {
  query: { isPending: boolean; isError: boolean; isFetching: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  empty: string;
  showing: (range: { from: string; to: string; total: string }) => string;
  pagerLabel: string;
  hasRows: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const { data } = query;
  return (
    <>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <LoadError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data ? (
        <div aria-busy={query.isFetching}>
          <ResultCount meta={data.meta} empty={empty} showing={showing} />
          {hasRows(data) ? children(data) : null}
          <Pager meta={data.meta} label={pagerLabel} />
        </div>
      ) : null}
    </>
  );
}

/** A filter form's buttons: search, and "reset" back to the unfiltered list when a filter is set. */
export function FilterActions({ submit, reset, resetTo, filtered }: { submit: string; reset: string; resetTo: string; filtered: boolean }) {
  return (
    <div className="button-group">
      <button type="submit" className="button">
        {submit}
      </button>
      {filtered ? (
        <Link to={resetTo} className="button button--secondary">
          {reset}
        </Link>
      ) : null}
    </div>
  );
}
