import { ConfigError, loadConfig } from './config.js';
import { openDb } from './db/open-db.js';
import { DataDirLockedError } from './db/dir-lock.js';
import { runMigrations } from './db/migrate.js';
import { buildApp } from './app.js';
import { ensureBootstrapAdmin } from './modules/instansi/bootstrap.js';
import { seedDemo, formatDemoLogins } from './db/seed/demo.js';
import { seedFeedbackDemo } from './modules/feedback/demo-feedback.js';
import { seedDailyReportDemo } from './modules/daily-reports/demo-daily.js';
import { seedTrainingDemo } from './modules/training/demo-training.js';
import { instansi } from './db/schema/index.js';
import { systemClock, wibDate } from './lib/clock.js';
import { createDailyReportWorker } from './modules/daily-reports/worker.js';
import { createTrainingJobs } from './modules/training/index.js';
import { createSmtpMailer } from './modules/notifications/smtp-mailer.js';
import { createSmsGateway } from './modules/notifications/sms-gateway.js';
import { createComplainantNoticeJobs } from './modules/feedback/complainant-notices.js';

/** The only reader of process.env. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  let handle;
  try {
    handle = await openDb(config.database);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  await runMigrations(handle);

  if (config.demo.enabled) {
    const existing = await handle.db.select({ id: instansi.id }).from(instansi).limit(1);
    if (existing.length === 0) {
      console.log(`Mengisi data contoh (${config.demo.size}) … / Seeding demo data …`);
      const started = Date.now();
      const today = wibDate(new Date());
      const result = await seedDemo(handle.db, { size: config.demo.size, today });
      const feedback = await seedFeedbackDemo(handle.db, { instansiId: result.instansiId, today });
      if (config.demo.dailyReportDays > 0) {
        await seedDailyReportDemo(handle.db, { instansiId: result.instansiId, today, workingDays: config.demo.dailyReportDays });
      }
      await seedTrainingDemo(handle.db, { instansiId: result.instansiId, today, filesDir: config.filesDir });
      console.log(`Data contoh siap dalam ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      console.log(formatDemoLogins(result.logins));
      for (const sample of feedback.samples) {
        console.log(`Contoh pengaduan: kode ${sample.trackingCode}, token ${sample.token} (halaman /pengaduan/lacak)`);
      }
    } else {
      console.log('Database sudah berisi data; data contoh tidak diisi ulang. (Akun demo: lihat README.)');
    }
  }
  if (config.bootstrapAdmin) {
    const { created } = await ensureBootstrapAdmin(handle.db, config.bootstrapAdmin);
    console.log(`Admin BKPSDM ${config.bootstrapAdmin.nip} ${created ? 'dibuat' : 'diperbarui'} dari PANTAU_ADMIN_NIP.`);
  }

  if (handle.driver === 'pglite') {
    // PGlite runs no autovacuum worker, so planner statistics never refresh on their own.
    await handle.query('analyze');
  }

  const app = await buildApp({ config, db: handle });
  const mailer = config.mail ? createSmtpMailer({ url: config.mail.smtpUrl, from: config.mail.from }) : null;
  const worker = createDailyReportWorker({
    db: handle.db,
    clock: systemClock,
    settings: config.dailyReports,
    filesDir: config.filesDir,
    mailer,
    onError: (err) => app.log.error({ err }, 'background job failed'),
    modules: [
      ({ notifications }) => createTrainingJobs({ db: handle.db, clock: systemClock, notifications, jpTarget: config.training.jpTarget }),
      () =>
        createComplainantNoticeJobs({
          db: handle.db,
          mailer,
          sms: config.sms ? createSmsGateway(config.sms) : null,
          publicUrl: config.publicUrl,
          reopenWindowWorkingDays: config.feedback.reopenWindowWorkingDays,
        }),
    ],
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await worker.stop();
      await app.close();
      await handle.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  worker.start();
  const shown = config.host === '0.0.0.0' || config.host === '::' ? `http://localhost:${config.port}` : address;
  console.log(`Pantau berjalan di ${shown} (database: ${handle.driver === 'pglite' ? `PGlite ${config.database.driver === 'pglite' ? config.database.dataDir : ''}` : 'PostgreSQL'})`);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
