import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows perMinute requests at once, then says how long to wait; refills evenly", () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([0, 0, 0]);
    expect(limiter.take("a")).toBe(20); // one request every 20 s
    expect(limiter.take("b")).toBe(0); // each client has its own budget
    now = 20_000;
    expect(limiter.take("a")).toBe(0);
    expect(limiter.take("a")).toBe(20);
  });
});
