// The lesson's chapters, in the article's order. Each sets a view up for what it teaches:
// `view` and `settings` (any page setting, by its URL name), the parts it hides (names of
// ui/hide.js), the part it talks about (`focus`, a hide name: scrolled to beside the text
// where the panel stays on screen), the settings its task asks to change (`controls`,
// repeated in the task where the settings are folded away: presenter mode), the formula it
// shows, its check question's right answer (1–3), and when the "try this" task is done.
// The words are in lesson/texts.js under `lesson.<n>.*`.

/** The sentence view's training settings: hidden with its Train panel. */
const TRAINING = ['optimizer', 'lr', 'clip', 'clipAt'];

/**
 * Every setting a chapter does not name goes back to its default (a clean screen). A task
 * is done when `done(state)` holds, or once the page has finished the job `finished`
 * (a view's meta.js) in the chapter.
 */
export const CHAPTERS = [
  {
    view: 'sentence',
    settings: { pos: 0, back: 0, trained: 0 },
    hide: ['backward', 'bptt', 'chart-loss', 'chart-grad', 'train', 'gradcheck', ...TRAINING],
    formula: 'simple_rnn',
    answer: 2,
    done: (s) => s.pos >= 4,
  },
  {
    view: 'sentence',
    settings: { pos: 0, back: 0, trained: 0 },
    hide: ['backward', 'bptt', 'chart-grad', 'gradcheck'],
    focus: 'prediction',
    formula: 'loss',
    answer: 1,
    done: (s) => s.pos >= 1,
  },
  {
    view: 'sentence',
    settings: { pos: 0, back: 0, trained: 0 },
    hide: ['backward', 'bptt', 'chart-grad', 'gradcheck'],
    focus: 'chart-loss',
    formula: 'loss',
    answer: 2,
    done: (s) => s.trained >= 300,
  },
  {
    view: 'sentence',
    settings: { pos: 4, back: 0, trained: 0 },
    hide: ['train', 'gradcheck', ...TRAINING],
    focus: 'backward',
    formula: 'bptt',
    answer: 2,
    done: (s) => s.back >= 4,
  },
  {
    view: 'gradients',
    settings: { gcell: 'simple_rnn', gact: 'linear', radius: 0.8, seqLen: 50 },
    hide: ['cells', 'explode', 'race', 'forgetBias'],
    focus: 'flow',
    controls: ['radius'],
    formula: 'rho_k',
    answer: 2,
    done: (s) => s.radius !== 0.8,
  },
  {
    view: 'gradients',
    settings: { gcell: 'simple_rnn', gact: 'linear', radius: 1.5, seqLen: 50, clipMode: 'none' },
    hide: ['cells', 'spectrum', 'race', 'forgetBias'],
    focus: 'explode',
    formula: 'clip_norm',
    answer: 2,
    done: (s) => s.clipMode !== 'none',
  },
  {
    view: 'gradients',
    settings: { gcell: 'lstm', gact: 'tanh', radius: 0.5, forgetBias: 5, seqLen: 50 },
    hide: ['flow', 'spectrum', 'explode'],
    focus: 'race',
    formula: 'lstm',
    answer: 1,
    finished: 'race',
  },
  {
    view: 'series',
    settings: {},
    hide: [],
    focus: 'series-train',
    formula: 'series',
    answer: 2,
    finished: 'seriesTrain',
  },
  {
    view: 'sentence',
    settings: { pos: 0, back: 0, trained: 0 },
    hide: [],
    focus: 'train',
    controls: ['cell'],
    formula: null,
    answer: 1,
    done: (s) => s.cell === 'lstm' && s.trained > 0,
  },
];

/** What a chapter keeps from the page as it was: the reader's choices, not the lesson's. */
const KEPT = ['lang', 'present', 'embed', 'speed'];

/**
 * The chapter a link names and nothing else (`?lesson=5`, with at most the reader's own
 * choices, such as `lang`): such a link opens the chapter exactly as Next does. A link
 * with settings of its own (the long form Next writes, or one a teacher changed) keeps
 * them. `isSetting(name)`: whether a query name is one of the page's settings.
 */
export function chapterOnly(search, isSetting = () => true) {
  const query = new URLSearchParams(search);
  const n = Number(query.get('lesson'));
  if (!(Number.isInteger(n) && n >= 1 && n <= CHAPTERS.length)) return 0;
  return [...query.keys()].every((k) => k === 'lesson' || KEPT.includes(k) || !isSetting(k)) ? n : 0;
}

/** The page's state for chapter `n` (1-based): `defaults` (every setting's) with the chapter's. */
export function chapterState(n, defaults, current) {
  const c = CHAPTERS[n - 1];
  const kept = Object.fromEntries(KEPT.map((k) => [k, current[k]]));
  return { ...defaults, ...kept, ...c.settings, view: c.view, lesson: n, hide: [...c.hide].sort().join(',') };
}
