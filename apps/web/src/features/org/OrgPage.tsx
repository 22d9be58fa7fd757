import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { canListEmployees } from '../../lib/roles';
import { useSignedInMe } from '../auth/me-context';
import { useUnits } from './api';
import { branchIds, buildUnitTree, filterTree, type UnitNode } from './tree';

export function OrgPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const me = useSignedInMe();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<number> | null>(null);

  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const filtered = useMemo(() => filterTree(tree, query), [tree, query]);
  const searching = query.trim() !== '';
  // A single top unit (an OPD admin's own OPD) starts open; a whole city starts at its OPDs.
  const open = expanded ?? new Set(tree.length === 1 && tree[0] ? [tree[0].unit.id] : []);

  const toggle = (id: number) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };

  return (
    <>
      <PageHeading title={t('org.title')} />
      <p className="lead">{t('org.intro')}</p>
      {units.isPending ? <Loading /> : null}
      {units.isError ? <LoadError error={units.error} onRetry={() => void units.refetch()} /> : null}
      {units.data ? (
        <>
          <div className="toolbar">
            <div className="field toolbar__search">
              <label className="field__label" htmlFor="unit-search">
                {t('org.search')}
              </label>
              <p className="field__hint" id="unit-search-hint">
                {t('org.searchHint')}
              </p>
              <input
                id="unit-search"
                className="input"
                type="search"
                aria-describedby="unit-search-hint"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            </div>
            {!searching ? (
              <div className="button-group">
                <button type="button" className="button button--secondary" onClick={() => setExpanded(branchIds(tree))}>
                  {t('org.expandAll')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setExpanded(new Set())}>
                  {t('org.collapseAll')}
                </button>
              </div>
            ) : null}
          </div>
          <p className="visually-hidden" role="status">
            {searching ? t('org.matches', { count: filtered.matchCount }) : ''}
          </p>
          {tree.length === 0 ? <p>{t('org.empty')}</p> : null}
          {searching && filtered.nodes.length === 0 ? <p>{t('org.noMatch', { q: query.trim() })}</p> : null}
          <UnitList
            nodes={searching ? filtered.nodes : tree}
            isOpen={(id) => searching || open.has(id)}
            onToggle={toggle}
            canOpenEmployees={canListEmployees(me.roles)}
            root
          />
        </>
      ) : null}
    </>
  );
}

interface ListProps {
  nodes: readonly UnitNode[];
  isOpen: (id: number) => boolean;
  onToggle: (id: number) => void;
  canOpenEmployees: boolean;
  root?: boolean;
  id?: string;
}

function UnitList({ nodes, isOpen, onToggle, canOpenEmployees, root, id }: ListProps) {
  return (
    <ul className={root ? 'tree' : 'tree__children'} id={id}>
      {nodes.map((node) => (
        <UnitItem
          key={node.unit.id}
          node={node}
          isOpen={isOpen}
          onToggle={onToggle}
          canOpenEmployees={canOpenEmployees}
        />
      ))}
    </ul>
  );
}

function UnitItem({
  node,
  isOpen,
  onToggle,
  canOpenEmployees,
}: Omit<ListProps, 'nodes' | 'root' | 'id'> & { node: UnitNode }) {
  const { t } = useTranslation();
  const { unit, children, subtreeCount } = node;
  const hasChildren = children.length > 0;
  const open = hasChildren && isOpen(unit.id);
  const childrenId = `unit-${unit.id}-children`;
  const count = t('org.employeeCount', { count: subtreeCount });

  return (
    <li className="tree__item">
      <div className="tree__row">
        {hasChildren ? (
          <button
            type="button"
            className="tree__toggle"
            aria-expanded={open}
            aria-controls={open ? childrenId : undefined}
            onClick={() => onToggle(unit.id)}
          >
            <span className={open ? 'tree__chevron tree__chevron--open' : 'tree__chevron'} aria-hidden="true" />
            <span className="tree__name">{unit.name}</span>
          </button>
        ) : (
          <span className="tree__leaf">
            <span className="tree__name">{unit.name}</span>
          </span>
        )}
        <div className="tree__meta">
          <span className="tree__count">
            {count}
            {hasChildren ? <span className="muted"> ({t('org.includingSubunits')})</span> : null}
          </span>
          {canOpenEmployees && subtreeCount > 0 ? (
            <Link
              className="tree__link"
              to={`/pegawai?unitId=${unit.id}`}
              aria-label={t('org.showEmployeesOf', { unit: unit.name })}
            >
              {t('org.showEmployees')}
            </Link>
          ) : null}
        </div>
      </div>
      {open ? (
        <UnitList
          nodes={children}
          isOpen={isOpen}
          onToggle={onToggle}
          canOpenEmployees={canOpenEmployees}
          id={childrenId}
        />
      ) : null}
    </li>
  );
}
