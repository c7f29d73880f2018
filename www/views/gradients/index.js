// The gradient lab: vanishing and exploding gradients as experiments. Every chart is drawn
// by the engine's `GradientLab`; its runs (training under explosion, the memory
// comparison) are jobs off the page. This module wires controls, runs and texts.
import './texts.js';
import { errorText, setRich, t } from '../../i18n.js';
import { configFor } from '../../state.js';
import { guard } from '../../engine.js';
import { showNotice } from '../../ui/banner.js';
import { button, checkControl, numberControl, selectControl, sliderControl } from '../../ui/controls.js';
import { createView } from '../../ui/view.js';
import { num } from '../../ui/format.js';
import { TEMPLATE } from './template.js';

export { TEMPLATE };

const LAB_KEYS = ['gcell', 'gact', 'seqLen', 'radius', 'forgetBias', 'ginit', 'gseed'];
const CELLS = ['simple_rnn', 'lstm', 'gru'];

/** Mounts the lab in `root`; same contract as the sentence view. */
export function mount(root, store, wasm, page) {
  let lab = null;
  const view = createView(root, TEMPLATE, page, {
    engine: () => lab,
    files: { flow: 'gradient-flow', cells: 'three-cells', spectrum: 'eigenvalues', jacobians: 'step-jacobians', explode: 'training-explode', race: 'memory-race' },
    fileTag: () => {
      const s = store.get();
      return [s.gcell, s.gact, `rho${s.radius}`, `T${s.seqLen}`, `seed${s.gseed}`].join('_');
    },
  });
  const { $ } = view;
  const labConfig = () => configFor(store.get(), 'lab');

  $('fields').append(
    selectControl(store, 'gcell', 'lab.cell', (v) => `cell.${v}`, 'lab-cell'),
    selectControl(store, 'gact', 'lab.activation', (v) => v, 'lab-activation'),
    sliderControl(store, 'seqLen', 'lab.seqLen', 1, 'seq-len', (v) => String(v)),
    sliderControl(store, 'radius', 'lab.radius', 0.05, 'radius', (v) => Number(v).toFixed(2)),
    selectControl(store, 'forgetBias', 'lab.forgetBias', (v) => `forgetBias.${v}`, 'forget-bias'),
    selectControl(store, 'ginit', 'lab.init', (v) => `init.${v}`, 'w-init'),
    numberControl(store, 'gseed', 'lab.seed', 1, 'lab-seed'),
    checkControl(store, 'fixedAxis', 'lab.fixedAxis', 'fixed-axis'),
  );
  $('explode-controls').append(
    selectControl(store, 'clipMode', 'explode.clipMode', (v) => `clipMode.${v}`, 'clip-mode'),
    numberControl(store, 'clipC', 'explode.clip', 0.01, 'clip'),
    numberControl(store, 'taskLen', 'explode.taskLen', 1, 'task-len'),
  );
  const explodeButton = button('explode.run', 'train-grad', () => (explodeJob ? explodeJob.stop() : startExplode()), 'primary');
  $('explode-controls').append(explodeButton);
  const raceButton = button('race.run', 'race', () => (raceJob ? raceJob.stop() : startRace()), 'primary');
  $('race-controls').append(raceButton);
  let explodeJob = null;
  let raceJob = null;
  /** The last run's view and the last comparison's (for the tests). */
  let shown = { explode: null, race: null };

  const cellNames = () => CELLS.map((c) => t(`cell.${c}`));
  view.charts([
    ['flow', 'chart-flow', () => ({ flow: { title: t('flow.title'), x: t('flow.x'), y: t('flow.y'), measured: t('flow.measured'), reference: t('flow.reference'), empty: t('flow.empty'), fixedAxis: store.get().fixedAxis } })],
    ['cells', 'chart-cells', () => ({ cells: { title: t('cells.title'), x: t('flow.x'), y: t('flow.y'), empty: t('flow.empty'), names: cellNames(), fixedAxis: store.get().fixedAxis } }), (o) => measureUpTo('cells', o)],
    ['spectrum', 'chart-spectrum', () => ({ spectrum: { title: t('spectrum.title'), eigenvalues: t('spectrum.eigen'), unit: t('spectrum.unit'), inverseGamma: t('spectrum.invGamma'), radius: t('spectrum.rho'), sigma: t('spectrum.sigma') } })],
    ['jacobians', 'chart-jacobians', () => ({ jacobians: { title: t('jac.title'), x: t('jac.x'), y: t('jac.y'), one: t('jac.one') } }), (o) => measureUpTo('jacobians', o)],
    ['explode', 'chart-train-grad', () => ({ explode: { title: t('explode.title'), x: t('explode.x'), y: t('explode.y'), norm: t('explode.norm'), loss: t('explode.loss'), threshold: t('explode.threshold'), floor: t('explode.floor'), empty: t('explode.empty') } })],
    ['race', 'chart-race', () => ({ race: { title: t('race.title'), x: t('race.x'), y: t('race.y'), chance: t('race.chance'), empty: t('race.empty'), names: cellNames() } })],
  ]);

  /** The numbers under the charts. */
  function readouts() {
    const v = guard(() => lab.view());
    const f = v.flow;
    const s = store.get();
    // Averaged over every step, or only over those float32 still holds (then: why).
    const key = !Number.isFinite(f.norms.at(-1)) ? 'flow.numbersNone' : f.ratioSteps === f.norms.length - 1 ? 'flow.numbers' : f.overflow ? 'flow.numbersOver' : 'flow.numbersUnder';
    setRich($('flow-numbers'), t(key, { ratio: num(f.ratioPerStep, 4), steps: f.ratioSteps, rho: num(s.radius, 3), ltf: num(f.lastToFirst, 3), pred: num(f.predictedLastToFirst, 3) }));
    setRich($('flow-ratios'), t('flow.ratios', { ratios: f.firstRatios.map((r) => num(r, 4)).join(', ') }));
    $('flow-overflow').hidden = !f.overflow;
    $('flow-numbers').dataset.lastToFirst = String(f.lastToFirst);
    // The three cells are measured with their chart (measureUpTo): until then the old list stays.
    if (v.cells.length) {
      $('cells-numbers').replaceChildren(
        ...v.cells.map((cf, i) => {
          const li = document.createElement('li');
          setRich(li, t('cells.numbers', { cell: cellNames()[i], ltf: num(cf.lastToFirst, 3) }));
          return li;
        }),
      );
    }
    setRich($('spectrum-numbers'), t('spectrum.numbers', { rho: num(f.radius, 4), sigma: num(f.sigmaMax, 4), gamma: num(f.gamma, 3), ig: num(1 / f.gamma, 3) }));
    $('spectrum-numbers').dataset.rho = String(f.radius);
    $('spectrum-numbers').dataset.sigma = String(f.sigmaMax);
  }

  /** Draws what the settings changed (the cells and the Jacobians when they are seen). */
  function render() {
    if (!lab) return;
    readouts();
    view.redraw();
  }

  /**
   * The three cells and the step Jacobians are measured when their charts are about to
   * be drawn (on screen): new settings cost only the selected cell's flow until then.
   */
  function measureUpTo(part, { now = true } = {}) {
    while (!guard(() => lab.measured())[part]) {
      if (!guard(() => lab.measureMore())) break;
      // One part measured per frame (a cell's flow, the Jacobians), the drawing in a later
      // one: short tasks, not one long one.
      if (!now) return false;
    }
    if (part === 'cells') readouts();
    return true;
  }

  // A new lab for new settings, or the same one measuring again (it keeps the runs shown).
  const build = view.builder(store, LAB_KEYS, () => {
    if (!lab) return (lab = new wasm.GradientLab(labConfig()));
    lab.setConfig(labConfig());
    return lab;
  });

  /** New settings: measure again (runs made with the old ones stop, and the page says so). */
  let pending = 0;
  function remeasure() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      if (explodeJob || raceJob) {
        stopRun(explodeJob);
        stopRun(raceJob);
        showNotice(t('lab.runsStopped'), 'info');
      }
      build();
      render();
    });
  }

  function stopRun(job) {
    job?.cancel();
    if (job === explodeJob) explodeJob = null;
    if (job === raceJob) raceJob = null;
  }

  function explodeStatus(v) {
    if (v.stopped) return t('explode.stopped', { message: errorText(v.stopped) });
    const last = v.records[v.records.length - 1];
    return last
      ? t('explode.status', { n: v.records.length, total: v.config.updates, clipped: v.clipped, norm: num(last.gradNorm, 3), angle: num(last.angleDegrees, 2), acc: num(last.accuracy, 2), loss: last.loss === 0 && last.accuracy === 1 ? t('explode.lossZero') : num(last.loss, 3) })
      : '';
  }

  function startExplode() {
    const s = store.get();
    const payload = { lab: labConfig(), explode: configFor(s, 'explode') };
    view.status.set($('explode-status'), null);
    const show = (v) => {
      shown.explode = v;
      guard(() => lab.showExplode(v));
      $('explode-progress').value = v.records.length / v.config.updates;
      view.status.set($('explode-status'), () => explodeStatus(v));
      view.redraw(['explode']);
    };
    explodeJob = view.job('explode', payload, {
      button: explodeButton,
      idleKey: 'explode.run',
      busyKey: 'explode.stop',
      progress: (p) => show(p.view),
      done: ({ result }) => {
        explodeJob = null;
        if (result) show(result);
      },
    });
  }

  function drawRaceTable(results) {
    $('race-results').replaceChildren(
      ...results.map((x) => {
        const tr = document.createElement('tr');
        for (const text of [t(`cell.${x.cell}`), String(x.length), num(x.accuracy, 3)]) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        return tr;
      }),
    );
  }

  function startRace() {
    const show = (v) => {
      shown.race = v;
      guard(() => lab.showRace(v));
      $('race-progress').value = v.progress / Math.max(1, v.total);
      view.status.set($('race-status'), () => t('race.progress', { done: v.progress, total: v.total }));
      // A new row only when a run finished (a report between changes nothing there).
      if ($('race-results').rows.length !== v.results.length) drawRaceTable(v.results);
      view.redraw(['race']);
    };
    raceJob = view.job('race', { lab: labConfig(), race: {} }, {
      button: raceButton,
      idleKey: 'race.run',
      busyKey: 'explode.stop',
      progress: (p) => show(p.view),
      done: ({ result }) => {
        raceJob = null;
        if (result) show(result);
      },
    });
  }

  store.subscribe((changed) => {
    if (changed.some((k) => LAB_KEYS.includes(k))) remeasure();
    if (changed.includes('fixedAxis')) view.redraw(['flow', 'cells']);
    root.querySelector('[data-testid="lab-activation"]').disabled = store.get().gcell !== 'simple_rnn';
  });
  root.querySelector('[data-testid="lab-activation"]').disabled = store.get().gcell !== 'simple_rnn';
  view.onReset(() => {
    lab = null;
    build();
    render();
  });
  const ready = view.warmed('lab', { config: labConfig() }).then(() => {
    build();
    render();
  });

  return view.mounted({
    ready,
    after() {
      render();
      if (shown.race) drawRaceTable(shown.race.results);
    },
    debug: { lab: () => lab, explode: () => shown.explode, race: () => shown.race },
  });
}
