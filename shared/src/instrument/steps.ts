/**
 * Long statistics (bootstraps) are written as generators that pause every few resamples, so a
 * server can serve other requests between the pauses; `drain` runs one to its end at once.
 * The result is the same either way.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end without pausing and returns its result. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
