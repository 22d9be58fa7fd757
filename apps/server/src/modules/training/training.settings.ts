import { MIN_ATTENDANCE_SHARE, MIN_JP_PER_YEAR } from '@pantau/domain';

/**
 * Rules of the training module that an instansi may set (apps/server/src/config.ts reads them
 * from the environment; README "Configuration"). The defaults are the values of decision 0006.
 */
export interface TrainingSettings {
  /** Share of a session's days a participant must attend to be marked completed (0 < x ≤ 1). */
  attendanceShare: number;
  /** How often the attendance QR code changes; a code is accepted in its window and the next. */
  qrWindowSeconds: number;
  /** Months before and after a training compared in the per-course figures. */
  compareMonths: number;
  /** JP a year every employee should reach (PP 11/2017 Pasal 203 ayat (4): at least 20). */
  jpTarget: number;
}

export const DEFAULT_TRAINING_SETTINGS: TrainingSettings = {
  attendanceShare: MIN_ATTENDANCE_SHARE,
  qrWindowSeconds: 60,
  compareMonths: 3,
  jpTarget: MIN_JP_PER_YEAR,
};
