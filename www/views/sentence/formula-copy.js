// The forward panel's numbers out of the page: this step's vectors as rows of numbers
// (text, every float32 exactly: 9 significant digits) and as LaTeX (for a report or a
// slide: 4 digits, the formula of each row).
import { t } from '../../i18n.js';
import { showNotice } from '../../ui/banner.js';
import { button } from '../../ui/controls.js';
import { copyOrSave } from '../../ui/download.js';

/** A float32 written so it reads back to the same float32. */
const exact = (v) => String(Number(v.toPrecision(9)));
/** A number for a slide. */
const short = (v) => String(Number(v.toPrecision(4)));

/** LaTeX symbols of the gates (the engine's names). */
const GATE = { i: 'i', f: 'f', c: 'g', o: 'o', z: 'z', r: 'r', h: '\\tilde{h}' };

/** The rows of a step: [name, LaTeX left side, values]. */
function rows(info, rec) {
  const t = rec.t + 1;
  const x = info.vocabulary.map((_, i) => (i === rec.input ? 1 : 0));
  const out = [
    ['x_t', `x_{${t}}`, x],
    ['h_{t-1}', `h_{${t - 1}}`, rec.hPrev],
  ];
  if (info.cell === 'simple_rnn') out.push(['z_t', `z_{${t}} = W_{hh}\\,h_{${t - 1}} + W_{xh}\\,x_{${t}} + b_h`, rec.z]);
  else {
    if (info.cell === 'lstm') out.push(['c_{t-1}', `c_{${t - 1}}`, rec.cPrev]);
    for (const g of rec.gates) out.push([`${g.name}_t`, `${GATE[g.name] ?? g.name}_{${t}}`, g.values]);
    if (info.cell === 'lstm') out.push(['c_t', `c_{${t}}`, rec.c]);
  }
  out.push(['h_t', info.cell === 'simple_rnn' ? `h_{${t}} = f(z_{${t}})` : `h_{${t}}`, rec.h]);
  out.push(['y_t', `y_{${t}} = W_{hy}\\,h_{${t}} + b_y`, rec.logits]);
  out.push(['p_t', `p_{${t}} = \\operatorname{softmax}(y_{${t}})`, rec.probs]);
  return out;
}

/** The step as text: a header line, then one row per vector. */
export function stepText(info, rec) {
  const list = rows(info, rec);
  const width = Math.max(...list.map(([name]) => name.length));
  return [
    `# step t = ${rec.t + 1}, token "${info.vocabulary[rec.input]}"; ${info.cell}, ${info.units} units; vocabulary: ${info.vocabulary.join(' ')}`,
    ...list.map(([name, , values]) => `${name.padEnd(width)}  ${Array.from(values, exact).join(' ')}`),
  ].join('\n');
}

/** LaTeX-safe text (a token in a comment or a \text{}). */
const tex = (s) => s.replace(/[\\{}$&#^_%~]/g, (c) => `\\${c}`);

/** The step as LaTeX: an aligned block of row vectors (needs amsmath). */
export function stepLatex(info, rec) {
  const body = rows(info, rec).map(([, left, values]) => `  ${left} &= \\begin{bmatrix} ${Array.from(values, short).join(' & ')} \\end{bmatrix}`);
  return [`% RNN Playground: step t = ${rec.t + 1}, token ${tex(info.vocabulary[rec.input])} (${info.cell}, ${info.units} units)`, '\\begin{aligned}', body.join(' \\\\\n'), '\\end{aligned}'].join('\n');
}

/** Copies `text` (or saves it as the file `name`) and says which. */
async function copy(text, name, type) {
  showNotice(t((await copyOrSave(text, name, type)) ? 'copy.done' : 'copy.saved'), 'info');
}

/** The panel's two copy buttons for the step `rec`. */
export function copyButtons(info, rec) {
  const row = document.createElement('div');
  row.className = 'copy-row';
  const name = `step${rec.t + 1}_${info.cell}`;
  row.append(
    button('copy.text', 'copy-step-text', () => copy(stepText(info, rec), `${name}.txt`, 'text/plain')),
    button('copy.latex', 'copy-step-latex', () => copy(stepLatex(info, rec), `${name}.tex`, 'application/x-tex')),
  );
  return row;
}
