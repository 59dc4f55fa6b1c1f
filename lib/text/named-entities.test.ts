import { describe, expect, it } from "vitest";
import { namedEntities } from "./named-entities";

const kindsOf = (text: string) => Object.fromEntries(namedEntities(text).map((e) => [e.text, e.kind]));

describe("namedEntities", () => {
  it("finds people, places and organizations without trailing punctuation", () => {
    expect(kindsOf("Speaking in Brussels, President Joe Biden said the United Nations must act.")).toEqual({
      "Joe Biden": "person",
      Brussels: "place",
      "United Nations": "organization",
    });
  });

  it("splits lists of places and drops possessives", () => {
    const entities = kindsOf("Russia's neighbours Finland, Norway, Estonia and Latvia objected.");
    expect(entities).toMatchObject({ Russia: "place", Finland: "place", Norway: "place", Estonia: "place", Latvia: "place" });
  });

  it("knows a person by their title", () => {
    expect(kindsOf("Foreign Minister Dmytro Kuleba briefed the allies.")).toEqual({ "Dmytro Kuleba": "person" });
  });

  it("does not take a month for a place", () => {
    expect(kindsOf("In August, two ships reached Poland.")).toEqual({ Poland: "place" });
  });

  it("finds nothing in plain prose", () => {
    expect(namedEntities("Members agree to help defend each other.")).toEqual([]);
  });
});
