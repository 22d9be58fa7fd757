import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { TableWrap } from '../../components/ui/TableWrap';
import { formatDate, formatNumber, intlLocale, todayIso } from '../../lib/format';
import { useAdoptionDaily, useAdoptionTrend, useNotStarted, useVerificationDelay, type NotStarted, type RangeParams } from './api';
import { monthRange, percent, recentMonths } from './range';
import './adoption.css';

/**
 * Adoption of daily reporting, for leaders: who reports on each working day per OPD, the trend,
 * who has not started, and how fast each atasan decides. No chart library: bars are plain CSS,
 * and every number is also in a table.
 */
export function AdoptionPage() {
  const { t, i18n } = useTranslation('adoption');
  const today = todayIso();
  const months = recentMonths(today, 12);
  const [month, setMonth] = useState(months[0] ?? today.slice(0, 7));
  const [opdId, setOpdId] = useState<number | undefined>(undefined);
  const range: RangeParams = { ...monthRange(month, today), opdId };
  const daily = useAdoptionDaily(range);
  const trend = useAdoptionTrend(opdId);
  const notStarted = useNotStarted(range);
  const delay = useVerificationDelay(range);
  const [opdsAll, setOpdsAll] = useState<{ opdId: number; name: string }[]>([]);
  if (daily.data && opdId === undefined && daily.data.opds.length !== opdsAll.length) {
    setOpdsAll(daily.data.opds.map((o) => ({ opdId: o.opdId, name: o.name })));
  }
  const monthName = (m: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));

  const total = daily.data?.total;
  const sumHead = total?.headcount.reduce((s, n) => s + n, 0) ?? 0;
  const sumRep = total?.reported.reduce((s, n) => s + n, 0) ?? 0;
  const average = sumHead > 0 ? sumRep / sumHead : 0;
  const opds = [...(daily.data?.opds ?? [])].sort((a, b) => a.averageShare - b.averageShare);

  return (
    <>
      <PageHeading title={t('title')} />
      <p className="lead">{t('intro')}</p>
      <form className="filters adoption-filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="adoption-month">
            {t('filters.month')}
          </label>
          <select id="adoption-month" className="select" value={month} onChange={(e) => setMonth(e.target.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {monthName(m)}
              </option>
            ))}
          </select>
        </div>
        {opdsAll.length > 1 ? (
          <div className="field">
            <label className="field__label" htmlFor="adoption-opd">
              {t('filters.opd')}
            </label>
            <select
              id="adoption-opd"
              className="select"
              value={opdId ?? ''}
              onChange={(e) => setOpdId(e.target.value === '' ? undefined : Number(e.target.value))}
            >
              <option value="">{t('filters.allOpds')}</option>
              {opdsAll.map((o) => (
                <option key={o.opdId} value={o.opdId}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </form>

      {daily.isPending ? <Loading /> : null}
      {daily.isError ? <LoadError error={daily.error} onRetry={() => void daily.refetch()} /> : null}
      {daily.data && total ? (
        <>
          <section aria-labelledby="adoption-summary" className="section">
            <h2 className="heading-m" id="adoption-summary">
              {t('summary.title', { month: monthName(month) })}
            </h2>
            <p className="big-number">{t('summary.average', { percent: percent(average) })}</p>
            <p>{t('summary.explain', { days: daily.data.workingDays.length })}</p>
          </section>

          <section aria-labelledby="adoption-days" className="section">
            <h2 className="heading-m" id="adoption-days">
              {t('days.title')}
            </h2>
            {daily.data.workingDays.length === 0 ? (
              <p>{t('days.none')}</p>
            ) : (
              <TableWrap label={t('days.title')}>
                <table className="table table--compact bars-table">
                  <caption className="visually-hidden">{t('days.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('days.date')}</th>
                      <th scope="col">{t('days.reported')}</th>
                      <th scope="col">{t('days.share')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {daily.data.workingDays.map((d, i) => (
                      <tr key={d}>
                        <th scope="row">{formatDate(d, i18n.language)}</th>
                        <td className="num">
                          {t('days.ofHeadcount', {
                            reported: formatNumber(total.reported[i] ?? 0, i18n.language),
                            headcount: formatNumber(total.headcount[i] ?? 0, i18n.language),
                          })}
                        </td>
                        <td>
                          <Bar share={total.share[i] ?? 0} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </section>

          {opds.length > 1 ? (
            <section aria-labelledby="adoption-opds" className="section">
              <h2 className="heading-m" id="adoption-opds">
                {t('opds.title')}
              </h2>
              <p>{t('opds.intro')}</p>
              <ul className="opd-list">
                {opds.map((o) => (
                  <li key={o.opdId} className="opd-list__item">
                    <p className="opd-list__name">{o.name}</p>
                    <Bar share={o.averageShare} />
                    <p className="small">
                      {t('opds.recapFor')} <RecapLinks unitId={o.opdId} month={month} name={o.name} />
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {opds.length === 1 && opds[0] ? (
            <section aria-labelledby="adoption-recap" className="section">
              <h2 className="heading-m" id="adoption-recap">
                {t('opds.recap')}
              </h2>
              <p>
                <RecapLinks unitId={opds[0].opdId} month={month} name={opds[0].name} />
              </p>
            </section>
          ) : null}
        </>
      ) : null}

      <section aria-labelledby="adoption-trend" className="section">
        <h2 className="heading-m" id="adoption-trend">
          {t('trend.title')}
        </h2>
        {trend.isPending ? <Loading /> : null}
        {trend.isError ? <LoadError error={trend.error} onRetry={() => void trend.refetch()} /> : null}
        {trend.data ? (
          <>
            <div className="trend" aria-hidden="true">
              {trend.data.months.map((m) => (
                <div className="trend__col" key={m.month}>
                  <div className="trend__bar" style={{ height: `${Math.max(2, percent(m.share))}%` }} />
                  <span className="trend__label">{m.month.slice(5)}</span>
                </div>
              ))}
            </div>
            <TableWrap label={t('trend.title')}>
              <table className="table table--compact">
                <thead>
                  <tr>
                    <th scope="col">{t('trend.month')}</th>
                    <th scope="col">{t('trend.share')}</th>
                    <th scope="col">{t('trend.reportedDays')}</th>
                  </tr>
                </thead>
                <tbody>
                  {trend.data.months.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{monthName(m.month)}</th>
                      <td className="num">{t('percent', { value: percent(m.share) })}</td>
                      <td className="num">{formatNumber(m.reportedDays, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        ) : null}
      </section>

      <section aria-labelledby="adoption-not-started" className="section">
        <h2 className="heading-m" id="adoption-not-started">
          {t('notStarted.title')}
        </h2>
        {notStarted.isPending ? <Loading /> : null}
        {notStarted.isError ? <LoadError error={notStarted.error} onRetry={() => void notStarted.refetch()} /> : null}
        {notStarted.data ? (
          notStarted.data.totalEmployees === 0 ? (
            <p>{t('notStarted.none')}</p>
          ) : (
            <>
              <p>{t('notStarted.total', { count: notStarted.data.totalEmployees })}</p>
              {notStarted.data.units.length > 0 ? (
                <>
                  <h3 className="heading-s">{t('notStarted.units')}</h3>
                  <ul className="plain-list">
                    {groupByOpd(notStarted.data.units).map((g) => (
                      <li key={g.opd}>
                        <strong>{g.opd}</strong>{' '}
                        <span className="muted">{t('notStarted.unitsInOpd', { count: g.units, people: formatNumber(g.people, i18n.language) })}</span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <details className="details">
                <summary>{t('notStarted.showPeople', { count: notStarted.data.employees.length })}</summary>
                <ul className="plain-list">
                  {notStarted.data.employees.map((e) => (
                    <li key={e.employeeId}>
                      {e.name} <span className="muted">{e.unitName ?? ''}</span>
                    </li>
                  ))}
                </ul>
              </details>
            </>
          )
        ) : null}
      </section>

      <section aria-labelledby="adoption-delay" className="section">
        <h2 className="heading-m" id="adoption-delay">
          {t('delay.title')}
        </h2>
        <p>{t('delay.intro')}</p>
        {delay.isPending ? <Loading /> : null}
        {delay.isError ? <LoadError error={delay.error} onRetry={() => void delay.refetch()} /> : null}
        {delay.data && delay.data.supervisors.length === 0 ? <p>{t('delay.none')}</p> : null}
        {delay.data && delay.data.supervisors.length > 0 ? (
          <TableWrap label={t('delay.title')}>
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('delay.supervisor')}</th>
                  <th scope="col">{t('delay.decided')}</th>
                  <th scope="col">{t('delay.average')}</th>
                  <th scope="col">{t('delay.longest')}</th>
                  <th scope="col">{t('delay.waiting')}</th>
                </tr>
              </thead>
              <tbody>
                {[...delay.data.supervisors]
                  .sort((a, b) => b.pending - a.pending || b.averageWorkingDays - a.averageWorkingDays)
                  .map((s) => (
                    <tr key={s.employeeId}>
                      <th scope="row">
                        {s.name}
                        {s.unitName ? <span className="small muted block">{s.unitName}</span> : null}
                      </th>
                      <td className="num">{formatNumber(s.decided, i18n.language)}</td>
                      <td className="num">{t('delay.days', { value: formatNumber(Math.round(s.averageWorkingDays * 10) / 10, i18n.language) })}</td>
                      <td className="num">{t('delay.days', { value: formatNumber(s.maxWorkingDays, i18n.language) })}</td>
                      <td className="num">
                        {formatNumber(s.pending, i18n.language)}
                        {s.oldestPendingDate ? <span className="small muted block">{t('delay.since', { date: formatDate(s.oldestPendingDate, i18n.language) })}</span> : null}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>
    </>
  );
}

/** Units without reports, counted per OPD (a unit that is itself an OPD counts under its own name). */
function groupByOpd(units: NotStarted['units']): { opd: string; units: number; people: number }[] {
  const map = new Map<string, { opd: string; units: number; people: number }>();
  for (const u of units) {
    const opd = u.opdName ?? u.name;
    const g = map.get(opd) ?? { opd, units: 0, people: 0 };
    g.units += 1;
    g.people += u.employees;
    map.set(opd, g);
  }
  return [...map.values()].sort((a, b) => b.people - a.people);
}

function Bar({ share }: { share: number }) {
  const { t } = useTranslation('adoption');
  const p = percent(share);
  return (
    <span className="hbar">
      <span className="hbar__track" aria-hidden="true">
        <span className={p < 50 ? 'hbar__fill hbar__fill--low' : 'hbar__fill'} style={{ width: `${p}%` }} />
      </span>
      <span className="hbar__value">{t('percent', { value: p })}</span>
    </span>
  );
}

function RecapLinks({ unitId, month, name }: { unitId: number; month: string; name: string }) {
  const { t } = useTranslation('adoption');
  const href = (format: 'xlsx' | 'pdf') => `/api/daily-reports/recap?month=${month}&unitId=${unitId}&format=${format}`;
  return (
    <>
      <a href={href('xlsx')} download>
        {t('recap.xlsx')}
        <span className="visually-hidden"> {t('recap.of', { name })}</span>
      </a>
      {' · '}
      <a href={href('pdf')} download>
        {t('recap.pdf')}
        <span className="visually-hidden"> {t('recap.of', { name })}</span>
      </a>
    </>
  );
}
