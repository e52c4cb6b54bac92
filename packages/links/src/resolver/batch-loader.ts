/**
 * Turns single look-ups into batched ones: every code asked for in the same tick of the event
 * loop is read with ONE query (`WHERE code IN (…)`). Under load, cache misses arrive many per
 * tick, and the fixed cost of a query (ORM, driver, round trip) dominates the cost of a row.
 */
export function batchLoader<T>(
  loadMany: (keys: string[]) => Promise<Map<string, T>>,
  maxBatch = 500,
): (key: string) => Promise<T | null> {
  let queue = new Map<
    string,
    { resolve: (value: T | null) => void; reject: (error: unknown) => void }[]
  >();
  let scheduled = false;

  function dispatch() {
    scheduled = false;
    const batch = queue;
    queue = new Map();
    const keys = [...batch.keys()];
    for (let start = 0; start < keys.length; start += maxBatch) {
      const slice = keys.slice(start, start + maxBatch);
      loadMany(slice).then(
        (found) => {
          for (const key of slice)
            for (const waiter of batch.get(key) ?? []) waiter.resolve(found.get(key) ?? null);
        },
        (error: unknown) => {
          for (const key of slice) for (const waiter of batch.get(key) ?? []) waiter.reject(error);
        },
      );
    }
  }

  return (key) =>
    new Promise<T | null>((resolve, reject) => {
      const waiters = queue.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else queue.set(key, [{ resolve, reject }]);
      if (!scheduled) {
        scheduled = true;
        setImmediate(dispatch);
      }
    });
}
