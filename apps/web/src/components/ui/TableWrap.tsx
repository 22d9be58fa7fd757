import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways on a phone. The scroll box is a labelled, focusable region so
 * keyboard users can scroll it too (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
