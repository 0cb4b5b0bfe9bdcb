// The public handler's bounds on one request's work and its compression of pages rendered per
// request, over real HTTP (as scripts/server.ts serves /gk, client address header included).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { handlePublicRequest } from "@/lib/publish/public-handler";

describe("public requests", () => {
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => void handlePublicRequest(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${base}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });

  it("limits searches per client address, and tells when to come back", async () => {
    const from = (address: string) => ({ [CLIENT_ADDRESS_HEADER]: address });
    // All at once: the bucket refills one a second, so a slow run may see one more allowed.
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => get(`/gk?q=${encodeURIComponent(`镇${i}`)}`, from("203.0.113.7"))));
    const allowed = responses.filter((r) => r.status === 200).length;
    expect(allowed).toBeGreaterThanOrEqual(20);
    expect(allowed).toBeLessThanOrEqual(21);
    const refused = responses.filter((r) => r.status === 429);
    expect(refused).toHaveLength(40 - allowed);
    expect(refused[0]!.headers["retry-after"]).toMatch(/^\d+$/);
    expect(refused[0]!.headers["cache-control"]).toBe("no-store"); // never kept by a shared cache
    expect(refused[0]!.body.toString()).toContain("搜索过于频繁");
    expect((await get("/gk?q=镇", from("203.0.113.8"))).status).toBe(200); // another address
    expect((await get("/gk", from("203.0.113.7"))).status).toBe(200); // the home page itself is not a search
  });

  it("compresses pages rendered per request into the coding asked for, each decoding to the same page", async () => {
    const plain = await get("/gk?year=2031", { [CLIENT_ADDRESS_HEADER]: "198.51.100.1" });
    const br = await get("/gk?year=2031", { [CLIENT_ADDRESS_HEADER]: "198.51.100.1", "accept-encoding": "br, gzip" });
    const gzip = await get("/gk?year=2031", { [CLIENT_ADDRESS_HEADER]: "198.51.100.1", "accept-encoding": "gzip" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(brotliDecompressSync(br.body).toString()).toBe(plain.body.toString());
    expect(gunzipSync(gzip.body).toString()).toBe(plain.body.toString());
    expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 2);
    expect(new Set([plain, br, gzip].map((r) => r.headers.etag)).size).toBe(1);
    expect(br.headers["content-length"]).toBe(String(br.body.byteLength));
  });

  it("bounds what one request can ask for: the address's length, and the query's", async () => {
    expect((await get(`/gk?q=${"镇".repeat(700)}`)).status).toBe(414);
    const long = "长".repeat(60);
    const page = (await get(`/gk?q=${encodeURIComponent(long)}`, { [CLIENT_ADDRESS_HEADER]: "198.51.100.2" })).body.toString();
    expect(page).toContain(`value="${"长".repeat(40)}"`);
    expect(page).not.toContain("长".repeat(41));
  });
});
