// The client's address for the audit log. Behind a reverse proxy (nginx in
// docker-compose.yml) the first X-Forwarded-For entry is the client; Next's own
// server sets the header from the socket when no proxy did.
type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

export function clientAddressFrom(headers: HeaderSource): string | null {
  const read = (name: string): string | null => {
    if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name);
    const value = (headers as Record<string, string | string[] | undefined>)[name];
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  };
  const forwarded = read("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || read("x-real-ip")?.trim() || null;
  return address ? address.slice(0, 64) : null;
}
