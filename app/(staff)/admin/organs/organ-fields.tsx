import { Field } from "@/components/action-form";
import { ORGAN_KIND_LABELS, ORGAN_KINDS } from "@/lib/domain/organ-kinds";

type OrganValues = {
  name: string;
  shortName: string;
  kind: string;
  code: string;
  parentId: string | null;
  deadlineMonth: number;
  deadlineDay: number;
};

/** The fields of the organ form, shared by "create" and "edit". */
export function OrganFields({ values, parents }: { values?: OrganValues; parents: ReadonlyArray<{ id: string; name: string }> }) {
  return (
    <>
      <Field name="name" label="机关名称" defaultValue={values?.name} maxLength={60} hint="如：洲泉镇（用于年报标题）" />
      <Field name="shortName" label="简称" defaultValue={values?.shortName} maxLength={20} />
      <Field name="kind" label="类型" defaultValue={values?.kind ?? "TOWNSHIP"} options={ORGAN_KINDS.map((k) => ({ value: k, label: ORGAN_KIND_LABELS[k] }))} />
      <Field name="code" label="机关代码" defaultValue={values?.code} maxLength={40} hint="统一社会信用代码或平台代码，用于索引号" />
      <Field
        name="parentId"
        label="上级机关"
        defaultValue={values?.parentId ?? ""}
        options={[{ value: "", label: "（无，顶级机关）" }, ...parents.map((p) => ({ value: p.id, label: p.name }))]}
      />
      <Field name="deadlineMonth" label="年报截止：月" type="number" defaultValue={values?.deadlineMonth ?? 1} />
      <Field name="deadlineDay" label="年报截止：日" type="number" defaultValue={values?.deadlineDay ?? 31} />
    </>
  );
}
