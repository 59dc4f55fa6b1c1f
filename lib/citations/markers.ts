/**
 * Rewriting [n] citation markers, also while the text streams in.
 *
 * A language model cites passages by their number in the prompt; the answer must cite
 * citations numbered 1..m in order of first use. Deciding a marker's final number needs only
 * the markers before it, so markers can be rewritten as they arrive and the streamed text is
 * already the final text: no number shown to the user ever changes afterwards.
 */

/** A marker's number has 1 to 4 digits: "[12345]" is text wherever markers are read or rewritten. */
const NUMBER = String.raw`\d{1,4}`;

/** A numbered marker as answers carry it, "[3]": the source of every pattern that finds one. */
export const NUMBERED_MARKER = String.raw`\[${NUMBER}\]`;

/** One complete marker as a model may write it: "[3]", "[1, 2]", "[1;2]", "[Passage 2]", "[passages 1, 3]". */
const NAMED = String.raw`(?:(?:passages?|sources?)\s*)?`;
const MARKER = new RegExp(String.raw`^\[\s*${NAMED}(${NUMBER}(?:\s*[,;]\s*${NAMED}${NUMBER})*)\s*\]$`, "i");
/** What the inside of an unfinished marker may hold; anything else is ordinary text. */
const PARTIAL = /^\[[\s\d,;a-z]*$/i;
const MAX_MARKER_CHARS = 48;
/** After a dropped marker, the space before it goes when punctuation or space follows. */
const CLOSES = /[\s.,;:!?)\]]/;

/** Maps a marker's number to the number it gets in the output, or null to drop it. */
export type ResolveMarker = (n: number) => number | null;

export class MarkerRewriter {
  /** An unfinished "[..." held back until it is known to be a marker or not. */
  private pending = "";
  /** Whitespace held back: it is dropped with a marker that turns out to point nowhere. */
  private space = "";
  private afterDropped = false;

  constructor(private readonly resolve: ResolveMarker) {}

  /** Feeds a piece of text; returns what can be written out now. */
  push(delta: string): string {
    let out = "";
    for (const ch of delta) out += this.next(ch);
    return out;
  }

  /** Flushes whatever was held back at the end of the text. */
  end(): string {
    const out = this.space + this.pending;
    this.space = "";
    this.pending = "";
    this.afterDropped = false;
    return out;
  }

  private next(ch: string): string {
    if (this.pending) return this.inMarker(ch);
    if (ch === "[") {
      this.pending = ch;
      return "";
    }
    if (this.afterDropped && CLOSES.test(ch)) this.space = "";
    this.afterDropped = false;
    if (/\s/.test(ch)) {
      this.space += ch;
      return "";
    }
    return this.flushSpace() + ch;
  }

  private inMarker(ch: string): string {
    this.pending += ch;
    if (ch === "]") return this.finishMarker();
    if (PARTIAL.test(this.pending) && this.pending.length <= MAX_MARKER_CHARS) return "";
    // Not a marker after all ("[citation needed" is fine, "[a-b" is not): it is plain text.
    const text = this.pending;
    this.pending = "";
    return this.flushSpace() + text;
  }

  private finishMarker(): string {
    const text = this.pending;
    this.pending = "";
    const match = MARKER.exec(text);
    if (!match) return this.flushSpace() + text;
    const numbers: number[] = [];
    for (const raw of match[1].match(/\d+/g) ?? []) {
      const n = this.resolve(Number(raw));
      if (n !== null && !numbers.includes(n)) numbers.push(n);
    }
    if (!numbers.length) {
      this.afterDropped = true;
      return "";
    }
    return this.flushSpace() + numbers.map((n) => `[${n}]`).join(" ");
  }

  /** Called whenever text is written: held space goes out first. */
  private flushSpace(): string {
    const s = this.space;
    this.space = "";
    this.afterDropped = false;
    return s;
  }
}

/** Rewrites every marker of a finished text. */
export function rewriteMarkers(text: string, resolve: ResolveMarker): string {
  const rewriter = new MarkerRewriter(resolve);
  return rewriter.push(text) + rewriter.end();
}

const MARKERS = new RegExp(NUMBERED_MARKER, "g");
const SPACED_MARKERS = new RegExp(String.raw`\s*${NUMBERED_MARKER}`, "g");
const ONLY_MARKERS = new RegExp(String.raw`^(${NUMBERED_MARKER}\s*)+$`);

/** Marker numbers in order of appearance, repeats included. */
export function markersIn(answer: string): number[] {
  return [...answer.matchAll(MARKERS)].map((m) => Number(m[0].slice(1, -1)));
}

/** The text with its [n] markers (and the space before them) removed, for matching and prompts. */
export function stripMarkers(text: string): string {
  return text.replace(SPACED_MARKERS, "");
}

/** Whether a text is nothing but markers ("[2] [3]"). */
export function isOnlyMarkers(text: string): boolean {
  return ONLY_MARKERS.test(text);
}
