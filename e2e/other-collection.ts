/**
 * A second server on a corpus about something else (bees), for the browser tests: no page may lean on
 * the shipped corpus. Its own index is built first, into .tmp/. E2E_OTHER_PORT lets checkouts run side
 * by side, like E2E_PORT.
 */
const PORT = Number(process.env.E2E_PORT ?? 3107);
const OTHER_PORT = Number(process.env.E2E_OTHER_PORT ?? PORT + 1000);

export const OTHER_COLLECTION = {
  port: OTHER_PORT,
  url: `http://127.0.0.1:${OTHER_PORT}`,
  corpus: "test/fixtures/bees-corpus",
  data: `.tmp/e2e-bees-data-${OTHER_PORT}`,
};
