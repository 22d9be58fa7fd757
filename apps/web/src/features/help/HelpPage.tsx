import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import './help.css';

const TOPICS = ['cara-melapor', 'tanpa-sinyal'] as const;
type Topic = (typeof TOPICS)[number];
const isTopic = (v: string | undefined): v is Topic => TOPICS.some((x) => x === v);

/** Help in plain language: the first-use guide, then "how to report" and "when there is no signal". */
export function HelpPage() {
  const { t } = useTranslation('help');
  const { topic } = useParams();
  if (isTopic(topic)) return topic === 'cara-melapor' ? <HowToReport /> : <NoSignal />;
  return (
    <>
      <PageHeading title={t('index.title')} />
      <p className="lead">{t('index.intro')}</p>
      <section aria-labelledby="first-use" className="section">
        <h2 className="heading-l" id="first-use">
          {t('firstUse.title')}
        </h2>
        <ol className="steps">
          {(['1', '2', '3'] as const).map((n) => (
            <li className="steps__item" key={n}>
              <h3 className="heading-s">{t(`firstUse.step${n}Title`)}</h3>
              <p>{t(`firstUse.step${n}Body`)}</p>
            </li>
          ))}
        </ol>
        <p>
          <Link to="/laporan-harian" className="button">
            {t('firstUse.start')}
          </Link>
        </p>
      </section>
      <section aria-labelledby="topics" className="section">
        <h2 className="heading-m" id="topics">
          {t('index.topics')}
        </h2>
        <ul className="link-list">
          <li>
            <Link to="/bantuan/cara-melapor">{t('howTo.title')}</Link>
          </li>
          <li>
            <Link to="/bantuan/tanpa-sinyal">{t('noSignal.title')}</Link>
          </li>
        </ul>
        <p>{t('index.contact')}</p>
      </section>
    </>
  );
}

function Back() {
  const { t } = useTranslation('help');
  return (
    <p className="back-link">
      <Link to="/bantuan">{t('back')}</Link>
    </p>
  );
}

function HowToReport() {
  const { t } = useTranslation('help');
  return (
    <>
      <Back />
      <PageHeading title={t('howTo.title')} />
      <p className="lead">{t('howTo.intro')}</p>
      <ol className="help-steps">
        {(['1', '2', '3', '4', '5'] as const).map((n) => (
          <li key={n}>
            <p className="help-steps__title">{t(`howTo.step${n}Title`)}</p>
            <p>{t(`howTo.step${n}Body`)}</p>
          </li>
        ))}
      </ol>
      <h2 className="heading-m">{t('howTo.returnedTitle')}</h2>
      <p>{t('howTo.returnedBody')}</p>
      <h2 className="heading-m">{t('howTo.tipsTitle')}</h2>
      <ul>
        <li>{t('howTo.tip1')}</li>
        <li>{t('howTo.tip2')}</li>
        <li>{t('howTo.tip3')}</li>
      </ul>
    </>
  );
}

function NoSignal() {
  const { t } = useTranslation('help');
  return (
    <>
      <Back />
      <PageHeading title={t('noSignal.title')} />
      <p className="lead">{t('noSignal.intro')}</p>
      <ol className="help-steps">
        {(['1', '2', '3'] as const).map((n) => (
          <li key={n}>
            <p className="help-steps__title">{t(`noSignal.step${n}Title`)}</p>
            <p>{t(`noSignal.step${n}Body`)}</p>
          </li>
        ))}
      </ol>
      <h2 className="heading-m">{t('noSignal.installTitle')}</h2>
      <p>{t('noSignal.installBody')}</p>
      <h2 className="heading-m">{t('noSignal.careTitle')}</h2>
      <ul>
        <li>{t('noSignal.care1')}</li>
        <li>{t('noSignal.care2')}</li>
        <li>{t('noSignal.care3')}</li>
      </ul>
    </>
  );
}
