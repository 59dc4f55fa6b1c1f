import { constants } from "node:fs";
import fs from "node:fs/promises";

// O_NOFOLLOW: a symbolic link is refused (ELOOP), never followed out of the corpus folder, even
// one swapped in after the folder was listed. O_NONBLOCK: opening a FIFO does not hang.
const FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Opens a file of the corpus folder without following links; the caller closes it. */
export function openCorpusFile(file: string): Promise<fs.FileHandle> {
  return fs.open(file, FLAGS);
}
