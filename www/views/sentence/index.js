// The sentence view: wires the controls, the player, training and the panels to one
// engine `Playground`, and redraws what changed.
import { t, translatePage } from '../../i18n.js';
import { PROPS } from '../../state.js';
import { guard, isFatal } from '../../engine.js';
import { showNotice } from '../../ui/banner.js';
import { button, numberControl, selectControl, setLabel, sliderControl } from '../../ui/controls.js';
import { chartBox, fitCanvas } from '../../ui/chart.js';
import { num } from '../../ui/format.js';
import { Player } from '../../player.js';
import { runInSlices } from '../../slices.js';
import { localizeError } from '../../ui/errors.js';
import { statusLines } from '../../ui/status.js';
import { TEMPLATE } from './template.js';
import { renderForward, renderPrediction } from './forward.js';
import { renderBackward } from './backward.js';

/** A control that takes the whole row (its options have long names). */
function wide(field) {
  field.classList.add('wide');
  return field;
}

/** Store keys that define the network: changing one builds a new one. */
const NETWORK_KEYS = ['text', 'tokenize', 'cell', 'activation', 'units', 'lr', 'optimizer', 'clip', 'clipAt', 'seed'];

function engineConfig(s) {
  return {
    text: s.text,
    tokenize: s.tokenize,
    cell: s.cell,
    activation: s.activation,
    units: s.units,
    optimizer: s.optimizer,
    learning_rate: s.lr,
    clip: s.clip,
    clip_threshold: s.clipAt,
    seed: s.seed,
  };
}

/**
 * Mounts the view in `root`.
 * @param {HTMLElement} root
 * @param {ReturnType<import('../../state.js').createStore>} store
 * @param {any} wasm   the engine module
 * @param {{announce: (text: string) => void, perf: (text: string) => void}} page
 */
export function mountSentence(root, store, wasm, page) {
  root.innerHTML = TEMPLATE;
  translatePage(root);
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);
  let pg = null;
  let info = null;
  let training = null;
  const status = statusLines();

  // Controls.
  $('fields').append(
    selectControl(store, 'cell', 'controls.cell', (v) => `cell.${v}`),
    selectControl(store, 'activation', 'controls.activation', (v) => v),
    numberControl(store, 'units', 'controls.units', 1),
    selectControl(store, 'optimizer', 'controls.optimizer', (v) => `optimizer.${v}`),
    numberControl(store, 'lr', 'controls.lr', 'any'),
    selectControl(store, 'clip', 'controls.clip', (v) => `clip.${v}`),
    numberControl(store, 'clipAt', 'controls.clipAt', 0.01, 'clip-at'),
    numberControl(store, 'seed', 'controls.seed', 1),
    wide(selectControl(store, 'tokenize', 'controls.tokenize', (v) => `tokenize.${v}`)),
  );
  const text = $('text');
  text.value = store.get().text;
  $('apply').addEventListener('click', () => store.set({ text: text.value.trim() || store.get().text }));
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      $('apply').click();
    }
  });

  const trainButton = button('train.start', 'train', () => (training ? stopTraining() : startTraining()), 'primary');
  $('train-row').append(numberControl(store, 'epochs', 'controls.epochs', 1), trainButton);
  $('gradcheck').addEventListener('click', runGradcheck);

  // Stepping.
  const player = new Player(() => doStep(), (playing) => {
    setLabel(playButton, playing ? 'step.pause' : 'step.play');
    playButton.setAttribute('aria-pressed', String(playing));
  });
  const playButton = button('step.play', 'play', () => player.toggle());
  playButton.setAttribute('aria-pressed', 'false');
  $('stepbar').append(
    button('step.reset', 'reset', () => doReset()),
    button('step.back', 'step-back', () => doBack()),
    button('step.step', 'step', () => doStep(), 'primary'),
    playButton,
    sliderControl(store, 'speed', 'step.speed', 0.25, 'speed', (v) => `${v}×`),
    button('step.bptt', 'bptt-step', () => doBptt(), 'accent'),
  );
  player.setSpeed(store.get().speed);

  // Charts.
  const hidden = chartBox('chart-hidden', 260);
  const loss = chartBox('chart-loss', 220);
  const grad = chartBox('chart-grad', 220);
  $('chart-hidden').append(hidden.figure);
  $('chart-loss').append(loss.figure);
  $('chart-grad').append(grad.figure);

  /** The settings of the network on screen, to go back to when new ones are refused. */
  let lastGood = null;

  function build() {
    stopTraining();
    player.pause();
    try {
      const next = guard(() => new wasm.Playground(engineConfig(store.get())));
      pg?.free();
      pg = next;
      info = pg.info();
      lastGood = Object.fromEntries(NETWORK_KEYS.map((k) => [k, store.get()[k]]));
    } catch (err) {
      if (isFatal(err)) throw err;
      showNotice(localizeError(String(err.message || err)), 'warn');
      // Back to what worked (or, on a first load from a link, to the defaults), so the
      // controls, the URL and the network on screen agree.
      const fallback = lastGood ?? Object.fromEntries(NETWORK_KEYS.map((k) => [k, PROPS.find((p) => p.name === k).def]));
      store.set(fallback);
      return;
    }
    status.set($('train-status'), null);
    status.set($('gradcheck-result'), null);
    $('progress').value = 0;
    measureSpeed();
    render();
  }

  function position() {
    return pg.position();
  }

  function doStep() {
    if (training) return false;
    const rec = guard(() => pg.step());
    render();
    if (!rec) return false;
    page.announce(t('live.step', { t: rec.t + 1, token: info.vocabulary[rec.input], loss: num(rec.loss, 2) }));
    return true;
  }

  function doBack() {
    if (training) return;
    player.pause();
    guard(() => pg.stepBack());
    render();
  }

  function doReset() {
    if (training) return;
    player.pause();
    guard(() => pg.reset());
    render();
    page.announce(t('live.reset'));
  }

  function doBptt() {
    if (training) return;
    player.pause();
    const rec = guard(() => pg.bpttStep());
    render();
    if (rec) page.announce(t('live.back', { t: rec.t + 1, token: info.tokens[rec.t], norm: num(rec.dh_norm, 3) }));
  }

  function startTraining() {
    player.pause();
    const total = store.get().epochs;
    const startEpochs = pg.losses().length;
    setLabel(trainButton, 'train.stop');
    let spent = 0;
    training = runInSlices({
      total,
      run: (n) => {
        const t0 = performance.now();
        const r = guard(() => pg.train(n));
        spent += performance.now() - t0;
        return r;
      },
      done: (r) => Boolean(r?.diverged),
      onSlice: (finished, r) => {
        $('progress').value = finished / total;
        status.set($('train-status'), () => t('train.progress', { epoch: finished, total }) + (r ? ` · ${t('train.gradnorm', { norm: num(r.grad_norm, 3) })}` : ''));
        drawLoss();
        renderReadout();
      },
      onEnd: (r, cancelled) => {
        training = null;
        setLabel(trainButton, 'train.start');
        const epochs = pg.losses().length - startEpochs;
        if (epochs > 0 && spent > 0) showSpeed(spent / epochs);
        if (r?.diverged) {
          status.set($('train-status'), () => t('train.diverged', { message: localizeError(r.diverged) }));
          showNotice(t('train.diverged', { message: localizeError(r.diverged) }), 'warn');
        } else if (!cancelled) {
          status.set($('train-status'), () => t('train.done'));
          page.announce(t('live.trained', { loss: num(pg.sentenceLoss(), 3) }));
        }
        render();
      },
    });
    // Training restarts stepping with the new weights (its first slice runs on the next
    // frame): the panels show that now, and the stepping buttons wait until it ends.
    guard(() => pg.reset());
    render();
  }

  function stopTraining() {
    training?.cancel();
    training = null;
  }

  function runGradcheck() {
    const g = guard(() => pg.gradcheck());
    status.set($('gradcheck-result'), () => t('gradcheck.result', { err: g.worst_relative_error.toExponential(1), judged: g.judged, checked: g.checked, total: g.total, where: g.worst_weight }));
  }

  /** Times training updates on a copy of the network for at least 50 ms (the browser's
   * clock is coarse), for the corner readout. */
  function measureSpeed() {
    const probe = guard(() => new wasm.Playground(engineConfig(store.get())));
    try {
      probe.train(20); // warm up: the browser compiles hot code a second time
      let epochs = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < 50) {
        probe.train(10);
        epochs += 10;
      }
      showSpeed((performance.now() - t0) / epochs);
    } finally {
      probe.free();
    }
  }

  function showSpeed(msPerUpdate) {
    const us = (msPerUpdate * 1000) / info.tokens.length;
    page.perf(`${t('perf.token', { us: num(us, 3) })} · ${t('perf.steps', { n: Math.round(1000 / msPerUpdate).toLocaleString() })}`);
  }

  function renderStrip(pos) {
    const strip = $('strip');
    strip.replaceChildren();
    const tokens = [...info.tokens, info.vocabulary[info.vocabulary.length - 1]];
    const current = pos.backward > 0 ? pos.length - pos.backward : pos.forward - 1;
    tokens.forEach((tok, i) => {
      const chip = document.createElement('span');
      chip.setAttribute('role', 'listitem');
      chip.className = 'token';
      chip.dataset.testid = `token-${i}`;
      chip.textContent = tok;
      if (i === tokens.length - 1) {
        chip.classList.add('end');
        chip.title = t('strip.end');
      }
      if (i < pos.forward) chip.classList.add('read');
      if (i === current) {
        chip.classList.add(pos.backward > 0 ? 'back-current' : 'current');
        chip.setAttribute('aria-current', 'step');
      }
      strip.append(chip);
    });
  }

  function renderReadout() {
    const v = info.vocabulary.length;
    const lossNow = pg.sentenceLoss();
    $('loss-readout').textContent = `${t('train.loss', { loss: num(lossNow, 4) })} · ${t('train.lnv', { v, lnv: num(info.uniformLoss, 4) })}`;
  }

  function drawHidden() {
    const dpr = fitCanvas(hidden.canvas);
    guard(() => pg.drawHidden(hidden.canvas, dpr, [t('chart.hidden'), t('chart.hidden.unit'), t('chart.hidden.step'), t('chart.hidden.lines'), t('chart.hidden.empty')]));
    const hs = pg.hiddenStates();
    hidden.setTable([t('chart.hidden.step'), ...Array.from({ length: info.units }, (_, j) => `h${j + 1}`)], hs.map((h, i) => [`${i + 1} ${info.tokens[i]}`, ...h.map((v) => num(v, 3))]));
  }

  /** The loss table only changes with training (up to thousands of rows): the key of the
   * one on screen, so a step does not rebuild it. */
  let lossTableKey = '';

  function drawLoss() {
    const dpr = fitCanvas(loss.canvas);
    guard(() => pg.drawLoss(loss.canvas, dpr, [t('chart.loss'), t('chart.loss.x'), t('chart.loss.y'), t('chart.loss.ref'), t('chart.loss.empty')]));
    const losses = pg.losses();
    const key = `${losses.length} ${losses[losses.length - 1]} ${t('chart.loss.y')}`;
    if (key === lossTableKey) return;
    lossTableKey = key;
    loss.setTable([t('chart.loss.x'), t('chart.loss.y')], Array.from(losses, (l, i) => [i + 1, num(l, 4)]));
  }

  function drawGrad() {
    const dpr = fitCanvas(grad.canvas);
    guard(() => pg.drawGrad(grad.canvas, dpr, [t('chart.grad'), t('chart.grad.y'), t('chart.grad.series'), t('chart.grad.empty')]));
    const norms = pg.backNorms();
    grad.setTable([t('chart.hidden.step'), t('chart.grad.y')], norms.map(([step, n]) => [`${step + 1} ${info.tokens[step]}`, num(n, 4)]).reverse());
  }

  function render() {
    if (!pg) return;
    const pos = position();
    const current = pg.current();
    renderStrip(pos);
    renderForward($('forward'), info, current, { done: pos.forward === pos.length });
    renderPrediction($('prediction'), info, current);
    renderBackward($('backward'), info, pg.lastBack(), { ready: pos.forward === pos.length, done: pos.backward === pos.length });
    const busy = Boolean(training);
    root.querySelector('[data-testid="step"]').disabled = busy || pos.forward === pos.length;
    root.querySelector('[data-testid="step-back"]').disabled = busy || pos.forward === 0;
    root.querySelector('[data-testid="play"]').disabled = busy;
    root.querySelector('[data-testid="bptt-step"]').disabled = busy || pos.forward !== pos.length || pos.backward === pos.length;
    root.querySelector('[data-testid="activation"]').disabled = store.get().cell !== 'simple_rnn';
    renderReadout();
    drawHidden();
    drawLoss();
    drawGrad();
  }

  store.subscribe((changed, s) => {
    if (changed.includes('speed')) player.setSpeed(s.speed);
    if (changed.includes('text')) text.value = s.text;
    if (changed.some((k) => NETWORK_KEYS.includes(k))) build();
  });

  /** Keyboard: space steps, ← goes back, r resets (not while typing in a field). */
  function onKey(e) {
    if (!root.isConnected || e.ctrlKey || e.metaKey || e.altKey) return;
    const tag = document.activeElement?.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    if (tag === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
    if (e.key === ' ') {
      e.preventDefault();
      doStep();
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      doBack();
    } else if (e.key === 'r' || e.key === 'R') {
      doReset();
    }
  }
  document.addEventListener('keydown', onKey);

  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => root.isConnected && render(), 150);
  });

  build();
  return {
    /** Redraws in the current language. */
    relabel() {
      status.refresh();
      hidden.relabel();
      loss.relabel();
      grad.relabel();
      render();
    },
    show() {
      render();
    },
    /** For the end-to-end tests and the latency benchmark. */
    debug: { step: doStep, reset: doReset, playground: () => pg },
  };
}
