import { ConfigError, loadConfig } from '../config.js';
import { openDb, type OpenDb } from '../db/open-db.js';
import { DataDirLockedError } from '../db/dir-lock.js';
import { runMigrations } from '../db/migrate.js';

/** Opens the configured database for a command-line tool (same variables as the server). */
export async function openConfiguredDb(): Promise<OpenDb> {
  try {
    const config = loadConfig(process.env);
    const handle = await openDb(config.database);
    await runMigrations(handle);
    return handle;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
