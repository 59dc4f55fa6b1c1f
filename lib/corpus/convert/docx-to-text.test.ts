import { describe, expect, it } from "vitest";
import { docx } from "@/test/fixtures/write-documents";
import { docxToText } from "./docx-to-text";

describe("docxToText", () => {
  it("writes headings, paragraphs, lists and tables in the Markdown conventions, titled by the first heading", async () => {
    const file = await docx([
      { heading: "Orchard Guide" },
      { paragraph: "Apples grow on trees. They ripen in autumn." },
      { heading: "Varieties", level: 2 },
      { bullets: ["Braeburn", "Gala"] },
      { table: [["Tree", "Height"], ["Apple", "4 m"]] },
    ]);
    expect(await docxToText(file)).toEqual({
      title: "Orchard Guide",
      text: "# Orchard Guide\n\nApples grow on trees. They ripen in autumn.\n\n## Varieties\n\n- Braeburn\n- Gala\n\nTree: Height\nApple: 4 m",
    });
  });

  it("refuses a file that is not a Word document", async () => {
    expect(await docxToText(new TextEncoder().encode("PK not a zip"))).toEqual({ problem: expect.stringMatching(/not a readable DOCX file/) });
  });
});
