import { SiteHeader } from "@/components/site-header";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { countWaiting } from "@/lib/reports/inbox";

// Only the header is decided here; every page checks its own permission,
// because a layout is not re-run on client-side navigation.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await getCurrentActor();
  // The header's count: reports waiting for this person's review, and drafts returned to them.
  const waiting = actor && !actor.mustChangePassword ? await countWaiting(actor) : 0;
  return (
    <>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <SiteHeader user={actor} waiting={waiting} />
      <main id="main">{children}</main>
    </>
  );
}
