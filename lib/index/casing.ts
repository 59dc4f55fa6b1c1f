/** Words the documents write capitalised, and words they also write in lower case. */
export type WordCasing = { add(text: string): void; onlyCapitalised(word: string): boolean };

export function wordCasing(): WordCasing {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  return {
    add(text) {
      for (const [word] of text.matchAll(/\p{L}[\p{L}\p{N}’']*/gu)) (/^\p{Lu}/u.test(word) ? capitalised : lower).add(word.toLowerCase());
    },
    onlyCapitalised(word) {
      const w = word.toLowerCase();
      return capitalised.has(w) && !lower.has(w);
    },
  };
}
