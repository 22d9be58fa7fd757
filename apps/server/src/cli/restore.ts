import { loadConfig } from '../config.js';
import { restoreFrom } from '../db/backup/backup.js';
import { restoreFiles } from '../db/backup/files.js';
import { openConfiguredDb } from './open.js';

const file = process.argv[2];
if (!file) {
  console.error('Pemakaian / usage: npm run restore -- <berkas-cadangan.jsonl.gz>');
  process.exit(1);
}
const handle = await openConfiguredDb();
try {
  const counts = await restoreFrom(handle.db, file);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const files = await restoreFiles(file, loadConfig(process.env).filesDir);
  console.log(`Pemulihan selesai / Restore finished: ${total} baris/rows and ${files.copied} berkas/files from ${file}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await handle.close();
}
