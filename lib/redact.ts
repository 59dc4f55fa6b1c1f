const KEY_LIKE = /\b(?:sk|key|api[-_]?key)[-_][A-Za-z0-9_*.-]{4,}/gi;

/** Removes the configured keys, and anything shaped like a key, from text about to be logged or shown. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join("[redacted]");
  return out.replace(KEY_LIKE, "[redacted]");
}
