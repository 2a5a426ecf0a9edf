/**
 * Term weights are stored as one byte each: a logarithmic scale from MIN_WEIGHT to MAX_WEIGHT,
 * about 4.6% apart, which is finer than any difference a ranking could show.
 */
const MIN_WEIGHT = 0.01;
const MAX_WEIGHT = 1000;
const STEP = Math.log(MAX_WEIGHT / MIN_WEIGHT) / 254;

/** The byte (1–255) that stores a weight; weights outside the scale are clamped to it. */
export function quantize(weight: number): number {
  const level = Math.round(Math.log(weight / MIN_WEIGHT) / STEP) + 1;
  return Math.min(255, Math.max(1, Number.isFinite(level) ? level : 1));
}

/** The weight a stored byte stands for. */
export function dequantize(byte: number): number {
  return MIN_WEIGHT * Math.exp((byte - 1) * STEP);
}
