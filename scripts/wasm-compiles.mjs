// Where the engine's WebAssembly functions were compiled during a traced page load: on the
// page's thread or elsewhere in its renderer (the jobs worker). V8 compiles a function on its
// first call, on the calling thread, and says so in a 'wasm.CompileLazy' trace event
// (category `v8.wasm`). Used by the bench's page section and an end-to-end test.

/** {onPage, onPageMs, elsewhere} from a Chromium trace's events. */
export function wasmCompiles(traceEvents) {
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const lazy = traceEvents.filter((e) => e.name === 'wasm.CompileLazy' && e.pid === main.pid);
  const onPage = lazy.filter((e) => e.tid === main.tid);
  return {
    onPage: onPage.length,
    onPageMs: onPage.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000,
    elsewhere: lazy.length - onPage.length,
  };
}
