import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import type { SessionActor } from "@/lib/auth/load-actor";
import { formatDateTime } from "@/lib/format-time";
import { SECTION_TITLES } from "@/lib/report-format/format";
import { REVIEW_ACTION_LABELS } from "@/lib/review/action-details";
import type { FoundReport } from "@/lib/reports/find-report";
import { getReviewView } from "@/lib/reports/review-view";
import { submitReportAction, withdrawAction } from "../review-actions";

/** 审核: submit or withdraw, the way into the current stage, the rounds so far and the reviewers' comments. */
export async function ReviewPanel({ actor, report }: { actor: SessionActor; report: FoundReport }) {
  const review = await getReviewView(actor, report);
  return (
    <section className="card" aria-labelledby="review-heading" style={{ marginTop: "1.5rem" }}>
      <h2 id="review-heading">审核</h2>
      {review.canSubmit ? (
        <ActionForm action={submitReportAction.bind(null, report.id)} submitLabel="提交审核" confirmText="提交后内容将冻结，直到审核退回。确定提交？">
          <p className="hint">提交前须改正所有检查错误。审核依次为：{review.stages.map((s) => s.name).join(" → ")}。</p>
        </ActionForm>
      ) : null}
      {review.canWithdraw ? <ActionForm action={withdrawAction.bind(null, report.id)} submitLabel="撤回提交" buttonClassName="button secondary" /> : null}
      {review.canAct ? (
        <p>
          <Link className="button" href={`/reports/${report.id}/review`}>
            进入审核：{review.stageName}
          </Link>
        </p>
      ) : review.state.status === "IN_REVIEW" ? (
        <p className="muted">
          当前环节：{review.stageName}。{review.actRefusal && !review.actRefusedForRole ? review.actRefusal : ""}
        </p>
      ) : null}
      {review.rounds.length ? (
        <ol className="review-history" reversed>
          {review.rounds.map((round) => (
            <li key={round.id}>
              第 {round.number} 轮（{formatDateTime(round.submittedAt)} 提交）
              <ul>
                {round.actions.map((a, i) => (
                  <li key={i}>
                    {formatDateTime(a.createdAt)} {a.stageName}：{a.actorName} {REVIEW_ACTION_LABELS[a.kind]}
                    {a.handedTo !== null ? `给${a.handedTo}` : null}
                    {a.comment ? (
                      <>
                        ：<q>{a.comment}</q>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
      {review.comments.length ? (
        <>
          <h3>审核意见</h3>
          <ul data-testid="review-comments">
            {review.comments.map((c) => (
              <li key={c.id}>
                第 {c.roundNumber} 轮 · {SECTION_TITLES[c.sectionKey]} · {c.authorName}：{c.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
