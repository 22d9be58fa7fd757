import { backupTo } from '../db/backup/backup.js';
import { openConfiguredDb } from './open.js';

const file = process.argv[2] ?? `pantau-backup-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.jsonl.gz`;
const handle = await openConfiguredDb();
try {
  const counts = await backupTo(handle.db, file);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`Cadangan tersimpan / Backup written: ${file} (${total} baris/rows)`);
} finally {
  await handle.close();
}
