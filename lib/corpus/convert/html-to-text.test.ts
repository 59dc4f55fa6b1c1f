import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-to-text";

const PAGE = `<!doctype html>
<html><head><title>Lighthouse Notes</title><script>var menu = "<b>Home</b>";</script><style>p { color: red }</style></head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav>
  <main><article>
    <h1>Lighthouses of the Coast</h1>
    <p>The Fastnet lighthouse stands on a rock off the coast of Ireland. It was first lit in <b>1854</b>, and the tower was rebuilt in cast iron.</p>
    <h2>Keepers</h2>
    <p>Keepers lived in the tower for weeks at a time.<br>The light was automated in 1989.</p>
    <ul><li>Fastnet</li><li>Hook <em>Head</em></li></ul>
    <table><tr><th>Height</th><td>54 m</td></tr><tr><th>First lit</th><td>1854</td></tr></table>
  </article></main>
  <footer>Copyright 2024 Coast Site. <a href="/privacy">Privacy policy</a></footer>
</body></html>`;

describe("htmlToText", () => {
  const { text, title } = htmlToText(PAGE);

  it("keeps the article with its headings as Markdown lines, and the page title as its first heading", () => {
    expect(title).toBe("Lighthouse Notes");
    expect(text).toMatch(/^# Lighthouse Notes\n\n## Lighthouses of the Coast\n\nThe Fastnet lighthouse stands on a rock off the coast of Ireland\. It was first lit in 1854, and/);
    expect(text).toContain("\n\n## Keepers\n\nKeepers lived in the tower for weeks at a time. The light was automated in 1989.\n\n");
  });

  it("writes list items as `- item` lines and table rows as `Key: Value` lines", () => {
    expect(text).toContain("- Fastnet\n- Hook Head");
    expect(text).toContain("Height: 54 m\nFirst lit: 1854");
  });

  it("drops navigation, scripts, styles and the footer", () => {
    expect(text).not.toMatch(/About us|var menu|color: red|Copyright|Privacy|<b>/);
  });

  it("takes the title from the first h1 when the page has no <title>", () => {
    const page = htmlToText("<html><body><h1>Tide Tables</h1><p>High tide at Dover is at noon today, and low tide follows six hours later.</p></body></html>");
    expect(page.title).toBe("Tide Tables");
    expect(page.text).toContain("High tide at Dover is at noon today");
  });
});
