/**
 * Asynchronous work over a list with a few items under way at once and the
 * results handed on in list order: the disk or a worker thread works on the
 * next items while the caller handles this one, and output stays as
 * deterministic as a plain loop's.
 *
 * @example
 * for await (const text of inOrder(files, 8, (file) => workspace.readTextIfExists(file))) …
 */
export async function* inOrder<T, R>(items: readonly T[], ahead: number, work: (item: T, index: number) => Promise<R>): AsyncGenerator<R> {
  const started: Array<Promise<R>> = [];
  const start = (index: number) => {
    if (index >= items.length) return;
    const result = work(items[index]!, index);
    // A failure ahead of the one awaited is thrown when its turn comes, not reported as unhandled first.
    result.catch(() => {});
    started[index] = result;
  };
  for (let index = 0; index < Math.min(ahead, items.length); index++) start(index);
  for (let index = 0; index < items.length; index++) {
    const result = await started[index]!;
    // Dropped once handed on, so a long run holds only the items under way.
    delete started[index];
    start(index + ahead);
    yield result;
  }
}
