import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { formatNumber } from '../../lib/format';
import { currentYear, useTree, type Tree } from './api';
import { SkpStatusTag } from './labels';
import { SkpNav } from './SkpNav';
import './skp.css';

/** The cascade tree city → unit → person, with the two gap flags counted and shown. */
export function TreePage() {
  const { t } = useTranslation('skp');
  const year = currentYear();
  const [unitId, setUnitId] = useState<number | null>(null);
  const tree = useTree(year, unitId);
  return (
    <>
      <PageHeading title={t('tree.title', { year })} />
      <SkpNav />
      {unitId !== null ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => setUnitId(null)}>
            {t('tree.back')}
          </button>
        </p>
      ) : null}
      {tree.isPending ? <Loading /> : null}
      {tree.isError ? <LoadError error={tree.error} onRetry={() => void tree.refetch()} /> : null}
      {tree.data ? (
        <>
          <Counts counts={tree.data.city} title={unitId === null ? t('tree.city') : t('tree.unitTotals')} />
          {unitId === null ? (
            <ul className="skp-tree-list">
              {tree.data.units.map((u) => (
                <li key={u.id} style={{ paddingLeft: `${Math.min(u.depth, 4) * 0.75}rem` }}>
                  <button type="button" className="button button--secondary" onClick={() => setUnitId(u.id)}>
                    {u.name}
                  </button>
                  <p className="small">
                    {t('tree.unitLine', { people: u.counts.people, withSkp: u.counts.withSkp, approved: u.counts.approved })}
                    {u.counts.noParent + u.counts.parentMissing > 0 ? ` · ${t('tree.noParentCount', { count: u.counts.noParent + u.counts.parentMissing })}` : ''}
                    {u.counts.unsupported > 0 ? ` · ${t('tree.unsupportedCount', { count: u.counts.unsupported })}` : ''}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <People people={tree.data.people} />
          )}
        </>
      ) : null}
    </>
  );
}

function Counts({ counts, title }: { counts: Tree['city']; title: string }) {
  const { t, i18n } = useTranslation('skp');
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <section className="skp-box" aria-label={title}>
      <h2 className="heading-s">{title}</h2>
      <p>
        {t('tree.totals', { people: n(counts.people), withSkp: n(counts.withSkp), approved: n(counts.approved), rhk: n(counts.rhk) })}
      </p>
      <p>
        {t('gap.NO_PARENT')}: <strong>{n(counts.noParent)}</strong> · {t('gap.PARENT_MISSING')}: <strong>{n(counts.parentMissing)}</strong> ·{' '}
        {t('gap.UNSUPPORTED')}: <strong>{n(counts.unsupported)}</strong>
      </p>
    </section>
  );
}

function People({ people }: { people: Tree['people'] }) {
  const { t } = useTranslation('skp');
  if (people.length === 0) return <p className="muted">{t('tree.noPeople')}</p>;
  return (
    <ul className="skp-tree-list">
      {people.map((p) => (
        <li key={p.employee.id} className="skp-person">
          <p>
            {p.skpId ? <Link to={`/skp/${p.skpId}`}>{p.employee.name}</Link> : p.employee.name} <span className="small">{p.employee.positionName}</span>{' '}
            {p.status ? <SkpStatusTag status={p.status} /> : <span className="skp-tag skp-tag--gap">{t('tree.noSkp')}</span>}
          </p>
          <ul>
            {p.rhk.map((r) => (
              <li key={r.id}>
                <span className="skp-break">{r.text}</span>
                {r.gaps.map((g) => (
                  <span key={g} className="skp-tag skp-tag--gap">
                    {' '}
                    {t(`gap.${g}`)}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
