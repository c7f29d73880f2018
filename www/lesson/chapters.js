// The lesson's chapters, in the article's order. Each sets a view up for what it teaches:
// `view` and `settings` (any page setting, by its URL name), the parts it hides (names of
// ui/hide.js), the formula it shows, its check question's right answer (1–3), and, where
// the page can tell, when the "try this" task is done. The words are in lesson/texts.js
// under `lesson.<n>.*`.

/** Every setting a chapter does not name goes back to its default (a clean screen). */
export const CHAPTERS = [
  {
    view: 'sentence',
    settings: { pos: 0, back: 0, trained: 0 },
    hide: ['backward', 'chart-loss', 'chart-grad', 'train', 'gradcheck'],
    formula: 'simple_rnn',
    answer: 2,
    done: (s) => s.pos >= 4,
  },
  {
    view: 'sentence',
    settings: { pos: 1, back: 0, trained: 0 },
    hide: ['backward', 'chart-grad', 'gradcheck'],
    formula: 'loss',
    answer: 1,
  },
  {
    view: 'sentence',
    settings: { pos: 0, back: 0, trained: 0 },
    hide: ['backward', 'chart-grad', 'gradcheck'],
    formula: 'loss',
    answer: 2,
    done: (s) => s.trained >= 300,
  },
  {
    view: 'sentence',
    settings: { pos: 4, back: 0, trained: 0 },
    hide: ['train', 'gradcheck'],
    formula: 'bptt',
    answer: 2,
    done: (s) => s.back >= 4,
  },
  {
    view: 'gradients',
    settings: { gcell: 'simple_rnn', gact: 'linear', radius: 0.8, seqLen: 50 },
    hide: ['cells', 'explode', 'race'],
    formula: 'rho_k',
    answer: 2,
    done: (s) => s.radius !== 0.8,
  },
  {
    view: 'gradients',
    settings: { gcell: 'simple_rnn', gact: 'linear', radius: 1.5, seqLen: 50, clipMode: 'none' },
    hide: ['cells', 'spectrum', 'race'],
    formula: 'clip_norm',
    answer: 2,
    done: (s) => s.clipMode !== 'none',
  },
  {
    view: 'gradients',
    settings: { gcell: 'lstm', gact: 'tanh', radius: 0.5, forgetBias: 5, seqLen: 50 },
    hide: ['flow', 'spectrum', 'explode'],
    formula: 'lstm',
    answer: 1,
  },
  {
    view: 'series',
    settings: {},
    hide: [],
    formula: 'series',
    answer: 2,
  },
  {
    view: 'sentence',
    settings: { pos: 0, back: 0, trained: 0 },
    hide: [],
    formula: null,
    answer: 1,
    done: (s) => s.cell === 'lstm' && s.trained > 0,
  },
];

/** What a chapter keeps from the page as it was: the reader's choices, not the lesson's. */
const KEPT = ['lang', 'present', 'embed', 'speed'];

/** The page's state for chapter `n` (1-based): `defaults` (every setting's) with the chapter's. */
export function chapterState(n, defaults, current) {
  const c = CHAPTERS[n - 1];
  const kept = Object.fromEntries(KEPT.map((k) => [k, current[k]]));
  return { ...defaults, ...kept, ...c.settings, view: c.view, lesson: n, hide: [...c.hide].sort().join(',') };
}
