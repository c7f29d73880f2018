// Marks the page's code as called on load, so Chromium compiles it while it downloads, on
// another thread, instead of compiling each function on the main thread when it is first
// called (BENCHMARKS.md has what it saves). The magic comment is V8's
// "explicit compile hints" (Chrome 136); other browsers read it as a comment.
//
// The texts shipped with the Write view are left as they are: they are data, not code.

const HINT = '//# allFunctionsCalledOnLoad\n';

/** A chunk holding only a shipped text (assets/corpora/*.txt as a module). */
const isText = (chunk) => Object.keys(chunk.modules ?? {}).some((id) => id.includes('/assets/corpora/'));

export function compileHintsPlugin() {
  return {
    name: 'rnnp-compile-hints',
    apply: 'build',
    // Last: after minifying, which drops comments, and after Vite puts its table of
    // preloaded files at the start of the entry. The chunk's name does not change with the
    // comment: every build adds it the same way.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && !isText(chunk)) chunk.code = HINT + chunk.code;
        }
      },
    },
  };
}
