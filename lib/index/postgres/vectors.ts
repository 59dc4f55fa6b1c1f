/** pgvector's text form of a vector; JavaScript prints each float32 exactly, so the stored vector is the same. */
export const toPgVector = (v: Float32Array | number[]) => `[${Array.from(v).join(",")}]`;

/** The vector column's width (migrations/001_index.sql). */
export const PG_DIMENSIONS = 512;
