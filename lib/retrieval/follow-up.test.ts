import { describe, expect, it } from "vitest";
import { contextualQuery, isFollowUp } from "./follow-up";

const history = [
  { role: "user" as const, content: "How much do members spend on defence?" },
  { role: "assistant" as const, content: "At least 2% of GDP [1]." },
];

describe("isFollowUp", () => {
  it("takes ellipsis and references as follow-ups", () => {
    for (const q of ["And Sweden?", "what about Spain?", "What replaced it?", "Who chairs its meetings?", "What is that plan supposed to help with?", "Why?"]) {
      expect(isFollowUp(q, history), q).toBe(true);
    }
  });

  it("never merges a complete new question, however short", () => {
    for (const q of ["Is Sweden a member?", "Who leads NATO?", "Is there a forum where lawmakers meet?", "When did the UN pass the resolution that allowed strikes?", "How old was Stoltenberg when he took over?"]) {
      expect(isFollowUp(q, history), q).toBe(false);
    }
  });

  it("needs a conversation to follow", () => {
    expect(isFollowUp("And Sweden?", [])).toBe(false);
  });
});

describe("contextualQuery", () => {
  it("adds the last question to a follow-up only", () => {
    expect(contextualQuery("And Sweden?", history)).toBe("And Sweden? How much do members spend on defence?");
    expect(contextualQuery("Is Sweden a member?", history)).toBe("Is Sweden a member?");
  });
});
