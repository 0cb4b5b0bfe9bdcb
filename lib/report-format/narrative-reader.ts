// Reading what a narrative says about tables 3 and 4: each figure it states ("予以公开及部分公开
// 258件", "依申请公开数为十二件", "行政诉讼1件"), each figure it denies ("未发生行政复议", "零败诉")
// and what it says without a number ("截至目前尚未审结", "均获维持"), with the words and the
// sentence they are in. Used by the NARRATIVE check in the browser and on the server. Pure.
//
// How: numbers in every form are rewritten as Arabic digits (text-numbers.ts), 繁體 is read as
// 简体 (traditional.ts); each sentence is cut into tokens (figures, the table's words, negations,
// breakdown words) and each figure is given the subject named nearest before it since the last
// figure. Breakdown phrases (含上年结转1件, 其中…) are read as parts of the figure before them.
//
// What it deliberately does not read, so as not to warn about what it cannot tell:
// - the sub-rows of （三）–（六） (属于国家秘密2件…) and the applicant columns (自然人10件): only row
//   totals are compared;
// - figures about another period (上年度, 2023年, 1月份, 累计, 平均), changes (较上年增加3件),
//   channels (网上申请8件) and approximate numbers (300余件);
// - "办结"/"答复"/"申请" figures in a sentence about 复议 or 诉讼 (which cases they count is unclear);
// - negations that carry a qualifier (未发生超期答复, 没有逾期办理的申请): they deny the qualifier;
// - a sentence whose meaning depends on another paragraph (only 复议/诉讼 carry over between the
//   sentences of one paragraph).
import type { TextSpan } from "./findings";
import { memory, sentencesOf } from "./sentences";
import { COUNT_UNIT, normaliseNumbers, type Normalised } from "./text-numbers";
import { hasTraditional, toSimplified } from "./traditional";

export type Block = "review" | "litigation" | "litigationDirect" | "litigationAfterReview" | "appeals";
export type Outcome = "total" | "upheld" | "corrected" | "other" | "pending";
export type Table3Figure =
  | "newRequests"
  | "carriedIn"
  | "incoming"
  | "resultsTotal"
  | "disclosed"
  | "partlyDisclosed"
  | "disclosedOrPartly"
  | "withheld"
  | "unavailable"
  | "unprocessed"
  | "otherHandling"
  | "carriedOut";
export type FigureKey = Table3Figure | `${Block}.${Outcome}`;

export type NarrativeClaim = {
  /** "count": the text states the figure's value (0 for a negation); "some": that it is at least 1; "allUpheld": 均获维持 in `blocks`. */
  kind: "count" | "some" | "allUpheld";
  figure: FigureKey;
  value: number;
  blocks?: Block[];
  quote: TextSpan;
  sentence: TextSpan;
};

// ---- Tokens ----

type TokenKind =
  | "num"
  | "allUpheld"
  | "allClosed"
  | "block"
  | "outcome"
  | "t3"
  | "closed"
  | "newStrong"
  | "receive"
  | "apply"
  | "negation"
  | "breakdown"
  | "each"
  | "respectively"
  | "disqualify"
  | "year"
  | "qualifier";
type Token = { kind: TokenKind; start: number; end: number; text: string; value?: number; figure?: string; used?: boolean };

const T3_WORDS: Array<[Table3Figure, string]> = [
  ["carriedOut", "结转(?:至|到|入)?下(?:一)?年度?|转入下(?:一)?年度?|下(?:一)?年度?继续办理|继续办理"],
  ["carriedIn", "上(?:一)?年度?结转|(?:由|从)上(?:一)?年度?转入|结转自上(?:一)?年度?"],
  ["disclosedOrPartly", "(?:予以|同意)?公开(?:及|和|与|、|或|以及)部分公开|全部(?:或|及|和)部分公开"],
  ["partlyDisclosed", "部分公开"],
  ["disclosed", "予以公开|同意公开|准予公开|全部公开"],
  ["withheld", "不予公开"],
  ["unavailable", "无法提供"],
  ["unprocessed", "不予处理"],
  ["otherHandling", "其他处理|其它处理"],
];
const BLOCK_WORDS: Array<[Block, string]> = [
  ["litigationAfterReview", "(?:行政)?复议后(?:提起|再)?(?:行政)?(?:起诉|诉讼)"],
  ["litigationDirect", "未经(?:行政)?复议(?:直接)?(?:提起)?(?:行政)?(?:起诉|诉讼)|直接(?:提起)?(?:行政)?(?:起诉|诉讼)"],
  ["review", "行政复议|复议"],
  ["litigation", "行政诉讼|诉讼|起诉|应诉"],
];
const OUTCOME_WORDS: Array<[Outcome, string]> = [
  ["pending", "尚未审结|未审结|尚未结案|未结案|正在审理|尚在审理|审理中|未审理终结|尚未作出(?:复议决定|判决|裁判)"],
  ["upheld", "维持|胜诉"],
  ["corrected", "纠正|纠错|败诉|撤销|确认违法"],
  ["other", "其他结果|其它结果|驳回|终止审理|撤诉"],
];

// One alternation, tried left to right at each position: longer and more specific words first.
const TOKEN_SOURCE: Array<[string, string]> = [
  ["num", `\\d+(?:\\s*${COUNT_UNIT})?`],
  ["allUpheld", "(?:均|全部|都|全都|皆)(?:获|被|予以|予|得到|获得|依法)?(?:维持|胜诉)"],
  ["allClosed", "(?:均|全部|都)(?:已)?(?:审结|结案)"],
  ["respectively", "分别"],
  ["each", "各|(?:均|都)(?=为|是|有)"],
  [
    "negation",
    "未发生|没有发生|没有收到|没有被|没有|未出现|未收到|未接到|未受理|不存在|未有|未被|未曾|零(?=败诉|纠错|纠正|复议|诉讼|申请|被诉|被纠)|无(?![法需论偿纸缝误关意效异须从私限人正])",
  ],
  ["qualifier", "超期|逾期|超时|延期|违规|不当|泄密|差错|延误|现成|另行制作|重复|反复|不明确|信访|投诉|举报"],
  ...BLOCK_WORDS.map(([block, words]): [string, string] => [`block_${block}`, words]),
  ...OUTCOME_WORDS.map(([outcome, words]): [string, string] => [`outcome_${outcome}`, words]),
  ...T3_WORDS.map(([figure, words]): [string, string] => [`t3_${figure}`, words]),
  ["newStrong", "新收|新受理|新接收|新增(?:政府信息公开|依申请公开|信息公开)?申请"],
  [
    "disqualify",
    "较(?:上|去|前|同期)|同比|环比|比(?:上|去|前)一?年|增加|减少|增长|下降|上升|增多|多出|上(?:一)?年度?|去年|前一年|往年|累计|历年|迄今|第[一二三四]季度|上半年|下半年|平均|每月|每年|每季度|月均|日均|自然人|法人|其他组织|商业企业|科研机构|社会公益组织|法律服务机构|通过|网上|网络|信函|当面|电话|传真|邮寄|提交",
  ],
  ["closed", "办结|办理完毕|已办理|办理|答复|处理完毕|已处理"],
  ["receive", "收到|受理|接收|接到|收悉|共收"],
  ["apply", "依申请公开|申请(?!人)"],
  ["breakdown", "其中|含|包括|包含"],
];
const TOKENS = new RegExp(TOKEN_SOURCE.map(([name, source]) => `(?<${name}>${source})`).join("|"), "g");
const GROUP_NAMES = TOKEN_SOURCE.map(([name]) => name);

function tokenise(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const match of sentence.matchAll(TOKENS)) {
    const name = GROUP_NAMES.find((n) => match.groups![n] !== undefined)!;
    const start = match.index;
    const end = start + match[0].length;
    const [kind, figure] = name.includes("_") ? (name.split("_") as [TokenKind, string]) : [name as TokenKind, undefined];
    if (kind === "num") {
      const value = Number(/^\d+/.exec(match[0])![0]);
      if (isCount(sentence, start, end, match[0])) tokens.push({ kind, start, end, text: match[0], value });
      // 2023年 names a year; 3月 a month, whose figures are not the year's (12月31日 is a date)
      else if (/^\d{4}$/.test(match[0]) && sentence[end] === "年") tokens.push({ kind: "year", start, end: end + 1, text: `${match[0]}年`, value });
      else if (sentence[end] === "月" && !/^月\d+日/.test(sentence.slice(end))) tokens.push({ kind: "disqualify", start, end: end + 1, text: `${match[0]}月` });
    } else tokens.push({ kind, start, end, text: match[0], figure });
  }
  return tokens;
}

/** A number is a count when it carries a unit (not 15个工作日) or closes "…为12", and is no ordinal, decimal or part of a date. */
function isCount(sentence: string, start: number, end: number, text: string) {
  const before = sentence[start - 1] ?? "";
  const after = sentence.slice(end, end + 4);
  if (/[第.\d]/.test(before) || /^[.%％]/.test(after)) return false;
  if (/\d$/.test(text)) return /[为是达计]$/.test(before) && /^(?:$|[，。；、,.;）)\s])/.test(after);
  if (text.endsWith("个")) return /^(?:$|[，。；、：,.;:）)（(\s]|申请|案件|政府|依申请|行政)/.test(after);
  return true;
}

// ---- Reading ----

const TRAILING_OBJECT = /^(?:的)?(?:依申请公开信息|政府信息公开申请|依申请公开申请|信息公开申请|申请(?!人)|案件)/;
/** Farther than this between a subject and its figure, they are not read together. */
const MAX_GAP = 30;

type Pending = { kind: NarrativeClaim["kind"]; figure: FigureKey; value: number; blocks?: Block[]; start: number; end: number; weak?: boolean; at: number };

function blockOf(token: Token): Block {
  return token.figure as Block;
}

/** Claims of one sentence (offsets in the normalised sentence), and the 复议/诉讼 it names last. */
function readSentence(s: string, year: number | undefined, context: Block | null): { claims: Pending[]; lastBlock: Block | null } {
  const tokens = tokenise(s);
  const claims: Pending[] = [];
  if (tokens.length === 0) return { claims, lastBlock: context };
  const yearAt = (t: Token) => Number(t.text.slice(0, 4));
  // A sentence that opens with another year ("2023年，…") is about that year.
  const opening = tokens[0]!;
  if (opening.kind === "year" && opening.start <= 1 && year !== undefined && yearAt(opening) !== year) return { claims, lastBlock: lastBlockIn(tokens) ?? context };

  let spanStart = 0; // index of the first token after the previous figure
  const queued: FigureKey[] = []; // 分别: subjects waiting for the next figures
  const blockBefore = (index: number): Block | null => {
    for (let i = index - 1; i >= 0; i--) if (tokens[i]!.kind === "block") return blockOf(tokens[i]!);
    return context;
  };
  const blockInSentenceBefore = (index: number) => tokens.slice(0, index).some((t) => t.kind === "block");

  tokens.forEach((token, index) => {
    if (token.kind !== "num") return;
    const span = tokens.slice(spanStart, index);
    spanStart = index + 1;
    const value = token.value!;
    if (queued.length) {
      const figure = queued.shift()!;
      claims.push({ kind: "count", figure, value, start: token.start, end: token.end, at: index });
      return;
    }
    const subject = subjectOf(s, tokens, span, index, blockBefore, blockInSentenceBefore, year);
    if (!subject) return;
    const [first, ...rest] = subject.figures;
    if (subject.respectively) queued.push(...rest);
    for (const figure of subject.respectively ? [first!] : subject.figures) {
      let end = token.end;
      const trailing = TRAILING_OBJECT.exec(s.slice(end));
      if (trailing && subject.start < token.start) end += trailing[0].length;
      claims.push({ kind: "count", figure, value, start: Math.min(subject.start, token.start), end: Math.max(end, subject.end), weak: subject.weak, at: index });
    }
  });

  claims.push(...readNegations(s, tokens, blockBefore));
  claims.push(...readWithoutNumbers(tokens, blockBefore));
  return { claims: applyBreakdowns(tokens, claims), lastBlock: lastBlockIn(tokens) ?? context };
}

function lastBlockIn(tokens: Token[]): Block | null {
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i]!.kind === "block") return blockOf(tokens[i]!);
  return null;
}

type Subject = { figures: FigureKey[]; start: number; end: number; weak?: boolean; respectively?: boolean };

/** The subject of a figure, unless a negation stands between the two (行政复议未…3件 is no plain statement of the figure). */
function subjectOf(...args: Parameters<typeof subjectNamed>): Subject | null {
  const subject = subjectNamed(...args);
  const [, tokens, span, index] = args;
  if (!subject) return null;
  return span.some((t) => t.kind === "negation" && t.start >= subject.start && t.end <= tokens[index]!.start) ? null : subject;
}

function subjectNamed(
  s: string,
  tokens: Token[],
  span: Token[],
  index: number,
  blockBefore: (index: number) => Block | null,
  blockInSentenceBefore: (index: number) => boolean,
  year: number | undefined,
): Subject | null {
  const figure = tokens[index]!;
  if (span.some((t) => t.kind === "disqualify" || (t.kind === "year" && year !== undefined && Number(t.text.slice(0, 4)) !== year))) return null;
  const near = (t: Token) => figure.start - t.end <= MAX_GAP;
  const many = span.some((t) => t.kind === "each" || t.kind === "respectively");
  const respectively = span.some((t) => t.kind === "respectively");
  const startOf = (ts: Token[]) => Math.min(...ts.map((t) => t.start));

  // 复议/诉讼 outcomes: 维持1件, 尚未审结的行政诉讼1件
  const outcome = [...span].reverse().find((t) => t.kind === "outcome" && !t.used && near(t));
  if (outcome) {
    const blockHere = [...span].reverse().find((t) => t.kind === "block");
    const block = blockHere ? blockOf(blockHere) : (blockBefore(tokens.indexOf(outcome)) ?? (/败诉|胜诉/.test(outcome.text) ? "litigation" : null));
    if (!block) return null;
    outcome.used = true;
    return { figures: [`${block}.${outcome.figure as Outcome}`], start: blockHere ? Math.min(blockHere.start, outcome.start) : outcome.start, end: figure.end };
  }

  const specific = span.filter((t) => (t.kind === "block" || t.kind === "t3" || t.kind === "newStrong") && near(t));
  if (specific.length) {
    const last = specific[specific.length - 1]!;
    if (many && specific.length > 1) {
      const same = specific.filter((t) => t.kind === last.kind);
      return { figures: same.map(figureOf), start: startOf(same), end: figure.end, respectively };
    }
    return { figures: [figureOf(last)], start: last.start, end: figure.end };
  }

  const after = subjectAfter(s, tokens, index, blockBefore);
  if (after) return after;
  // Generic words (办结, 收到…申请): not in a sentence about 复议 or 诉讼
  if (blockInSentenceBefore(index)) return null;
  const closed = [...span].reverse().find((t) => t.kind === "closed" && near(t));
  if (closed) return { figures: ["resultsTotal"], start: closed.start, end: figure.end, weak: true };
  return newRequestsFrom(s, span, figure, tokens[index + 1]);
}

/** The subject right after the figure, when nothing before it names one: 其中1件维持, 尚有3件申请结转下年度. */
function subjectAfter(s: string, tokens: Token[], index: number, blockBefore: (index: number) => Block | null): Subject | null {
  const figure = tokens[index]!;
  const next = tokens.slice(index + 1).find((t) => t.kind !== "apply");
  if (!next || next.start - figure.end > 12) return null;
  const between = s.slice(figure.end, next.start);
  if (next.kind === "outcome" && /^被?$/.test(between)) {
    const block = blockBefore(index) ?? (/败诉|胜诉/.test(next.text) ? "litigation" : null);
    if (!block) return null;
    next.used = true;
    return { figures: [`${block}.${next.figure as Outcome}`], start: figure.start, end: next.end };
  }
  if ((next.kind === "t3" || next.kind === "block") && /^的?(?:政府信息公开|依申请公开|信息公开)?(?:申请)?(?:被|予以|作|已)?$/.test(between)) {
    return { figures: [figureOf(next)], start: figure.start, end: next.end };
  }
  return null;
}

function figureOf(token: Token): FigureKey {
  if (token.kind === "block") return `${blockOf(token)}.total`;
  if (token.kind === "newStrong") return "newRequests";
  return token.figure as Table3Figure;
}

/** 收到…申请12件, 依申请公开数为12件, 政府信息公开申请12件, 共收到12件政府信息公开申请. */
function newRequestsFrom(s: string, span: Token[], figure: Token, next: Token | undefined): Subject | null {
  const receive = span.find((t) => t.kind === "receive");
  const applies = span.filter((t) => t.kind === "apply");
  const apply = applies[applies.length - 1];
  if (receive && apply && apply.start > receive.start && figure.start - apply.end <= 10) return { figures: ["newRequests"], start: receive.start, end: figure.end, weak: true };
  if (apply && figure.start - apply.end <= 8) {
    const between = s.slice(apply.end, figure.start);
    const named = apply.text === "依申请公开" || /(?:政府信息公开|信息公开|依申请公开)$/.test(s.slice(Math.max(0, apply.start - 7), apply.start));
    if (/^(?:申请)?(?:数|数量|量|总数|总量|件数|事项)?(?:共|共计|合计|总计)?(?:为|是|达|有)?$/.test(between) && (named || receive || /[数量]/.test(between))) {
      return { figures: ["newRequests"], start: receive?.start ?? apply.start, end: figure.end, weak: true };
    }
  }
  // The subject after the figure: 共收到12件依申请公开申请
  if (receive && figure.start - receive.end <= 10 && TRAILING_OBJECT.test(s.slice(figure.end)) && !/^的?案件/.test(s.slice(figure.end)) && next?.kind !== "block") {
    return { figures: ["newRequests"], start: receive.start, end: figure.end, weak: true };
  }
  return null;
}

/** 未发生行政复议和行政诉讼, 零败诉, 未收到政府信息公开申请, 无不予公开情形: each is a figure of 0. */
function readNegations(s: string, tokens: Token[], blockBefore: (index: number) => Block | null): Pending[] {
  const claims: Pending[] = [];
  tokens.forEach((negation, index) => {
    if (negation.kind !== "negation") return;
    // The clause it governs: up to the next punctuation or 30 characters.
    const clauseEnd = Math.min(negation.end + 30, ...[...s.slice(negation.end).matchAll(/[，。；：,;:]/g)].slice(0, 1).map((m) => negation.end + m.index));
    const governed: Token[] = [];
    for (let i = index + 1; i < tokens.length && tokens[i]!.start < clauseEnd; i++) governed.push(tokens[i]!);
    if (governed.some((t) => t.kind === "num" || t.kind === "qualifier" || t.kind === "negation" || t.kind === "disqualify")) return;
    const end = (ts: Token[]) => Math.max(...ts.map((t) => t.end));
    const zero = (figure: FigureKey, objects: Token[]) => claims.push({ kind: "count", figure, value: 0, start: negation.start, end: end(objects), at: index });

    const blocks = governed.filter((t) => t.kind === "block");
    const outcomes = governed.filter((t) => t.kind === "outcome");
    if (outcomes.length) {
      const named = blocks.length ? blocks.map(blockOf) : [blockBefore(index) ?? "appeals"];
      for (const block of named) for (const o of outcomes) zero(`${block}.${o.figure as Outcome}`, [...blocks, ...outcomes]);
      outcomes.forEach((o) => (o.used = true));
      return;
    }
    if (blocks.length) {
      for (const b of blocks) zero(`${blockOf(b)}.total`, blocks);
      return;
    }
    const t3 = governed.filter((t) => t.kind === "t3" && t.figure !== "unavailable" && t.figure !== "disclosedOrPartly");
    if (t3.length) {
      for (const t of t3) zero(t.figure as Table3Figure, t3);
      return;
    }
    const apply = governed.find((t) => t.kind === "apply" || t.kind === "newStrong");
    if (apply && apply.start - negation.end <= 15 && !/^(?:没有被|未被|不存在)$/.test(negation.text)) zero("newRequests", [apply]);
  });
  return claims;
}

/** 截至目前尚未审结 (at least one pending case), 均获维持, 均已审结. */
function readWithoutNumbers(tokens: Token[], blockBefore: (index: number) => Block | null): Pending[] {
  const claims: Pending[] = [];
  const blocksOfSentence = (index: number): Block[] => {
    const named = [...new Set(tokens.filter((t) => t.kind === "block").map(blockOf))];
    if (named.length) return named;
    const before = blockBefore(index);
    return before ? [before] : ["appeals"];
  };
  tokens.forEach((token, index) => {
    if (token.kind === "outcome" && token.figure === "pending" && !token.used) {
      // Not when it is denied (没有尚未审结的案件) or asked (是否尚未审结).
      const clauseStart = tokens.slice(0, index).findLastIndex((t) => t.kind === "num");
      if (tokens.slice(clauseStart + 1, index).some((t) => t.kind === "negation")) return;
      const next = tokens[index + 1];
      if (next?.kind === "num" && next.start - token.end <= MAX_GAP) return; // a count, read with its figure
      const blockHere = tokens.slice(0, index).findLast((t) => t.kind === "block") ?? tokens.slice(index).find((t) => t.kind === "block");
      const block = blockHere ? blockOf(blockHere) : (blockBefore(index) ?? "appeals");
      claims.push({ kind: "some", figure: `${block}.pending`, value: 1, start: token.start, end: token.end, at: index });
    }
    if (token.kind === "allUpheld") {
      claims.push({ kind: "allUpheld", figure: "appeals.upheld", value: 0, blocks: blocksOfSentence(index), start: token.start, end: token.end, at: index });
    }
    if (token.kind === "allClosed") {
      for (const block of blocksOfSentence(index)) claims.push({ kind: "count", figure: `${block}.pending`, value: 0, start: token.start, end: token.end, at: index });
    }
  });
  return claims;
}

/**
 * Breakdown phrases: a figure followed by 其中/含/包括 lists its parts. 共受理…11件（含上年结转1件）
 * states 一+二 = 11 and 二 = 1; a part that is only a subset of its whole (办结12件，其中上年结转1件;
 * 其中网上申请8件) says nothing about a row of the table and is dropped.
 */
function applyBreakdowns(tokens: Token[], unordered: Pending[]): Pending[] {
  const claims = [...unordered].sort((a, b) => a.at - b.at);
  const dropped = new Set<Pending>();
  for (const marker of tokens.filter((t) => t.kind === "breakdown")) {
    const markerIndex = tokens.indexOf(marker);
    const whole = claims.filter((c) => c.kind === "count" && c.at < markerIndex).at(-1);
    if (!whole) continue;
    const nextMarker = tokens.findIndex((t, i) => i > markerIndex && t.kind === "breakdown");
    const parts = claims.filter((c) => c.kind === "count" && c.at > markerIndex && (nextMarker < 0 || c.at < nextMarker));
    const incomingParts = parts.filter((p) => p.figure === "carriedIn" || (p.figure === "newRequests" && !p.weak));
    if (whole.figure === "newRequests" && incomingParts.length) whole.figure = "incoming";
    for (const part of parts) {
      if (part.weak) dropped.add(part);
      else if ((part.figure === "carriedIn" || part.figure === "newRequests") && whole.figure !== "incoming") dropped.add(part);
    }
  }
  return claims.filter((c) => !dropped.has(c));
}

// ---- Sentences and offsets ----

type SentenceReading = { claims: NarrativeClaim[]; lastBlock: Block | null };
const rememberedSentences = memory<SentenceReading>();

/** One sentence of the original text read (offsets relative to it), given the 复议/诉讼 its paragraph named before it. */
function readOriginalSentence(sentence: string, year: number | undefined, context: Block | null): SentenceReading {
  const simplified = hasTraditional(sentence) ? toSimplified(sentence) : sentence;
  const norm: Normalised = normaliseNumbers(simplified);
  const read = readSentence(norm.text, year, context);
  const original = (start: number, end: number): TextSpan => ({ start: norm.from[start]!, end: norm.to[end - 1]! });
  const whole = original(0, norm.text.replace(/\s+$/, "").length || 1);
  const claims = read.claims
    .sort((a, b) => a.start - b.start)
    .map((c): NarrativeClaim => ({ kind: c.kind, figure: c.figure, value: c.value, ...(c.blocks ? { blocks: c.blocks } : {}), quote: original(c.start, c.end), sentence: whole }));
  return { claims, lastBlock: read.lastBlock };
}

/** A sentence without any of these states nothing the reader looks for, nor names 复议/诉讼 for the next (繁體 included). */
const MAY_CLAIM = /[0-9０-９零〇一二两三四五六七八九十无無没沒未不维維持审審复複诉訴]/;

/** A paragraph's claims (offsets relative to it): sentence by sentence, the 复议/诉讼 they name carried from one to the next. */
function readParagraph(paragraph: string, year: number | undefined): NarrativeClaim[] {
  const claims: NarrativeClaim[] = [];
  let context: Block | null = null;
  for (const sentence of sentencesOf(paragraph)) {
    if (!MAY_CLAIM.test(sentence.text)) continue;
    const read = rememberedSentences(`${year ?? ""}|${context ?? ""}|${sentence.text}`, () => readOriginalSentence(sentence.text, year, context));
    context = read.lastBlock;
    const at = (span: TextSpan) => ({ start: span.start + sentence.start, end: span.end + sentence.start });
    for (const c of read.claims) claims.push({ ...c, quote: at(c.quote), sentence: at(c.sentence) });
  }
  return claims;
}
const rememberedParagraphs = memory<NarrativeClaim[]>();

/**
 * Every claim the text makes about tables 3 and 4, with offsets into `text`. `year`, the report's,
 * tells figures of this year from figures of another one ("2023年收到申请10件"). Paragraphs and
 * their sentences are read once and remembered, so that a keystroke re-reads only its own
 * sentence, however long the text (a paragraph is read as a whole only when it changed).
 */
export function readNarrative(text: string, year?: number): NarrativeClaim[] {
  const claims: NarrativeClaim[] = [];
  let offset = 0;
  for (const paragraph of text.split("\n")) {
    if (MAY_CLAIM.test(paragraph)) {
      for (const c of rememberedParagraphs(`${year ?? ""}|${paragraph}`, () => readParagraph(paragraph, year))) {
        claims.push({ ...c, quote: { start: c.quote.start + offset, end: c.quote.end + offset }, sentence: { start: c.sentence.start + offset, end: c.sentence.end + offset } });
      }
    }
    offset += paragraph.length + 1;
  }
  return claims;
}
