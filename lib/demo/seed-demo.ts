// Writes the demo city of demo-accounts.ts. Idempotent: running it again changes nothing.
import { hashPassword } from "@/lib/auth/password-hash";
import type { AppPrismaClient } from "@/lib/db/create-client";
import { DEFAULT_STAGES } from "@/lib/review/workflow";
import { DEMO_ACCOUNTS, DEMO_ORGANS, DEMO_PASSWORD } from "./demo-accounts";

export async function seedDemoData(prisma: AppPrismaClient) {
  const organIds = new Map<string, string>();
  for (const organ of DEMO_ORGANS) {
    const parentId = organ.parentKey ? (organIds.get(organ.parentKey) ?? null) : null;
    const row = await prisma.organ.upsert({
      where: { code: organ.code },
      update: {},
      create: { name: organ.name, shortName: organ.shortName, kind: organ.kind, code: organ.code, parentId },
      select: { id: true },
    });
    organIds.set(organ.key, row.id);
    await prisma.reviewStage.createMany({
      data: DEFAULT_STAGES.map((stage, position) => ({ organId: row.id, position, ...stage })),
      skipDuplicates: true,
    });
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const user = await prisma.user.upsert({
      where: { username: account.username },
      update: {},
      create: {
        username: account.username,
        displayName: account.displayName,
        passwordHash,
        isPlatformAdmin: account.organKey === null,
      },
      select: { id: true },
    });
    if (account.organKey && account.role) {
      await prisma.membership.createMany({
        data: [{ userId: user.id, organId: organIds.get(account.organKey)!, role: account.role }],
        skipDuplicates: true,
      });
    }
  }
  return { organs: DEMO_ORGANS.length, accounts: DEMO_ACCOUNTS.length };
}
