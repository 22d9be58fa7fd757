import type { ReactNode } from 'react';

/** Label/value pairs (GOV.UK "summary list"): stacked on a phone, two columns on a desk. */
export function SummaryList({ rows }: { rows: readonly { label: ReactNode; value: ReactNode; key: string }[] }) {
  return (
    <dl className="summary-list">
      {rows.map((r) => (
        <div className="summary-list__row" key={r.key}>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
