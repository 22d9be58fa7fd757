import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

let firstHeadingShown = false;

/**
 * The h1 of a page that shows one step at a time. It sets the document title and, whenever the
 * step changes (or after a client-side navigation), takes focus so a screen reader announces the
 * new step the way it would a new page. On the very first page of a visit focus stays put.
 */
export function StepHeading({
  title,
  stepKey,
  id,
  children,
}: {
  title: string;
  stepKey: string;
  id?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);

  useEffect(() => {
    window.scrollTo({ top: 0 });
    if (firstHeadingShown) ref.current?.focus({ preventScroll: true });
    firstHeadingShown = true;
  }, [stepKey]);

  return (
    <h1 className="page-title step-heading" id={id} ref={ref} tabIndex={-1}>
      {children ?? title}
    </h1>
  );
}
