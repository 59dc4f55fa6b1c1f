import { describe, expect, it } from "vitest";
import { ConcurrencyLimit } from "./concurrency";

describe("ConcurrencyLimit", () => {
  it("lets `max` in, queues up to `maxQueued` in order, refuses the rest with 503 and Retry-After", async () => {
    const limit = new ConcurrencyLimit(1, 1);
    const first = await limit.acquire();
    const order: string[] = [];
    const second = limit.acquire().then((release) => (order.push("second"), release));
    await expect(limit.acquire()).rejects.toMatchObject({ status: 503, headers: { "Retry-After": expect.any(String) } });
    first();
    first(); // a second release changes nothing
    const release = await second;
    expect(order).toEqual(["second"]);
    const third = limit.acquire(); // the queue has room again
    release();
    await expect(third).resolves.toBeTypeOf("function");
  });

  it("gives up on a request that waited too long, or whose client went away", async () => {
    const limit = new ConcurrencyLimit(1, 5, 50);
    const held = await limit.acquire();
    await expect(limit.acquire()).rejects.toMatchObject({ code: "busy" });
    const controller = new AbortController();
    const waiting = limit.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: "busy" });
    held();
    (await limit.acquire())(); // no stale waiter took the turn
  });
});
