"use client";
import { useState } from "react";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { STAGE_ROLES, type StageSetting } from "@/lib/review/review-settings";

/** Edits the list of review stages: names, roles, order, and which one holds the confidentiality review. */
export function StagesEditor({ initial }: { initial: StageSetting[] }) {
  const [stages, setStages] = useState(initial);
  const update = (index: number, change: Partial<StageSetting>) =>
    setStages((list) => list.map((s, i) => (i === index ? { ...s, ...change } : change.isConfidentialityReview ? { ...s, isConfidentialityReview: false } : s)));
  const move = (index: number, by: number) =>
    setStages((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  return (
    <fieldset>
      <legend>审核环节（按顺序）</legend>
      <input type="hidden" name="stages" value={JSON.stringify(stages)} />
      <ol className="stages">
        {stages.map((stage, i) => (
          <li key={i} className="inline-form">
            <label className="sr-only" htmlFor={`stage-name-${i}`}>
              第 {i + 1} 个环节名称
            </label>
            <input id={`stage-name-${i}`} value={stage.name} maxLength={30} onChange={(e) => update(i, { name: e.target.value })} />
            <label className="sr-only" htmlFor={`stage-role-${i}`}>
              第 {i + 1} 个环节的审核角色
            </label>
            <select id={`stage-role-${i}`} value={stage.role} onChange={(e) => update(i, { role: e.target.value as StageSetting["role"] })}>
              {STAGE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <label>
              <input type="radio" name="confidentiality" checked={stage.isConfidentialityReview} onChange={() => update(i, { isConfidentialityReview: true })} />
              保密审查
            </label>
            <button type="button" className="button secondary" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`上移第 ${i + 1} 个环节`}>
              ↑
            </button>
            <button type="button" className="button secondary" disabled={i === stages.length - 1} onClick={() => move(i, 1)} aria-label={`下移第 ${i + 1} 个环节`}>
              ↓
            </button>
            <button type="button" className="button secondary" onClick={() => setStages((list) => list.filter((_, j) => j !== i))} aria-label={`删除第 ${i + 1} 个环节`}>
              删除
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button secondary" onClick={() => setStages((list) => [...list, { name: "", role: "FINAL_REVIEWER", isConfidentialityReview: false }])}>
        添加环节
      </button>
    </fieldset>
  );
}
