import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../lib/format';
import type { PlanDto } from './api';

/** JP this year against the minimum: a bar with the numbers written out beside it. */
export function JpProgress({ jp }: { jp: PlanDto['jp'] }) {
  const { t, i18n } = useTranslation('training');
  const id = useId();
  const nf = new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 1 });
  const percent = Math.round(jp.progress * 100);
  return (
    <div className="trn-jp">
      <p className="trn-jp__numbers" id={`${id}-label`}>
        <span className="trn-jp__total">{t('jp.ofMinimum', { total: nf.format(jp.total), minimum: nf.format(jp.minimum) })}</span>
      </p>
      <div
        className={jp.met ? 'trn-jp__bar trn-jp__bar--met' : 'trn-jp__bar'}
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={jp.minimum}
        aria-valuenow={Math.min(jp.total, jp.minimum)}
        aria-valuetext={t('jp.valueText', { total: nf.format(jp.total), minimum: nf.format(jp.minimum) })}
      >
        <div className="trn-jp__fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="trn-jp__status">{jp.met ? t('jp.met', { year: jp.year }) : t('jp.short', { shortfall: nf.format(jp.shortfall) })}</p>
    </div>
  );
}
