import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SkpDialogBody, SkpFeedbackBody, type SkpDetail } from '@pantau/contracts';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { TextField } from '../../components/ui/TextField';
import { formatDate, formatDateTime, todayIso } from '../../lib/format';
import { useDialogs, useFeedback, useSkpMutation, type FeedbackThread } from './api';
import { SelectField, TextArea } from './fields';
import { checkWith, generalMessage, serverFieldMessages, summaryFrom } from './form';
import { useLabel } from './labels';

type Message = FeedbackThread['root'];

/**
 * Umpan balik berkelanjutan (threads per RHK and per behaviour, both sides write, time-stamped)
 * and dialog kinerja notes of one SKP, shown beside a period's realisation.
 */
export function Conversation({ skp, periodId }: { skp: SkpDetail; periodId: number | null }) {
  return (
    <>
      <FeedbackSection skp={skp} periodId={periodId} />
      <DialogSection skp={skp} periodId={periodId} />
    </>
  );
}

function useTopicLabel(skp: SkpDetail) {
  const { t } = useTranslation('skp');
  const label = useLabel();
  return (m: Pick<Message, 'rhkId' | 'behaviour'>) => {
    if (m.rhkId !== null) return t('conversation.aboutRhk', { text: skp.rhk.find((r) => r.id === m.rhkId)?.text ?? `#${m.rhkId}` });
    const p = skp.perilaku.find((x) => x.behaviour === m.behaviour);
    return t('conversation.aboutBehaviour', { label: p ? label(p.label) : (m.behaviour ?? '') });
  };
}

function MessageMeta({ m }: { m: Message }) {
  const { t, i18n } = useTranslation('skp');
  return (
    <p className="small skp-message__meta">
      {t('conversation.at', { name: m.author.name, role: t(m.authorIsOwner ? 'conversation.owner' : 'conversation.supervisor'), date: formatDateTime(m.createdAt, i18n.language) })}
    </p>
  );
}

function FeedbackSection({ skp, periodId }: { skp: SkpDetail; periodId: number | null }) {
  const { t } = useTranslation('skp');
  const label = useLabel();
  const threads = useFeedback(skp.id, periodId);
  const topic = useTopicLabel(skp);
  const [about, setAbout] = useState('');
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const send = useSkpMutation((b: unknown) => ({ path: `/api/skp/${skp.id}/feedback`, body: b }));
  const can = skp.abilities.giveFeedback;
  const fields = { ...problems, ...serverFieldMessages(send.error) };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const [kind, value] = about.split(':');
    const target = kind === 'rhk' ? { rhkId: Number(value) } : kind === 'b' ? { behaviour: value } : {};
    const checked = checkWith(SkpFeedbackBody, { ...target, periodId, body });
    const next: Record<string, string> = {};
    if (about === '') next.rhkId = t('conversation.chooseTopic');
    if (body.trim() === '') next.body = t('conversation.write');
    setProblems(next);
    if (Object.keys(next).length > 0 || !checked.ok) return;
    send.mutate(checked.data, { onSuccess: () => setBody('') });
  };
  return (
    <section className="section" aria-labelledby="feedback">
      <h2 className="heading-m" id="feedback">
        {t('conversation.heading')}
      </h2>
      <p>{t('conversation.intro')}</p>
      {threads.isPending ? <Loading /> : null}
      {threads.isError ? <LoadError error={threads.error} onRetry={() => void threads.refetch()} /> : null}
      {threads.data?.length === 0 ? <p className="muted">{t('conversation.none')}</p> : null}
      {threads.data?.map((th) => (
        <article key={th.root.id} className="skp-box skp-thread">
          <h3 className="heading-s skp-break">{topic(th.root)}</h3>
          <div className={th.root.authorIsOwner ? 'skp-message skp-message--owner' : 'skp-message'}>
            <MessageMeta m={th.root} />
            <p className="skp-break">{th.root.body}</p>
          </div>
          {th.replies.map((r) => (
            <div key={r.id} className={r.authorIsOwner ? 'skp-message skp-message--owner skp-message--reply' : 'skp-message skp-message--reply'}>
              <MessageMeta m={r} />
              <p className="skp-break">{r.body}</p>
            </div>
          ))}
          {can ? <ReplyForm skpId={skp.id} parentId={th.root.id} /> : null}
        </article>
      ))}
      {can ? (
        <form className="skp-box" onSubmit={onSubmit} noValidate>
          <ErrorSummary errors={summaryFrom(fields, 'feedback', generalMessage(send.error, t('form.failed')))} />
          <SelectField id="feedback-rhkId" label={t('conversation.about')} value={about} onChange={(e) => setAbout(e.target.value)} error={fields.rhkId}>
            <option value="">{t('conversation.chooseTopic')}</option>
            {skp.rhk.map((r) => (
              <option key={r.id} value={`rhk:${r.id}`}>
                {t('conversation.aboutRhk', { text: r.text.length > 80 ? `${r.text.slice(0, 80)}…` : r.text })}
              </option>
            ))}
            {skp.perilaku.map((p) => (
              <option key={p.behaviour} value={`b:${p.behaviour}`}>
                {t('conversation.aboutBehaviour', { label: label(p.label) })}
              </option>
            ))}
          </SelectField>
          <TextArea id="feedback-body" label={t('conversation.message')} value={body} onChange={(e) => setBody(e.target.value)} error={fields.body} />
          <button type="submit" className="button" disabled={send.isPending}>
            {t('conversation.start')}
          </button>
        </form>
      ) : (
        <p className="muted">{t('conversation.cannot')}</p>
      )}
    </section>
  );
}

function ReplyForm({ skpId, parentId }: { skpId: number; parentId: number }) {
  const { t } = useTranslation('skp');
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const send = useSkpMutation((b: unknown) => ({ path: `/api/skp/${skpId}/feedback`, body: b }));
  const id = `reply-${parentId}`;
  const fields: Record<string, string> = { ...(problem ? { body: problem } : {}), ...serverFieldMessages(send.error) };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkWith(SkpFeedbackBody, { parentId, body });
    if (!checked.ok) return setProblem(t('conversation.write'));
    setProblem(undefined);
    send.mutate(checked.data, { onSuccess: () => setBody('') });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={summaryFrom(fields, id, generalMessage(send.error, t('form.failed')))} />
      <TextArea id={`${id}-body`} label={t('conversation.reply')} rows={2} value={body} onChange={(e) => setBody(e.target.value)} error={fields.body} />
      <button type="submit" className="button button--secondary" disabled={send.isPending}>
        {t('conversation.sendReply')}
      </button>
    </form>
  );
}

function DialogSection({ skp, periodId }: { skp: SkpDetail; periodId: number | null }) {
  const { t, i18n } = useTranslation('skp');
  const dialogs = useDialogs(skp.id);
  const [heldOn, setHeldOn] = useState(todayIso());
  const [notes, setNotes] = useState('');
  const [agreements, setAgreements] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useSkpMutation((b: unknown) => ({ path: `/api/skp/${skp.id}/dialogs`, body: b }));
  const fields = { ...problems, ...serverFieldMessages(save.error) };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkWith(SkpDialogBody, { periodId, heldOn, notes, agreements: agreements.trim() === '' ? null : agreements });
    const next: Record<string, string> = {};
    if (!checked.ok && checked.problems.heldOn) next.heldOn = t('dialog.dateInvalid');
    if (notes.trim() === '') next.notes = t('dialog.notesRequired');
    setProblems(next);
    if (Object.keys(next).length > 0 || !checked.ok) return;
    save.mutate(checked.data, { onSuccess: () => { setNotes(''); setAgreements(''); } });
  };
  const list = (dialogs.data ?? []).filter((d) => periodId === null || d.periodId === null || d.periodId === periodId);
  return (
    <section className="section" aria-labelledby="dialogs">
      <h2 className="heading-m" id="dialogs">
        {t('dialog.heading')}
      </h2>
      <p>{t('dialog.intro')}</p>
      {dialogs.isPending ? <Loading /> : null}
      {dialogs.isError ? <LoadError error={dialogs.error} onRetry={() => void dialogs.refetch()} /> : null}
      {dialogs.data && list.length === 0 ? <p className="muted">{t('dialog.none')}</p> : null}
      {list.map((d) => (
        <article key={d.id} className="skp-box">
          <h3 className="heading-s">{formatDate(d.heldOn, i18n.language)}</h3>
          <p className="skp-break">{d.notes}</p>
          {d.agreements ? (
            <p className="skp-break">
              <strong>{t('dialog.agreements')}:</strong> {d.agreements}
            </p>
          ) : null}
          <p className="small">{t('dialog.by', { name: d.author.name, date: formatDateTime(d.createdAt, i18n.language) })}</p>
        </article>
      ))}
      {skp.abilities.addDialog ? (
        <form className="skp-box" onSubmit={onSubmit} noValidate>
          {save.isSuccess ? <Notice tone="success" title={t('dialog.saved')} /> : null}
          <ErrorSummary errors={summaryFrom(fields, 'dialog', generalMessage(save.error, t('form.failed')))} />
          <TextField id="dialog-heldOn" type="date" label={t('dialog.heldOn')} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} error={fields.heldOn} />
          <TextArea id="dialog-notes" label={t('dialog.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} error={fields.notes} />
          <TextArea id="dialog-agreements" label={t('dialog.agreements')} value={agreements} onChange={(e) => setAgreements(e.target.value)} error={fields.agreements} />
          <button type="submit" className="button button--secondary" disabled={save.isPending}>
            {t('dialog.save')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
