import { describe, expect, it, vi } from "vitest";
import { AppError, errorResponse } from "./errors";

describe("errorResponse", () => {
  it("keeps the code, status and message of an AppError", async () => {
    const response = errorResponse(new AppError("not_found", "There is no document \"x\"."));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "There is no document \"x\"." } });
  });

  it("turns anything else into a 500 that hides the details and logs them", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(new TypeError("secret internals at /srv/app.js:12"));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe("internal");
    expect(JSON.stringify(body)).not.toMatch(/secret|app\.js/);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
