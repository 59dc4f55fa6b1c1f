/** pgvector's text form of a vector; JavaScript prints each float32 exactly, so the stored vector is the same. */
export const toPgVector = (v: Float32Array | number[]) => `[${Array.from(v).join(",")}]`;

/** The vector column's width (migrations/001_index.sql). */
export const PG_DIMENSIONS = 512;

/**
 * Copies a vector in pgvector's binary form (vector_send: dimensions and a reserved word as 16-bit
 * integers, then big-endian float32s) into `out` at `offset`: a quarter of the text form's bytes
 * and no number parsing, for loading every sentence vector.
 */
export function readPgVector(bytes: Buffer, out: Float32Array, offset: number): void {
  const dimensions = bytes.readUInt16BE(0);
  for (let i = 0; i < dimensions; i++) out[offset + i] = bytes.readFloatBE(4 + 4 * i);
}
