/**
 * Whether a text spells out an acronym ("North Atlantic Treaty Organization" for NATO): what
 * "What does NATO stand for?" asks, whatever words the question and the text share.
 */

// Short words a name skips when it is shortened ("Organisation *for* Security *and* Co-operation").
const SKIPPED = new Set(["of", "and", "the", "for", "de", "du", "la", "on", "in", "&"]);

/** The acronyms a question may ask about: its words of two to eight letters (people type "nato" too). */
export function acronymCandidates(question: string): string[] {
  return [...new Set(question.match(/\b\p{L}{2,8}\b/gu) ?? [])].map((w) => w.toUpperCase());
}

/** Whether the text holds capitalised words whose initials, in a row, spell `acronym`. */
export function spellsOut(text: string, acronym: string): boolean {
  const words = text.split(/[\s/]+/).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "")).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    let k = 0;
    for (let j = i; j < words.length && k < acronym.length; j++) {
      const w = words[j];
      if (k > 0 && SKIPPED.has(w.toLowerCase())) continue;
      if (!/^\p{Lu}/u.test(w) || w[0].toUpperCase() !== acronym[k]) break;
      k++;
    }
    if (k === acronym.length) return true;
  }
  return false;
}
