// The unit in which failed sign-ins are counted per address.
import { describe, expect, it } from "vitest";
import { addressKey } from "@/lib/auth/login-throttle";

describe("addressKey", () => {
  it("counts an IPv4 address by itself, also when written as IPv6-mapped", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts an IPv6 address by its /64, however it is written", () => {
    const key = addressKey("2001:db8:12:34::1");
    expect(key).toBe("2001:db8:12:34::/64");
    for (const same of ["2001:db8:12:34:ffff:ffff:ffff:ffff", "2001:0DB8:0012:0034:0:0:0:2", "[2001:db8:12:34::99]", "2001:db8:12:34::5%eth0"]) expect(addressKey(same)).toBe(key);
    expect(addressKey("2001:db8:12:35::1")).not.toBe(key);
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
  });
});
