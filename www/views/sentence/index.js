// The sentence view: one engine `Playground` stepped on the page, trained by a job (a
// worker), drawn by the engine. This module builds the network from the settings and wires
// the parts; each part is its own module.
import { t } from '../../i18n.js';
import { hiddenSet } from '../../ui/hide.js';
import { configFor } from '../../state.js';
import { guard } from '../../engine.js';
import { describeError, showNotice } from '../../ui/banner.js';
import { createView } from '../../ui/view.js';
import { num } from '../../ui/format.js';
import './texts.js';
import { TEMPLATE } from './template.js';
import { renderForward, renderPrediction } from './forward.js';
import { renderBackward } from './backward.js';
import { renderStrip } from './strip.js';
import { mountControls } from './controls.js';
import { mountStepping } from './stepping.js';
import { mountTraining } from './training.js';
import { mountGradcheck } from './gradcheck.js';
import { mountCharts } from './charts.js';
import { mountModelIo } from './model-io.js';
import { copyButtons } from './formula-copy.js';

export { TEMPLATE };

/** Store keys that define the network: changing one builds a new one. */
const NETWORK_KEYS = ['text', 'tokenize', 'cell', 'activation', 'units', 'lr', 'optimizer', 'clip', 'clipAt', 'seed'];

/**
 * Mounts the view in `root`.
 * @param {HTMLElement} root
 * @param {ReturnType<import('../../state.js').createStore>} store
 * @param {any} wasm   the engine module
 * @param {{announce: (text: string) => void, jobs: {run: Function}, textScale: () => number}} page
 */
export function mount(root, store, wasm, page) {
  let pg = null;
  const view = createView(root, TEMPLATE, page, {
    engine: () => pg,
    files: { hidden: 'hidden-state', units: 'hidden-units', loss: 'training-loss', grad: 'gradient-norm' },
    // hidden-state_lstm_seed42_t3.png: the cell, the seed and the moment.
    fileTag: () => {
      const s = store.get();
      return [s.cell, `seed${s.seed}`, `t${s.pos}`, s.back ? `back${s.back}` : '', s.trained ? `trained${s.trained}` : ''].filter(Boolean).join('_');
    },
  });
  let info = null;
  const ctx = {
    view,
    store,
    wasm,
    page,
    pg: () => pg,
    info: () => info,
    config: () => configFor(store.get(), 'sentence'),
  };
  mountControls(ctx);
  ctx.stepping = mountStepping(ctx, render);
  const training = mountTraining(ctx, render);
  const gradcheck = mountGradcheck(ctx);
  const charts = mountCharts(ctx);
  const modelIo = mountModelIo(ctx);

  const make = view.builder(store, NETWORK_KEYS, () => new wasm.Playground(ctx.config()));

  /** Builds the network of the settings; `restore` goes to the link's moment after. */
  function build({ restore = false } = {}) {
    view.cancelJobs();
    ctx.stepping.player.pause();
    // A refused setting goes back to what worked, so the controls, the URL and the
    // network on screen agree.
    const next = make();
    if (!next) return;
    use(next, null);
    const { trained, pos, back } = store.get();
    if (restore && trained > 0) {
      // A link to a trained network: train it again from the seed (training is exact).
      training.start(trained, { quiet: true });
    } else if (restore) {
      // (goTo renders: once is enough in the task that shows the view.)
      return goTo(pos, back);
    } else {
      store.set({ trained: 0, pos: 0, back: 0 });
      training.probe();
    }
    render();
  }

  /** Goes to the link's moment (tokens read, steps walked back); `draw`: render it now. */
  function goTo(pos, back, { draw = true } = {}) {
    try {
      guard(() => pg.goTo(pos, back));
    } catch (err) {
      showNotice(describeError(err), 'warn');
      store.set({ pos: 0, back: 0 });
    }
    if (draw) render();
  }
  ctx.goTo = goTo;

  /**
   * Shows the network `next` (opened from a file): the controls take the settings it
   * brought, without building another network from them.
   */
  let adopting = false;
  let opened = 0;
  ctx.adopt = (next, name) => {
    view.cancelJobs();
    ctx.stepping.player.pause();
    const c = guard(() => next.config());
    adopting = true;
    try {
      store.set({ cell: c.cell, units: c.units, activation: c.activation, tokenize: c.tokenize, text: c.text, trained: 0, pos: 0, back: 0 });
    } finally {
      adopting = false;
    }
    use(next, { name, id: ++opened });
    make.adopted();
    render();
  };

  /** Puts `next` on screen in place of the network there (`file`: the file it came from, {name, id}). */
  function use(next, file) {
    pg?.free();
    pg = next;
    ctx.fromFile = file;
    info = guard(() => pg.info());
    training.reset();
    gradcheck.reset();
    charts.update();
    modelIo.update();
  }

  function render() {
    if (!pg) return;
    const pos = guard(() => pg.position());
    const current = guard(() => pg.current());
    renderStrip(view.$('strip'), info, pos);
    renderForward(view.$('forward'), info, current, { done: pos.forward === pos.length, bptt: !hiddenSet(store.get().hide).has('bptt') });
    if (current) view.$('forward').append(copyButtons(info, current));
    renderPrediction(view.$('prediction'), info, current);
    renderBackward(view.$('backward'), info, guard(() => pg.lastBack()), { ready: pos.forward === pos.length, done: pos.backward === pos.length });
    ctx.stepping.update(pos);
    const v = info.vocabulary.length;
    view.$('loss-readout').textContent = `${t('train.loss', { loss: num(guard(() => pg.sentenceLoss()), 4) })} · ${t('train.lnv', { v, lnv: num(info.uniformLoss, 4) })}`;
    view.redraw();
  }

  store.subscribe((changed, s, { fromHistory, restore } = {}) => {
    if (adopting) return;
    // Back, Forward and a lesson's chapter bring a whole moment: its network, its training
    // and its position.
    const moment = Boolean(fromHistory || restore);
    if (changed.some((k) => NETWORK_KEYS.includes(k) || (moment && k === 'trained'))) {
      training.cancelForSettings();
      build({ restore: moment });
    } else if (moment && (changed.includes('pos') || changed.includes('back'))) goTo(s.pos, s.back);
    else if (changed.includes('highlight')) view.redraw(['units']);
    if (changed.includes('hide')) render();
  });
  view.onReset(() => {
    pg = null;
    build({ restore: true });
  });

  // The network is built in a task of its own, after the view's controls (and after the
  // worker has run the same start-up: ui/view.js): short tasks on a slow phone.
  const ready = view.warmed('sentence', { config: ctx.config(), pos: store.get().pos, back: store.get().back }).then(() => build({ restore: true }));
  return view.mounted({
    ready,
    after: render,
    openFile: (file) => modelIo.open(file),
    /** For the end-to-end tests and the latency benchmark. */
    debug: {
      step: () => ctx.stepping.step(),
      reset: () => {
        guard(() => pg.reset());
        render();
      },
      playground: () => pg,
      /** Draws the charts waiting for the next frame now. */
      flush: () => view.flush(),
    },
  });
}
