import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PREDIKAT_ORGANISASI } from '@pantau/domain';
import { SkpOrgPredikatBody } from '@pantau/contracts';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { PageHeading } from '../../components/ui/PageHeading';
import { SummaryList } from '../../components/ui/SummaryList';
import { LoadError, Loading } from '../../components/ui/Status';
import { formatDate, todayIso } from '../../lib/format';
import { currentYear, useOrgPredikat, usePeriods, useSettings, useSkpMutation, type OrgPredikatItem } from './api';
import { SelectField } from './fields';
import { checkWith, generalMessage } from './form';
import { useLabel } from './labels';
import { defaultPeriod } from './periods';
import { SkpNav } from './SkpNav';
import './skp.css';

/** Periods, settings (the rule set read-only) and the organisation predikat per unit and period. */
export function AdminPage() {
  const { t, i18n } = useTranslation('skp');
  const label = useLabel();
  const year = currentYear();
  const settings = useSettings();
  const periods = usePeriods(year);
  const [params, setParams] = useSearchParams();
  const periodId = Number(params.get('periode')) || defaultPeriod(periods.data ?? [], todayIso())?.id || null;
  const org = useOrgPredikat(periodId);
  return (
    <>
      <PageHeading title={t('admin.title')} />
      <SkpNav />
      <section className="section" aria-labelledby="settings">
        <h2 className="heading-m" id="settings">
          {t('admin.settings')}
        </h2>
        {settings.isPending ? <Loading /> : null}
        {settings.isError ? <LoadError error={settings.error} /> : null}
        {settings.data ? (
          <SummaryList
            rows={[
              { key: 'len', label: t('admin.periodLength'), value: t(`periodLength.${settings.data.periodLength}`) },
              { key: 'obj', label: t('admin.objectionDays'), value: t('admin.days', { count: settings.data.objectionDays }) },
              { key: 'dec', label: t('admin.objectionDecisionDays'), value: t('admin.days', { count: settings.data.objectionDecisionDays }) },
              {
                key: 'rules',
                label: t('admin.ruleSet'),
                value: settings.data.ruleSets.find((r) => r.id === settings.data.ruleSetId)?.name ?? settings.data.ruleSetId,
              },
              { key: 'head', label: t('admin.unitHead'), value: settings.data.unitHeadFollowsOrg ? t('admin.unitHeadOn') : t('admin.unitHeadOff') },
            ]}
          />
        ) : null}
        {settings.data?.canEdit ? <UnitHeadToggle on={settings.data.unitHeadFollowsOrg} /> : null}
      </section>
      <section className="section" aria-labelledby="periods">
        <h2 className="heading-m" id="periods">
          {t('admin.periods', { year })}
        </h2>
        {periods.isError ? <LoadError error={periods.error} /> : null}
        <ul>
          {periods.data?.map((p) => (
            <li key={p.id}>
              {label(p.label)}: {formatDate(p.startDate, i18n.language)} – {formatDate(p.endDate, i18n.language)}
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="org-predikat">
        <h2 className="heading-m" id="org-predikat">
          {t('admin.orgPredikat')}
        </h2>
        {periods.data ? (
          <SelectField id="org-period" label={t('rating.period')} value={periodId ?? ''} onChange={(e) => setParams({ periode: e.target.value })}>
            {periods.data.map((p) => (
              <option key={p.id} value={p.id}>
                {label(p.label)}
              </option>
            ))}
          </SelectField>
        ) : null}
        {org.isPending && periodId ? <Loading /> : null}
        {org.isError ? <LoadError error={org.error} /> : null}
        <p className="small">{t('admin.orgPredikatWhy')}</p>
        {org.data?.length === 0 ? <p className="muted">{t('admin.noUnitsWhy')}</p> : null}
        <ul className="skp-tree-list">
          {org.data?.map((item) => (
            <OrgRow key={item.unit.id} item={item} periodId={periodId ?? 0} />
          ))}
        </ul>
      </section>
    </>
  );
}

function OrgRow({ item, periodId }: { item: OrgPredikatItem; periodId: number }) {
  const { t } = useTranslation('skp');
  const [value, setValue] = useState(item.predikat ?? '');
  const save = useSkpMutation((body: unknown) => ({ path: '/api/skp/org-predikat', method: 'PUT', body }));
  const id = `org-${item.unit.id}`;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkWith(SkpOrgPredikatBody, { unitId: item.unit.id, periodId, predikat: value });
    if (checked.ok) save.mutate(checked.data);
  };
  return (
    <li className="skp-box">
      <p>
        <strong>{item.unit.name}</strong>: {item.predikat ? t(`predikatOrganisasi.${item.predikat}`) : t('admin.notSet')}
        {item.setBy ? <span className="small"> ({item.setBy.name})</span> : null}
      </p>
      {item.canSet ? (
        <form onSubmit={onSubmit} noValidate>
          {save.error ? <ErrorSummary errors={[{ message: generalMessage(save.error, t('form.failed')) ?? t('form.failed') }]} /> : null}
          <SelectField id={id} label={t('admin.setPredikat', { unit: item.unit.name })} value={value} onChange={(e) => setValue(e.target.value)}>
            <option value="">{t('rhk.choose')}</option>
            {PREDIKAT_ORGANISASI.map((p) => (
              <option key={p} value={p}>
                {t(`predikatOrganisasi.${p}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button button--secondary" disabled={save.isPending || value === ''}>
            {t('common.save')}
          </button>
        </form>
      ) : null}
    </li>
  );
}

function UnitHeadToggle({ on }: { on: boolean }) {
  const { t } = useTranslation('skp');
  const save = useSkpMutation((body: unknown) => ({ path: '/api/skp/settings', method: 'PUT', body }));
  return (
    <>
      {save.error ? <ErrorSummary errors={[{ message: generalMessage(save.error, t('form.failed')) ?? t('form.failed') }]} /> : null}
      <button type="button" className="button button--secondary" disabled={save.isPending} onClick={() => save.mutate({ unitHeadFollowsOrg: !on })}>
        {on ? t('admin.unitHeadTurnOff') : t('admin.unitHeadTurnOn')}
      </button>
    </>
  );
}
