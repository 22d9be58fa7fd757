import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { TableWrap } from '../../components/ui/TableWrap';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/use-media-query';
import '../public/feedback.css';
import { posterHref, useServicePoints, type ServicePointDto } from './api';
import { NS } from './namespace';

/** Admin: the public services of the units they administer, with the QR poster of each. */
export function ServicePointsPage() {
  const { t } = useTranslation(NS);
  const [params, setParams] = useSearchParams();
  const includeInactive = params.get('nonaktif') === '1';
  const list = useServicePoints(includeInactive);
  const isDesktop = useMediaQuery(DESKTOP_QUERY);

  return (
    <>
      <PageHeading title={t('list.title')} />
      <p className="lead">{t('list.lead')}</p>
      <p>
        <Link className="button" to="/layanan-publik/baru">
          {t('list.add')}
        </Link>
      </p>
      <div className="checkbox">
        <input
          id="sp-inactive"
          type="checkbox"
          checked={includeInactive}
          onChange={(e) => setParams(e.target.checked ? { nonaktif: '1' } : {}, { replace: true })}
        />
        <label htmlFor="sp-inactive">{t('list.showInactive')}</label>
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.length === 0 ? <p>{t('list.empty')}</p> : null}
      {list.data && list.data.length > 0 ? (
        isDesktop ? (
          <ServicePointTable items={list.data} />
        ) : (
          <ServicePointCards items={list.data} />
        )
      ) : null}
    </>
  );
}

function ServicePointTable({ items }: { items: readonly ServicePointDto[] }) {
  const { t } = useTranslation(NS);
  return (
    <TableWrap label={t('list.caption')}>
      <table className="table">
        <caption className="visually-hidden">{t('list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.columns.name')}</th>
            <th scope="col">{t('list.columns.unit')}</th>
            <th scope="col">{t('list.columns.link')}</th>
            <th scope="col">{t('list.columns.status')}</th>
            <th scope="col">{t('list.columns.poster')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((sp) => (
            <tr key={sp.id}>
              <th scope="row">
                <Link to={`/layanan-publik/${sp.id}`}>{sp.name}</Link>
              </th>
              <td>{sp.unitName}</td>
              <td>
                <a href={sp.publicPath}>{sp.publicPath}</a>
              </td>
              <td>{sp.active ? t('list.active') : t('list.inactive')}</td>
              <td>
                <a href={posterHref(sp.id)} download aria-label={t('list.posterFor', { name: sp.name })}>
                  {t('list.poster')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function ServicePointCards({ items }: { items: readonly ServicePointDto[] }) {
  const { t } = useTranslation(NS);
  return (
    <ul className="cards" aria-label={t('list.caption')}>
      {items.map((sp) => (
        <li className="card card--link" key={sp.id}>
          <Link className="card__title" to={`/layanan-publik/${sp.id}`}>
            {sp.name}
          </Link>
          <p>{sp.unitName}</p>
          <p className="card__meta">
            {sp.active ? t('list.active') : t('list.inactive')} · <a href={sp.publicPath}>{sp.publicPath}</a>
          </p>
          <p>
            <a href={posterHref(sp.id)} download aria-label={t('list.posterFor', { name: sp.name })}>
              {t('list.poster')}
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}
