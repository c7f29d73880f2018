// The page's long jobs (training, the lab's runs, the gradient check; each view's are in
// its meta.js), written once for any place that runs them: a Web Worker (jobs/worker.js)
// or, if no worker can start, the page in slices (jobs/run.js). A job owns its own engine
// objects, starts from settings (never from a page object), and hands back plain data the
// page adopts: so the same seed gives the same numbers wherever it runs.
//
// A job is {part, start(wasm, payload, cache) → state, step(state, n) → progress,
// result(state) → result}: `part` names the engine module it runs on (its view's, added by
// views/index.js), and `wasm` is that module's exports. `progress.done` ends it. `cache`
// keeps engine objects between jobs (training again continues from where it stopped);
// this module holds the two ways a job takes one from it.

/** The session in `cache` under `name` for `key`, made by `make` if it is not there. */
export function cached(cache, name, key, make) {
  const entry = cache.get(name);
  if (entry && entry.key === key) return entry.value;
  // Out of the cache before it is freed: if `make` throws (a text the engine refuses), the
  // next job must not find, and free again, an object that is gone.
  cache.delete(name);
  entry?.value.free();
  const value = make();
  cache.set(name, { key, value });
  return value;
}

/**
 * As `cached`, but a cached session that is not `usable` (not where the page is: another
 * tab of history, a reset) is freed and made again from the settings.
 */
export function cachedWhere(cache, name, key, make, usable) {
  const value = cached(cache, name, key, make);
  if (usable(value)) return value;
  cache.delete(name);
  value.free();
  return cached(cache, name, key, make);
}
