import { describe, expect, it } from "vitest";
import { CLEARED_LOCKOUT, isLocked, recordFailure, type LockoutState } from "@/lib/auth/lockout";

const policy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };
const t0 = new Date("2026-01-10T08:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

function failTimes(times: Date[], start: LockoutState = CLEARED_LOCKOUT) {
  let state = start;
  let lockedNow = false;
  for (const t of times) ({ state, lockedNow } = recordFailure(state, t, policy));
  return { state, lockedNow };
}

describe("lockout", () => {
  it("does not lock after four failures", () => {
    const { state, lockedNow } = failTimes([0, 1, 2, 3].map(minutes));
    expect(lockedNow).toBe(false);
    expect(isLocked(state, minutes(4))).toBe(false);
    expect(state.failedLoginCount).toBe(4);
  });

  it("locks on the fifth failure within fifteen minutes, for fifteen minutes", () => {
    const { state, lockedNow } = failTimes([0, 1, 2, 3, 14].map(minutes));
    expect(lockedNow).toBe(true);
    expect(state.lockedUntil).toEqual(minutes(29));
    expect(isLocked(state, minutes(28.9))).toBe(true);
    expect(isLocked(state, minutes(29))).toBe(false);
  });

  it("starts counting again when the window has passed", () => {
    const { state, lockedNow } = failTimes([0, 1, 2, 3, 15].map(minutes));
    expect(lockedNow).toBe(false);
    expect(state.failedLoginCount).toBe(1);
    expect(state.failedLoginWindowStart).toEqual(minutes(15));
  });

  it("follows a configured policy", () => {
    let state: LockoutState = CLEARED_LOCKOUT;
    const strict = { maxFailures: 2, windowMinutes: 1, lockMinutes: 60 };
    state = recordFailure(state, t0, strict).state;
    const second = recordFailure(state, minutes(0.5), strict);
    expect(second.lockedNow).toBe(true);
    expect(second.state.lockedUntil).toEqual(minutes(60.5));
  });
});
