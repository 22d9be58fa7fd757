import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SkpEvidenceBody } from '@pantau/contracts';
import { apiRequest } from '../../api/client';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { TextField } from '../../components/ui/TextField';
import { formatNumber } from '../../lib/format';
import type { RealisationSheet } from './api';
import { checkWith, generalMessage, serverFieldMessages, summaryFrom } from './form';
import { skpKeys } from './keys';

type Realisation = NonNullable<RealisationSheet['rhk'][number]['indicators'][number]['realisation']>;

const sizeText = (bytes: number | null, lang: string) => (bytes === null ? '' : ` · ${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang)} KB`);

/**
 * Bukti dukung of one realisation. Files go through the shared evidence store (POST /api/evidence
 * checks the type by content and refuses e.g. a renamed .exe), then are attached by id.
 */
export function EvidenceList({ realisation, canEdit, idPrefix }: { realisation: Realisation; canEdit: boolean; idPrefix: string }) {
  const { t, i18n } = useTranslation('skp');
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const done = () => qc.invalidateQueries({ queryKey: skpKeys.all });
  const attach = useMutation({
    mutationFn: async (body: object) => apiRequest(`/api/skp/realisations/${realisation.id}/evidence`, { method: 'POST', body }),
    onSuccess: done,
  });
  const uploadFile = useMutation({
    mutationFn: async (f: File) => {
      const form = new FormData();
      form.append('file', f, f.name);
      const res = await apiRequest<{ evidence: { id: number } }>('/api/evidence', { method: 'POST', body: form });
      return apiRequest(`/api/skp/realisations/${realisation.id}/evidence`, { method: 'POST', body: { evidenceFileId: res.evidence.id } });
    },
    onSuccess: () => {
      setFile(null);
      return done();
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => apiRequest(`/api/skp/evidence/${id}`, { method: 'DELETE' }),
    onSuccess: done,
  });
  const error = uploadFile.error ?? attach.error ?? remove.error;
  const fields = { ...problems, ...serverFieldMessages(error) };

  const onUpload = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setProblems({ file: t('evidence.chooseFile') });
    setProblems({});
    uploadFile.mutate(file);
  };
  const onLink = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkWith(SkpEvidenceBody, { fileName: name.trim(), url: url.trim() });
    if (!checked.ok || name.trim() === '') return setProblems({ url: t('evidence.linkInvalid') });
    setProblems({});
    attach.mutate(checked.data, { onSuccess: () => { setName(''); setUrl(''); } });
  };

  return (
    <div className="skp-evidence">
      <h4 className="heading-s">{t('evidence.heading')}</h4>
      {realisation.evidence.length === 0 ? <p className="muted">{t('evidence.none')}</p> : null}
      <ul className="skp-evidence__list">
        {realisation.evidence.map((e) => (
          <li key={e.id}>
            <a href={e.evidenceFileId !== null ? `/api/evidence/${e.evidenceFileId}/content` : (e.url ?? '#')} target="_blank" rel="noopener noreferrer">
              {e.fileName}
            </a>
            <span className="small">{sizeText(e.sizeBytes, i18n.language)}</span>
            {canEdit ? (
              <button type="button" className="button button--secondary" disabled={remove.isPending} onClick={() => remove.mutate(e.id)}>
                {t('evidence.remove')}
                <span className="visually-hidden"> {e.fileName}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <>
          <ErrorSummary errors={summaryFrom(fields, idPrefix, generalMessage(error, t('form.failed')))} />
          <form onSubmit={onUpload} noValidate>
            <div className={fields.file ? 'field field--error' : 'field'}>
              <label className="field__label" htmlFor={`${idPrefix}-file`}>
                {t('evidence.file')}
              </label>
              <p className="field__hint" id={`${idPrefix}-file-hint`}>
                {t('evidence.fileHint')}
              </p>
              {fields.file ? (
                <p className="field__error" id={`${idPrefix}-file-error`}>
                  {fields.file}
                </p>
              ) : null}
              <input
                id={`${idPrefix}-file`}
                type="file"
                accept=".jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx,image/*,application/pdf"
                aria-describedby={`${idPrefix}-file-hint`}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </div>
            <button type="submit" className="button button--secondary" disabled={uploadFile.isPending}>
              {uploadFile.isPending ? t('evidence.uploading') : t('evidence.upload')}
            </button>
          </form>
          <details>
            <summary>{t('evidence.orLink')}</summary>
            <form onSubmit={onLink} noValidate>
              <TextField id={`${idPrefix}-name`} label={t('evidence.linkName')} value={name} onChange={(e) => setName(e.target.value)} />
              <TextField id={`${idPrefix}-url`} label={t('evidence.link')} type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} error={fields.url} />
              <button type="submit" className="button button--secondary" disabled={attach.isPending}>
                {t('evidence.addLink')}
              </button>
            </form>
          </details>
        </>
      ) : null}
    </div>
  );
}
