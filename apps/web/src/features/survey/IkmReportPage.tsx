import { IkmReportQuery } from '@pantau/contracts';
import type { TFunction } from 'i18next';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorSummary, type SummaryError } from '../../components/ui/ErrorSummary';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { positiveIntParam } from '../../components/ui/paging';
import { TableWrap } from '../../components/ui/TableWrap';
import { TextField } from '../../components/ui/TextField';
import { formatDate, formatNumber, todayIso } from '../../lib/format';
import { useUnits } from '../org/api';
import { buildUnitTree, flattenTree } from '../org/tree';
import { HBar } from '../public/Bars';
import '../public/feedback.css';
import { decimal } from '../public/format';
import { SelectField } from '../public/ui';
import { useServicePoints } from '../service-points/api';
import { ikmXlsxHref, useIkmReport, useIkmReportUnits, type IkmReport, type IkmReportQuery as Query } from './api';
import { NS } from './namespace';
import { unsurName } from './questions';

/** Default period: this month so far (WIB). */
function defaultPeriod(): { from: string; to: string } {
  const today = todayIso();
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/**
 * IKM per service, unit and period (PermenPANRB 14/2017): per-unsur NRR, IKM 25–100, mutu and
 * kinerja; the weakest unsur first with the comments that mention it (the follow-up plan); the
 * respondent profile; and the same report as XLSX.
 */
export function IkmReportPage() {
  const { t } = useTranslation(NS);
  const [params, setParams] = useSearchParams();
  const period = defaultPeriod();
  const candidate = {
    from: params.get('dari') ?? period.from,
    to: params.get('sampai') ?? period.to,
    unitId: positiveIntParam(params.get('unit')),
    servicePointId: positiveIntParam(params.get('layanan')),
  };
  const parsed = IkmReportQuery.safeParse(candidate);
  const query: Query | null = parsed.success && parsed.data.from <= parsed.data.to ? parsed.data : null;
  const report = useIkmReport(query);

  return (
    <>
      <PageHeading title={t('report.title')} />
      <p className="lead">{t('report.lead')}</p>
      <ReportFilters
        key={params.toString()}
        initial={candidate}
        onApply={(q) => {
          const next = new URLSearchParams();
          next.set('dari', q.from);
          next.set('sampai', q.to);
          if (q.unitId) next.set('unit', String(q.unitId));
          if (q.servicePointId) next.set('layanan', String(q.servicePointId));
          setParams(next);
        }}
      />
      {report.isPending && query ? <Loading /> : null}
      {report.isError ? <LoadError error={report.error} onRetry={() => void report.refetch()} /> : null}
      {report.data && query ? <Report report={report.data} query={query} /> : null}
      <p>
        <Link to="/umpan-balik">{t('report.lowScores')}</Link>
      </p>
    </>
  );
}

function ReportFilters({
  initial,
  onApply,
}: {
  initial: { from: string; to: string; unitId: number | undefined; servicePointId: number | undefined };
  onApply: (q: Query) => void;
}) {
  const { t } = useTranslation(NS);
  const units = useUnits();
  const inScope = useIkmReportUnits();
  const servicePoints = useServicePoints(true);
  // Only units the caller may report on; one whose parent is outside the scope becomes a root.
  const unitOptions = useMemo(
    () => flattenTree(buildUnitTree((units.data ?? []).filter((u) => inScope.data?.has(u.id) === true))),
    [units.data, inScope.data],
  );
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [unitId, setUnitId] = useState(initial.unitId ? String(initial.unitId) : '');
  const [spId, setSpId] = useState(initial.servicePointId ? String(initial.servicePointId) : '');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = IkmReportQuery.safeParse({
      from,
      to,
      unitId: unitId === '' ? undefined : unitId,
      servicePointId: spId === '' ? undefined : spId,
    });
    const next: { from?: string; to?: string } = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'from') next.from = t('report.errors.from');
        if (issue.path[0] === 'to') next.to = t('report.errors.to');
      }
    } else if (parsed.data.from > parsed.data.to) next.to = t('report.errors.order');
    setErrors(next);
    if (next.from || next.to || !parsed.success) return;
    onApply(parsed.data);
  };
  const summary: SummaryError[] = [];
  if (errors.from) summary.push({ fieldId: 'ikm-from', message: errors.from });
  if (errors.to) summary.push({ fieldId: 'ikm-to', message: errors.to });

  return (
    <form className="section" noValidate onSubmit={onSubmit} aria-label={t('report.filters')}>
      <ErrorSummary errors={summary} />
      <div className="filters">
        <TextField id="ikm-from" name="from" type="date" label={t('report.from')} error={errors.from} value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField id="ikm-to" name="to" type="date" label={t('report.to')} error={errors.to} value={to} onChange={(e) => setTo(e.target.value)} />
        <SelectField id="ikm-unit" label={t('report.unit')} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="">{t('report.allUnits')}</option>
          {unitOptions.map((n) => (
            <option key={n.unit.id} value={n.unit.id}>
              {'\u00a0\u00a0'.repeat(n.depth)}
              {n.unit.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="ikm-service" label={t('report.servicePoint')} value={spId} onChange={(e) => setSpId(e.target.value)}>
          <option value="">{t('report.allServices')}</option>
          {(servicePoints.data ?? []).map((sp) => (
            <option key={sp.id} value={sp.id}>
              {sp.name} – {sp.unitName}
            </option>
          ))}
        </SelectField>
        <div className="button-group">
          <button type="submit" className="button">
            {t('report.show')}
          </button>
        </div>
      </div>
    </form>
  );
}

function Report({ report, query }: { report: IkmReport; query: Query }) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const weakest = new Set(report.unsur.filter((u) => u.rank <= 3).map((u) => u.kode));
  return (
    <section aria-labelledby="ikm-result" className="section">
      <h2 className="heading-l" id="ikm-result">
        {[t('report.resultTitle'), report.servicePoint?.name, report.unit?.name].filter(Boolean).join(': ')}
      </h2>
      <p className="muted">
        {t('report.period', { from: formatDate(report.from, lang), to: formatDate(report.to, lang) })}
        {' · '}
        {t('report.weight', { weight: report.weightVariant === 'exact' ? t('report.weightExact') : t('report.weight0111') })}
      </p>
      <dl className="figures">
        <div className="figure">
          <dt>{t('report.responses')}</dt>
          <dd>{formatNumber(report.responses, lang)}</dd>
        </div>
        <div className="figure">
          <dt>{t('report.ikm')}</dt>
          <dd>{report.ikm === null ? '–' : decimal(report.ikm, lang)}</dd>
        </div>
        <div className="figure">
          <dt>{t('report.mutu')}</dt>
          <dd>{report.mutu ?? '–'}</dd>
        </div>
        <div className="figure">
          <dt>{t('report.kinerja')}</dt>
          <dd>{report.kinerja ?? '–'}</dd>
        </div>
      </dl>
      <p>
        <a className="button button--secondary" href={ikmXlsxHref(query)} download>
          {t('report.download')}
        </a>
      </p>
      {report.responses === 0 ? <p>{t('report.noResponses')}</p> : <ReportDetails report={report} weakest={weakest} lang={lang} />}
    </section>
  );
}

function ReportDetails({ report, weakest, lang }: { report: IkmReport; weakest: ReadonlySet<string>; lang: string }) {
  const { t } = useTranslation(NS);
  const profiles = [
    { key: 'sex', title: t('public.sex'), rows: report.profile.sex, label: (v: string) => profileLabel(t, 'sex', v) },
    { key: 'ageGroup', title: t('public.ageGroup'), rows: report.profile.ageGroup, label: (v: string) => profileLabel(t, 'ageGroup', v) },
    { key: 'education', title: t('public.education'), rows: report.profile.education, label: (v: string) => profileLabel(t, 'education', v) },
    { key: 'job', title: t('public.job'), rows: report.profile.job, label: (v: string) => profileLabel(t, 'job', v) },
  ] as const;
  return (
    <>
      <h3 className="heading-m">{t('report.unsurTitle')}</h3>
      <TableWrap label={t('report.unsurCaption')}>
        <table className="table">
          <caption className="visually-hidden">{t('report.unsurCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.columns.unsur')}</th>
              <th scope="col">{t('report.columns.nrr')}</th>
              <th scope="col">{t('report.columns.nrrTertimbang')}</th>
              <th scope="col">{t('report.columns.rank')}</th>
            </tr>
          </thead>
          <tbody>
            {[...report.unsur]
              .sort((a, b) => a.urutan - b.urutan)
              .map((u) => (
                <tr key={u.kode}>
                  <th scope="row">
                    {u.kode} {unsurName(u.kode, u.nama, lang)}
                  </th>
                  <td className="num">
                    <span className="nowrap">{decimal(u.nrr, lang, 3)}</span>
                    <HBar value={u.nrr} max={4} weak={weakest.has(u.kode)} />
                  </td>
                  <td className="num">{decimal(u.nrrTertimbang, lang, 3)}</td>
                  <td className="num">{formatNumber(u.rank, lang)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableWrap>

      <h3 className="heading-m">{t('report.weakestTitle')}</h3>
      <p>{t('report.weakestLead')}</p>
      <ol className="steps">
        {report.weakestFirst.map((u) => (
          <li className="steps__item" key={u.kode}>
            <h4 className="heading-s">
              {u.kode} {unsurName(u.kode, u.nama, lang)} · {t('report.columns.nrr')} {decimal(u.nrr, lang, 3)}
            </h4>
            {u.comments.length === 0 ? (
              <p className="muted">{t('report.noComments')}</p>
            ) : (
              <ul className="comment-list">
                {u.comments.map((c, i) => (
                  <li key={`${c.respondedOn}-${i}`}>
                    <p className="citizen-text">{c.comment}</p>
                    <p className="muted small">{t('report.commentMeta', { date: formatDate(c.respondedOn, lang), service: c.servicePointName })}</p>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>

      {report.servicePoints.length > 0 ? (
        <>
          <h3 className="heading-m">{t('report.perService')}</h3>
          <TableWrap label={t('report.perService')}>
            <table className="table">
              <caption className="visually-hidden">{t('report.perService')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.columns.service')}</th>
                  <th scope="col">{t('report.columns.responses')}</th>
                  <th scope="col">{t('report.columns.ikm')}</th>
                  <th scope="col">{t('report.columns.mutu')}</th>
                </tr>
              </thead>
              <tbody>
                {report.servicePoints.map((sp) => (
                  <tr key={sp.id}>
                    <th scope="row">
                      {sp.name}
                      <br />
                      <span className="muted small">{sp.unitName}</span>
                    </th>
                    <td className="num">{formatNumber(sp.responses, lang)}</td>
                    <td className="num">{sp.ikm === null ? '–' : decimal(sp.ikm, lang)}</td>
                    <td>{sp.mutu ? `${sp.mutu} (${sp.kinerja ?? ''})` : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}

      <h3 className="heading-m">{t('report.profileTitle')}</h3>
      {profiles.map((p) => (
        <TableWrap key={p.key} label={t('report.profileCaption', { what: p.title.toLowerCase() })}>
          <table className="table table--compact profile-table">
            <caption>{p.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.columns.value')}</th>
                <th scope="col">{t('report.columns.count')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.value}>
                  <th scope="row">{p.label(r.value)}</th>
                  <td className="num">{formatNumber(r.count, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ))}
    </>
  );
}

type ProfileKind = 'sex' | 'ageGroup' | 'education' | 'job';

/** Enum values of the respondent profile in words; "" or an unknown value reads as "Tidak diisi". */
function profileLabel(t: TFunction<'survey'>, kind: ProfileKind, value: string): string {
  const labels: Record<ProfileKind, Record<string, string>> = {
    sex: t('profile.sex', { returnObjects: true }),
    ageGroup: t('profile.ageGroup', { returnObjects: true }),
    education: t('profile.education', { returnObjects: true }),
    job: t('profile.job', { returnObjects: true }),
  };
  return labels[kind][value] ?? t('report.notStated');
}
