import { describe, expect, it } from "vitest";
import { infoboxKey, sameInfoboxEntry } from "./prose";

describe("sameInfoboxEntry", () => {
  it("pairs the halves of one infobox entry", () => {
    expect(sameInfoboxEntry("- Leader Title2: Chair of the Military Committee", "- Leader Name2: Giuseppe Cavo Dragone")).toBe(true);
    expect(sameInfoboxEntry("- Expenses: 4.6 billion", "- Expenses Year: 2025")).toBe(true);
  });

  it("keeps apart entries of another number or subject, a key with itself, and prose", () => {
    expect(sameInfoboxEntry("- Leader Name: Mark Rutte", "- Leader Title2: Chair of the Military Committee")).toBe(false);
    expect(sameInfoboxEntry("- Headquarters: Brussels", "- Languages: English, French")).toBe(false);
    expect(sameInfoboxEntry("- Leader Name: Mark Rutte", "- Leader Name: Jens Stoltenberg")).toBe(false);
    expect(sameInfoboxEntry("- Leader Name: Mark Rutte", "Mark Rutte leads the alliance.")).toBe(false);
  });
});

describe("infoboxKey", () => {
  it("reads the key of an infobox list item, not a headline's words before a colon", () => {
    expect(infoboxKey("- Leader Title2: Chair of the Military Committee")).toBe("Leader Title2");
    expect(infoboxKey("The alliance showed unity: on 16 April 2003, NATO agreed to take command.")).toBeNull();
  });
});
