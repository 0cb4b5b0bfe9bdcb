import { describe, expect, it } from "vitest";
import { readTextBody } from "@/lib/http/read-body";
import { AppError } from "@/lib/errors";

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as AppError,
  );

describe("a JSON route's body", () => {
  it("is read when within the limit", async () => {
    expect(await readTextBody(new Request("http://x/", { method: "PUT", body: "年报".repeat(10) }), 100)).toBe("年报".repeat(10));
  });

  it("is refused with 413 when its declared length passes the limit, before anything is read", async () => {
    const request = new Request("http://x/", { method: "PUT", body: "x", headers: { "content-length": "101" } });
    const error = await refusal(readTextBody(request, 100));
    expect(error).toBeInstanceOf(AppError);
    expect(error!.httpStatus).toBe(413);
    expect(request.bodyUsed).toBe(false);
  });

  it("is refused once a body without a declared length passes the limit, without reading the rest", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64));
      },
    });
    const error = await refusal(readTextBody(new Request("http://x/", { method: "PUT", body: endless, duplex: "half" } as RequestInit), 1_000));
    expect(error!.code).toBe("TOO_LARGE");
    expect(error!.userMessage).toContain("请求内容过大");
    expect(pulled).toBeLessThan(40);
  });

  it("is refused, not altered, when it is not UTF-8", async () => {
    const error = await refusal(readTextBody(new Request("http://x/", { method: "PUT", body: new Uint8Array([0xff, 0xfe, 0x41]) })));
    expect(error!.code).toBe("INVALID_INPUT");
  });
});
