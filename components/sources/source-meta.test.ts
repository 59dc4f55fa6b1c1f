import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SourceMeta } from "./source-meta";

const text = (props: Parameters<typeof SourceMeta>[0]) => renderToStaticMarkup(createElement(SourceMeta, props)).replace(/<[^>]+>/g, "");

describe("SourceMeta", () => {
  it("says the page of a passage from a PDF after its source and date", () => {
    expect(text({ source: "https://example.org/survey.pdf", publishedAt: "2023", page: 12 })).toBe("example.org · 2023 · p. 12");
    expect(text({ source: null, publishedAt: null, page: 3 })).toBe("p. 3");
  });

  it("says no page for other documents", () => {
    expect(text({ source: null, publishedAt: "2023", page: undefined })).toBe("2023");
  });
});
