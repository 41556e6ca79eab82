/** Outcome of a `validate…` identifier check: either valid, or a Chinese message saying what is wrong. */
export type ValidationResult = { ok: true } | { ok: false; message: string }
