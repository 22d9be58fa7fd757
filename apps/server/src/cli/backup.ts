import { loadConfig } from '../config.js';
import { backupTo } from '../db/backup/backup.js';
import { backupFiles, backupFilesDir } from '../db/backup/files.js';
import { openConfiguredDb } from './open.js';

const file = process.argv[2] ?? `pantau-backup-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.jsonl.gz`;
const handle = await openConfiguredDb();
try {
  const counts = await backupTo(handle.db, file);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`Cadangan tersimpan / Backup written: ${file} (${total} baris/rows)`);
  // Evidence and certificate files live outside the database: they go next to the file.
  const files = await backupFiles(loadConfig(process.env).filesDir, file);
  console.log(`Berkas bukti / Files: ${backupFilesDir(file)} (${files.copied} baru/new, ${files.present} sudah ada/already there)`);
} finally {
  await handle.close();
}
