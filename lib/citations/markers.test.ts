import { describe, expect, it } from "vitest";
import { MarkerRewriter, markersIn, rewriteMarkers, stripMarkers } from "./markers";

/** Passage numbers 1..6 exist; they are numbered by first use, as the LLM answerer does. */
function byFirstUse(known = 6) {
  const order = new Map<number, number>();
  return (n: number) => {
    if (n < 1 || n > known) return null;
    if (!order.has(n)) order.set(n, order.size + 1);
    return order.get(n)!;
  };
}

describe("MarkerRewriter", () => {
  it("renumbers by first use and keeps repeated numbers", () => {
    expect(rewriteMarkers("A [3]. B [1]. C [3].", byFirstUse())).toBe("A [1]. B [2]. C [1].");
  });

  it("drops markers that point at no passage, with the space before them", () => {
    expect(rewriteMarkers("A [9]. B [2] and [7] c. D [9][2]", byFirstUse())).toBe("A. B [1] and c. D [1]");
  });

  it("expands lists and named markers", () => {
    expect(rewriteMarkers("A [2, 4]. B [Passage 4]. C [passages 1; 2]", byFirstUse())).toBe("A [1] [2]. B [2]. C [3] [1]");
  });

  it("leaves bracketed text that is no marker alone", () => {
    expect(rewriteMarkers("A [citation needed] and [a-b] and [x", byFirstUse())).toBe("A [citation needed] and [a-b] and [x");
  });

  it("gives the same text whatever the deltas, even with markers cut in half", () => {
    const text = "Spain joined in 1982 [4]. Its army [9] is large [2, 4].\n\nEnd [1]";
    const whole = rewriteMarkers(text, byFirstUse());
    for (const size of [1, 2, 3, 5, 7]) {
      const rewriter = new MarkerRewriter(byFirstUse());
      let out = "";
      for (let i = 0; i < text.length; i += size) out += rewriter.push(text.slice(i, i + size));
      expect(out + rewriter.end()).toBe(whole);
    }
    expect(whole).toBe("Spain joined in 1982 [1]. Its army is large [2] [1].\n\nEnd [3]");
  });

  it("writes text out as soon as it is known not to be a marker", () => {
    const rewriter = new MarkerRewriter(byFirstUse());
    expect(rewriter.push("Hello world")).toBe("Hello world");
    expect(rewriter.push(" [")).toBe("");
    expect(rewriter.push("2")).toBe("");
    expect(rewriter.push("] next")).toBe(" [1] next");
  });
});

describe("stripMarkers", () => {
  it("removes markers and the space before them", () => {
    expect(stripMarkers("Spain joined in 1982 [1] [2]. Next. [3]")).toBe("Spain joined in 1982. Next.");
  });
});

describe("numbers of five digits or more", () => {
  it("are text to the rewriter and to every reader of markers alike", () => {
    expect(rewriteMarkers("NATO [99999] and [2]", byFirstUse())).toBe("NATO [99999] and [1]");
    expect(markersIn("NATO [99999] and [2]")).toEqual([2]);
    expect(stripMarkers("NATO [99999].")).toBe("NATO [99999].");
  });
});
