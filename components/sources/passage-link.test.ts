import { describe, expect, it } from "vitest";
import { passageHref, spanFromHash } from "./passage-link";

describe("passage links", () => {
  it("names the document and the span", () => {
    expect(passageHref("wikipedia-nato", { start: 12, end: 80 })).toBe("/documents/wikipedia-nato#12-80");
    expect(passageHref("wikipedia-nato")).toBe("/documents/wikipedia-nato");
  });

  it("reads a span back from the hash, and nothing that is not one inside the text", () => {
    expect(spanFromHash("#12-80", 100)).toEqual({ start: 12, end: 80 });
    for (const hash of ["", "#", "#80-12", "#12-12", "#12-101", "#a-b", "#12-80x", "#-1-5"]) expect(spanFromHash(hash, 100), hash).toBeNull();
  });
});
