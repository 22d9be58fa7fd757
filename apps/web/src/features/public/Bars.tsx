import { useId } from 'react';

/**
 * A horizontal bar for a value in a table cell (the number itself sits beside it, so the bar is
 * decoration for sighted readers and hidden from screen readers). SVG attributes, not inline
 * styles, so the page works under a strict style-src CSP.
 */
export function HBar({ value, max, weak = false }: { value: number; max: number; weak?: boolean }) {
  const width = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <svg className="hbar__svg" viewBox="0 0 100 10" preserveAspectRatio="none" width="100%" height="12" aria-hidden="true" focusable="false">
      <rect className="hbar__track-rect" x="0" y="0" width="100" height="10" />
      <rect className={weak ? 'hbar__fill-rect hbar__fill-rect--weak' : 'hbar__fill-rect'} x="0" y="0" width={width} height="10" />
    </svg>
  );
}

export interface ColumnDatum {
  key: string;
  /** Short label under the bar ("Jan"). */
  label: string;
  /** null = withheld (too few people): a dashed outline; 'none' = nothing to show that month. */
  value: number | null | 'none';
}

/**
 * Vertical bars (e.g. IKM per month). The figure is an image with a text alternative; the same
 * numbers are always given in a table next to it, which is what screen readers should use.
 */
export function ColumnChart({
  data,
  min,
  max,
  caption,
  summary,
  valueLabel,
}: {
  data: readonly ColumnDatum[];
  min: number;
  max: number;
  caption: string;
  summary: string;
  /** Printed above each bar, so the chart can be read without the table. */
  valueLabel: (value: number) => string;
}) {
  const id = useId();
  const barWidth = 100 / Math.max(1, data.length);
  const height = 40;
  const top = 6;
  const scale = (v: number) => ((Math.max(min, Math.min(max, v)) - min) / Math.max(1, max - min)) * height;
  return (
    <figure className="bar-chart">
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <svg viewBox={`0 ${-top} 100 ${height + top + 12}`} role="img" aria-labelledby={`${id}-caption ${id}-summary`} focusable="false">
        {data.map((d, i) => {
          const x = i * barWidth + barWidth * 0.15;
          const w = barWidth * 0.7;
          if (d.value === 'none') return null;
          if (d.value === null) {
            return <rect key={d.key} className="bar-chart__bar bar-chart__bar--withheld" x={x} y={height - 6} width={w} height={6} />;
          }
          const h = Math.max(1, scale(d.value));
          return (
            <g key={d.key}>
              <rect className="bar-chart__bar" x={x} y={height - h} width={w} height={h} />
              <text className="bar-chart__label" x={x + w / 2} y={height - h - 1.5} textAnchor="middle">
                {valueLabel(d.value)}
              </text>
            </g>
          );
        })}
        <line className="bar-chart__axis" x1="0" y1={height} x2="100" y2={height} />
        {data.map((d, i) => (
          <text key={d.key} className="bar-chart__label" x={i * barWidth + barWidth / 2} y={height + 9} textAnchor="middle">
            {d.label}
          </text>
        ))}
      </svg>
      <p className="visually-hidden" id={`${id}-summary`}>
        {summary}
      </p>
    </figure>
  );
}
