import { describe, expect, it } from "vitest";
import { terms } from "./normalize";

describe("terms", () => {
  it("matches British and American spellings of a word", () => {
    expect(terms("criticised for its defence organisation")).toEqual(terms("criticized for its defense organization"));
  });

  it("drops stopwords and light-stems the rest", () => {
    expect(terms("The members joined")).toEqual(["member", "join"]);
  });
});
