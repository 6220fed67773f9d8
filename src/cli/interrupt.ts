/**
 * Ctrl-C (or a runner's SIGTERM) during a command that holds something it
 * must give back: the default for these signals ends the process at once,
 * skipping every `finally`. While a cleanup is registered, the signal runs it
 * (synchronously), prints one line and exits with 128 + the signal's number,
 * as a shell reports a process a signal ended.
 *
 * @example
 * const done = onInterrupt(() => lock.releaseNow(), (signal) => io.stderr(`interrupted (${signal})\n`));
 * try { await work(); } finally { done(); }
 */
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
type HandledSignal = keyof typeof SIGNALS;

/** Runs `cleanup` then exits if one of the signals arrives; the returned function unregisters it. */
export function onInterrupt(cleanup: () => void, report: (signal: HandledSignal) => void): () => void {
  const handlers = Object.keys(SIGNALS).map((name) => {
    const signal = name as HandledSignal;
    const handler = () => {
      cleanup();
      report(signal);
      process.exit(128 + SIGNALS[signal]);
    };
    process.once(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((remove) => remove());
}
