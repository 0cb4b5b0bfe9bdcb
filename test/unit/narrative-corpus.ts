// A corpus of narrative passages, written by the project in the ways published reports say
// things (each meaning in at least three wordings), each with the findings it must and must not
// produce. The tables are richDraft()'s unless a case changes them: 一 12, 二 1, 予以公开 5,
// 部分公开 2, 不予公开 1, 无法提供 3, 不予处理 1, 其他处理 0, （七） 12, 四 1; 行政复议 2 (维持 1,
// 尚未审结 1); 行政诉讼 1 (未经复议直接起诉, 纠正 1). narrative-corpus.test.ts measures recall and
// false alarms over it; the README states them. Real reports are kept aside for acceptance.
import type { CheckId } from "@/lib/report-format/checks";

export type CorpusCase = {
  /** What the case is about; cases of one meaning share the part before the colon. */
  name: string;
  text: string;
  /** Changes to tables 3 and 4 (typed cells), as "table.row.column": value. */
  cells?: Record<string, string>;
  /** Findings it must produce: the id and, for NARRATIVE, a cell the finding must name. */
  expect: Array<{ id: CheckId; cell?: string }>;
  /** Ids it must not produce at all. */
  forbid: CheckId[];
};

const narrative = (cell: string) => [{ id: "NARRATIVE" as const, cell }];
const quiet: CheckId[] = ["NARRATIVE"];

export const CORPUS: CorpusCase[] = [
  // ---- Consistent passages: nothing to say ----
  { name: "consistent totals: 含上年结转", text: "本年度共受理政府信息公开申请13件（含上年结转1件），已全部办结12件，结转下年度1件。", expect: [], forbid: quiet },
  { name: "consistent totals: 加上上年结转", text: "全年新收依申请公开申请十二件，加上上年结转的1件，共计13件。", expect: [], forbid: quiet },
  { name: "consistent totals: 冒号列举", text: "依申请公开方面：本年收到申请12件，上一年度结转1件，办理完毕12件，结转下一年度办理1件。", expect: [], forbid: quiet },
  { name: "consistent results: 其中", text: "全年办结申请12件，其中予以公开5件，部分公开2件，不予公开1件，无法提供3件，不予处理1件。", expect: [], forbid: quiet },
  { name: "consistent results: 顿号", text: "办理结果为：同意公开5件、部分公开2件、不予公开1件、无法提供3件、不予处理1件。", expect: [], forbid: quiet },
  { name: "consistent results: 合计", text: "予以公开及部分公开的共7件，另有无法提供的3件。", expect: [], forbid: quiet },
  { name: "consistent appeals: 其中", text: "因政府信息公开被申请行政复议2件，其中维持1件、尚未审结1件；被提起行政诉讼1件，结果为纠正。", expect: [], forbid: quiet },
  { name: "consistent appeals: 分别", text: "行政复议和行政诉讼分别为2件和1件。", expect: [], forbid: quiet },
  { name: "consistent appeals: 尚在审理", text: "本年度发生行政复议2件，1件维持原答复，另1件目前尚在审理中。", expect: [], forbid: quiet },
  { name: "consistent 繁體", text: "本年度新收政府資訊公開申請12件，上年結轉1件，無法提供3件，均已依法答覆。", expect: [], forbid: quiet },
  { name: "consistent Chinese numerals", text: "全年收到政府信息公开申请十二件，办结十二件，结转下年度一件。", expect: [], forbid: quiet },
  { name: "consistent full width", text: "新收申请１２件，不予公开１件，行政复议２件。", expect: [], forbid: quiet },
  { name: "other figures: 主动公开", text: "本年度主动公开政府信息356条，其中政策解读18条，发布政务微博120条。", expect: [], forbid: quiet },
  { name: "other figures: 建议提案", text: "全年共收到人大代表建议5件、政协提案3件，均已按期办结。", expect: [], forbid: quiet },
  { name: "other figures: 咨询", text: "今年以来，本镇受理群众咨询300余人次，信访事项20件。", expect: [], forbid: quiet },
  { name: "other periods: 较上年", text: "与上年相比，依申请公开申请数量增加3件。", expect: [], forbid: quiet },
  { name: "other periods: 另一年份", text: "2023年本机关收到申请10件，本年度有所增加。", expect: [], forbid: quiet },
  { name: "other periods: 月份", text: "其中3月份收到申请5件，为全年最多。", expect: [], forbid: quiet },
  { name: "breakdowns: 申请人", text: "其中自然人申请10件，商业企业申请2件。", expect: [], forbid: quiet },
  { name: "breakdowns: 方式", text: "按申请方式分，网上申请8件，信函申请3件，当面申请1件。", expect: [], forbid: quiet },
  { name: "breakdowns: 子项", text: "不予公开1件（其中属于保护第三方合法权益1件），无法提供3件（其中本机关不掌握相关政府信息2件）。", expect: [], forbid: quiet },
  { name: "negations with a qualifier", text: "依法依规答复，答复期限平均为8个工作日，无超期答复情况，未发生因政府信息公开工作被追究责任的情况。", expect: [], forbid: quiet },
  { name: "rates", text: "共答复申请12件，按时答复率100%，行政复议维持率为50%。", expect: [], forbid: quiet },

  // ---- 一、本年新收 ----
  { name: "new requests: 收到", text: "本年度共收到政府信息公开申请15件。", expect: narrative("newRequests.total"), forbid: [] },
  { name: "new requests: 新收 in Chinese numerals", text: "全年新收依申请公开申请十五件，均在法定期限内答复。", expect: narrative("newRequests.total"), forbid: [] },
  { name: "new requests: 数为 in full width", text: "本年度依申请公开数为１５件。", expect: narrative("newRequests.total"), forbid: [] },
  { name: "new requests: 繁體", text: "本年度收到政府資訊公開申請15件。", expect: narrative("newRequests.total"), forbid: [] },
  { name: "new requests denied: 未收到", text: "本年度未收到政府信息公开申请。", expect: narrative("newRequests.total"), forbid: [] },
  { name: "new requests denied: 没有收到", text: "全年没有收到依申请公开申请。", expect: narrative("newRequests.total"), forbid: [] },
  { name: "new requests denied: 无", text: "本年度无依申请公开事项。", expect: narrative("newRequests.total"), forbid: [] },

  // ---- 一 + 二 stated together ----
  { name: "incoming: 含", text: "共受理申请14件（含上年结转1件）。", expect: narrative("newRequests.total"), forbid: [] },
  {
    name: "incoming: 其中",
    text: "共受理政府信息公开申请14件，其中上年结转1件，本年新收13件。",
    expect: [...narrative("newRequests.total"), { id: "NARRATIVE", cell: "newRequests.total" }],
    forbid: [],
  },
  { name: "incoming: 包括", text: "全年受理申请14件(包括上年度结转的1件)。", expect: narrative("carriedIn.total"), forbid: [] },

  // ---- 二、上年结转 and 四、结转下年度 ----
  { name: "carried in: 上年结转", text: "上年结转申请3件，本年度均已办结。", expect: narrative("carriedIn.total"), forbid: [] },
  { name: "carried in: 上一年度结转", text: "上一年度结转至本年度办理的申请3件。", expect: narrative("carriedIn.total"), forbid: [] },
  { name: "carried in: 转入", text: "另有从上年度转入3件。", expect: narrative("carriedIn.total"), forbid: [] },
  { name: "carried out: 结转下年度", text: "结转下年度继续办理3件。", expect: narrative("carriedOut.total"), forbid: [] },
  { name: "carried out: 转入下一年度", text: "因需征求第三方意见，转入下一年度办理3件。", expect: narrative("carriedOut.total"), forbid: [] },
  { name: "carried out: 结转至", text: "截至年底，结转至下年度3件。", expect: narrative("carriedOut.total"), forbid: [] },

  // ---- 三、办理结果 ----
  { name: "closed: 办结", text: "已办结申请10件。", expect: narrative("resultsTotal.total"), forbid: [] },
  { name: "closed: 答复", text: "全年答复依申请公开申请10件。", expect: narrative("resultsTotal.total"), forbid: [] },
  { name: "closed: 办理完毕", text: "依法办理完毕10件。", expect: narrative("resultsTotal.total"), forbid: [] },
  { name: "disclosed: 予以公开", text: "其中予以公开8件。", expect: narrative("disclosed.total"), forbid: [] },
  { name: "disclosed: 同意公开", text: "经审查，同意公开的有8件。", expect: narrative("disclosed.total"), forbid: [] },
  { name: "disclosed: 依法予以公开", text: "依法予以公开共8件。", expect: narrative("disclosed.total"), forbid: [] },
  { name: "partly: 部分公开", text: "部分公开4件。", expect: narrative("partlyDisclosed.total"), forbid: [] },
  { name: "partly: 区分处理", text: "经区分处理后部分公开4件。", expect: narrative("partlyDisclosed.total"), forbid: [] },
  { name: "partly: 答复", text: "作出部分公开答复4件。", expect: narrative("partlyDisclosed.total"), forbid: [] },
  { name: "disclosed or partly: 和", text: "予以公开和部分公开共9件。", expect: narrative("disclosed.total"), forbid: [] },
  { name: "disclosed or partly: 或", text: "公开或部分公开的申请9件。", expect: narrative("disclosed.total"), forbid: [] },
  { name: "disclosed or partly: 全部或部分", text: "全部或部分公开9件。", expect: narrative("partlyDisclosed.total"), forbid: [] },
  { name: "withheld: 不予公开", text: "不予公开3件。", expect: narrative("withheld1.total"), forbid: [] },
  { name: "withheld: 决定", text: "决定不予公开的3件，均已说明理由。", expect: narrative("withheld4.total"), forbid: [] },
  { name: "withheld: 答复", text: "答复不予公开3件。", expect: narrative("withheld8.total"), forbid: [] },
  { name: "unavailable: 无法提供", text: "无法提供5件。", expect: narrative("unavailable1.total"), forbid: [] },
  { name: "unavailable: 原因", text: "因信息不存在等原因无法提供的5件。", expect: narrative("unavailable2.total"), forbid: [] },
  { name: "unavailable: 繁體", text: "告知申請人無法提供5件。", expect: narrative("unavailable3.total"), forbid: [] },
  { name: "unprocessed: 不予处理", text: "不予处理2件。", expect: narrative("unprocessed1.total"), forbid: [] },
  { name: "unprocessed: 依法", text: "依法不予处理的2件。", expect: narrative("unprocessed2.total"), forbid: [] },
  { name: "unprocessed: 作", text: "对重复申请作不予处理2件。", expect: narrative("unprocessed5.total"), forbid: [] },

  // ---- 四、行政复议、行政诉讼 ----
  { name: "review total: 行政复议", text: "本年度行政复议3件。", expect: narrative("review.total"), forbid: [] },
  { name: "review total: 被申请", text: "因政府信息公开被申请行政复议3件。", expect: narrative("review.total"), forbid: [] },
  { name: "review total: 案件起", text: "发生政府信息公开行政复议案件3起。", expect: narrative("review.total"), forbid: [] },
  { name: "review denied: 未发生", text: "本年度未发生政府信息公开行政复议。", expect: narrative("review.total"), forbid: [] },
  { name: "review denied: 为零", text: "全年行政复议为零。", expect: narrative("review.total"), forbid: [] },
  { name: "review denied: 零复议", text: "实现政府信息公开零复议。", expect: narrative("review.total"), forbid: [] },
  { name: "litigation total: 行政诉讼", text: "行政诉讼2件。", expect: narrative("litigationDirect.total"), forbid: [] },
  { name: "litigation total: 被提起", text: "被提起行政诉讼2起。", expect: narrative("litigationDirect.total"), forbid: [] },
  { name: "litigation total: 两件", text: "涉及政府信息公开的行政诉讼案件两件。", expect: narrative("litigationAfterReview.total"), forbid: [] },
  { name: "litigation denied: 未发生", text: "本年度未发生因政府信息公开引起的行政诉讼。", expect: narrative("litigationDirect.total"), forbid: [] },
  { name: "litigation denied: 无", text: "全年无政府信息公开行政诉讼案件。", expect: narrative("litigationDirect.total"), forbid: [] },
  { name: "litigation denied: 没有被", text: "本机关没有被提起政府信息公开行政诉讼。", expect: narrative("litigationDirect.total"), forbid: [] },
  { name: "lost: 零败诉", text: "实现行政诉讼零败诉。", expect: narrative("litigationDirect.corrected"), forbid: [] },
  { name: "lost: 未出现败诉", text: "未出现败诉情况。", expect: narrative("litigationDirect.corrected"), forbid: [] },
  { name: "lost: 没有被纠正", text: "行政诉讼中没有被判决纠正的案件。", expect: narrative("litigationDirect.corrected"), forbid: [] },
  {
    name: "pending: 尚未审结",
    text: "本年度发生行政复议2件，截至目前尚未审结。",
    cells: { "4.review.upheld": "2", "4.review.pending": "0" },
    expect: narrative("review.pending"),
    forbid: [],
  },
  {
    name: "pending: 仍在审理中",
    text: "收到行政复议申请2件，有1件仍在审理中。",
    cells: { "4.review.upheld": "2", "4.review.pending": "0" },
    expect: narrative("review.pending"),
    forbid: [],
  },
  {
    name: "pending: 尚在审理",
    text: "行政复议2件，其中维持2件，另有案件尚在审理。",
    cells: { "4.review.upheld": "2", "4.review.pending": "0" },
    expect: narrative("review.pending"),
    forbid: [],
  },
  { name: "all upheld: 均获维持", text: "行政复议2件，均获维持。", expect: narrative("review.pending"), forbid: [] },
  { name: "all upheld: 全部维持", text: "本年度的复议案件全部维持原答复。", expect: narrative("review.pending"), forbid: [] },
  { name: "all upheld: 都得到维持", text: "2件行政复议都得到维持。", expect: narrative("review.pending"), forbid: [] },

  // ---- Several in one sentence ----
  { name: "several: 新收与办结", text: "新收申请15件，办结10件。", expect: [...narrative("newRequests.total"), ...narrative("resultsTotal.total")], forbid: [] },
  { name: "several: 繁體复议诉讼", text: "行政複議3件，行政訴訟2件。", expect: [...narrative("review.total"), ...narrative("litigationDirect.total")], forbid: [] },
  { name: "several: 各", text: "行政复议、行政诉讼各3件。", expect: [...narrative("review.total"), ...narrative("litigationDirect.total")], forbid: [] },

  // ---- Second batch, in the phrasing of published reports, written after the reader and run once before any change to it ----
  { name: "report phrasing consistent: 较上年增长", text: "2024年，本机关共收到政府信息公开申请12件，较上年增长20%。", expect: [], forbid: quiet },
  { name: "report phrasing consistent: 依申请公开件", text: "全年共办理依申请公开件12件，均已按时答复。", expect: [], forbid: quiet },
  { name: "report phrasing consistent: 接收", text: "本年度共接收政府信息公开申请12件，其中网络申请9件、信函申请3件，均已按时办结。", expect: [], forbid: quiet },
  { name: "report phrasing consistent: 共计", text: "新收政府信息公开申请12件，上年结转1件，共计13件；已办结12件，结转下年度1件。", expect: [], forbid: quiet },
  { name: "report phrasing consistent: 在办理结果中", text: "在办理结果中，予以公开5件，部分公开2件，不予公开1件，无法提供3件，不予处理1件。", expect: [], forbid: quiet },
  { name: "report phrasing consistent: N件维持", text: "行政复议2件，其中1件维持，1件尚未审结；行政诉讼1件，被法院判决纠正。", expect: [], forbid: quiet },
  { name: "report phrasing consistent: 个人申请", text: "本年度收到申请12件（个人申请10件，企业申请2件）。", expect: [], forbid: quiet },
  { name: "report phrasing consistent: 均予以答复", text: "对申请人提出的12件申请，均在法定期限内予以答复。", expect: [], forbid: quiet },
  { name: "report phrasing consistent: 结转至次年", text: "结转至2025年继续办理1件。", expect: [], forbid: quiet },
  { name: "report phrasing consistent: 上年度结转已办结", text: "上年度结转申请1件已于本年办结。", expect: [], forbid: quiet },
  { name: "report phrasing consistent: 主要涉及", text: "申请内容主要涉及征地拆迁、规划建设、社会保障等方面，占申请总数的60%。", expect: [], forbid: quiet },
  { name: "report phrasing consistent: 咨询电话", text: "公开电话咨询量120次，现场接待群众35人次，网上留言回复48条。", expect: [], forbid: quiet },
  { name: "report phrasing: 申请量", text: "2024年，本机关依申请公开申请量为20件。", expect: narrative("newRequests.total"), forbid: [] },
  { name: "report phrasing: 受理并办结", text: "全年共受理依申请公开申请20件，已全部办结。", expect: narrative("newRequests.total"), forbid: [] },
  {
    name: "report phrasing: 共收到…其中",
    text: "共收到依申请公开申请20件，均已在规定时限内予以答复，其中予以公开2件，不予公开1件。",
    expect: [...narrative("newRequests.total"), ...narrative("disclosed.total")],
    forbid: [],
  },
  { name: "report phrasing: 件数为0", text: "本年度依申请公开件数为0。", expect: narrative("newRequests.total"), forbid: [] },
  {
    name: "report phrasing: 全年未收到…未发生",
    text: "全年未收到依申请公开申请，未发生政府信息公开行政复议、行政诉讼情况。",
    expect: [...narrative("newRequests.total"), ...narrative("review.total"), ...narrative("litigationDirect.total")],
    forbid: [],
  },
  {
    name: "report phrasing: 未发生…案件",
    text: "本机关政府信息公开工作未发生行政复议、行政诉讼案件。",
    expect: [...narrative("review.total"), ...narrative("litigationDirect.total")],
    forbid: [],
  },
  { name: "report phrasing: 结果为维持", text: "全年共发生政府信息公开类行政复议案件1件，结果为维持。", expect: narrative("review.total"), forbid: [] },
  {
    name: "report phrasing: N件维持 N件尚未审结",
    text: "行政复议2件，其中1件维持，1件尚未审结。",
    cells: { "4.review.upheld": "2", "4.review.pending": "0" },
    expect: [...narrative("review.upheld"), ...narrative("review.pending")],
    forbid: [],
  },
  { name: "report phrasing: 办结数", text: "依申请公开办结数为10件，办结率100%。", expect: narrative("resultsTotal.total"), forbid: [] },
  { name: "report phrasing: 予以公开的", text: "经审查，属于予以公开的8件，部分公开的2件。", expect: narrative("disclosed.total"), forbid: [] },
  { name: "report phrasing: 不予公开情形", text: "不予公开的2件均属于保护第三方合法权益的情形。", expect: narrative("withheld4.total"), forbid: [] },
  { name: "report phrasing: 本机关不掌握", text: "无法提供的5件中，本机关不掌握相关政府信息的3件。", expect: narrative("unavailable1.total"), forbid: [] },
  { name: "report phrasing: 年底结转", text: "截至12月31日，尚有3件申请结转下年度继续办理。", expect: narrative("carriedOut.total"), forbid: [] },
  { name: "report phrasing: 复议撤销", text: "被申请行政复议3件，其中被复议机关撤销1件。", expect: [...narrative("review.total"), ...narrative("review.corrected")], forbid: [] },
  { name: "report phrasing: 诉讼驳回", text: "被提起行政诉讼3件，法院均判决驳回原告诉讼请求。", expect: narrative("litigationDirect.total"), forbid: [] },
  {
    name: "report phrasing: 繁體年報",
    text: "2024年，本機關共收到政府資訊公開申請20件，辦結18件。",
    expect: [...narrative("newRequests.total"), ...narrative("resultsTotal.total")],
    forbid: [],
  },
];
