import { describe, expect, it } from "vitest";
import { questionFocus } from "./question-focus";

describe("questionFocus", () => {
  it("names the thing a wh-phrase asks about", () => {
    expect(questionFocus("How many troops took part in the exercise?")).toEqual(["troops"]);
    expect(questionFocus("Which party did she lead?")).toEqual(["party"]);
    expect(questionFocus("What medal did the army start awarding?")).toEqual(["medal"]);
  });

  it("skips a possessor and a contraction", () => {
    expect(questionFocus("What is KFOR's yearly budget?")).toEqual(["budget"]);
    expect(questionFocus("What's the monthly allowance for the internship programme?")).toEqual(["allowance"]);
  });

  it("leaves out words that name only the kind of answer", () => {
    expect(questionFocus("What year was the pact widened?")).toEqual([]);
    expect(questionFocus("What percentage of voters agreed?")).toEqual([]);
  });

  it("is empty when the question names no thing to ask about", () => {
    expect(questionFocus("Who leads the alliance?")).toEqual([]);
    expect(questionFocus("When did Spain join?")).toEqual([]);
    expect(questionFocus("Why did France leave?")).toEqual([]);
  });
});
