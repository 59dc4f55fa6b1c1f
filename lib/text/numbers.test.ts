import { describe, expect, it } from "vitest";
import { numbersIn } from "./numbers";

describe("numbersIn", () => {
  it("reads digits and number words", () => {
    expect([...numbersIn("In 1,000 cases, thirty-two members and 2.5% on 5 May 1982,")].sort((a, b) => a - b)).toEqual([2.5, 5, 32, 1000, 1982]);
  });
});
