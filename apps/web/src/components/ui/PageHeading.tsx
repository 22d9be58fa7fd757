import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

let firstPageShown = false;

/**
 * Sets the document title and renders the page's h1. After a client-side navigation the h1
 * takes focus, so a screen reader announces the new page the way a full page load would.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);

  useEffect(() => {
    if (firstPageShown) ref.current?.focus({ preventScroll: false });
    firstPageShown = true;
  }, []);

  return (
    <h1 className="page-title" ref={ref} tabIndex={-1}>
      {children ?? title}
    </h1>
  );
}
