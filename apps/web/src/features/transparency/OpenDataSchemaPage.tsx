import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableWrap } from '../../components/ui/TableWrap';
import { StepHeading } from '../public/StepHeading';
import { NS } from './namespace';

type FieldKey =
  | 'schemaVersion'
  | 'instansi'
  | 'year'
  | 'minGroupSize'
  | 'generatedAt'
  | 'month'
  | 'opd'
  | 'service'
  | 'responses'
  | 'ikmValue'
  | 'mutuValue'
  | 'nrr'
  | 'received'
  | 'resolvedCount'
  | 'resolvedOnTime'
  | 'medianResolutionDays';

/** Column names as they appear in the files (JSON name; the CSV name is given where it differs). */
const META: ReadonlyArray<[string, FieldKey]> = [
  ['schemaVersion', 'schemaVersion'],
  ['instansi', 'instansi'],
  ['year', 'year'],
  ['minGroupSize', 'minGroupSize'],
  ['generatedAt', 'generatedAt'],
];
const IKM: ReadonlyArray<[string, FieldKey]> = [
  ['month', 'month'],
  ['opd', 'opd'],
  ['service', 'service'],
  ['responses', 'responses'],
  ['ikm', 'ikmValue'],
  ['mutu', 'mutuValue'],
  ['nrr', 'nrr'],
];
const COMPLAINTS: ReadonlyArray<[string, FieldKey]> = [
  ['month', 'month'],
  ['opd', 'opd'],
  ['service', 'service'],
  ['received', 'received'],
  ['resolved', 'resolvedCount'],
  ['resolvedOnTime', 'resolvedOnTime'],
  ['medianResolutionDays', 'medianResolutionDays'],
];

/** /transparansi/data: what each column of the open data means (the documented schema). */
export function OpenDataSchemaPage() {
  const { t } = useTranslation(NS);
  const table = (id: string, title: string, rows: ReadonlyArray<[string, FieldKey]>) => (
    <section aria-labelledby={id} className="section">
      <h2 className="heading-m" id={id}>
        {title}
      </h2>
      <TableWrap label={title}>
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('schema.column')}</th>
              <th scope="col">{t('schema.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, key]) => (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td>{t(`schema.fields.${key}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
  return (
    <>
      <p className="back-link">
        <Link to="/transparansi">{t('schema.back')}</Link>
      </p>
      <StepHeading title={t('schema.title')} stepKey="schema" />
      <p className="lead">{t('schema.lead')}</p>
      {table('schema-ikm', t('schema.ikmTitle'), IKM)}
      {table('schema-complaints', t('schema.complaintsTitle'), COMPLAINTS)}
      {table('schema-meta', t('schema.metaTitle'), META)}
      <p>
        <a href="/api/docs">{t('schema.api')}</a>
      </p>
    </>
  );
}
