import type { SessionActor } from "@/lib/auth/load-actor";
import { reportPath } from "@/lib/publish/public-paths";
import { getPublicationHistory } from "@/lib/publish/publication-history";
import type { FoundReport } from "@/lib/reports/find-report";
import { getReviewView } from "@/lib/reports/review-view";
import { DONE_NOTICES, type DoneNotice } from "../done-notices";

/** The outcome of the act just done, from its code and what is recorded (never from text in the address). */
export async function DoneNoticeLine({ actor, report, notice }: { actor: SessionActor; report: FoundReport; notice: DoneNotice }) {
  let message: string = DONE_NOTICES[notice];
  if (notice === "approved") {
    const lastApproval = (await getReviewView(actor, report)).rounds[0]?.actions.filter((a) => a.kind === "approve").at(-1);
    if (lastApproval) message = `已通过“${lastApproval.stageName}”。`;
  }
  if (notice === "published") {
    const newest = (await getPublicationHistory(report.id)).versions[0];
    if (newest) message = `已发布第 ${newest.version} 版，索引号 ${newest.indexNumber}。公开地址：${reportPath(report.organ.code, report.year)}`;
  }
  return (
    <p className="notice ok" role="status">
      {message}
    </p>
  );
}
