// Typesets the page's formulas with KaTeX when the site is built, as MathML (which
// browsers draw natively), so the page ships neither KaTeX's script nor its fonts.
// `import formulas from 'virtual:formulas'` gives { name: '<math>…</math>' }.
import katex from 'katex';
import { FORMULAS, LESSON_FORMULAS } from '../formulas.tex.js';

// `virtual:formulas`: the views'; `virtual:lesson-formulas`: the lesson's (its own chunk).
const TABLES = { 'virtual:formulas': FORMULAS, 'virtual:lesson-formulas': LESSON_FORMULAS };

/**
 * KaTeX writes `\,` as a thin-space character and puts an invisible "function application"
 * character after `\tanh`. Math fonts lack both, so the browser searches the system's fonts
 * for them and loads a whole CJK serif font (a long task on a phone) to draw nothing: a
 * MathML space and no character draw the same.
 */
function withoutFallbackCharacters(mathml) {
  return mathml.replaceAll('<mtext>\u2009</mtext>', '<mspace width="0.1667em"></mspace>').replaceAll('<mo>\u2061</mo>', '');
}

export function render(tex) {
  return withoutFallbackCharacters(katex.renderToString(tex, { output: 'mathml', throwOnError: true, displayMode: false }));
}

export function formulasPlugin() {
  return {
    name: 'rnnp-formulas',
    resolveId(id) {
      return id in TABLES ? `\0${id}` : null;
    },
    load(id) {
      const table = id.startsWith('\0') ? TABLES[id.slice(1)] : null;
      if (!table) return null;
      const out = {};
      for (const [name, tex] of Object.entries(table)) out[name] = render(tex);
      return `export default ${JSON.stringify(out)};`;
    },
  };
}
