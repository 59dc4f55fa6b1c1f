import { describe, expect, it } from "vitest";
import { passageHref } from "./passage-href";

describe("passageHref", () => {
  it("names the document and the span", () => {
    expect(passageHref("wikipedia-nato", { start: 12, end: 80 })).toBe("/documents/wikipedia-nato#12-80");
    expect(passageHref("wikipedia-nato")).toBe("/documents/wikipedia-nato");
  });
});
