import { describe, expect, it } from "vitest";
import { terms } from "./normalize";

describe("terms", () => {
  it("matches British and American spellings of a word", () => {
    expect(terms("criticised for its defence organisation")).toEqual(terms("criticized for its defense organization"));
  });

  it("reads a model name the same with or without its hyphen, and in the plural", () => {
    expect(terms("two F-16 jets")).toEqual(terms("two F16 jets"));
    expect(terms("F16s")).toEqual(terms("F-16"));
    expect(terms("the mid-1990s")).toEqual(["mid", "1990s"]);
  });

  it("drops stopwords and light-stems the rest", () => {
    expect(terms("The members joined")).toEqual(["member", "join"]);
  });
});
