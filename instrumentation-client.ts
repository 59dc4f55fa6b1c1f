import { z } from "zod";

// Runs in the browser before the app. Zod probes whether it may compile parsers with
// `new Function`; the page's Content-Security-Policy forbids that (no 'unsafe-eval'), and the
// probe would be reported as a violation. Parsing gives the same results without it.
z.config({ jitless: true });
