// Training the character model in the page's worker: Train, then Pause / Resume / Stop.
// The display grows as it learns: the progress bar, the losses per character (nats and
// bits) against ln V and the unigram, updates and characters per second, and a sample
// every so often. The worker keeps the network between runs, so Resume goes on from where
// it paused; the model comes back to the page at each pause or stop (to write with).
import { t } from '../../i18n.js';
import { guard } from '../../engine.js';
import { button, setLabel } from '../../ui/controls.js';
import { num, whole } from '../../ui/format.js';

const LN2 = Math.LN2;

/**
 * @param {{view: any, store: any, desk: () => any, payload: () => Promise<object|null>,
 *   adopt: (modelFile: string, info: object) => void}} ctx
 */
export function mountTraining(ctx) {
  const { view, store } = ctx;
  const { $ } = view;
  /** idle | starting | running | paused | finished */
  let phase = 'idle';
  let run = null;
  let updates = 0;
  let last = null;
  let stopping = false;

  const main = button('write.train', 'write-train', () => onMain(), 'primary');
  const stop = button('write.stop', 'write-stop', () => finish());
  stop.hidden = true;
  $('train-row').append(main, stop);

  function label() {
    setLabel(main, { idle: 'write.train', starting: 'write.pause', running: 'write.pause', paused: 'write.resume', finished: 'write.restart' }[phase]);
    // While the text loads, nothing to pause yet: one start at a time.
    main.disabled = phase === 'starting';
    stop.hidden = phase !== 'running' && phase !== 'paused';
  }

  function onMain() {
    if (phase === 'starting') return;
    if (phase === 'running') return pause();
    if (phase === 'finished') updates = 0;
    start();
  }

  /** Epoch of the runs: a run's reports count only while it is the latest one started. */
  let generation = 0;

  async function start() {
    const mine = ++generation;
    phase = 'starting';
    label();
    const payload = await ctx.payload().catch((err) => (ctx.error(err), null));
    // Settings changed while the text loaded (a reset), or no text: nothing starts.
    if (mine !== generation || !payload) {
      if (mine === generation) phase = 'idle';
      return label();
    }
    stopping = false;
    phase = 'running';
    label();
    const target = store.get().wupdates;
    if (updates >= target) updates = 0;
    const from = updates;
    view.status.set($('status'), null);
    const current = () => mine === generation;
    run = view.job('textTrain', { ...payload, from, target, every: Math.max(10, Math.round(target / 12)) }, {
      progress: (p) => current() && show(p, from),
      // A text the engine refuses (too short for a window) or an engine restart.
      error: (err) => {
        if (!current()) return;
        run = null;
        phase = 'idle';
        label();
        ctx.error(err);
      },
      done: ({ result, cancelled, stopped }) => {
        if (!current()) return;
        run = null;
        if (cancelled || !result) {
          if (phase === 'running') phase = 'idle';
          label();
          return;
        }
        updates = result.updates;
        ctx.adopt(result.weights, { history: result.history, updates, corpus: payload.name });
        guard(() => ctx.desk().showHistory(result.history));
        view.redraw(['loss']);
        showSamples(result.samples);
        phase = stopped && !stopping ? 'paused' : 'finished';
        if (!stopped) $('progress').value = 1;
        label();
        view.status.set($('status'), () => words(result.history, phase));
      },
    });
  }

  function pause() {
    run?.stop();
  }

  function finish() {
    stopping = true;
    if (run) run.stop();
    else {
      phase = 'finished';
      label();
      view.status.set($('status'), () => t('write.stoppedAt', { updates }));
    }
  }

  /** The status when a run ends: paused, or trained (and where it was stopped). */
  function words(history, now) {
    if (now === 'paused') return t('write.paused', { updates });
    const held = history.heldOut.length ? history.heldOut[history.heldOut.length - 1][1] : NaN;
    // A trained model lives in this tab only: the reader is told before a reload loses it.
    const trained = `${t('write.finished', { updates, held: num(held, 3), bits: num(held / LN2, 3), unigram: num(history.unigram, 3) })} ${t('write.notKept')}`;
    return stopping ? `${t('write.stoppedAt', { updates })} ${trained}` : trained;
  }

  function show(p, from = 0) {
    last = p;
    updates = p.updates;
    // The worker lost the network (an engine restart): it trains again from the seed.
    if (p.from < from && p.updates < from) return view.status.set($('status'), () => t('write.catchUp', { updates: from }));
    $('progress').value = p.target ? p.updates / p.target : 0;
    const h = p.history;
    const loss = p.report?.loss ?? NaN;
    const held = h.heldOut.length ? h.heldOut[h.heldOut.length - 1][1] : null;
    view.status.set($('status'), () =>
      held === null
        ? t('write.progressEarly', { updates: p.updates, target: p.target, loss: num(loss, 3), bits: num(loss / LN2, 3), uniform: num(h.uniform, 3) })
        : t('write.progress', { updates: p.updates, target: p.target, loss: num(loss, 3), bits: num(loss / LN2, 3), held: num(held, 3), uniform: num(h.uniform, 3), unigram: num(h.unigram, 3) }),
    );
    if (p.rate) $('rates').textContent = t('write.rates', { updates: num(p.rate.updates, 3), chars: whole(p.rate.characters) });
    guard(() => ctx.desk().showHistory(h));
    view.redraw(['loss']);
    showSamples(p.samples);
  }

  const samples = new Map();
  function showSamples(list = []) {
    for (const s of list) samples.set(s.updates, s.text);
    const el = $('samples');
    if (!samples.size) {
      const li = document.createElement('li');
      li.className = 'hint';
      li.textContent = t('write.samplesEmpty');
      return el.replaceChildren(li);
    }
    const keys = [...samples.keys()].sort((a, b) => a - b).slice(-6);
    el.replaceChildren(
      ...keys.map((u) => {
        const li = document.createElement('li');
        const at = document.createElement('span');
        at.className = 'at';
        at.textContent = t('write.sampleAt', { updates: u });
        const text = document.createElement('span');
        text.className = 'sample';
        text.textContent = samples.get(u).replace(/\n/g, ' ↵ ');
        li.append(at, text);
        return li;
      }),
    );
  }
  showSamples();
  label();

  return {
    /** New settings or a new text: what was trained is gone (the model on the desk stays). */
    reset() {
      generation++;
      run?.cancel();
      run = null;
      phase = 'idle';
      updates = 0;
      last = null;
      samples.clear();
      showSamples();
      $('progress').value = 0;
      $('rates').textContent = '';
      view.status.set($('status'), null);
      label();
    },
    relabel() {
      label();
      showSamples();
      if (last && phase === 'running') show(last);
    },
    phase: () => phase,
    updates: () => updates,
  };
}
