import { verifyAuditChain } from '../modules/audit/audit.repository.js';
import { openConfiguredDb } from './open.js';

const handle = await openConfiguredDb();
try {
  const result = await verifyAuditChain(handle.db);
  if (result.ok) {
    console.log(`Log audit utuh: ${result.checked} baris diperiksa. / Audit log intact: ${result.checked} rows checked.`);
  } else {
    console.error(`Log audit RUSAK mulai baris ${result.firstBrokenId}: ${result.reason}`);
    console.error(`Audit log BROKEN at row ${result.firstBrokenId}: ${result.reason}`);
    process.exitCode = 2;
  }
} finally {
  await handle.close();
}
