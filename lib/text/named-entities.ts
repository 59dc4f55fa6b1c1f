/** People, places and organizations a text names, found by compromise's offline lexicon and tagger. */
import nlp from "compromise";

export type EntityKind = "person" | "place" | "organization";
export type NamedEntity = { text: string; kind: EntityKind };

// Punctuation, dashes and possessives that compromise leaves on a match ("Russia's", "Nato -", "Ukraine.\"").
const EDGE = /^[\s"“”'‘’([{\-–—]+|(?:'s|’s)?[\s"“”'‘’)\]},.;:!?\-–—]*$/g;
const LEADING_LOWER_WORDS = /^(?:[a-z][\w-]*\s+)+/; // "general Mark Rutte" from "secretary-general Mark Rutte"

function clean(match: string): string {
  const text = match.replace(EDGE, "").replace(LEADING_LOWER_WORDS, "");
  // Keep the full stop of an abbreviation ("the U.S.").
  return /(?:^|\.)[A-Z]$/.test(text) && match.includes(`${text}.`) ? `${text}.` : text;
}

// compromise tags a sentence-initial month as a place ("In August, ...").
export const MONTH =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;

const NOT_A_NAME = "(#Actor|#Place|#Organization|#Demonym|#Honorific)";
// Words compromise takes for a whole name ("Secretary General", "How", "Peace").
const NOT_A_PERSON = /^(?:general|secretary|minister|president|chair(?:man)?|commander|envoy|title|name|how|what|peace|war)$/i;

const cache = new Map<string, NamedEntity[]>();
const CACHE_LIMIT = 5000;

/** The distinct entities a text names, in order of kind then appearance; lists ("Belgium, Canada") come apart. */
export function namedEntities(text: string): NamedEntity[] {
  const cached = cache.get(text);
  if (cached) return cached;
  const doc = nlp(text);
  const found: NamedEntity[] = [];
  const add = (kind: EntityKind, matches: string[]) => {
    for (const m of matches) {
      const t = clean(m);
      if (!/\p{Lu}/u.test(t) || MONTH.test(t) || (kind === "person" && NOT_A_PERSON.test(t))) continue;
      if (!found.some((e) => e.text === t)) found.push({ text: t, kind });
    }
  };
  // A name the tagger takes for both is more often a place ("Canada sent ...").
  add("place", doc.places().not("#Date").splitAfter("@hasComma").out("array"));
  add("person", doc.people().not("#Honorific").splitAfter("@hasComma").out("array"));
  // Names the lexicon lacks, known by their title: "Colonel Gaddafi", "Foreign Minister Dmytro Kuleba".
  add("person", doc.match("(#Honorific|#Actor) [#ProperNoun+]", 0).splitAfter("@hasComma").not(NOT_A_NAME).out("array"));
  add("organization", doc.organizations().splitAfter("@hasComma").out("array"));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, found);
  return found;
}
