import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { formatNumber } from '../../lib/format';
import { useOnline } from '../../pwa/online';
import { newLocalId, type EvidenceItem } from './model';
import { uploadEvidence } from './sender';

const MAX_FILES = 10;

export interface EvidenceInputProps {
  id: string;
  items: readonly EvidenceItem[];
  onChange: (update: (items: EvidenceItem[]) => EvidenceItem[]) => void;
  error?: string | undefined;
}

/**
 * Evidence for one activity: a photo straight from the phone camera, or a file (photo, PDF,
 * Word, Excel). With a connection each file is uploaded at once; without one it waits on the
 * phone and goes out with the report.
 */
export function EvidenceInput({ id, items, onChange, error }: EvidenceInputProps) {
  const { t } = useTranslation('dailyReports');
  const online = useOnline();
  const [uploading, setUploading] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  const hintId = useId();

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    setProblems([]);
    let room = MAX_FILES - items.length;
    for (const file of files) {
      if (room <= 0) {
        setProblems((p) => [...p, t('evidence.tooMany', { max: MAX_FILES })]);
        break;
      }
      room -= 1;
      const pending: EvidenceItem = { kind: 'pending', localId: newLocalId(), name: file.name || 'foto.jpg', type: file.type, size: file.size, blob: file };
      if (!online) {
        onChange((list) => [...list, pending]);
        continue;
      }
      setUploading((n) => n + 1);
      try {
        const uploaded = await uploadEvidence(file, pending.kind === 'pending' ? pending.name : file.name);
        onChange((list) => [...list, { kind: 'uploaded', file: uploaded }]);
      } catch (e) {
        if (e instanceof ApiError && e.status !== 0 && e.status < 500) {
          setProblems((p) => [...p, t('evidence.refused', { name: file.name, message: e.message })]);
        } else {
          // No connection after all: keep it on the phone and send it with the report.
          onChange((list) => [...list, pending]);
        }
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  const remove = (index: number) => onChange((list) => list.filter((_, i) => i !== index));
  const errors = [...(error ? [error] : []), ...problems];

  return (
    <fieldset className={errors.length > 0 ? 'fieldset field field--error' : 'fieldset field'} aria-describedby={hintId}>
      <legend className="field__label">{t('evidence.label')}</legend>
      <p className="field__hint" id={hintId}>
        {t('evidence.hint')}
      </p>
      {errors.map((message) => (
        <p className="field__error" key={message}>
          {message}
        </p>
      ))}
      <div className="evidence__buttons">
        <label className="button button--secondary file-button">
          <input
            id={`${id}-camera`}
            className="visually-hidden"
            type="file"
            accept="image/*,application/pdf"
            capture="environment"
            onChange={(e) => void onFiles(e)}
          />
          <svg className="file-button__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M9 3 7.2 5H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3H9zm3 5a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6z"
            />
          </svg>
          {t('evidence.camera')}
        </label>
        <label className="button button--secondary file-button">
          <input
            id={`${id}-file`}
            className="visually-hidden"
            type="file"
            multiple
            accept="image/*,application/pdf,.docx,.xlsx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void onFiles(e)}
          />
          {t('evidence.choose')}
        </label>
      </div>
      <p role="status" className="evidence__status">
        {uploading > 0 ? t('evidence.uploading') : ''}
      </p>
      {items.length > 0 ? (
        <ul className="evidence__list">
          {items.map((item, i) => (
            <li key={item.kind === 'uploaded' ? `u${item.file.id}` : item.localId} className="evidence__item">
              <EvidenceThumb item={item} />
              <span className="evidence__name">
                {item.kind === 'uploaded' ? item.file.originalName : item.name}
                {item.kind === 'pending' ? <span className="evidence__waiting">{t('evidence.waiting')}</span> : null}
              </span>
              <button type="button" className="link-button" onClick={() => remove(i)}>
                {t('evidence.remove', { name: item.kind === 'uploaded' ? item.file.originalName : item.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

/** A small preview: the photo itself, or the kind of file. */
export function EvidenceThumb({ item }: { item: EvidenceItem }) {
  const { t, i18n } = useTranslation('dailyReports');
  const type = item.kind === 'uploaded' ? item.file.mimeType : item.type;
  const [src, setSrc] = useState<string | null>(item.kind === 'uploaded' ? item.file.url : null);
  const blob = item.kind === 'pending' ? item.blob : null;
  useEffect(() => {
    if (!blob || !type.startsWith('image/')) return;
    const url = URL.createObjectURL(blob);
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [blob, type]);
  const size = item.kind === 'uploaded' ? item.file.sizeBytes : item.size;
  if (type.startsWith('image/') && src) {
    return <img className="evidence__thumb" src={src} alt="" width={56} height={56} loading="lazy" />;
  }
  return (
    <span className="evidence__thumb evidence__thumb--file" aria-hidden="true" title={t('evidence.size', { size: formatNumber(Math.ceil(size / 1024), i18n.language) })}>
      {type === 'application/pdf' ? t('evidence.pdfShort') : t('evidence.fileShort')}
    </span>
  );
}
