// Account lockout after repeated failed logins: pure state transitions.
export type LockoutPolicy = { maxFailures: number; windowMinutes: number; lockMinutes: number };
export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };

export type LockoutState = {
  failedLoginCount: number;
  failedLoginWindowStart: Date | null;
  lockedUntil: Date | null;
};

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failed attempt, and whether that attempt locked the account. */
export function recordFailure(state: LockoutState, now: Date, policy: LockoutPolicy): { state: LockoutState; lockedNow: boolean } {
  const windowMs = policy.windowMinutes * 60_000;
  const windowOpen = state.failedLoginWindowStart !== null && now.getTime() - state.failedLoginWindowStart.getTime() < windowMs;
  const count = windowOpen ? state.failedLoginCount + 1 : 1;
  const windowStart = windowOpen ? state.failedLoginWindowStart : now;
  if (count >= policy.maxFailures) {
    return {
      state: { failedLoginCount: 0, failedLoginWindowStart: null, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) },
      lockedNow: true,
    };
  }
  return { state: { failedLoginCount: count, failedLoginWindowStart: windowStart, lockedUntil: state.lockedUntil }, lockedNow: false };
}

export const CLEARED_LOCKOUT: LockoutState = { failedLoginCount: 0, failedLoginWindowStart: null, lockedUntil: null };
