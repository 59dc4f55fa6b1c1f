/** Telling running prose from page furniture (menus, link lists) in text flattened from HTML. */

/** Navigation text: long runs of capitalised items with hardly a comma. */
export function isMenu(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  const commas = (text.match(/,/g) ?? []).length;
  return text.length > 80 && capitalised > words.length * 0.5 && commas < words.length / 15;
}

/** Questions in a document are headings ("Why is Ukraine not in Nato?"), not answers. */
export function isQuestion(text: string): boolean {
  return /\?["”’)]?$/.test(text);
}

/**
 * An infobox line's key ("Leader Title2" of "- Leader Title2: Chair of the Military Committee"), or
 * null. Infobox lines are list items: a headline with a colon ("The NAC: at the heart of NATO",
 * "The alliance showed unity: on 16 April…") is not one.
 */
export function infoboxKey(text: string): string | null {
  return /^\s*[-*•]\s+(\p{Lu}[\p{L}\d ]{1,30}):\s/u.exec(text)?.[1] ?? null;
}

/** What an infobox entry is about: its key's first word without the entry's number ("Leader" of "Leader Name2"). */
export const infoboxHead = (key: string) => key.split(" ")[0].replace(/\d+$/, "");

/**
 * Whether two infobox lines are halves of one entry ("Leader Title2: …" and "Leader Name2: …",
 * "Expenses: …" and "Expenses Year: …"): keys with the same head and number, not the same key.
 */
export function sameInfoboxEntry(lineA: string, lineB: string): boolean {
  const [a, b] = [infoboxKey(lineA), infoboxKey(lineB)];
  if (a === null || b === null || a === b) return false;
  const entry = (key: string) => `${infoboxHead(key)} ${/\d*$/.exec(key)![0]}`;
  return entry(a) === entry(b);
}
