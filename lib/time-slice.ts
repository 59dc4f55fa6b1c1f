/**
 * For long work done piece by piece on the server's one thread: call the returned function
 * between pieces. Once `sliceMs` has passed it waits for the event loop's next turn, so other
 * requests (a health check, a short question) are served in between.
 */
export function timeSlicer(sliceMs = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
