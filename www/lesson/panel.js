// The lesson's panel: the chapter's words, its formula, a "try this" task (marked done when
// the page can tell) and a check question graded by its Check button, with Previous / Next and the
// ← → keys. Going to a chapter sets the page up for it (lesson/chapters.js); opening a link
// to a chapter keeps the link's screen as it is.
import './texts.js';
import formulas from 'virtual:formulas';
import lessonFormulas from 'virtual:lesson-formulas';
import { setRich, t } from '../i18n.js';
import { defaults } from '../state.js';
import { selectControl, sliderControl } from '../ui/controls.js';
import { fitWidth } from '../ui/fit.js';
import { CHAPTERS, chapterState } from './chapters.js';

const TOTAL = CHAPTERS.length;
export { CHAPTERS };

/** Keys that belong to a field being typed in or a control that uses the arrows. */
function ownsArrows(el) {
  const tag = el?.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el?.isContentEditable || el?.closest?.('[role="grid"]');
}

/** The panel's parts (once: a link's chapter is shown before the page is ready). */
function build(el) {
  if (el.dataset.built) return;
  el.dataset.built = '1';
  el.innerHTML = `
    <div class="lesson-head">
      <p class="lesson-progress" data-testid="lesson-progress"></p>
      <h2 id="lesson-title" data-testid="lesson-title" tabindex="-1"></h2>
      <div class="lesson-nav">
        <button type="button" data-testid="lesson-prev"></button>
        <button type="button" class="primary" data-testid="lesson-next"></button>
        <button type="button" class="link" data-testid="lesson-close"></button>
      </div>
    </div>
    <div class="lesson-body">
      <div class="lesson-text">
        <p data-role="text" data-testid="lesson-text"></p>
        <div class="formula" data-role="formula" tabindex="0"></div>
        <p class="hint" data-role="keys"></p>
      </div>
      <div class="lesson-side">
        <section class="lesson-task" aria-labelledby="lesson-try">
          <h3 id="lesson-try"></h3>
          <p data-role="task" data-testid="lesson-task"></p>
          <div class="lesson-controls" data-role="controls"></div>
          <p class="task-done" data-testid="lesson-task-done" hidden></p>
        </section>
        <fieldset class="lesson-check" data-testid="lesson-check">
          <legend></legend>
          <div class="answers" data-role="answers"></div>
          <button type="button" data-testid="lesson-grade" data-role="grade"></button>
          <p class="feedback" data-testid="lesson-feedback" role="status"></p>
        </fieldset>
      </div>
    </div>`;
}

/**
 * Puts chapter `n`'s words in the panel: text, formula, task, question and its answers
 * (each calls `pick(i)` when chosen; without `pick` they are shown, not yet usable).
 */
function words(el, n, { picked = 0, pick = null, grade = null } = {}) {
  const $ = (sel) => el.querySelector(sel);
  const c = CHAPTERS[n - 1];
  $('[data-testid="lesson-progress"]').textContent = t('lesson.progress', { n, total: TOTAL });
  setRich($('#lesson-title'), t(`lesson.${n}.title`));
  setRich($('[data-role="text"]'), t(`lesson.${n}.text`));
  const formula = $('[data-role="formula"]');
  const math = formulaOf(c);
  formula.innerHTML = math;
  formula.hidden = !math;
  fitWidth(formula);
  $('[data-role="keys"]').textContent = t('lesson.keys');
  $('#lesson-try').textContent = t('lesson.try');
  setRich($('[data-role="task"]'), t(`lesson.${n}.task`));
  setRich($('legend'), `${t('lesson.check')}: ${t(`lesson.${n}.q`)}`);
  $('[data-role="answers"]').replaceChildren(
    ...[1, 2, 3].map((i) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'lesson-answer';
      input.value = String(i);
      input.dataset.testid = `lesson-answer-${i}`;
      input.checked = picked === i;
      input.disabled = !pick;
      input.addEventListener('change', () => pick?.(i));
      const text = document.createElement('span');
      setRich(text, t(`lesson.${n}.a${i}`));
      label.append(input, text);
      return label;
    }),
  );
  const check = $('[data-role="grade"]');
  check.textContent = t('lesson.grade');
  check.disabled = !grade || !picked;
  check.onclick = grade;
  for (const [id, key] of [['lesson-prev', 'lesson.prev'], ['lesson-next', 'lesson.next'], ['lesson-close', 'lesson.close']]) $(`[data-testid="${id}"]`).textContent = t(key);
  $('[data-testid="lesson-prev"]').disabled = n === 1;
  $('[data-testid="lesson-next"]').disabled = n === TOTAL;
}

/** The KaTeX of chapter `c`'s formula, or ''. */
const formulaOf = (c) => (c.formula ? formulas[c.formula] ?? lessonFormulas[c.formula] ?? '' : '');

/**
 * The lesson on paper: every chapter's title, words, formula, task and check question with
 * its answers (the screen's panel shows one chapter; a handout is for the whole lecture).
 */
function handout() {
  const part = (tag, html, cls = '') => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    setRich(e, html);
    return e;
  };
  const section = document.createElement('div');
  section.className = 'lesson-print';
  section.dataset.testid = 'lesson-handout';
  CHAPTERS.forEach((c, i) => {
    const n = i + 1;
    const chapter = document.createElement('section');
    chapter.className = 'lesson-chapter';
    chapter.append(part('h3', `${t('lesson.progress', { n, total: TOTAL })} · ${t(`lesson.${n}.title`)}`), part('p', t(`lesson.${n}.text`)));
    const math = formulaOf(c);
    if (math) {
      const f = document.createElement('div');
      f.className = 'formula';
      f.innerHTML = math;
      chapter.append(f);
    }
    chapter.append(part('p', `${t('lesson.try')}: ${t(`lesson.${n}.task`)}`, 'task'), part('p', `${t('lesson.check')}: ${t(`lesson.${n}.q`)}`, 'question'));
    const answers = document.createElement('ol');
    answers.type = 'A';
    for (const k of [1, 2, 3]) answers.append(part('li', t(`lesson.${n}.a${k}`)));
    chapter.append(answers);
    section.append(chapter);
  });
  return section;
}

/**
 * Shows chapter `n`'s words in the panel before the page is ready (a link to a chapter):
 * the panel then has its size when the view appears below it, so nothing moves.
 */
export function preview(el, n) {
  if (!(n >= 1 && n <= TOTAL)) return;
  build(el);
  el.hidden = false;
  words(el, n);
}

/** The settings a task may ask to change, as the task shows them (test id `lesson-<name>`). */
const CONTROLS = {
  radius: (store) => sliderControl(store, 'radius', 'lesson.control.radius', 0.05, 'lesson-radius', (v) => Number(v).toFixed(2)),
  cell: (store) => selectControl(store, 'cell', 'controls.cell', (v) => `cell.${v}`, 'lesson-cell'),
};

/**
 * Whether the panel stays on screen beside or above the view (style.css: presenter mode's
 * column, a phone's top), so that the part a chapter talks about is scrolled to beside it.
 */
const panelStays = (el) => getComputedStyle(el).position === 'sticky';

/**
 * Scrolls chapter `n`'s part into view below or beside the panel, once its view is ready
 * (a chapter that changes view waits for the new one to open).
 */
function showFocus(el, n) {
  const focus = CHAPTERS[n - 1].focus;
  if (!panelStays(el)) return el.scrollIntoView({ block: 'start' });
  if (!focus) return window.scrollTo({ top: 0 });
  const started = performance.now();
  let still = 0;
  // The reader's own scrolling ends it (listened for after the key or click that turned the
  // chapter has gone by).
  const INPUTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'];
  let theirs = false;
  const mine = () => (theirs = true);
  setTimeout(() => INPUTS.forEach((type) => window.addEventListener(type, mine, { once: true, passive: true })));
  // Parts above it are laid out as they come near the screen (content-visibility), which
  // moves it: the scroll is set again until it has stayed put for a few frames.
  const look = () => {
    const part = document.querySelector(`main > .view[data-state="ready"] [data-hide-id="${focus}"]`);
    if (part) {
      // Below the panel when it sits above the view, at the top when it is beside it; below
      // the view's step buttons where they stay on screen.
      const bar = part.closest('.view').querySelector('.stepbar');
      const held = bar && getComputedStyle(bar).position === 'sticky' && bar.compareDocumentPosition(part) & Node.DOCUMENT_POSITION_FOLLOWING ? bar.offsetHeight : 0;
      const below = (el.getBoundingClientRect().right <= part.getBoundingClientRect().left ? 8 : el.getBoundingClientRect().bottom + 8) + held;
      const off = part.getBoundingClientRect().top - below;
      const before = window.scrollY;
      if (Math.abs(off) > 2) window.scrollTo({ top: before + off });
      // (At the page's end it cannot go further: that is as far as it goes.)
      still = Math.abs(off) > 2 && window.scrollY !== before ? 0 : still + 1;
    }
    if (!theirs && still < 3 && performance.now() - started < 10_000) requestAnimationFrame(look);
    else setTimeout(() => INPUTS.forEach((type) => window.removeEventListener(type, mine)));
  };
  look();
}

/**
 * Mounts the lesson in `el` (the #lesson section).
 * @param {HTMLElement} el
 * @param {ReturnType<import('../state.js').createStore>} store
 */
export function mountLesson(el, store) {
  build(el);
  const $ = (sel) => el.querySelector(sel);
  const prev = $('[data-testid="lesson-prev"]');
  const next = $('[data-testid="lesson-next"]');
  const close = $('[data-testid="lesson-close"]');
  /**
   * The chapter shown, the answer picked in it, the answers checked and found wrong, whether
   * the right one was checked, and the jobs finished in it (kept while it is shown).
   */
  let shown = 0;
  let picked = 0;
  const tried = new Set();
  let solved = false;
  const finished = new Set();
  /** The task's controls, made once each (a control stays bound to the store). */
  const controls = new Map();
  const taskDone = (s) => Boolean(CHAPTERS[s.lesson - 1].done?.(s) || finished.has(CHAPTERS[s.lesson - 1].finished));
  const markDone = (s) => ($('[data-testid="lesson-task-done"]').hidden = !taskDone(s));
  document.addEventListener('rnnp:print', () => {
    if (!shown) return;
    el.querySelector('.lesson-print')?.remove();
    el.append(handout());
  });
  document.addEventListener('rnnp:finished', (e) => {
    if (!shown) return;
    finished.add(e.detail.job);
    markDone(store.get());
  });

  /** Goes to chapter `n`: the page is set up for it, and Back returns to the last one. */
  function go(n) {
    if (n < 1 || n > TOTAL) return;
    store.set(chapterState(n, defaults(), store.get()), { restore: true });
    $('#lesson-title').focus({ preventScroll: true });
    showFocus(el, n);
  }
  prev.addEventListener('click', () => go(store.get().lesson - 1));
  next.addEventListener('click', () => go(store.get().lesson + 1));
  close.addEventListener('click', () => store.set({ lesson: 0, hide: '' }));
  document.addEventListener('keydown', (e) => {
    const n = store.get().lesson;
    // (A held key turns one chapter, not one per repeat: each chapter builds its view.)
    if (!n || e.repeat || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || ownsArrows(document.activeElement)) return;
    if (e.key === 'ArrowRight' && n < TOTAL) {
      e.preventDefault();
      go(n + 1);
    } else if (e.key === 'ArrowLeft' && n > 1) {
      e.preventDefault();
      go(n - 1);
    }
  });

  /**
   * Marks the answers checked so far. Choosing an answer grades nothing (the arrows move
   * through them); Check grades the one chosen. A wrong one says so and leaves the
   * question open for another try; the right one is explained.
   */
  function feedback(n) {
    const box = $('[data-testid="lesson-feedback"]');
    const c = CHAPTERS[n - 1];
    for (const input of el.querySelectorAll('.answers input')) {
      const label = input.closest('label');
      const i = Number(input.value);
      label.classList.toggle('right', solved && i === c.answer);
      label.classList.toggle('wrong', tried.has(i));
    }
    $('[data-role="grade"]').disabled = !picked || solved;
    if (solved) {
      box.dataset.result = 'right';
      setRich(box, t('lesson.right', { why: t(`lesson.${n}.why`) }));
    } else if (tried.has(picked)) {
      box.dataset.result = 'wrong';
      box.textContent = t('lesson.wrongAgain');
    } else {
      box.textContent = '';
      delete box.dataset.result;
    }
  }

  /** Shows chapter `lesson` of the state (or hides the panel at 0). */
  function render(s) {
    const n = s.lesson;
    el.hidden = !n;
    if (!n) {
      shown = 0;
      return;
    }
    if (n !== shown) {
      picked = 0;
      tried.clear();
      solved = false;
      finished.clear();
    }
    shown = n;
    words(el, n, {
      picked,
      pick: (i) => {
        picked = i;
        feedback(n);
      },
      grade: () => {
        if (!picked) return;
        if (picked === CHAPTERS[n - 1].answer) solved = true;
        else tried.add(picked);
        feedback(n);
      },
    });
    $('[data-testid="lesson-task-done"]').textContent = `✓ ${t('lesson.taskDone')}`;
    const names = CHAPTERS[n - 1].controls ?? [];
    for (const name of names) if (!controls.has(name)) controls.set(name, CONTROLS[name](store));
    $('[data-role="controls"]').replaceChildren(...names.map((name) => controls.get(name)));
    markDone(s);
    feedback(n);
  }

  store.subscribe((changed, s) => {
    if (changed.includes('lesson') || changed.includes('lang')) render(s);
    else if (s.lesson) markDone(s);
  });
  render(store.get());
  // A link to a chapter: its part is shown as Next would show it.
  if (store.get().lesson && panelStays(el)) showFocus(el, store.get().lesson);
  return { go, render: () => render(store.get()) };
}
