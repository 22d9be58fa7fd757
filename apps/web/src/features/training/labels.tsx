import { useTranslation } from 'react-i18next';
import type { EnrolmentDto, NeedDto, SessionDto } from './api';

type Behaviour = NonNullable<NeedDto["behaviour"]>;

/** A BerAKHLAK value in words. */
export function BehaviourName({ value }: { value: Behaviour }) {
  const { t } = useTranslation('training');
  return <>{t(`behaviour.${value}`)}</>;
}

const STATUS_TONE: Record<EnrolmentDto['status'], string> = {
  REQUESTED: 'waiting',
  ENROLLED: 'ok',
  COMPLETED: 'done',
  INCOMPLETE: 'bad',
  REJECTED: 'bad',
  CANCELLED: 'off',
};

/** Status of a place as a tag with words (colour is never the only signal). */
export function PlaceStatus({ status }: { status: EnrolmentDto['status'] }) {
  const { t } = useTranslation('training');
  return <span className={`trn-tag trn-tag--${STATUS_TONE[status]}`}>{t(`placeStatus.${status}`)}</span>;
}

export function SessionStateTag({ state }: { state: SessionDto['state'] }) {
  const { t } = useTranslation('training');
  const tone = state === 'ONGOING' ? 'ok' : state === 'CANCELLED' ? 'off' : state === 'OVER' ? 'done' : 'waiting';
  return <span className={`trn-tag trn-tag--${tone}`}>{t(`sessionState.${state}`)}</span>;
}

/** "Perilaku kerja: Berorientasi Pelayanan" or "Hasil kerja: <RHK>". */
export function NeedTitle({ need }: { need: Pick<NeedDto, 'behaviour' | 'competency'> }) {
  const { t } = useTranslation('training');
  if (need.behaviour) return <>{t('need.behaviourTitle', { behaviour: t(`behaviour.${need.behaviour}`) })}</>;
  if (need.competency) return <>{t('need.competencyTitle', { competency: need.competency })}</>;
  return <>{t('need.generalTitle')}</>;
}
