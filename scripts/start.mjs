// `npm start`: brings the index up to date with corpus/ and builds the app when missing, then serves on $PORT.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const dataDir = path.resolve(process.env.DATA_DIR || "data");
const port = process.env.PORT || "3000";

function run(command, args) {
  return spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" }).status;
}

function runOrExit(command, args) {
  const status = run(command, args);
  if (status !== 0) process.exit(status ?? 1);
}

// A Postgres index (INDEX_STORE=postgres) is shared by every instance: `npm run migrate` and
// `npm run ingest` build it once, not each server that starts. A files index is brought up to date
// here, only when corpus/ differs from what it was built from (it says so), incrementally.
if (process.env.INDEX_STORE !== "postgres" && run("npm", ["run", "-s", "ingest", "--", "--if-changed"]) !== 0) {
  if (!existsSync(path.join(dataDir, "current", "manifest.json"))) process.exit(1);
  console.warn("Serving the index built before: fix the files named above and run npm run ingest.");
}
if (!existsSync(path.join(".next", "BUILD_ID"))) {
  console.log("No production build yet: running next build first.");
  runOrExit("npx", ["next", "build"]);
}
runOrExit("npx", ["next", "start", "-p", port]);
