import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorSummary, type SummaryError } from '../../components/ui/ErrorSummary';
import { PageHeading } from '../../components/ui/PageHeading';
import { TableWrap } from '../../components/ui/TableWrap';
import { Notice } from '../../components/ui/Status';
import { formatNumber } from '../../lib/format';
import { formatNip } from '../../lib/nip';
import { EXPORT_LINKS, useEmployeeImport, type ImportResult } from './api';
import { IMPORT_COLUMN_HELP, IMPORT_COLUMNS } from './columns';
import { FieldError } from '../../components/ui/Field';

const ACCEPTED = /\.(xlsx|csv)$/i;
const MAX_CHANGES_SHOWN = 100;

export function ImportPage() {
  const { t } = useTranslation();
  const dryRun = useEmployeeImport();
  const commit = useEmployeeImport();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const resultRef = useRef<HTMLHeadingElement>(null);
  const committedRef = useRef<HTMLDivElement>(null);

  const onCheck = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    commit.reset();
    if (!file) return setFileError(t('imports.fileRequired'));
    if (!ACCEPTED.test(file.name)) return setFileError(t('imports.fileType'));
    setFileError(undefined);
    dryRun.mutate(
      { file, mode: 'dry-run' },
      { onSuccess: () => requestAnimationFrame(() => resultRef.current?.focus()) },
    );
  };

  const onCommit = () => {
    if (!file) return;
    commit.mutate({ file, mode: 'commit' }, { onSuccess: () => requestAnimationFrame(() => committedRef.current?.focus()) });
  };

  const requestError = dryRun.error instanceof ApiError ? dryRun.error : null;
  const summary: SummaryError[] = [];
  if (fileError) summary.push({ fieldId: 'import-file', message: fileError });
  else if (requestError) summary.push({ fieldId: 'import-file', message: requestError.message });

  // A refused commit (the data changed since the check) comes back with its own list of problems.
  const refused = commit.data && !commit.data.ok ? commit.data : undefined;
  const result = refused ?? dryRun.data;
  const committed = commit.data?.ok ? commit.data : undefined;
  const hasChanges = result ? result.summary.new + result.summary.changed + result.summary.leaving > 0 : false;

  return (
    <>
      <PageHeading title={t('imports.title')} />
      <p className="lead">{t('imports.intro')}</p>

      <section aria-labelledby="upload-title" className="section">
        <h2 className="heading-m" id="upload-title">
          {t('imports.uploadTitle')}
        </h2>
        <ErrorSummary errors={summary} />
        <form noValidate onSubmit={onCheck}>
          <div className={fileError || requestError ? 'field field--error' : 'field'}>
            <label className="field__label" htmlFor="import-file">
              {t('imports.file')}
            </label>
            <p className="field__hint" id="import-file-hint">
              {t('imports.fileHint')}
            </p>
            <FieldError id="import-file" error={summary[0]?.message} />
            <input
              id="import-file"
              name="file"
              type="file"
              className="file-input"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              aria-describedby={summary[0] ? 'import-file-hint import-file-error' : 'import-file-hint'}
              aria-invalid={summary[0] ? true : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(undefined);
                dryRun.reset();
                commit.reset();
              }}
            />
          </div>
          <button type="submit" className="button" disabled={dryRun.isPending}>
            {dryRun.isPending ? t('imports.checking') : t('imports.check')}
          </button>
        </form>
      </section>

      {result ? (
        <section aria-labelledby="result-title" className="section">
          <h2 className="heading-m" id="result-title" ref={resultRef} tabIndex={-1}>
            {t('imports.resultTitle')}
          </h2>
          {result.errors.length > 0 ? <ImportErrors errors={result.errors} /> : null}
          <ImportSummary result={result} />
          {result.changes.length > 0 ? <ImportChanges changes={result.changes} /> : null}

          <h2 className="heading-m">{t('imports.commitTitle')}</h2>
          {committed ? (
            <div ref={committedRef} tabIndex={-1}>
              <Notice tone="success" title={t('imports.committed')} />
            </div>
          ) : result.errors.length > 0 || !result.ok ? (
            <p>{t('imports.blockedByErrors')}</p>
          ) : !hasChanges ? (
            <p>{t('imports.noChanges')}</p>
          ) : (
            <>
              <p>{t('imports.readyToCommit')}</p>
              {commit.error instanceof ApiError ? (
                <div className="notice notice--error" role="alert">
                  <p className="notice__title">{t('common.actionFailed')}</p>
                  <p>{commit.error.message}</p>
                </div>
              ) : null}
              <button type="button" className="button" onClick={onCommit} disabled={commit.isPending}>
                {commit.isPending ? t('imports.committing') : t('imports.commit')}
              </button>
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="exports-title" className="section">
        <h2 className="heading-m" id="exports-title">
          {t('imports.exportsTitle')}
        </h2>
        <p>{t('imports.exportsIntro')}</p>
        <ul className="link-list">
          <li>
            <a href={EXPORT_LINKS.xlsx} download>
              {t('imports.exportXlsx')}
            </a>
          </li>
          <li>
            <a href={EXPORT_LINKS.csv} download>
              {t('imports.exportCsv')}
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="template-title" className="section">
        <h2 className="heading-m" id="template-title">
          {t('imports.templateTitle')}
        </h2>
        <p>{t('imports.templateIntro')}</p>
        <dl className="column-list">
          {IMPORT_COLUMNS.map((heading) => (
            <div className="column-list__item" key={heading}>
              <dt lang="id">{heading}</dt>
              <dd>
                {t(`imports.columns.${IMPORT_COLUMN_HELP[heading].descriptionKey}`)}{' '}
                <span className="muted">
                  {t('imports.templateExample')}: <span className="column-list__example">{IMPORT_COLUMN_HELP[heading].example}</span>
                </span>
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}

function ImportErrors({ errors }: { errors: ImportResult['errors'] }) {
  const { t } = useTranslation();
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  return (
    <div className="notice notice--error">
      <h3 className="heading-s">{t('imports.errorsTitle', { count: errors.length })}</h3>
      <p>{t('imports.errorsIntro')}</p>
      <TableWrap label={t('imports.errorsCaption')}>
        <table className="table table--compact" id="import-errors">
          <caption className="visually-hidden">{t('imports.errorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.errorRow')}</th>
              <th scope="col">{t('imports.errorColumn')}</th>
              <th scope="col">{t('imports.errorProblem')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((e, i) => (
              <tr key={`${e.row}-${e.column}-${i}`}>
                <td className="num">{e.row}</td>
                <td lang="id">{e.column}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  const { t, i18n } = useTranslation();
  const items = [
    { key: 'new', label: t('imports.summary.new'), value: result.summary.new },
    { key: 'changed', label: t('imports.summary.changed'), value: result.summary.changed },
    { key: 'leaving', label: t('imports.summary.leaving'), value: result.summary.leaving },
    { key: 'unchanged', label: t('imports.summary.unchanged'), value: result.summary.unchanged },
  ];
  return (
    <>
      <h3 className="heading-s">{t('imports.summaryTitle')}</h3>
      <dl className="stats">
        {items.map((it) => (
          <div className={`stats__item stats__item--${it.key}`} key={it.key}>
            <dt>{it.label}</dt>
            <dd>{formatNumber(it.value, i18n.language)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function ImportChanges({ changes }: { changes: ImportResult['changes'] }) {
  const { t } = useTranslation();
  const shown = changes.slice(0, MAX_CHANGES_SHOWN);
  const empty = t('imports.emptyValue');
  return (
    <>
      <h3 className="heading-s">{t('imports.changesTitle')}</h3>
      <ul className="changes">
        {shown.map((c) => (
          <li className={`changes__item changes__item--${c.kind}`} key={`${c.kind}-${c.nip}`}>
            <p>
              <span className={`badge badge--${c.kind}`}>{t(`imports.changeKind.${c.kind}`)}</span>{' '}
              <strong>{c.name}</strong> <span className="nip muted">{formatNip(c.nip)}</span>
            </p>
            {c.fields && c.fields.length > 0 ? (
              <ul className="changes__fields">
                {c.fields.map((f) => (
                  <li key={f.column}>
                    <span lang="id">{f.column}</span>: <del>{f.old ?? empty}</del>{' '}
                    <span aria-hidden="true">→</span> <ins>{f.new ?? empty}</ins>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {changes.length > shown.length ? (
        <p>{t('imports.moreChanges', { count: changes.length - shown.length })}</p>
      ) : null}
    </>
  );
}
