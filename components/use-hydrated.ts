"use client";
import { useEffect, useState } from "react";

/**
 * False until React owns the page. A form that submits through JavaScript must not be submittable
 * before: the browser would send it natively — as a GET with every field, a password too, in the
 * address — and the person's click would do nothing they meant.
 */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
