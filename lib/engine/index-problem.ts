import { isIndexProblem } from "./engine";

/** For pages: an index that is missing or outdated is said on the page (run `npm run ingest`); anything else is thrown on. */
export function indexProblem(error: unknown): { problem: string } {
  if (isIndexProblem(error)) return { problem: error.message };
  throw error;
}
