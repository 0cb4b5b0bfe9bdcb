// What this process has heard of changes to organs' progress, so that the supervising office's
// dashboard, 工作台 and 汇总 over thousands of organs are read again only where something changed.
// PostgreSQL announces every such change itself (triggers of migration 20261205000000, NOTIFY
// on commit) and every instance hears it (scripts/server.ts). Each heard change gets the next
// number; a reading of the database is marked with the number heard before it began, and is
// up to date for every organ that no later change names. While this process cannot hear (its
// connection lost or not yet opened) there are no marks: everything is read afresh. Plain TS.

export const PROGRESS_CHANGES_CHANNEL = "nianbao_progress_changes";

/**
 * A report's (or a 催办's) organ and year; or the organ tree (names, codes, kinds, places,
 * deadlines), with `organId` when only that organ's own columns changed and every organ stayed
 * where it was.
 */
export type ProgressChange = { organId: string; year: number } | { tree: true; organId?: string };

/** A notification's payload; anything unexpected is taken as a change of the whole tree (everything). */
export function readProgressChange(payload: string): ProgressChange {
  try {
    const value = JSON.parse(payload) as { organId?: unknown; year?: unknown; tree?: unknown };
    if (typeof value.organId === "string" && Number.isInteger(value.year)) return { organId: value.organId, year: value.year as number };
    if (value.tree === true && typeof value.organId === "string") return { tree: true, organId: value.organId };
  } catch {
    /* fall through */
  }
  return { tree: true };
}

/**
 * What changed since a reading: the organs whose report of the year changed or whose own columns
 * changed (name, code, kind, deadline); whether the organ tree changed at all (`tree`); and whether
 * organs were added, deleted or moved (`places`: which organs lie below an office may differ).
 * "everything" when that cannot be told (no mark, the changes of that time forgotten).
 */
export type Changes = { organs: Set<string>; tree: boolean; places: boolean } | "everything";

/** The changes heard before a reading began (null: none can be told apart, read everything). */
export type ChangeMark = { epoch: number; heard: number };
/** A reading as it is kept, with its mark. */
export type Marked<T> = T & { mark: ChangeMark };

/** At most this many organ changes are remembered; a mark older than all of them reads everything again. */
const REMEMBERED = 20_000;

/** An organ's change: of its report of `year`, or of its own columns (`year` null: every year's rows show them). */
type Heard = { number: number; organId: string; year: number | null };
type Store = { listening: boolean; epoch: number; heard: number; treeChangedAt: number; placesChangedAt: number; forgottenUpTo: number; log: Heard[] };
// On globalThis: the front server and Next's bundle load this module separately in one process.
const shared = globalThis as unknown as { nianbaoProgressChanges?: Store };
const store = (shared.nianbaoProgressChanges ??= { listening: false, epoch: 0, heard: 0, treeChangedAt: 0, placesChangedAt: 0, forgottenUpTo: 0, log: [] });

export function heardProgressChange(change: ProgressChange) {
  const number = ++store.heard;
  if ("tree" in change) store.treeChangedAt = number;
  if (change.organId === undefined) {
    store.placesChangedAt = number;
    return;
  }
  store.log.push({ number, organId: change.organId, year: "year" in change ? change.year : null });
  if (store.log.length > 2 * REMEMBERED) store.forgottenUpTo = store.log.splice(0, store.log.length - REMEMBERED).at(-1)!.number;
}

/** Whether this process hears every change; either way, what was read before cannot be trusted any more. */
export function setProgressListening(listening: boolean) {
  store.listening = listening;
  store.epoch++;
  store.log = [];
}

/** Taken before a reading of the database; null while changes cannot be heard. */
export function changeMark(): ChangeMark | null {
  return store.listening ? { epoch: store.epoch, heard: store.heard } : null;
}

/** What changed of `year` since a reading marked `mark`. */
export function changedSince(mark: ChangeMark | null, year: number): Changes {
  if (!mark || !store.listening || mark.epoch !== store.epoch || store.forgottenUpTo > mark.heard) return "everything";
  const organs = new Set<string>();
  for (let i = store.log.length - 1; i >= 0 && store.log[i]!.number > mark.heard; i--) {
    const heard = store.log[i]!;
    if (heard.year === year || heard.year === null) organs.add(heard.organId);
  }
  return { organs, tree: store.treeChangedAt > mark.heard, places: store.placesChangedAt > mark.heard };
}

/**
 * Keeps what a reading marked `entry.mark` found, unless a reading that began later has kept its
 * own already. The readings kept hold at most `maxRows` rows together (a province's dashboard is
 * about 5 MB, its 汇总 about 15 MB); those kept longest ago are dropped first, never the new one.
 */
export function keepReading<T extends { mark: ChangeMark; size: number }>(kept: Map<string, T>, key: string, entry: T, maxRows: number) {
  const newest = kept.get(key);
  if (newest && (newest.mark.epoch > entry.mark.epoch || (newest.mark.epoch === entry.mark.epoch && newest.mark.heard > entry.mark.heard))) return;
  kept.delete(key);
  kept.set(key, entry);
  let rows = 0;
  for (const { size } of kept.values()) rows += size;
  for (const [oldest, { size }] of kept) {
    if (rows <= maxRows || oldest === key) break;
    kept.delete(oldest);
    rows -= size;
  }
}

/**
 * A kept reading brought up to date: `read` gets the reading kept under `key` and what changed
 * since (or "everything", also when nothing is kept) and returns the new reading, or the
 * kept one when nothing it holds changed. The mark is taken before `read` begins, so a change
 * committed while it reads is heard after the mark and read next time; this is the one place
 * that order is kept. The result is kept while changes can be heard (see keepReading).
 */
export async function keptReading<T extends { size: number }>(
  kept: Map<string, Marked<T>>,
  key: string,
  year: number,
  maxRows: number,
  read: (previous: T | undefined, changed: Changes) => Promise<T>,
): Promise<T> {
  const mark = changeMark();
  const previous = kept.get(key);
  const reading = await read(previous, previous ? changedSince(previous.mark, year) : "everything");
  if (mark) keepReading(kept, key, { ...reading, mark }, maxRows);
  return reading;
}
