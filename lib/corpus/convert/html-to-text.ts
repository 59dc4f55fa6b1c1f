import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { collapseWhitespace } from "@/lib/text/normalize";
import type { ConvertedText } from "./converted";

/** Elements whose text is never content: code, forms, media, and the page's own navigation. */
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "CANVAS", "IFRAME", "OBJECT", "HEAD", "NAV", "BUTTON", "SELECT", "INPUT", "TEXTAREA"]);
const LISTS = new Set(["UL", "OL"]);
const HEADING = /^H([1-6])$/;
const BLOCKS = new Set([
  "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "ASIDE", "BLOCKQUOTE", "PRE", "FIGURE", "FIGCAPTION",
  "DL", "DT", "DD", "ADDRESS", "DETAILS", "SUMMARY", "FORM", "FIELDSET", "BODY", "HTML", "CENTER", "HR", "LI", "TR", "TD", "TH",
]);

/**
 * Blocks of lines, written in the conventions the rest of the pipeline reads (lib/text/sections.ts):
 * a heading is a Markdown `#` line, a list item a `- item` line, a table row a `Cell: Cell` line.
 * Blocks are separated by a blank line, the lines of one list or table by a line break.
 */
class BlockWriter {
  readonly blocks: string[][] = [];
  private inline = "";

  text(text: string): void {
    this.inline += text;
  }

  /** Ends the paragraph being gathered, if it holds any text. */
  flush(): void {
    const line = collapseWhitespace(this.inline);
    this.inline = "";
    if (line) this.blocks.push([line]);
  }

  block(lines: string[]): void {
    this.flush();
    const kept = lines.filter(Boolean);
    if (kept.length) this.blocks.push(kept);
  }
}

/** The raw text of a node: skipped elements (and nested lists, when asked) left out, breaks made spaces. */
function rawText(node: Node, skipLists: boolean): string {
  let out = "";
  for (const child of node.childNodes) {
    if (child.nodeType === 3) out += child.textContent ?? "";
    else if (child.nodeType === 1) {
      const tag = (child as Element).tagName;
      if (SKIPPED.has(tag) || (skipLists && LISTS.has(tag))) continue;
      out += tag === "BR" || BLOCKS.has(tag) ? ` ${rawText(child, skipLists)} ` : rawText(child, skipLists);
    }
  }
  return out;
}

/** The visible text of an element on one line. */
function inlineText(node: Node, skipLists = false): string {
  return collapseWhitespace(rawText(node, skipLists));
}

/** `- item` lines for every item of a list, nested lists flattened into the same lines. */
function listLines(list: Element): string[] {
  const lines: string[] = [];
  for (const item of list.querySelectorAll("li")) {
    const text = inlineText(item, true);
    if (text) lines.push(`- ${text}`);
  }
  return lines;
}

function tableLines(table: Element): string[] {
  return [...table.querySelectorAll("tr")].map((row) =>
    [...row.children]
      .filter((cell) => cell.tagName === "TD" || cell.tagName === "TH")
      .map((cell) => inlineText(cell))
      .filter(Boolean)
      .join(": "),
  );
}

function walk(node: Node, out: BlockWriter): void {
  for (const child of node.childNodes) {
    if (child.nodeType === 3) {
      out.text(child.textContent ?? "");
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.tagName;
    const level = Number(HEADING.exec(tag)?.[1] ?? 0);
    if (SKIPPED.has(tag)) continue;
    else if (level) out.block([inlineText(element) && `${"#".repeat(level)} ${inlineText(element)}`]);
    else if (LISTS.has(tag)) out.block(listLines(element));
    else if (tag === "TABLE") out.block(tableLines(element));
    else if (tag === "BR") out.text(" ");
    else if (BLOCKS.has(tag)) {
      out.flush();
      walk(element, out);
      out.flush();
    } else walk(element, out);
  }
}

/** The text of an HTML fragment or body, every element of it kept: for converted DOCX files. */
export function htmlContentToText(root: Node): string {
  const out = new BlockWriter();
  walk(root, out);
  out.flush();
  return out.blocks.map((lines) => lines.join("\n")).join("\n\n");
}

/** Parses HTML into a document (linkedom: no browser, no script runs). */
export function parseHtmlDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/**
 * A web page's main content: Readability drops navigation, sidebars and boilerplate, and keeps
 * the article with its headings. The page's title (its <title>, or its first h1) heads the text.
 */
export function htmlToText(html: string): ConvertedText {
  const document = parseHtmlDocument(html);
  const h1 = document.querySelector("h1");
  const pageTitle = collapseWhitespace(document.title ?? "") || (h1 ? inlineText(h1) : "");
  const article = new Readability<Node>(document.cloneNode(true) as Document, { serializer: (node) => node, charThreshold: 0 }).parse();
  const body = article?.content ?? document.body;
  const text = body ? htmlContentToText(body) : "";
  const title = collapseWhitespace(article?.title ?? "") || pageTitle || null;
  // Readability turns h1 into h2; the title line puts the document's level-1 heading back.
  const headed = title && text && !text.startsWith("# ") ? `# ${title}\n\n${text}` : text;
  return { text: headed, title };
}
