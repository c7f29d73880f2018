// The gradient lab: vanishing and exploding gradients as experiments. Every chart is
// drawn by the engine's `GradientLab`; this module wires controls, runs and texts.
import './texts.js';
import { t, translatePage } from '../../i18n.js';
import { addProps } from '../../state.js';
import { guard, isFatal } from '../../engine.js';
import { showNotice } from '../../ui/banner.js';
import { button, numberControl, selectControl, setLabel, sliderControl } from '../../ui/controls.js';
import { chartBox, fitCanvas } from '../../ui/chart.js';
import { num } from '../../ui/format.js';
import { runInSlices } from '../../slices.js';
import { localizeError } from '../../ui/errors.js';
import { statusLines } from '../../ui/status.js';
import { TEMPLATE } from './template.js';

addProps([
  { name: 'gcell', type: 'enum', values: ['simple_rnn', 'lstm', 'gru'], def: 'simple_rnn' },
  { name: 'gact', type: 'enum', values: ['linear', 'tanh', 'relu', 'sigmoid'], def: 'linear' },
  { name: 'seqLen', type: 'int', min: 10, max: 200, def: 50 },
  { name: 'radius', type: 'number', min: 0.1, max: 2.5, def: 0.9 },
  { name: 'forgetBias', type: 'enum', values: ['0', '1', '5'], def: '1' },
  { name: 'winit', type: 'enum', values: ['orthogonal', 'gaussian'], def: 'orthogonal' },
  { name: 'gseed', type: 'int', min: 0, max: 2147483647, def: 1 },
  { name: 'clipMode', type: 'enum', values: ['none', 'value', 'norm'], def: 'none' },
  { name: 'clipC', type: 'number', min: 0.01, max: 1000, def: 1 },
  { name: 'taskLen', type: 'int', min: 5, max: 100, def: 10 },
]);

const LAB_KEYS = ['gcell', 'gact', 'seqLen', 'radius', 'forgetBias', 'winit', 'gseed'];
const CELLS = ['simple_rnn', 'lstm', 'gru'];
/** Updates of the training run under explosion. */
const UPDATES = 300;

function labConfig(s) {
  return { cell: s.gcell, activation: s.gact, seq_len: s.seqLen, radius: s.radius, forget_bias: Number(s.forgetBias), init: s.winit, seed: s.gseed, units: 32 };
}


/** Mounts the lab in `root`; same contract as the sentence view. */
export function mountGradients(root, store, wasm, page) {
  root.innerHTML = TEMPLATE;
  translatePage(root);
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);
  let lab = guard(() => new wasm.GradientLab(labConfig(store.get())));
  let explodeJob = null;
  let raceJob = null;
  const status = statusLines();

  $('fields').append(
    selectControl(store, 'gcell', 'lab.cell', (v) => `cell.${v}`, 'lab-cell'),
    selectControl(store, 'gact', 'lab.activation', (v) => v, 'lab-activation'),
    sliderControl(store, 'seqLen', 'lab.seqLen', 1, 'seq-len', (v) => String(v)),
    sliderControl(store, 'radius', 'lab.radius', 0.05, 'radius', (v) => Number(v).toFixed(2)),
    selectControl(store, 'forgetBias', 'lab.forgetBias', (v) => `forgetBias.${v}`, 'forget-bias'),
    selectControl(store, 'winit', 'lab.init', (v) => `init.${v}`, 'w-init'),
    numberControl(store, 'gseed', 'lab.seed', 1, 'lab-seed'),
  );
  $('explode-controls').append(
    selectControl(store, 'clipMode', 'explode.clipMode', (v) => `clipMode.${v}`, 'clip-mode'),
    numberControl(store, 'clipC', 'explode.clip', 0.01, 'clip'),
    numberControl(store, 'taskLen', 'explode.taskLen', 1, 'task-len'),
  );
  const explodeButton = button('explode.run', 'train-grad', () => (explodeJob ? explodeJob.cancel() : startExplode()), 'primary');
  $('explode-controls').append(explodeButton);
  const raceButton = button('race.run', 'race', () => (raceJob ? raceJob.cancel() : startRace()), 'primary');
  $('race-controls').append(raceButton);

  const charts = {
    flow: chartBox('chart-flow', 280),
    cells: chartBox('chart-cells', 260),
    spectrum: chartBox('chart-spectrum', 340),
    explode: chartBox('chart-train-grad', 280),
    race: chartBox('chart-race', 260),
  };
  for (const [name, c] of Object.entries(charts)) $(`chart-${name}`).append(c.figure);

  const cellNames = () => CELLS.map((c) => t(`cell.${c}`));

  function drawFlow() {
    const c = charts.flow;
    guard(() => lab.drawFlow(c.canvas, fitCanvas(c.canvas), [t('flow.title'), t('flow.x'), t('flow.y'), t('flow.measured'), t('flow.reference'), t('flow.empty')]));
    const v = lab.view();
    const f = v.flow;
    const s = store.get();
    $('flow-numbers').textContent = t('flow.numbers', { ratio: num(f.ratio_per_step, 4), rho: num(s.radius, 3), ltf: num(f.last_to_first, 3), pred: num(Math.pow(s.radius, s.seqLen - 1), 3) });
    $('flow-ratios').textContent = t('flow.ratios', { ratios: f.first_ratios.map((r) => num(r, 4)).join(', ') });
    $('flow-overflow').hidden = !f.overflow;
    $('flow-numbers').dataset.lastToFirst = String(f.last_to_first);
    c.setTable([t('flow.x'), t('flow.measured'), t('flow.reference')], f.norms.map((n, i) => [i + 1, num(n, 4), num(f.reference[i], 4)]));

    const cc = charts.cells;
    guard(() => lab.drawCells(cc.canvas, fitCanvas(cc.canvas), [t('cells.title'), t('flow.x'), t('flow.y'), t('flow.empty')], cellNames()));
    $('cells-numbers').replaceChildren(
      ...v.cells.map((cf, i) => {
        const li = document.createElement('li');
        li.textContent = t('cells.numbers', { cell: cellNames()[i], ltf: num(cf.last_to_first, 3) });
        return li;
      }),
    );
    cc.setTable([t('flow.x'), ...cellNames()], v.cells[0].norms.map((_, i) => [i + 1, ...v.cells.map((cf) => num(cf.norms[i], 4))]));

    const sc = charts.spectrum;
    guard(() =>
      lab.drawSpectrum(
        sc.canvas,
        fitCanvas(sc.canvas),
        [t('spectrum.title'), t('spectrum.eigen'), t('spectrum.unit'), t('spectrum.invGamma'), t('spectrum.rho'), t('spectrum.sigma')],
        [t('jac.title'), t('jac.x'), t('jac.y'), t('jac.one')],
      ),
    );
    $('spectrum-numbers').textContent = t('spectrum.numbers', { rho: num(f.radius, 4), sigma: num(f.sigma_max, 4), gamma: num(f.gamma, 3), ig: num(1 / f.gamma, 3) });
    $('spectrum-numbers').dataset.rho = String(f.radius);
    $('spectrum-numbers').dataset.sigma = String(f.sigma_max);
    // Two tables in one: the eigenvalues, then the step Jacobians' norms.
    sc.setTable(
      ['', 'Re λ / t', 'Im λ / ‖∂h_t/∂h_{t−1}‖', '|λ|'],
      [
        ...f.eigenvalues.map((l, i) => [`λ${i + 1}`, num(l.re, 4), num(l.im, 4), num(Math.hypot(l.re, l.im), 4)]),
        ...f.jacobian_norms.map((j, i) => ['J', i + 1, num(j, 4), '']),
      ],
    );
  }

  function drawExplode() {
    const c = charts.explode;
    guard(() => lab.drawExplode(c.canvas, fitCanvas(c.canvas), [t('explode.title'), t('explode.x'), t('explode.y'), t('explode.norm'), t('explode.loss'), t('explode.threshold'), t('explode.empty')]));
    const records = lab.explodeRecords() ?? [];
    c.setTable([t('explode.x'), t('explode.norm'), t('explode.loss')], records.map((r) => [r.update, num(r.grad_norm, 4), num(r.loss, 4)]));
  }

  function drawRace(results = []) {
    $('race-results').replaceChildren(
      ...results.map((x) => {
        const tr = document.createElement('tr');
        tr.innerHTML = `<td></td><td>${x.length}</td><td>${num(x.accuracy, 3)}</td>`;
        tr.firstChild.textContent = t(`cell.${x.cell}`);
        return tr;
      }),
    );
    const c = charts.race;
    guard(() => lab.drawRace(c.canvas, fitCanvas(c.canvas), [t('race.title'), t('race.x'), t('race.y'), t('race.chance'), t('race.empty')], cellNames()));
    c.setTable([t('table.cell'), t('race.x'), t('race.y')], results.map((x) => [t(`cell.${x.cell}`), x.length, num(x.accuracy, 3)]));
  }

  function startExplode() {
    try {
      guard(() => lab.startExplode(store.get().clipMode, store.get().clipC, UPDATES, store.get().taskLen));
    } catch (err) {
      if (isFatal(err)) throw err;
      return showNotice(String(err.message || err), 'warn');
    }
    setLabel(explodeButton, 'explode.stop');
    status.set($('explode-status'), null);
    explodeJob = runInSlices({
      total: UPDATES,
      run: (n) => guard(() => lab.explodeStep(n)),
      done: (r) => r.done,
      onSlice: (_, r) => {
        $('explode-progress').value = r.updates / r.total;
        status.set($('explode-status'), () => {
          if (r.stopped) return t('explode.stopped', { message: localizeError(r.stopped) });
          const last = r.last;
          return last ? t('explode.status', { n: r.updates, total: r.total, clipped: r.clipped, norm: num(last.grad_norm, 3), angle: num(last.angle_degrees, 2), acc: num(last.accuracy, 2), loss: num(last.loss, 3) }) : '';
        });
        drawExplode();
      },
      onEnd: () => {
        explodeJob = null;
        setLabel(explodeButton, 'explode.run');
        drawExplode();
      },
    });
  }

  function startRace() {
    guard(() => lab.startRace({}));
    setLabel(raceButton, 'explode.stop');
    let total = 1;
    raceJob = runInSlices({
      total: 1e9,
      run: (n) => guard(() => lab.raceStep(n)),
      done: (r) => r.done,
      onSlice: (_, r) => {
        total = r.total;
        $('race-progress').value = r.progress / total;
        status.set($('race-status'), () => t('race.progress', { done: r.progress, total }));
        raceResults = r.results;
        drawRace(raceResults);
      },
      onEnd: () => {
        raceJob = null;
        setLabel(raceButton, 'race.run');
      },
    });
  }

  let pending = 0;
  function remeasure() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      try {
        guard(() => lab.setConfig(labConfig(store.get())));
      } catch (err) {
        if (isFatal(err)) throw err;
        showNotice(String(err.message || err), 'warn');
      }
      drawFlow();
    });
  }

  store.subscribe((changed) => {
    if (root.isConnected && changed.some((k) => LAB_KEYS.includes(k))) remeasure();
    root.querySelector('[data-testid="lab-activation"]').disabled = store.get().gcell !== 'simple_rnn';
  });
  root.querySelector('[data-testid="lab-activation"]').disabled = store.get().gcell !== 'simple_rnn';

  let raceResults = [];
  function renderAll() {
    drawFlow();
    drawExplode();
    drawRace(raceResults);
  }
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => root.isConnected && renderAll(), 150);
  });
  requestAnimationFrame(renderAll);

  return {
    relabel() {
      status.refresh();
      for (const c of Object.values(charts)) c.relabel();
      renderAll();
    },
    show() {
      lab.setConfig(labConfig(store.get()));
      renderAll();
    },
    debug: { lab: () => lab },
  };
}
