/**
 * What kind of answer a question asks for ("who" -> a person or organization, "when" -> a date) and
 * which kinds a sentence holds, so an extractive answerer can prefer sentences that can answer.
 */
import { MONTH, namedEntities } from "./named-entities";
import { wordNumber } from "./numbers";

export const ANSWER_KINDS = ["person", "place", "organization", "date", "number", "percent", "money", "reason", "purpose", "definition", "expansion"] as const;

export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** Verbs of bringing something into being: "why was X created?" asks what X is for. */
export const CREATION = "created|founded|formed|established|set up|launched|introduced|built";
/** Nouns naming what something is for. */
export const PURPOSE_NOUNS = "purposes?|aims?|goals?|objectives?";

/** Asks what something is for: "Why was X founded?", "What is X for?", "What was X's original aim?". */
const PURPOSE_QUESTION = new RegExp(
  `^why (?:was|were|is|are|did|do|does|has|have|had) .+ (?:${CREATION})\\b|^what (?:is|are|was|were) .+ for\\W*$|^what (?:is|are|was|were) (?:the )?(?:[\\w-]+ is )?(?:[\\w-]+['’]s )?(?:\\w+ )?(?:${PURPOSE_NOUNS})\\b`,
);

// Tried on the question from its wh-word on; the first match wins ("how many" before "how").
const QUESTION_RULES: [RegExp, AnswerKind[]][] = [
  [/^(?:what|which) (?:percentage|percent|proportion|share|fraction)\b|^how much of\b/, ["percent"]],
  [/^how much money\b|^how much\b.*\b(?:cost|costs|spend|spent|pay|paid|worth|budget|fund|funding|price)\b|^what (?:is|was) the (?:cost|price|budget)\b/, ["money", "number"]],
  [/^how (?:many|much|long|far|old|big|large|often)\b|^what (?:number|amount|size)\b/, ["number"]],
  [/^when\b|^(?:what|which) (?:year|years|date|month|day|decade|century|time)\b/, ["date"]],
  [/^where\b|^(?:what|which) (?:country|countries|city|cities|place|places|region|regions|continent|capital|nation|nations|town|state|states)\b/, ["place"]],
  [/^(?:what|which) (?:organi[sz]ations?|alliances?|company|companies|agency|agencies|institutions?|body|bodies|group|groups|party|parties)\b/, ["organization"]],
  [/^who(?:m|se)?\b/, ["person", "organization"]],
  [/^what (?:does|did) .+ stand for\b|^what (?:is|was) .+ (?:short for|an? (?:abbreviation|acronym) (?:of|for))\b/, ["expansion"]],
  [PURPOSE_QUESTION, ["purpose"]],
  [/^why\b|^how come\b|^what (?:reason|purpose)\b|^what (?:is|was|are|were) the (?:reasons?|purpose|causes?)\b|^what (?:caused|led to|prompted)\b|^how (?:do|does|did|is|are|was|were|can|could|would|will|has|have)\b/, ["reason"]],
  [/^what (?:does|did) .+ mean\b/, ["definition"]],
];

// The wh-word that asks: at the start of the question or of a clause ("Out of 28, how many ...",
// "... and where was it?"), not in a relative clause ("soldiers who ignore orders").
const ASKING_WORD =
  /(?:^|[,;:(]\s*|\b(?:and|but|or|so|then)\s+)(?:(?:in|on|at|by|from|to|for|since|until|till|of|with|out of)\s+)?(?=(?:what|which|who|whom|whose|when|where|why|how)\b)/;

// "What is NATO?", "What's the International Military Staff?": a name or a single word, nothing more.
const DEFINITION_QUESTION =
  /^[Ww]hat(?:'s|’s| is| are| was| were) (?:an? |the )?(?:[A-Za-z][\w-]*|[A-Z][\w'’.-]*(?: (?:of |and |for |the )?[A-Z][\w'’.-]*)*)\s*\?*$/;

/** The kinds of answer a question asks for, most likely first; [] when it does not say ("What did X target?"). */
export function questionAnswerKinds(question: string): AnswerKind[] {
  const q = question.replace(/\s+/g, " ").trim();
  if (DEFINITION_QUESTION.test(q)) return ["definition"];
  const at = ASKING_WORD.exec(q.toLowerCase());
  if (!at) return [];
  const asking = q.toLowerCase().slice(at.index + at[0].length).replace(/^(\w+)['’]s\b/, "$1 is");
  for (const [pattern, kinds] of QUESTION_RULES) if (pattern.test(asking)) return kinds;
  return [];
}

const YEAR = /\b(?:1[0-9]|20)\d\d(?:s)?\b(?!\s?(?:km|kg|m|mi|miles?|metres?|meters?|people|troops|soldiers|members|tonnes|tons)\b)/i;
const PERCENT = /\d\s?%|\b(?:per ?cent|percent|percentage)\b/i;
const MONEY = /[$£€¥]\s?\d|\b\d[\d,.]*\s?(?:bn|m|million|billion|trillion)?\s?(?:dollars|euros|pounds|yen|usd|eur|gbp)\b/i;
const NUMBER_TOKEN = /^\d[\d,.]*(?:bn|m|k|km|st|nd|rd|th)?$/;
const BECAUSE =
  /\b(?:because|due to|owing to|thanks to|as a result|as a consequence|in order to|so as to|so that|in response to|in reaction to|after|following|therefore|thus|hence|consequently|caused by|led to|resulted in|the (?:reason|purpose|aim|goal|objective) (?:of|for|is|was))\b/;

/** A stated aim, as a regex source: "<noun> … was to" ("Its primary purpose was to…"), or "<verb> (in 1994) to <verb>" ("founded to help…"). */
const statedAim = (nouns: string, verbs: string) =>
  `\\b(?:${nouns})\\b[^.;]{0,40}\\b(?:is|was|are|were) to\\b|\\b(?:${verbs}|designed|intended|meant|aims?|aimed|seeks?|sought) (?:in \\d{4} )?to \\w+`;

/** A reason, a stated aim among them. */
const REASON = new RegExp(`${BECAUSE.source}|${statedAim("(?:reason|purpose|aim|goal|objective|mission)s?", "created|formed|founded|established|set up")}`, "i");
/** What something is or was for. */
const PURPOSE = new RegExp(`${statedAim(`${PURPOSE_NOUNS}|missions?|roles?`, CREATION)}|\\b(?:in order|so as) to\\b`, "i");
const DEFINITION =
  /\b(?:is|are|was|were) (?:an?|the) \w+|\b(?:refers? to|is defined as|stands? for|means|is known as|is called)\b|^[^,]{2,60}\s[-–—(]\s?(?:the |an? )?[A-Z]/;

function hasDate(sentence: string): boolean {
  if (YEAR.test(sentence)) return true;
  const tokens = sentence.split(/[\s,;()]+/);
  // "May" and "March" are words too: a month counts when a number or "in/on/since/until" goes with it.
  return tokens.some(
    (t, i) =>
      MONTH.test(t) &&
      /^[A-Z]/.test(t) &&
      (/^\d/.test(tokens[i + 1] ?? "") || /^\d/.test(tokens[i - 1] ?? "") || /^(?:in|on|since|until|by|from|early|late|mid)$/i.test(tokens[i - 1] ?? "")),
  );
}

const MONTH_NAME = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
/** A day with its month ("4 October 2001", "October 4, 2001", "4-5 June"). */
const FULL_DATE = new RegExp(`\\b\\d{1,2}(?:[–-]\\d{1,2})? ${MONTH_NAME}\\b|\\b${MONTH_NAME} \\d{1,2}\\b(?!\\d)`);

/** Whether a sentence dates something to the day, not only to the year or month. */
export const hasFullDate = (sentence: string) => FULL_DATE.test(sentence);

/** A capitalised word that names the number after it ("Article 5", "Resolution 1199", "Defender 24"), not a possessive. */
const NAMING_WORD = /^\p{Lu}[\p{L}-]*$/u;

/** A count or measure other than a year ("12 countries", "thirty-two members", "1,340km"); not a name's number ("Article 4"). */
function hasNumber(sentence: string): boolean {
  const raw = sentence.split(/[\s()]+/);
  const tokens = raw.map((t) => t.replace(/^[^\w$£€¥]+|[^\w%]+$/g, ""));
  const named = (i: number) => i > 1 && NAMING_WORD.test(raw[i - 1]);
  return tokens.some(
    (t, i) => (NUMBER_TOKEN.test(t) && !/^(?:1[0-9]|20)\d\ds?$/.test(t) && !named(i)) || (t.toLowerCase() !== "one" && wordNumber(t) !== null),
  );
}

/** The kinds of answer a sentence can give. */
export function sentenceAnswerKinds(sentence: string): Set<AnswerKind> {
  const kinds = new Set<AnswerKind>(namedEntities(sentence).map((e) => e.kind));
  if (hasDate(sentence)) kinds.add("date");
  if (PERCENT.test(sentence)) kinds.add("percent");
  if (MONEY.test(sentence)) kinds.add("money");
  if (hasNumber(sentence)) kinds.add("number");
  if (REASON.test(sentence)) kinds.add("reason");
  if (PURPOSE.test(sentence)) kinds.add("purpose");
  if (DEFINITION.test(sentence)) kinds.add("definition");
  return kinds;
}
