import type { TransparencyResponse } from '@pantau/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, buildUrl } from '../../api/client';
import { LoadError, Loading } from '../../components/ui/Status';
import { TableWrap } from '../../components/ui/TableWrap';
import { formatDateTime, formatNumber, todayIso } from '../../lib/format';
import { ColumnChart } from '../public/Bars';
import { decimal, monthLabel, percent } from '../public/format';
import { instansiFromParams } from '../public/instansi';
import { StepHeading } from '../public/StepHeading';
import { useTransparency } from './api';
import { NS } from './namespace';

type Transparency = TransparencyResponse;
type Group = Transparency['opds'][number]['services'][number];

/**
 * /transparansi (no sign-in): per OPD and service, the IKM and its monthly trend, complaints
 * received, the share closed on time, the median time to resolve and the open backlog. Where the
 * server withholds a figure (a group too small to stay anonymous) the page says so in words.
 */
export function TransparencyPage() {
  const { t } = useTranslation(NS);
  const [params, setParams] = useSearchParams();
  const code = instansiFromParams(params);
  const thisYear = Number(todayIso().slice(0, 4));
  const asked = Number(params.get('tahun'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
  const data = useTransparency(code, year);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    next.set('tahun', String(new FormData(event.currentTarget).get('tahun') ?? thisYear));
    setParams(next);
  };

  return (
    <>
      <StepHeading title={t('title')} stepKey="transparency" />
      {data.data ? <p className="lead">{t('lead', { instansi: data.data.instansi.name })}</p> : null}
      <form className="filters" onSubmit={onSubmit} key={year} aria-label={t('year')}>
        <div className="field">
          <label className="field__label" htmlFor="transparency-year">
            {t('year')}
          </label>
          <select id="transparency-year" name="tahun" className="select" defaultValue={String(year)}>
            {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="button-group">
          <button type="submit" className="button">
            {t('show')}
          </button>
        </div>
      </form>
      {data.isPending ? <Loading /> : null}
      {data.isError ? (
        data.error instanceof ApiError && data.error.status === 404 ? (
          <p>{t('notFound')}</p>
        ) : (
          <LoadError error={data.error} onRetry={() => void data.refetch()} />
        )
      ) : null}
      {data.data ? <Figures data={data.data} code={code} /> : null}
    </>
  );
}

function Figures({ data, code }: { data: Transparency; code: string }) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const opds = [...data.opds].sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const thisMonth = todayIso().slice(0, 7);
  const openData = (file: string) => buildUrl(`/api/public/instansi/${encodeURIComponent(code)}/open-data/${file}`, { year: data.year });

  return (
    <>
      <p className="muted">{t('updated', { year: data.year, date: formatDateTime(data.generatedAt, lang) })}</p>
      <details className="details-plain">
        <summary>{t('howTitle')}</summary>
        <p>{t('howIkm')}</p>
        <p>{t('howWithheld', { min: formatNumber(data.minGroupSize, lang) })}</p>
      </details>

      <h2 className="heading-l">{t('opdsTitle')}</h2>
      <p>{t('opdsLead')}</p>
      {opds.map((opd) => (
        <details className="opd" key={opd.id}>
          <summary>
            <span className="opd__name">{opd.name}</span>
            <span className="opd__headline">
              <Headline group={opd} />
            </span>
          </summary>
          <div className="opd__body">
            <GroupFigures group={opd} minGroupSize={data.minGroupSize} />
            <Trend group={opd} name={opd.name} thisMonth={thisMonth} />
            <h3 className="heading-m">{t('servicesTitle')}</h3>
            {opd.services.length === 0 ? <p className="muted">{t('noServices')}</p> : null}
            {opd.services.map((s) => (
              <section key={s.id} aria-labelledby={`service-${s.id}`} className="section">
                <h4 className="heading-s" id={`service-${s.id}`}>
                  {s.name}
                </h4>
                <GroupFigures group={s} minGroupSize={data.minGroupSize} />
              </section>
            ))}
          </div>
        </details>
      ))}

      <h2 className="heading-l">{t('openDataTitle')}</h2>
      <p>{t('openDataLead')}</p>
      <ul className="download-list">
        <li>
          <a href={openData('ikm.csv')} download>
            {t('openIkmCsv')}
          </a>
        </li>
        <li>
          <a href={openData('ikm.json')}>{t('openIkmJson')}</a>
        </li>
        <li>
          <a href={openData('complaints.csv')} download>
            {t('openComplaintsCsv')}
          </a>
        </li>
        <li>
          <a href={openData('complaints.json')}>{t('openComplaintsJson')}</a>
        </li>
      </ul>
      <p>
        <Link to="/transparansi/data">{t('schemaLink')}</Link>
      </p>
      <p>
        <Link to="/pengaduan">{t('complain')}</Link>
      </p>
    </>
  );
}

function Headline({ group }: { group: Group }) {
  const { t, i18n } = useTranslation(NS);
  const s = group.survey;
  if (s.ikm !== null && s.mutu !== null) return <>{t('headlineIkm', { ikm: decimal(s.ikm, i18n.language), mutu: s.mutu })}</>;
  if (s.responses === 0) return <>{t('noSurvey')}</>;
  return <>{t('withheld')}</>;
}

/** One figure; null is a withheld figure and is said in words, never shown as 0. */
function Figure({ label, value, sub, note = false }: { label: string; value: string | null; sub?: string | undefined; note?: boolean }) {
  const { t } = useTranslation(NS);
  return (
    <div className="figure">
      <dt>{label}</dt>
      {value === null || note ? (
        <dd className="figure__withheld">{value ?? t('withheldShort')}</dd>
      ) : (
        <dd>
          {value}
          {sub ? <span className="figure__sub">{sub}</span> : null}
        </dd>
      )}
    </div>
  );
}

function GroupFigures({ group, minGroupSize }: { group: Group; minGroupSize: number }) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const s = group.survey;
  const c = group.complaints;
  const num = (v: number | null) => (v === null ? null : formatNumber(v, lang));
  // Everything withheld: one sentence instead of seven boxes saying the same.
  const allWithheld = s.responses === null && Object.values(c).every((v) => v === null);
  if (allWithheld) {
    return (
      <div className="notice">
        <p className="notice__title">{t('withheld')}</p>
        <p>{t('withheldWhy', { min: formatNumber(minGroupSize, lang) })}</p>
      </div>
    );
  }
  return (
    <dl className="figures">
      {s.responses === 0 ? (
        <div className="figure">
          <dt>{t('ikm')}</dt>
          <dd className="figure__withheld">{t('noSurvey')}</dd>
        </div>
      ) : (
        <Figure
          label={t('ikm')}
          value={s.ikm === null ? null : decimal(s.ikm, lang)}
          sub={s.mutu ? t('mutu', { mutu: s.mutu, kinerja: s.kinerja ?? '' }) : undefined}
        />
      )}
      <Figure label={t('responses')} value={num(s.responses)} />
      <Figure label={t('received')} value={num(c.received)} />
      <Figure label={t('resolved')} value={num(c.resolved)} />
      {c.resolved === 0 ? (
        // Nothing closed yet: a share or a median would mean nothing (not a withheld figure).
        <>
          <Figure label={t('onTime')} value={t('noneResolved')} note />
          <Figure label={t('median')} value={t('noneResolved')} note />
        </>
      ) : (
        <>
          <Figure label={t('onTime')} value={c.resolvedOnTimeShare === null ? null : percent(c.resolvedOnTimeShare, lang)} sub={t('onTimeOf')} />
          <Figure
            label={t('median')}
            value={c.medianResolutionDays === null ? null : t('medianDays', { days: decimal(c.medianResolutionDays, lang, 1) })}
          />
        </>
      )}
      <Figure label={t('backlog')} value={num(c.openBacklog)} />
    </dl>
  );
}

function Trend({ group, name, thisMonth }: { group: Group; name: string; thisMonth: string }) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const months = group.survey.trend.filter((m) => m.month <= thisMonth);
  if (months.length === 0 || months.every((m) => m.responses === 0)) return null;
  if (months.every((m) => m.ikm === null)) return <p className="muted">{t('noTrend')}</p>;
  return (
    <>
      <ColumnChart
        caption={t('trendCaption', { name })}
        summary={t('trendSummary')}
        min={25}
        max={100}
        valueLabel={(v) => decimal(v, lang, 0)}
        data={months.map((m) => ({
          key: m.month,
          label: monthLabel(m.month, lang, 'short'),
          // No questionnaire that month: no bar; withheld: a dashed outline.
          value: m.responses === 0 ? 'none' : m.ikm,
        }))}
      />
      <details className="details-plain">
        <summary>{t('trendTable')}</summary>
        <TableWrap label={t('trendTable')}>
          <table className="table table--compact">
            <caption className="visually-hidden">{t('trendCaption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('month')}</th>
                <th scope="col">{t('responses')}</th>
                <th scope="col">{t('ikm')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthLabel(m.month, lang, 'long')}</th>
                  <td className="num">{m.responses === null ? t('withheld') : formatNumber(m.responses, lang)}</td>
                  <td className="num">{m.ikm === null ? '–' : decimal(m.ikm, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </>
  );
}
