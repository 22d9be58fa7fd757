import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { Loading } from '../../components/ui/Status';
import { SummaryList } from '../../components/ui/SummaryList';
import { useSignedInMe } from '../auth/me-context';
import { useEmployee } from '../employees/api';
import { dayPeriod } from '../../lib/format';
import { formatNip } from '../../lib/nip';
import { TeamCard, TodayReportCard } from '../daily-reports/HomeCards';

export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const employee = useEmployee(me.employeeId);
  const notSet = <span className="muted">{t('common.notSet')}</span>;
  const period = dayPeriod(new Date());

  return (
    <>
      <PageHeading title={t('home.title')}>{t(`home.greeting.${period}`, { name: me.name })}</PageHeading>

      {me.employeeId !== null && !me.mustChangePassword ? <TodayReportCard /> : null}
      <TeamCard roles={me.roles} />

      <section aria-labelledby="who-am-i" className="card">
        <h2 className="heading-m" id="who-am-i">
          {t('home.whoAmI')}
        </h2>
        {me.employeeId !== null && employee.isPending ? <Loading /> : null}
        <SummaryList
          rows={[
            { key: 'nip', label: t('person.nip'), value: <span className="nip">{formatNip(me.nip)}</span> },
            ...(me.instansiName ? [{ key: 'instansi', label: t('person.instansi'), value: me.instansiName }] : []),
            ...(me.employeeId !== null
              ? [
                  { key: 'unit', label: t('person.unit'), value: employee.data?.unitName ?? notSet },
                  { key: 'position', label: t('person.position'), value: employee.data?.positionName ?? notSet },
                ]
              : []),
          ]}
        />
      </section>

      <section aria-labelledby="start-here">
        <h2 className="heading-l" id="start-here">
          {t('home.start.title')}
        </h2>
        <ol className="steps">
          <li className="steps__item">
            <h3 className="heading-s">{t('home.start.step1Title')}</h3>
            <p>{t('home.start.step1Body')}</p>
          </li>
          <li className="steps__item">
            <h3 className="heading-s">{t('home.start.step2Title')}</h3>
            <p>{t('home.start.step2Body')}</p>
            <p>
              <Link to="/profil">{t('home.start.step2Link')}</Link>
            </p>
          </li>
          <li className="steps__item">
            <h3 className="heading-s">{t('home.start.step3Title')}</h3>
            <p>{t('home.start.step3Body')}</p>
            <p>
              <Link to="/bantuan">{t('nav.help')}</Link>
            </p>
          </li>
        </ol>
      </section>
    </>
  );
}
