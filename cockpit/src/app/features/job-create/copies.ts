import { wholeNumber } from './dispatch-options';

/**
 * How many jobs alike the "New job" form creates in one go: a fleet is handed work by the dozen, and a queue (and its
 * priorities) can only be seen when more jobs wait than agents are free. Each copy is its own job with its own
 * document set; they are created one after the other, so they queue oldest first in the order they were made.
 */
export const COPIES_RANGE = { min: 1, max: 50 } as const;

/** The copies typed, or null when that is not a whole number in {@link COPIES_RANGE}; empty means one. */
export function checkCopies(text: string): number | null {
  const n = text.trim() === '' ? 1 : wholeNumber(text);
  return n !== null && n >= COPIES_RANGE.min && n <= COPIES_RANGE.max ? n : null;
}
