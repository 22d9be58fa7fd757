import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { EmployeeSummary } from '../../api/types';
import { PageHeading } from '../../components/ui/PageHeading';
import { FilterActions, PagedResults } from '../../components/ui/Pager';
import { pageFromParams, positiveIntParam } from '../../components/ui/paging';
import { TableWrap } from '../../components/ui/TableWrap';
import { formatNip } from '../../lib/nip';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/use-media-query';
import { useUnits } from '../org/api';
import { buildUnitTree, flattenTree } from '../org/tree';
import { useEmployees } from './api';

const PAGE_SIZE = 25;

export function EmployeesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const unitId = positiveIntParam(params.get('unitId'));
  const page = pageFromParams(params);
  const isDesktop = useMediaQuery(DESKTOP_QUERY);

  const units = useUnits();
  const unitOptions = useMemo(() => flattenTree(buildUnitTree(units.data ?? [])), [units.data]);
  const unitName = unitId ? units.data?.find((u) => u.id === unitId)?.name : undefined;
  const list = useEmployees({ q: q || undefined, unitId, page, pageSize: PAGE_SIZE });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const nextQ = String(form.get('q') ?? '').trim();
    const nextUnit = String(form.get('unitId') ?? '');
    if (nextQ) next.set('q', nextQ);
    if (nextUnit) next.set('unitId', nextUnit);
    setParams(next);
  };

  const title = unitName ? t('employees.titleForUnit', { unit: unitName }) : t('employees.title');

  return (
    <>
      <PageHeading title={title} />
      {/* Remount when the URL changes or the units arrive, so the inputs show what is searched. */}
      <form
        className="filters"
        role="search"
        aria-label={t('employees.filtersTitle')}
        onSubmit={onSubmit}
        key={`${params.toString()}|${units.data ? 'units' : ''}`}
      >
        <div className="field">
          <label className="field__label" htmlFor="employee-q">
            {t('employees.search')}
          </label>
          <input id="employee-q" name="q" className="input" type="search" defaultValue={q} autoComplete="off" />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="employee-unit">
            {t('employees.unit')}
          </label>
          <p className="field__hint" id="employee-unit-hint">
            {t('employees.unitHint')}
          </p>
          <select
            id="employee-unit"
            name="unitId"
            className="select"
            defaultValue={unitId ? String(unitId) : ''}
            aria-describedby="employee-unit-hint"
          >
            <option value="">{t('employees.allUnits')}</option>
            {unitOptions.map((n) => (
              <option key={n.unit.id} value={n.unit.id}>
                {'\u00a0\u00a0'.repeat(n.depth)}
                {n.unit.name}
              </option>
            ))}
          </select>
        </div>
        <FilterActions submit={t('employees.submit')} reset={t('employees.reset')} resetTo="/pegawai" filtered={Boolean(q || unitId)} />
      </form>

      <PagedResults
        query={list}
        empty={t('employees.empty')}
        showing={(range) => t('employees.showing', range)}
        pagerLabel={t('employees.pagination.label')}
        hasRows={(data) => data.employees.length > 0}
      >
        {(data) => (isDesktop ? <EmployeeTable employees={data.employees} /> : <EmployeeCards employees={data.employees} />)}
      </PagedResults>
    </>
  );
}

/** The list's address, so "back" on the detail page returns to the same search and page. */
function useListState() {
  const location = useLocation();
  return { from: `${location.pathname}${location.search}` };
}

function EmployeeTable({ employees }: { employees: readonly EmployeeSummary[] }) {
  const { t } = useTranslation();
  const state = useListState();
  return (
    <TableWrap label={t('employees.tableCaption')}>
      <table className="table">
        <caption className="visually-hidden">{t('employees.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('employees.columns.name')}</th>
            <th scope="col">{t('employees.columns.nip')}</th>
            <th scope="col">{t('employees.columns.position')}</th>
            <th scope="col">{t('employees.columns.unit')}</th>
            <th scope="col">{t('employees.columns.golongan')}</th>
          </tr>
        </thead>
        <tbody>
          {employees.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <Link to={`/pegawai/${e.id}`} state={state}>
                  {e.name}
                </Link>
              </th>
              <td className="nip">{formatNip(e.nip)}</td>
              <td>{e.positionName ?? '—'}</td>
              <td>{e.unitName ?? '—'}</td>
              <td>{e.golongan ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function EmployeeCards({ employees }: { employees: readonly EmployeeSummary[] }) {
  const { t } = useTranslation();
  const state = useListState();
  return (
    <ul className="cards" aria-label={t('employees.tableCaption')}>
      {employees.map((e) => (
        <li className="card card--link" key={e.id}>
          <Link className="card__title" to={`/pegawai/${e.id}`} state={state}>
            {e.name}
          </Link>
          <p className="nip">
            <span className="visually-hidden">{t('employees.columns.nip')}: </span>
            {formatNip(e.nip)}
          </p>
          {e.positionName ? <p>{e.positionName}</p> : null}
          {e.unitName ? <p className="muted">{e.unitName}</p> : null}
        </li>
      ))}
    </ul>
  );
}
