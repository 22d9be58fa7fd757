import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../lib/format';
import { formattedPageRange, pageCount, pageHref, type PageMeta } from './paging';

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
