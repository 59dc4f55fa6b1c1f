// `npm start`: builds what is missing (the index, the production app), then serves on $PORT.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const dataDir = path.resolve(process.env.DATA_DIR || "data");
const port = process.env.PORT || "3000";

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// A Postgres index (INDEX_STORE=postgres) is shared by every instance: `npm run migrate` and
// `npm run ingest` build it once, not each server that starts.
if (process.env.INDEX_STORE !== "postgres" && !existsSync(path.join(dataDir, "current", "manifest.json"))) {
  console.log("No index yet: running npm run ingest first.");
  run("npm", ["run", "ingest"]);
}
if (!existsSync(path.join(".next", "BUILD_ID"))) {
  console.log("No production build yet: running next build first.");
  run("npx", ["next", "build"]);
}
run("npx", ["next", "start", "-p", port]);
