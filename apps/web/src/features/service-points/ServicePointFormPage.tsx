import { CreateServicePointBody, UpdateServicePointBody } from '@pantau/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorSummary, type SummaryError } from '../../components/ui/ErrorSummary';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { TextField } from '../../components/ui/TextField';
import { useEmployees } from '../employees/api';
import { useUnits } from '../org/api';
import { buildUnitTree, flattenTree } from '../org/tree';
import '../public/feedback.css';
import { issuesByField } from '../public/form';
import { SelectField, TextAreaField } from '../public/ui';
import { posterHref, useSaveServicePoint, useServicePoint, useSetServicePointStaff, type ServicePointDto } from './api';
import { NS } from './namespace';

type Field = 'name' | 'description' | 'unitId' | 'slug';
const FIELD_IDS: Record<Field, string> = { name: 'sp-name', description: 'sp-description', unitId: 'sp-unit', slug: 'sp-slug' };
const FIELDS: readonly Field[] = ['name', 'description', 'unitId', 'slug'];

/** Admin: add a public service (/layanan-publik/baru) or change one (/layanan-publik/:id). */
export function ServicePointFormPage() {
  const { t } = useTranslation(NS);
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const existing = useServicePoint(id);

  if (id !== null && existing.isPending) return <Loading />;
  if (id !== null && existing.isError) return <LoadError error={existing.error} onRetry={() => void existing.refetch()} />;
  return (
    <>
      <p className="back-link">
        <Link to="/layanan-publik">{t('form.back')}</Link>
      </p>
      <ServicePointForm key={existing.data?.id ?? 'new'} existing={existing.data ?? null} />
      {existing.data ? <PublicLinks servicePoint={existing.data} /> : null}
      {existing.data ? <StaffList servicePoint={existing.data} /> : null}
    </>
  );
}

function ServicePointForm({ existing }: { existing: ServicePointDto | null }) {
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const location = useLocation();
  const units = useUnits();
  const unitOptions = useMemo(() => flattenTree(buildUnitTree(units.data ?? [])), [units.data]);
  const save = useSaveServicePoint(existing?.id ?? null);
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [unitId, setUnitId] = useState(existing ? String(existing.unitId) : '');
  const [slug, setSlug] = useState(existing?.slug ?? '');
  const [active, setActive] = useState(existing?.active ?? true);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  // A new service lands on its own page after saving; the notice travels along.
  const [saved, setSaved] = useState(() => hasSavedFlag(location.state));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const raw = {
      name,
      unitId: unitId === '' ? undefined : Number(unitId),
      slug: slug.trim() === '' ? undefined : slug,
      active,
    };
    const parsed = existing
      ? UpdateServicePointBody.safeParse({ ...raw, description: description.trim() === '' ? null : description })
      : CreateServicePointBody.safeParse({ ...raw, description: description.trim() === '' ? undefined : description });
    if (!parsed.success) {
      const byField = issuesByField(parsed.error.issues);
      const next: Partial<Record<Field, string>> = {};
      for (const f of FIELDS) if (byField.has(f)) next[f] = t(`form.errors.${f === 'unitId' ? 'unit' : f}`);
      setErrors(next);
      return;
    }
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: (sp) => {
        if (existing) setSaved(true);
        else void navigate(`/layanan-publik/${sp.id}`, { replace: true, state: { saved: true } });
      },
    });
  };

  const serverError = save.error instanceof ApiError ? save.error : null;
  const errorOf = (f: Field) => errors[f] ?? serverError?.fieldMessage(f);
  const summary: SummaryError[] = FIELDS.flatMap((f) => {
    const message = errorOf(f);
    return message ? [{ fieldId: FIELD_IDS[f], message }] : [];
  });
  if (summary.length === 0 && serverError) summary.push({ message: serverError.fields[0]?.message || serverError.message });

  return (
    <div className="narrow">
      <ErrorSummary errors={summary} />
      {saved ? <Notice tone="success" title={t('form.saved')} /> : null}
      <PageHeading title={existing ? t('form.titleEdit', { name: existing.name }) : t('form.titleNew')} />
      <form noValidate onSubmit={onSubmit}>
        <TextField id={FIELD_IDS.name} label={t('form.name')} hint={t('form.nameHint')} error={errorOf('name')} value={name} onChange={(e) => setName(e.target.value)} />
        <TextAreaField
          id={FIELD_IDS.description}
          label={t('form.description')}
          hint={t('form.descriptionHint')}
          error={errorOf('description')}
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <SelectField id={FIELD_IDS.unitId} label={t('form.unit')} error={errorOf('unitId')} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="">{t('form.unitPlaceholder')}</option>
          {unitOptions.map((n) => (
            <option key={n.unit.id} value={n.unit.id}>
              {'\u00a0\u00a0'.repeat(n.depth)}
              {n.unit.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id={FIELD_IDS.slug}
          label={t('form.slug')}
          hint={t('form.slugHint')}
          error={errorOf('slug')}
          autoCapitalize="none"
          spellCheck={false}
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
        />
        <div className="checkbox">
          <input id="sp-active" type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          <label htmlFor="sp-active">{t('form.active')}</label>
        </div>
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('form.saving') : t('form.save')}
        </button>
      </form>
    </div>
  );
}

function hasSavedFlag(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'saved' in state && state.saved === true;
}

function PublicLinks({ servicePoint }: { servicePoint: ServicePointDto }) {
  const { t } = useTranslation(NS);
  const url = `${window.location.origin}${servicePoint.publicPath}`;
  return (
    <section className="section section--admin" aria-labelledby="sp-public">
      <h2 className="heading-m" id="sp-public">
        {t('form.publicTitle')}
      </h2>
      <p className="field__label">{t('form.publicLink')}</p>
      <p>
        <a href={servicePoint.publicPath}>{url}</a>
      </p>
      <p>{t('form.posterHint')}</p>
      <a className="button button--secondary" href={posterHref(servicePoint.id)} download>
        {t('form.poster')}
      </a>
    </section>
  );
}

function StaffList({ servicePoint }: { servicePoint: ServicePointDto }) {
  const { t } = useTranslation(NS);
  const employees = useEmployees({ unitId: servicePoint.unitId, page: 1, pageSize: 200 });
  const setStaff = useSetServicePointStaff(servicePoint.id);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(() => new Set(servicePoint.staffIds));
  const [saved, setSaved] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    setStaff.mutate([...chosen], { onSuccess: () => setSaved(true) });
  };
  const toggle = (id: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  return (
    <section className="section section--admin" aria-labelledby="sp-staff">
      <h2 className="heading-m" id="sp-staff">
        {t('form.staffTitle')}
      </h2>
      <p>{t('form.staffLead')}</p>
      {saved ? <Notice tone="success" title={t('form.staffSaved')} /> : null}
      {setStaff.error instanceof ApiError ? (
        <ErrorSummary errors={[{ message: setStaff.error.fields[0]?.message || setStaff.error.message }]} />
      ) : null}
      {employees.isPending ? <Loading /> : null}
      {employees.isError ? <LoadError error={employees.error} onRetry={() => void employees.refetch()} /> : null}
      {employees.data && employees.data.employees.length === 0 ? <p>{t('form.staffEmpty')}</p> : null}
      {employees.data && employees.data.employees.length > 0 ? (
        <form noValidate onSubmit={onSubmit}>
          <fieldset className="fieldset">
            <legend className="visually-hidden">{t('form.staffLegend')}</legend>
            <ul className="checkbox-list">
              {employees.data.employees.map((e) => (
                <li key={e.id} className="checkbox">
                  <input id={`sp-staff-${e.id}`} type="checkbox" checked={chosen.has(e.id)} onChange={(ev) => toggle(e.id, ev.target.checked)} />
                  <label htmlFor={`sp-staff-${e.id}`}>
                    {e.name}
                    {e.positionName ? <span className="muted"> – {e.positionName}</span> : null}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit" className="button" disabled={setStaff.isPending}>
            {t('form.staffSave')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
