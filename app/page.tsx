import { redirect } from "next/navigation";

// The site's front door is the public site; staff sign in at /login.
export default function HomePage() {
  redirect("/gk");
}
