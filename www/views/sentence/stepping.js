// Stepping through the sentence: Reset (back to the first token), Step back, Step, Play,
// speed, BPTT step; and the keyboard: space steps, ← goes back, r goes to the start,
// whenever the focus is not in a field or on a control reached by the keyboard.
import { t } from '../../i18n.js';
import { button, setLabel, sliderControl } from '../../ui/controls.js';
import { num } from '../../ui/format.js';
import { Player } from '../../player.js';
import { guard } from '../../engine.js';

/** A field being typed in: every key is its own. */
function typing(el) {
  const tag = el?.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || Boolean(el?.isContentEditable);
}

/**
 * The element that last got the focus from the keyboard (Tab, or a key pressed before a
 * script moved the focus), as opposed to a click. :focus-visible cannot tell them apart
 * here: in Chromium a clicked button matches it once a key is pressed on it.
 */
let keyboardFocus = null;
let watching = false;
function watchFocus() {
  if (watching) return;
  watching = true;
  let lastInput = 'key';
  document.addEventListener('pointerdown', () => (lastInput = 'pointer'), true);
  document.addEventListener('keydown', () => (lastInput = 'key'), true);
  document.addEventListener('focusin', (e) => (keyboardFocus = lastInput === 'key' ? e.target : null), true);
}

/**
 * Whether space belongs to the focused element: a field, or a button, link or summary
 * reached by the keyboard (space presses it, as everywhere). A button last clicked with
 * the mouse keeps the focus but not the key: space steps, as with the focus nowhere.
 */
function ownsSpace(el) {
  if (typing(el)) return true;
  const pressable = el?.tagName === 'BUTTON' || el?.tagName === 'SUMMARY' || el?.tagName === 'A' || el?.getAttribute?.('role') === 'button';
  return Boolean(pressable && el === keyboardFocus);
}

/**
 * @param {any} ctx  the view's shared state ({view, store, pg(), info(), page})
 * @param {() => void} render
 */
export function mountStepping(ctx, render) {
  const { view, store } = ctx;
  watchFocus();
  const player = new Player(() => step(), (playing) => {
    setLabel(playButton, playing ? 'step.pause' : 'step.play');
    playButton.setAttribute('aria-pressed', String(playing));
  });
  const playButton = button('step.play', 'play', () => player.toggle());
  playButton.setAttribute('aria-pressed', 'false');
  view.$('stepbar').append(
    button('step.reset', 'reset', () => toStart()),
    button('step.back', 'step-back', () => back()),
    button('step.step', 'step', () => step(), 'primary'),
    playButton,
    sliderControl(store, 'speed', 'step.speed', 0.25, 'speed', (v) => `${v}×`),
    // (A span around it: a hidden part carries its own "shown to students" checkbox.)
    Object.assign(document.createElement('span'), { className: 'part' }),
  );
  const bpttWrap = view.$('stepbar').lastElementChild;
  bpttWrap.dataset.hideId = 'bptt';
  bpttWrap.append(button('step.bptt', 'bptt-step', () => bptt(), 'accent'));
  player.setSpeed(store.get().speed);
  store.subscribe((changed, s) => changed.includes('speed') && player.setSpeed(s.speed));

  /** Keeps the moment in the URL (a copied link opens here). */
  function remember() {
    const p = guard(() => ctx.pg().position());
    store.set({ pos: p.forward, back: p.backward });
  }

  function step() {
    const rec = guard(() => ctx.pg().step());
    remember();
    render();
    if (!rec) return false;
    ctx.page.announce(t('live.step', { t: rec.t + 1, token: ctx.info().vocabulary[rec.input], loss: num(rec.loss, 2) }));
    return true;
  }

  function back() {
    player.pause();
    guard(() => ctx.pg().stepBack());
    remember();
    render();
  }

  function toStart() {
    player.pause();
    guard(() => ctx.pg().reset());
    remember();
    render();
    ctx.page.announce(t('live.reset'));
  }

  function bptt() {
    player.pause();
    const rec = guard(() => ctx.pg().bpttStep());
    remember();
    render();
    if (rec) ctx.page.announce(t('live.back', { t: rec.t + 1, token: ctx.info().tokens[rec.t], norm: num(rec.dhNorm, 3) }));
  }

  function onKey(e) {
    if (!view.root.isConnected || e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement)) return;
    if (e.key === ' ') {
      if (ownsSpace(document.activeElement)) return;
      e.preventDefault();
      if (e.type === 'keydown' && !e.repeat) step();
    } else if (e.type === 'keydown' && e.key === 'ArrowLeft' && !store.get().lesson) {
      // (In the lesson, ← and → turn the chapters.)
      e.preventDefault();
      back();
    } else if (e.type === 'keydown' && (e.key === 'r' || e.key === 'R')) {
      toStart();
    }
  }
  document.addEventListener('keydown', onKey);
  // The keys line says what ← does now.
  const keysHint = () => {
    const hint = view.root.querySelector('.keys');
    hint.dataset.i18n = store.get().lesson ? 'step.keys.lesson' : 'step.keys';
    hint.textContent = t(hint.dataset.i18n);
  };
  keysHint();
  store.subscribe((changed) => changed.includes('lesson') && keysHint());
  // A focused button would press itself on the key's release: that press is the step's.
  document.addEventListener('keyup', (e) => e.key === ' ' && view.root.isConnected && !ownsSpace(document.activeElement) && e.preventDefault());

  return {
    player,
    step,
    /**
     * Enables the buttons for the position. (Training runs on a copy in the worker, so
     * stepping the network on screen goes on while it trains.)
     */
    update(pos) {
      const q = (id) => view.root.querySelector(`[data-testid="${id}"]`);
      q('step').disabled = pos.forward === pos.length;
      q('step-back').disabled = pos.forward === 0 && pos.backward === 0;
      q('bptt-step').disabled = pos.forward !== pos.length || pos.backward === pos.length;
    },
  };
}
