import { describe, expect, it } from "vitest";
import { hasFullDate, questionAnswerKinds, sentenceAnswerKinds } from "./answer-kinds";

describe("questionAnswerKinds", () => {
  it.each([
    ["Who leads the alliance?", ["person", "organization"]],
    ["Where is the company based?", ["place"]],
    ["Which countries signed the treaty?", ["place"]],
    ["When was the organization founded?", ["date"]],
    ["In what year did Spain join?", ["date"]],
    ["Since when has the group met?", ["date"]],
    ["How many members does it have?", ["number"]],
    ["Out of 28 members, how many took part?", ["number"]],
    ["How much did the summit cost?", ["money", "number"]],
    ["What percentage of voters agreed?", ["percent"]],
    ["Why did France leave the command?", ["reason"]],
    ["How does the council make decisions?", ["reason"]],
    ["Why was the league founded?", ["purpose"]],
    ["What is the treaty for?", ["purpose"]],
    ["What was the league's original aim?", ["purpose"]],
    ["What is the purpose of the council?", ["purpose"]],
    ["What was the turning point of the war?", []],
    ["Which organization runs the programme?", ["organization"]],
    ["What is NATO?", ["definition"]],
    ["What does NATO stand for?", ["expansion"]],
    ["What is OSCE short for?", ["expansion"]],
    ["What does collective defence mean?", ["definition"]],
    ["What's the International Military Staff?", ["definition"]],
    ["Has the summit happened yet, and where was it?", ["place"]],
  ])("%s -> %j", (question, kinds) => {
    expect(questionAnswerKinds(question)).toEqual(kinds);
  });

  it.each([
    "What did the operation target?",
    "What is the tallest mountain in Africa?",
    "Can a general discipline soldiers who ignore orders?",
    "Is there a forum where lawmakers meet?",
    "Write a poem about cats.",
  ])("asks for no particular kind: %s", (question) => {
    expect(questionAnswerKinds(question)).toEqual([]);
  });
});

describe("sentenceAnswerKinds", () => {
  const kinds = (sentence: string) => [...sentenceAnswerKinds(sentence)].sort();

  it("sees dates, counts and places", () => {
    expect(kinds("The alliance was formed in 1949 by 12 countries, including Canada and Italy.")).toEqual(["date", "number", "place"]);
  });

  it("sees a month with a day or year as a date, but not the verb 'may'", () => {
    expect(sentenceAnswerKinds("The talks began on 4 March.").has("date")).toBe(true);
    expect(sentenceAnswerKinds("Members may leave at any time.").has("date")).toBe(false);
  });

  it("does not count a year as a quantity", () => {
    expect(sentenceAnswerKinds("It happened in 1999.").has("number")).toBe(false);
    expect(sentenceAnswerKinds("Thirty-two members agreed.").has("number")).toBe(true);
    // A number that names something is not a count: "Article 4", "Resolution 1199".
    expect(sentenceAnswerKinds("Several countries again invoked Article 4.").has("number")).toBe(false);
    expect(sentenceAnswerKinds("The council passed Resolution 1199 on Tuesday.").has("number")).toBe(false);
    expect(sentenceAnswerKinds("In 32 countries the law and NATO's 32 members agree.").has("number")).toBe(true);
  });

  it("sees percentages and money", () => {
    expect(kinds("Spending reached 2% of GDP, or $100bn.")).toEqual(expect.arrayContaining(["percent", "money"]));
  });

  it("sees reasons and definitions", () => {
    expect(sentenceAnswerKinds("The plan was delayed because the vote failed.").has("reason")).toBe(true);
    expect(sentenceAnswerKinds("The council is a body that sets goals.").has("definition")).toBe(true);
    expect(sentenceAnswerKinds("Ships patrolled the coast.").has("reason")).toBe(false);
    // A purpose is a reason too: "why was it set up?" is answered by what it was set up to do.
    expect(sentenceAnswerKinds("Its primary purpose was to block expansion in Europe.").has("reason")).toBe(true);
    expect(sentenceAnswerKinds("The league was founded in 1920 to keep the peace.").has("reason")).toBe(true);
    expect(sentenceAnswerKinds("The league was founded in 1920 in Geneva.").has("reason")).toBe(false);
  });

  it("sees a stated purpose, not any reason", () => {
    expect(sentenceAnswerKinds("Its primary purpose, at first, was to block expansion in Europe.").has("purpose")).toBe(true);
    expect(sentenceAnswerKinds("The league was founded in 1920 to keep the peace.").has("purpose")).toBe(true);
    expect(sentenceAnswerKinds("The plan was delayed because the vote failed.").has("purpose")).toBe(false);
    expect(sentenceAnswerKinds("The league was founded in 1920 in Geneva.").has("purpose")).toBe(false);
  });

  it("sees people and organizations", () => {
    expect(kinds("President Joe Biden addressed the United Nations.")).toEqual(expect.arrayContaining(["person", "organization"]));
  });
});

describe("hasFullDate", () => {
  it("sees a day with its month, not a month or year alone", () => {
    expect(hasFullDate("confirmed on 4 October 2001")).toBe(true);
    expect(hasFullDate("on October 4, 2001")).toBe(true);
    expect(hasFullDate("in October 2001")).toBe(false);
    expect(hasFullDate("in 2001")).toBe(false);
  });
});
