import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask } from "@/lib/engine/ask";
import type { Engine } from "@/lib/engine/engine";
import { collectionOf, type Collection } from "./collection";

/** A page with a wiki infobox and the leftovers of a flattened web page (a button label, headings). */
const ASSOCIATION = `# British Beekeepers Association

- Type: Charity
- Headquarters: Stoneleigh, Warwickshire
- Leader Title: President
- Leader Name: Anne Rowberry
- Leader Title2: Chair of the Trustees
- Leader Name2: Diane Drinkwater

The British Beekeepers Association speaks for the beekeepers of England and Wales.
The president of the association leads its annual convention, which opens each April.
Close
Education and courses
The association runs exam modules for beekeepers at every level, from basic to master.
Its members keep about 100,000 colonies between them.
`;

let collection: Collection;
let engine: Engine;
beforeAll(async () => {
  collection = await collectionOf({ "bbka.md": ASSOCIATION });
  await collection.ingest();
  engine = await collection.engine();
});
afterAll(() => collection.remove());

const firstClaim = (answer: string) => answer.split(/\[\d+\]/)[0];

describe("infobox facts", () => {
  it("answers who leads with the infobox's leader, the title of the entry along", async () => {
    const response = await ask({ question: "Who leads the British Beekeepers Association?" }, engine, { llm: null });
    expect(firstClaim(response.answer)).toMatch(/Leader Title: President\s+- Leader Name: Anne Rowberry/);
  });

  it("answers with the entry whose title the question names", async () => {
    const response = await ask({ question: "Who is the chair of the trustees?" }, engine, { llm: null });
    expect(response.answer).toMatch(/Diane Drinkwater/);
  });

  it("answers who holds a post from the entry that names the post", async () => {
    const response = await ask({ question: "Who is the president of the association?" }, engine, { llm: null });
    expect(firstClaim(response.answer)).toMatch(/Anne Rowberry/);
  });

  it("never cites a page's button label or a heading as a claim", async () => {
    const response = await ask({ question: "What exam modules does the association run?" }, engine, { llm: null });
    expect(response.answered).toBe(true);
    expect(response.answer).toMatch(/exam modules/);
    expect(response.answer).not.toMatch(/Close|Education and courses/);
  });
});
