// The sizes of the texts shipped with the Write view, counted when the site is built, so
// the view can say them without fetching the texts (each its own file, fetched when a
// network is trained on it). `import counts from 'virtual:corpus-counts'` gives
// { 'tang-poems.txt': {chars, vocabulary}, ... } for every file of assets/corpora/.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const CORPORA = new URL('../../assets/corpora/', import.meta.url).pathname;
const ID = 'virtual:corpus-counts';

/**
 * Characters and distinct ones. The engine counts graphemes; the shipped texts have no
 * character of more than one code point, so code points count them the same, and fast
 * (Node's segmenter takes seconds over these texts). tests/wasm/writing.test.mjs checks
 * these counts against the engine's.
 */
export function countText(text) {
  const chars = [...text];
  return { chars: chars.length, vocabulary: new Set(chars).size };
}

/** The counts of every shipped text, by file name. */
export function corpusCounts() {
  const out = {};
  for (const file of readdirSync(CORPORA).filter((f) => f.endsWith('.txt')).sort()) {
    out[file] = countText(readFileSync(join(CORPORA, file), 'utf8'));
  }
  return out;
}

export function corporaPlugin() {
  return {
    name: 'rnnp-corpora',
    resolveId(id) {
      return id === ID ? `\0${ID}` : null;
    },
    load(id) {
      if (id !== `\0${ID}`) return null;
      for (const file of readdirSync(CORPORA)) this.addWatchFile?.(join(CORPORA, file));
      return `export default ${JSON.stringify(corpusCounts())};`;
    },
  };
}
