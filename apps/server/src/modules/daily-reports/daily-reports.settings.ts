import {
  DEFAULT_ALERT_RULES,
  DEFAULT_BACKDATE_WORKING_DAYS,
  DEFAULT_REMINDER_TIME,
  WORK_HOURS_PERPRES_21_2023,
  type AlertRules,
  type WorkHoursConfig,
} from '@pantau/domain';

/** Pemda settings of the daily-report module (docs/decisions/0005-daily-reports.md). */
export interface DailyReportSettings {
  /** Working days back that may still be reported (default 3). */
  backdateWorkingDays: number;
  /** Working-day norm: Perpres 21/2023 schedules by default. */
  workHours: WorkHoursConfig;
  alertRules: AlertRules;
  /** Days of history the quick-entry templates look at. */
  templateDays: number;
  /** WIB time (HH:mm) of the daily reminders. */
  reminderTime: string;
}

export const DEFAULT_DAILY_REPORT_SETTINGS: DailyReportSettings = {
  backdateWorkingDays: DEFAULT_BACKDATE_WORKING_DAYS,
  workHours: WORK_HOURS_PERPRES_21_2023,
  alertRules: DEFAULT_ALERT_RULES,
  templateDays: 60,
  reminderTime: DEFAULT_REMINDER_TIME,
};
