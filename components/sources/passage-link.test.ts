import { describe, expect, it } from "vitest";
import { spanFromHash } from "./passage-link";

describe("spanFromHash", () => {
  it("reads a span back from the hash, and nothing that is not one inside the text", () => {
    expect(spanFromHash("#12-80", 100)).toEqual({ start: 12, end: 80 });
    for (const hash of ["", "#", "#80-12", "#12-12", "#12-101", "#a-b", "#12-80x", "#-1-5"]) expect(spanFromHash(hash, 100), hash).toBeNull();
  });
});
