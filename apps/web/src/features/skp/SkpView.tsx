import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SkpLampiranBody, SkpPerilakuBody, SkpReturnBody, type SkpDetail, type SkpRhkDto } from '@pantau/contracts';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { SummaryList } from '../../components/ui/SummaryList';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useSkp, useSkpMutation } from './api';
import { TextArea } from './fields';
import { checkWith, generalMessage, serverFieldMessages, summaryFrom } from './form';
import { SkpStatusTag, useLabel } from './labels';
import { RhkForm } from './RhkForm';

/** One SKP with everything on it; the buttons follow the `abilities` the server sent. */
export function SkpView({ id }: { id: number }) {
  const { t, i18n } = useTranslation('skp');
  const query = useSkp(id);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const act = useSkpMutation((step: 'submission' | 'approval' | 'revisions') => ({ path: `/api/skp/${id}/${step}` }));
  const remove = useSkpMutation((rhkId: number) => ({ path: `/api/skp/rhk/${rhkId}`, method: 'DELETE' }));

  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const skp = query.data;
  const lang = i18n.language;
  const a = skp.abilities;
  const blocking = skp.problems.filter((p) => p.blocking);
  const warnings = skp.problems.filter((p) => !p.blocking);

  const runStep = (step: 'submission' | 'approval' | 'revisions', message: string) =>
    act.mutate(step, { onSuccess: () => setDone(message) });

  return (
    <div>
      {done ? <Notice tone="success" title={done} /> : null}
      {act.error ? <ErrorSummary errors={[{ message: generalMessage(act.error, t('form.failed')) ?? t('form.failed') }]} /> : null}
      <SummaryList
        rows={[
          { key: 'status', label: t('skp.status'), value: <SkpStatusTag status={skp.status} /> },
          { key: 'employee', label: t('skp.employee'), value: `${skp.employee.name} (${skp.employee.positionName ?? '-'})` },
          { key: 'span', label: t('skp.span'), value: `${formatDate(skp.periodStart, lang)} – ${formatDate(skp.periodEnd, lang)}` },
          { key: 'form', label: t('skp.form'), value: t(`form_.${skp.form}`) },
          { key: 'version', label: t('skp.version'), value: formatNumber(skp.version, lang) },
          { key: 'penilai', label: t('skp.penilai'), value: skp.penilai?.name ?? t('skp.none') },
          { key: 'atasan', label: t('skp.atasanPenilai'), value: skp.atasanPenilai?.name ?? t('skp.none') },
        ]}
      />
      {skp.status === 'RETURNED' && skp.returnNote ? (
        <Notice tone="warning" title={t('skp.returnedTitle')}>
          <p className="skp-break">{skp.returnNote}</p>
          {skp.returnedAt ? <p className="small">{formatDateTime(skp.returnedAt, lang)}</p> : null}
        </Notice>
      ) : null}
      {blocking.length > 0 || warnings.length > 0 ? (
        <Notice tone="warning" title={t('skp.problemsTitle')}>
          <ul>
            {skp.problems.map((p) => (
              <li key={p.code + p.message}>
                {p.blocking ? <strong>{t('skp.blocking')} </strong> : null}
                {p.message}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}

      <div className="button-group">
        {a.submit ? (
          <button type="button" className="button" disabled={act.isPending} onClick={() => runStep('submission', t('skp.submitted'))}>
            {t('skp.submit')}
          </button>
        ) : null}
        {a.approve ? (
          <button type="button" className="button" disabled={act.isPending} onClick={() => runStep('approval', t('skp.approved'))}>
            {t('skp.approve')}
          </button>
        ) : null}
        {a.revise ? (
          <button type="button" className="button button--secondary" disabled={act.isPending} onClick={() => runStep('revisions', t('skp.revised'))}>
            {t('skp.revise')}
          </button>
        ) : null}
        {a.downloadPdf ? (
          <a className="button button--secondary" href={`/api/skp/${skp.id}/document.pdf`} download>
            {t('skp.downloadPdf')}
          </a>
        ) : null}
      </div>
      {a.return ? <ReturnForm skpId={skp.id} onDone={() => setDone(t('skp.returned'))} /> : null}
      {skp.status === 'APPROVED' ? (
        <p>
          <Link to={`/skp/${skp.id}/evaluasi`}>{t('skp.toEvaluation')}</Link>
        </p>
      ) : null}

      {(['UTAMA', 'TAMBAHAN'] as const).map((kind) => {
        const list = skp.rhk.filter((r) => r.kind === kind);
        return (
          <section className="section" key={kind} aria-labelledby={`rhk-${kind}`}>
            <h2 className="heading-m" id={`rhk-${kind}`}>
              {t(`rhk.heading${kind}`)}
            </h2>
            {list.length === 0 ? <p className="muted">{t('rhk.empty')}</p> : null}
            {list.map((r) =>
              editing === r.id ? (
                <RhkForm key={r.id} skp={skp} rhk={r} onDone={() => setEditing(null)} />
              ) : (
                <RhkCard key={r.id} rhk={r} skp={skp} onEdit={() => setEditing(r.id)} onDelete={() => remove.mutate(r.id)} />
              ),
            )}
          </section>
        );
      })}
      {a.edit ? (
        editing === 'new' ? (
          <RhkForm skp={skp} rhk={null} onDone={() => setEditing(null)} />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setEditing('new')}>
            {t('rhk.add')}
          </button>
        )
      ) : null}

      <Perilaku skp={skp} />
      <Lampiran skp={skp} />

      {skp.versions.length > 1 ? (
        <section className="section" aria-labelledby="versions">
          <h2 className="heading-m" id="versions">
            {t('skp.versions')}
          </h2>
          <ul className="link-list">
            {skp.versions.map((v) => (
              <li key={v.id}>
                {v.id === skp.id ? (
                  <span aria-current="page">{t('skp.versionLabel', { n: v.version })}</span>
                ) : (
                  <Link to={`/skp/${v.id}`}>{t('skp.versionLabel', { n: v.version })}</Link>
                )}{' '}
                <SkpStatusTag status={v.status} />
                {v.approvedAt ? <span className="small"> {formatDate(v.approvedAt, lang)}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function RhkCard({ rhk, skp, onEdit, onDelete }: { rhk: SkpRhkDto; skp: SkpDetail; onEdit: () => void; onDelete: () => void }) {
  const { t, i18n } = useTranslation('skp');
  return (
    <article className="skp-rhk" aria-label={rhk.text}>
      <p className="skp-rhk__text skp-break">{rhk.text}</p>
      {skp.form === 'NON_JPT' ? (
        <p className="skp-rhk__meta small">
          {rhk.parent ? t('rhk.supports', { text: rhk.parent.text, name: rhk.parent.ownerName }) : t('rhk.supportsNothing')}
        </p>
      ) : null}
      {rhk.supportedBy > 0 ? <p className="skp-rhk__meta small">{t('rhk.supportedBy', { count: rhk.supportedBy })}</p> : null}
      {rhk.gaps.length > 0 ? (
        <p className="skp-flags">
          {rhk.gaps.map((g) => (
            <span key={g} className="skp-tag skp-tag--gap">
              {t(`gap.${g}`)}
            </span>
          ))}
        </p>
      ) : null}
      <ul className="skp-indicators">
        {rhk.indicators.map((i) => (
          <li key={i.id}>
            <span className="skp-break">{i.text}</span>
            <br />
            <span className="small">
              {[
                i.aspek ? t(`aspek.${i.aspek}`) : null,
                i.perspektif ? t(`aspek.${i.perspektif}`) : null,
                i.targetValue !== null ? t('rhk.target', { value: formatNumber(i.targetValue, i18n.language), unit: i.targetUnit ?? '' }) : null,
                i.targetText,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {skp.abilities.edit ? (
        <div className="button-group">
          <button type="button" className="button button--secondary" onClick={onEdit}>
            {t('rhk.edit')}
            <span className="visually-hidden">: {rhk.text}</span>
          </button>
          <button type="button" className="button button--secondary" onClick={onDelete}>
            {t('rhk.delete')}
            <span className="visually-hidden">: {rhk.text}</span>
          </button>
        </div>
      ) : null}
    </article>
  );
}

function ReturnForm({ skpId, onDone }: { skpId: number; onDone: () => void }) {
  const { t } = useTranslation('skp');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const send = useSkpMutation((body: { note: string }) => ({ path: `/api/skp/${skpId}/return`, body }));
  const fields: Record<string, string> = { ...(problem ? { note: problem } : {}), ...serverFieldMessages(send.error) };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkWith(SkpReturnBody, { note });
    if (!checked.ok) return setProblem(t('form.required', { field: t('skp.returnNote') }));
    setProblem(undefined);
    send.mutate(checked.data, { onSuccess: onDone });
  };
  return (
    <form className="skp-box" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={summaryFrom(fields, 'return', generalMessage(send.error, t('form.failed')))} />
      <TextArea id="return-note" label={t('skp.returnNote')} hint={t('skp.returnHint')} value={note} onChange={(e) => setNote(e.target.value)} error={fields.note} />
      <button type="submit" className="button button--warning" disabled={send.isPending}>
        {t('skp.return')}
      </button>
    </form>
  );
}

function Perilaku({ skp }: { skp: SkpDetail }) {
  const { t } = useTranslation('skp');
  const label = useLabel();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(skp.perilaku.map((p) => [p.behaviour, p.ekspektasi ?? ''])));
  const [saved, setSaved] = useState(false);
  const save = useSkpMutation((body: unknown) => ({ path: `/api/skp/${skp.id}/perilaku`, method: 'PUT', body }));
  const editable = skp.abilities.editEkspektasi;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkWith(SkpPerilakuBody, {
      items: skp.perilaku.map((p) => ({ behaviour: p.behaviour, ekspektasi: (values[p.behaviour] ?? '').trim() === '' ? null : values[p.behaviour] })),
    });
    if (checked.ok) save.mutate(checked.data, { onSuccess: () => setSaved(true) });
  };
  const fields = serverFieldMessages(save.error);
  return (
    <section className="section" aria-labelledby="perilaku">
      <h2 className="heading-m" id="perilaku">
        {t('perilaku.heading')}
      </h2>
      <form onSubmit={onSubmit} noValidate>
        {saved ? <Notice tone="success" title={t('perilaku.saved')} /> : null}
        <ErrorSummary errors={summaryFrom(fields, 'perilaku', generalMessage(save.error, t('form.failed')))} />
        {skp.perilaku.map((p) => (
          <div key={p.behaviour} className="skp-box">
            <h3 className="heading-s">{label(p.label)}</h3>
            <p className="small">{p.makna}</p>
            {editable ? (
              <TextArea
                id={`perilaku-${p.behaviour}`}
                label={t('perilaku.ekspektasi')}
                value={values[p.behaviour] ?? ''}
                onChange={(e) => setValues((v) => ({ ...v, [p.behaviour]: e.target.value }))}
              />
            ) : (
              <p>
                <strong>{t('perilaku.ekspektasi')}:</strong> {p.ekspektasi ?? t('perilaku.noEkspektasi')}
              </p>
            )}
          </div>
        ))}
        {editable ? (
          <button type="submit" className="button button--secondary" disabled={save.isPending}>
            {t('perilaku.save')}
          </button>
        ) : null}
      </form>
    </section>
  );
}

/** The three lampiran lists; the owner edits them while the SKP is editable (one item per line). */
function Lampiran({ skp }: { skp: SkpDetail }) {
  const { t } = useTranslation('skp');
  const kinds = ['DUKUNGAN_SUMBER_DAYA', 'SKEMA_PERTANGGUNGJAWABAN', 'KONSEKUENSI'] as const;
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(kinds.map((k) => [k, skp.lampiran[k].join('\n')])));
  const [problem, setProblem] = useState<string | undefined>();
  const save = useSkpMutation((body: unknown) => ({ path: `/api/skp/${skp.id}/lampiran`, method: 'PUT', body }));
  const editable = skp.abilities.edit;
  if (!editable && kinds.every((k) => skp.lampiran[k].length === 0)) return null;
  const lines = (k: string) => (values[k] ?? '').split('\n').map((x) => x.trim()).filter((x) => x !== '');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkWith(SkpLampiranBody, Object.fromEntries(kinds.map((k) => [k, lines(k)])));
    if (!checked.ok) return setProblem(t('lampiran.tooMany'));
    setProblem(undefined);
    save.mutate(checked.data);
  };
  const fields: Record<string, string> = { ...(problem ? { DUKUNGAN_SUMBER_DAYA: problem } : {}), ...serverFieldMessages(save.error) };
  return (
    <section className="section" aria-labelledby="lampiran">
      <h2 className="heading-m" id="lampiran">
        {t('lampiran.heading')}
      </h2>
      {editable ? (
        <form onSubmit={onSubmit} noValidate>
          {save.isSuccess ? <Notice tone="success" title={t('lampiran.saved')} /> : null}
          <ErrorSummary errors={summaryFrom(fields, 'lampiran', generalMessage(save.error, t('form.failed')))} />
          {kinds.map((k) => (
            <TextArea
              key={k}
              id={`lampiran-${k}`}
              label={t(`lampiran.${k}`)}
              hint={t('lampiran.hint')}
              rows={4}
              value={values[k] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))}
              error={Object.entries(fields).find(([path]) => path.startsWith(k))?.[1]}
            />
          ))}
          <button type="submit" className="button button--secondary" disabled={save.isPending}>
            {t('lampiran.save')}
          </button>
        </form>
      ) : (
        kinds.map((k) => (
          <div key={k}>
            <h3 className="heading-s">{t(`lampiran.${k}`)}</h3>
            {skp.lampiran[k].length === 0 ? (
              <p className="muted">{t('lampiran.none')}</p>
            ) : (
              <ul>
                {skp.lampiran[k].map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            )}
          </div>
        ))
      )}
    </section>
  );
}
