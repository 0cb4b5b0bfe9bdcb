// The client's address for the audit log and the per-address throttling. The HTTP server
// (scripts/server.ts) works it out once per request from the socket and, only when TRUST_PROXY
// says the request came through known proxies, from X-Forwarded-For; it hands it on in a header
// of its own that it always overwrites, so no client can choose the address that is logged.

export const CLIENT_ADDRESS_HEADER = "x-nianbao-client-address";

/** TRUST_PROXY: unset or "0" trusts no proxy; a number trusts that many hops; a list (comma-separated) trusts those addresses. */
export type TrustProxy = { hops: number } | { addresses: ReadonlySet<string> } | null;

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? "").trim();
  if (text === "" || text === "0" || text.toLowerCase() === "false") return null;
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  return {
    addresses: new Set(
      text
        .split(",")
        .map((a) => normaliseAddress(a.trim()))
        .filter(Boolean),
    ),
  };
}

/** "::ffff:10.0.0.1" (an IPv4 client on an IPv6 socket) reads as "10.0.0.1". */
export function normaliseAddress(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/** The client's address: the socket's, or, through trusted proxies, the entry of X-Forwarded-For they vouch for. Pure. */
export function resolveClientAddress(options: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined; trust: TrustProxy }): string | null {
  const socket = options.socketAddress ? normaliseAddress(options.socketAddress) : null;
  if (!options.trust || !socket) return socket;
  const forwarded = [options.forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((a) => normaliseAddress(a.trim()))
    .filter(Boolean);
  // The chain as seen from here: the client first, each proxy appended, the socket's peer last.
  const chain = [...forwarded, socket];
  if ("hops" in options.trust) return chain[Math.max(0, chain.length - 1 - options.trust.hops)]!;
  let index = chain.length - 1;
  while (index > 0 && options.trust.addresses.has(chain[index]!)) index--;
  return chain[index]!;
}

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/** The address the HTTP server worked out for this request (null outside it, e.g. in scripts). */
export function clientAddressFrom(headers: HeaderSource): string | null {
  const value =
    typeof (headers as { get?: unknown }).get === "function"
      ? (headers as { get(n: string): string | null }).get(CLIENT_ADDRESS_HEADER)
      : [(headers as Record<string, string | string[] | undefined>)[CLIENT_ADDRESS_HEADER]].flat()[0];
  return value ? value.slice(0, 64) : null;
}
