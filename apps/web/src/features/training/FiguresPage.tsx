import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { intlLocale } from '../../lib/format';
import { useMe } from '../auth/api';
import { currentYear, useCourseFigures, useUnitFigures, type CourseFiguresResponse } from './api';
import { formatJp } from './format';
import { TrainingNav } from './TrainingNav';
import './training.css';

/** Figures: JP and needs per OPD (drill down to units) and before/after figures per training. */
export function FiguresPage() {
  const { t, i18n } = useTranslation('training');
  const year = currentYear();
  const [parent, setParent] = useState<number | null>(null);
  const units = useUnitFigures(year, parent);
  const roles = useMe().data?.roles ?? [];
  const wide = roles.some((r) => r === 'ADMIN_BKPSDM' || r === 'INSPEKTORAT' || r === 'PIMPINAN');
  const pct = new Intl.NumberFormat(intlLocale(i18n.language), { style: 'percent', maximumFractionDigits: 1 });
  const xlsx = `/api/training/figures/units.xlsx?year=${year}${parent ? `&parentId=${parent}` : ''}`;
  return (
    <>
      <PageHeading title={t('figures.title', { year })} />
      <TrainingNav />
      <section className="section" aria-labelledby="units-heading">
        <h2 className="heading-m" id="units-heading">
          {units.data?.parent ? t('figures.unitsOf', { name: units.data.parent.name }) : t('figures.units')}
        </h2>
        {parent !== null ? (
          <button type="button" className="button button--secondary" onClick={() => setParent(null)}>
            {t('figures.backToOpd')}
          </button>
        ) : null}
        <p>
          <a href={xlsx} download>
            {t('figures.download')}
          </a>
        </p>
        {units.isPending ? <Loading /> : null}
        {units.isError ? <LoadError error={units.error} onRetry={() => void units.refetch()} /> : null}
        {units.data ? (
          <div className="table-wrap" role="region" aria-labelledby="units-heading" tabIndex={0}>
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('figures.unit')}</th>
                  <th scope="col" className="num">{t('figures.staff')}</th>
                  <th scope="col" className="num">{t('figures.atMinimum', { minimum: units.data.minimum })}</th>
                  <th scope="col" className="num">{t('figures.averageJp')}</th>
                  <th scope="col" className="num">{t('figures.openNeeds')}</th>
                  <th scope="col" className="num">{t('figures.sessionsHeld')}</th>
                </tr>
              </thead>
              <tbody>
                {units.data.rows.map((r) => (
                  <tr key={r.unitId}>
                    <th scope="row">
                      {r.hasChildren ? (
                        <button type="button" className="trn-link-button" onClick={() => setParent(r.unitId)}>
                          {r.name}
                        </button>
                      ) : (
                        r.name
                      )}
                    </th>
                    <td className="num">{r.staff}</td>
                    <td className="num">
                      {r.staffAtMinimum} ({pct.format(r.shareAtMinimum)})
                    </td>
                    <td className="num">{formatJp(r.averageJp, i18n.language)}</td>
                    <td className="num">{r.openNeeds}</td>
                    <td className="num">{r.sessionsHeld}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {wide ? <CourseFigures year={year} /> : null}
    </>
  );
}

function CourseFigures({ year }: { year: number }) {
  const { t, i18n } = useTranslation('training');
  const figures = useCourseFigures(year);
  const nf = new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 2 });
  const ratings = (r: CourseFiguresResponse['rows'][number]['ratingsBefore']) =>
    t('figures.ratings', { above: r.DI_ATAS, meets: r.SESUAI, below: r.DI_BAWAH });
  const total = (r: CourseFiguresResponse['rows'][number]['ratingsBefore']) => r.DI_ATAS + r.SESUAI + r.DI_BAWAH;
  return (
    <section className="section" aria-labelledby="courses-fig-heading">
      <h2 className="heading-m" id="courses-fig-heading">
        {t('figures.courses')}
      </h2>
      <p>{t('figures.noCausation')}</p>
      {figures.isPending ? <Loading /> : null}
      {figures.isError ? <LoadError error={figures.error} /> : null}
      {figures.data?.rows.length === 0 ? <p className="muted">{t('figures.noCourses')}</p> : null}
      <ul className="trn-list">
        {figures.data?.rows.map((r) => (
          <li key={r.courseId} className="trn-item">
            <h3 className="heading-s trn-item__title">{r.title}</h3>
            <p className="trn-item__meta">{t('figures.people', { sessions: r.sessionsHeld, participants: r.participants, completed: r.completed })}</p>
            <dl className="summary-list">
              <div className="summary-list__row">
                <dt>{t('figures.ratingsBefore')}</dt>
                <dd>{ratings(r.ratingsBefore)}</dd>
              </div>
              <div className="summary-list__row">
                <dt>{t('figures.ratingsAfter')}</dt>
                <dd>{ratings(r.ratingsAfter)}</dd>
              </div>
              {r.behaviours.map((b) => (
                <div className="summary-list__row" key={b.behaviour}>
                  <dt>{t('figures.behaviourRatings', { behaviour: t(`behaviour.${b.behaviour}`) })}</dt>
                  <dd>
                    {total(b.before) + total(b.after) === 0
                      ? t('figures.noBehaviourRatings')
                      : t('figures.beforeAfterRatings', { before: ratings(b.before), after: ratings(b.after) })}
                  </dd>
                </div>
              ))}
              <div className="summary-list__row">
                <dt>{t('figures.ikm', { count: r.units.opdCount })}</dt>
                <dd>
                  {t('figures.beforeAfter', {
                    before: r.units.ikmBefore === null ? t('figures.none') : nf.format(r.units.ikmBefore),
                    after: r.units.ikmAfter === null ? t('figures.none') : nf.format(r.units.ikmAfter),
                    months: r.units.months,
                    monthsAfter: r.units.monthsAfter,
                  })}
                </dd>
              </div>
              <div className="summary-list__row">
                <dt>{t('figures.complaints')}</dt>
                <dd>
                  {t('figures.beforeAfter', {
                    before: r.units.complaintsBefore,
                    after: r.units.complaintsAfter,
                    months: r.units.months,
                    monthsAfter: r.units.monthsAfter,
                  })}
                </dd>
              </div>
            </dl>
            {r.behaviours.length > 0 ? <p className="small muted">{t('figures.behaviourNote')}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
