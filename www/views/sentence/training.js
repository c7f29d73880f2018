// Training the sentence network, off the page (a worker, or slices if none can start):
// the job trains a copy made from the same settings and the page adopts its weights, so
// stepping shows the trained network. "New weights" starts again from the seed. The speed
// readout comes from the real training runs (and, before the first, from a short probe in
// idle time).
import { errorText, t } from '../../i18n.js';
import { guard } from '../../engine.js';
import { showNotice } from '../../ui/banner.js';
import { button, numberControl } from '../../ui/controls.js';
import { num, whole } from '../../ui/format.js';

export function mountTraining(ctx, render) {
  const { view, store, page } = ctx;
  const { $ } = view;
  let job = null;
  const trainButton = button('train.start', 'train', () => (job ? stop() : start(store.get().epochs)), 'primary');
  const reinitButton = button('train.reinit', 'reinit', () => reinit());
  $('train-row').append(numberControl(store, 'epochs', 'controls.epochs', 1), trainButton, reinitButton);

  function showSpeed(msPerEpoch) {
    const us = (msPerEpoch * 1000) / ctx.info().tokens.length;
    view.status.set($('perf'), () => `${t('perf.title')}: ${t('perf.token', { us: num(us, 3) })} · ${t('perf.steps', { n: whole(1000 / msPerEpoch) })}`);
  }

  /**
   * Trains `epochs` more (the URL's `trained` counts those done). `quiet`: a link's
   * training on load, which ends without the "trained" notice.
   */
  function start(epochs, { quiet = false } = {}) {
    if (job) return;
    // A network from a file trains with the settings it brought (some have no control,
    // such as the GRU's reset_after); others with the page's.
    const config = ctx.fromFile ? guard(() => ctx.pg().config()) : ctx.config();
    const from = guard(() => ctx.pg().losses().length);
    // A network from a file: the job starts from its weights, not from the seed's.
    const weights = ctx.fromFile ? guard(() => ({ file: ctx.fromFile, params: new Float32Array(ctx.pg().params()), losses: new Float32Array(ctx.pg().losses()) })) : null;
    $('progress').value = 0;
    const started = performance.now();
    job = view.job('sentenceTrain', { config, from, epochs, weights }, {
      button: trainButton,
      idleKey: 'train.start',
      busyKey: 'train.stop',
      progress: (p) => {
        $('progress').value = p.finished / p.total;
        view.status.set($('train-status'), () => t('train.progress', { epoch: Math.max(0, p.epochs - from), total: epochs }) + (p.report ? ` · ${t('train.gradnorm', { norm: num(p.report.gradNorm, 3) })}` : ''));
      },
      done: ({ result, cancelled, stopped }) => {
        job = null;
        // One rendering of the panels, at the end, when there are weights to adopt (two
        // were one long task on a slow phone).
        if (cancelled || !result) return render();
        guard(() => ctx.pg().adopt(result.params, result.losses));
        const done = result.losses.length - from;
        if (done > 0) showSpeed((performance.now() - started) / Math.max(1, result.losses.length));
        // The reader stays at the moment they were at (a link's, or where they pressed
        // Train), now with the trained weights: the URL, Copy link and file names keep it.
        ctx.goTo(store.get().pos, store.get().back, { draw: false });
        // (A network from a file: a link cannot carry its weights, so it does not count them.)
        store.set({ trained: ctx.fromFile ? 0 : result.losses.length });
        if (result.report?.diverged) {
          const message = errorText(result.report.diverged);
          view.status.set($('train-status'), () => t('train.diverged', { message: errorText(result.report.diverged) }));
          showNotice(t('train.diverged', { message }), 'warn');
        } else if (stopped) {
          view.status.set($('train-status'), () => t('train.stopped', { n: done }));
        } else if (!quiet) {
          view.status.set($('train-status'), () => t('train.done'));
          page.announce(t('live.trained', { loss: num(ctx.pg().sentenceLoss(), 3) }));
        } else view.status.set($('train-status'), () => t('train.linked', { n: result.losses.length }));
        $('progress').value = 1;
        render();
      },
    });
    // Nothing the panels show changes when training starts (the button says so itself, and
    // stepping goes on), so there is no rendering here: it would be most of the click's task.
  }

  /** The Stop button: the epochs trained so far are kept. */
  function stop() {
    job?.stop();
  }

  function reinit() {
    if (job) return;
    ctx.fromFile = null;
    guard(() => ctx.pg().reinit());
    store.set({ trained: 0, pos: 0, back: 0 });
    view.status.set($('train-status'), () => t('train.reinitDone'));
    $('progress').value = 0;
    render();
  }

  /** The speed before any training: a short probe on a copy, in idle time. */
  function probe() {
    const idle = window.requestIdleCallback || ((fn) => setTimeout(() => fn({ timeRemaining: () => 8 }), 200));
    let copy = null;
    let epochs = 0;
    let spent = 0;
    const tick = (deadline) => {
      if (!view.root.isConnected || job) return copy?.free();
      try {
        copy ??= new ctx.wasm.Playground(ctx.config());
        while (deadline.timeRemaining() > 2 && spent < 40) {
          const t0 = performance.now();
          copy.train(1);
          spent += performance.now() - t0;
          epochs += 1;
        }
      } catch {
        return copy?.free();
      }
      if (spent < 40) idle(tick);
      else {
        copy.free();
        showSpeed(spent / epochs);
      }
    };
    idle(tick);
  }

  return {
    start,
    /** Stops training because the settings it used changed, and says so. */
    cancelForSettings() {
      if (!job) return;
      job.cancel();
      showNotice(t('train.cancelledBySettings'), 'info');
    },
    reset() {
      view.status.set($('train-status'), null);
      $('progress').value = 0;
    },
    probe,
  };
}
