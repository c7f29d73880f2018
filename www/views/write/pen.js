// Writing one character at a time: the seed text, the temperature, Step and Play; each
// step shows the ten likeliest next characters (the network's p and the p it was drawn
// with at the temperature), the one drawn, h, c and the gates of the step, and a new
// column of the hidden-state heatmap. "Write 5 poems" writes whole pieces at once.
import { prop } from '../../state.js';
import { t } from '../../i18n.js';
import { guard } from '../../engine.js';
import { describeError, showError } from '../../ui/banner.js';
import { button, numberControl, setLabel, sliderControl } from '../../ui/controls.js';
import { makeGrid } from '../../ui/grid.js';
import { nextTask } from '../../ui/view.js';
import { vectorRow } from '../../ui/vector.js';

const GATES = { lstm: ['gateI', 'gateF', 'gateG', 'gateO'], gru: ['gateZ', 'gateR', 'gateN'], simple_rnn: ['preact'] };
/** Characters written at most in one go of Play. */
const PLAY_LIMIT = 400;

/** A character as it can be seen (a line break, a space). */
const visible = (c) => (c === '\n' ? '↵' : c === ' ' ? '␣' : c);
const percent = (p) => (p >= 0.995 ? '100%' : p < 0.0005 ? '0%' : `${(p * 100).toFixed(p < 0.1 ? 1 : 0)}%`);

/**
 * @param {{view: any, store: any, desk: () => any, prompt: () => string, end: () => string, cell: () => string}} ctx
 */
export function mountPen(ctx) {
  const { view, store } = ctx;
  const { $ } = view;
  let step = null;
  let playing = null;

  const promptInput = document.createElement('input');
  promptInput.type = 'text';
  promptInput.maxLength = prop('prompt').maxLength;
  promptInput.dataset.testid = 'write-prompt';
  promptInput.name = 'prompt';
  const promptField = document.createElement('label');
  promptField.className = 'field';
  const promptLabel = document.createElement('span');
  promptLabel.dataset.i18n = 'write.prompt';
  promptLabel.textContent = t('write.prompt');
  promptField.append(promptLabel, promptInput);
  const showPrompt = () => (promptInput.value = ctx.prompt());
  promptInput.addEventListener('change', () => {
    const v = promptInput.value;
    // The store's listener (below) starts the pen again from the new start.
    store.set({ prompt: v.trim() === '' ? '' : v });
    showPrompt();
    if (!step) begin();
  });

  const beginButton = button('write.begin', 'write-begin', () => begin());
  const stepButton = button('write.step', 'write-step', () => once(), 'primary');
  const playButton = button('write.play', 'write-play', () => (playing ? stopPlay() : play()));
  $('pen-controls').append(
    promptField,
    sliderControl(store, 'temp', 'write.temperature', 0.05, 'write-temperature', (v) => v.toFixed(2)),
    numberControl(store, 'dseed', 'write.drawSeed', 1, 'write-draw-seed'),
    beginButton,
    stepButton,
    playButton,
  );
  const poemsButton = button('write.poems', 'write-poems', () => poems(), 'primary');
  $('poems-row').append(poemsButton);

  function ready() {
    const has = Boolean(ctx.desk()?.hasModel());
    for (const b of [beginButton, stepButton, playButton, poemsButton]) b.disabled = !has;
    if (!has) {
      $('pen-text').textContent = t('write.noModel');
      $('pen-text').classList.add('empty');
    }
    return has;
  }

  /** The pen reads the start again (a new model, a new start, a new seed). */
  function begin() {
    stopPlay();
    if (!ready()) return;
    try {
      step = guard(() => ctx.desk().begin(ctx.prompt(), store.get().dseed));
    } catch (err) {
      showError(err);
      // Not "No model yet" from before: there is a model, and this is why it cannot begin.
      $('pen-text').textContent = describeError(err);
      $('pen-text').classList.add('empty');
      return;
    }
    render();
  }

  function once() {
    if (!step) begin();
    if (!step) return false;
    try {
      step = guard(() => ctx.desk().step(store.get().temp));
    } catch (err) {
      showError(err);
      stopPlay();
      return false;
    }
    render();
    return true;
  }

  function play() {
    if (!ready()) return;
    setLabel(playButton, 'write.playPause');
    let left = PLAY_LIMIT;
    const tick = () => {
      if (!playing) return;
      if (left-- <= 0 || !once()) return stopPlay();
      playing = setTimeout(tick, 120);
    };
    playing = setTimeout(tick, 0);
  }

  function stopPlay() {
    if (playing) clearTimeout(playing);
    playing = null;
    setLabel(playButton, 'write.play');
  }

  /** Five poems, one per task (a big model writes a long one in a good part of a second). */
  let writing = 0;
  async function poems() {
    if (!ready()) return;
    const mine = ++writing;
    const s = store.get();
    const [start, end] = [ctx.prompt(), ctx.end()];
    const list = $('poems');
    list.replaceChildren();
    poemsButton.disabled = true;
    try {
      for (let k = 0; k < 5; k++) {
        $('poems-status').textContent = t('write.writing', { n: k + 1, count: 5 });
        await nextTask();
        if (mine !== writing || !ctx.desk()?.hasModel()) return;
        const poem = guard(() => ctx.desk().poem(start, end, s.temp, s.dseed + k));
        const li = document.createElement('li');
        li.textContent = poem;
        list.append(li);
      }
    } catch (err) {
      showError(err);
    } finally {
      if (mine === writing) {
        $('poems-status').textContent = '';
        poemsButton.disabled = !ctx.desk()?.hasModel();
      }
    }
  }

  function renderText() {
    const el = $('pen-text');
    el.classList.remove('empty');
    // Characters as the engine counts them (seedChars is a count of those).
    const chars = typeof Intl.Segmenter === 'function' ? Array.from(new Intl.Segmenter().segment(step.text), (x) => x.segment) : [...step.text];
    const seed = document.createElement('span');
    seed.className = 'seed';
    seed.textContent = chars.slice(0, step.seedChars).join('');
    const written = chars.slice(step.seedChars);
    const last = step.picked ? written.pop() : null;
    const body = document.createTextNode(written.join(''));
    el.replaceChildren(seed, body);
    if (last !== null) {
      const mark = document.createElement('mark');
      mark.textContent = last === '\n' ? '↵\n' : last;
      el.append(mark);
    }
    el.scrollTop = el.scrollHeight;
  }

  function renderTop() {
    const T = step.temperature.toFixed(2);
    $('top-caption').textContent = step.picked
      ? t('write.topCaptionPicked', { char: visible(step.picked.text), rank: step.rank, temperature: T })
      : t('write.topCaption', { temperature: T });
    const table = $('top10');
    const head = document.createElement('tr');
    for (const key of ['write.char', 'write.pBoth']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = t(key);
      if (key === 'write.pBoth') th.colSpan = 2;
      head.append(th);
    }
    const row = (c, picked) => {
      const tr = document.createElement('tr');
      if (picked) tr.className = 'picked';
      const ch = document.createElement('th');
      ch.scope = 'row';
      ch.textContent = visible(c.text);
      if (picked) ch.title = t('write.picked');
      const bars = document.createElement('td');
      bars.className = 'bars';
      bars.colSpan = 2;
      const p = document.createElement('span');
      p.className = 'bar p';
      p.style.width = `${(c.p * 100).toFixed(1)}%`;
      const d = document.createElement('span');
      d.className = 'bar drawn';
      d.style.width = `${(c.drawn * 100).toFixed(1)}%`;
      const nums = document.createElement('span');
      nums.className = 'nums';
      nums.textContent = `${percent(c.p)} → ${percent(c.drawn)}`;
      bars.append(p, d, nums);
      tr.append(ch, bars);
      return tr;
    };
    const rows = step.top.map((c) => row(c, step.picked?.id === c.id));
    if (step.picked && !step.top.some((c) => c.id === step.picked.id)) {
      const note = document.createElement('tr');
      const td = document.createElement('td');
      td.colSpan = 3;
      td.className = 'hint';
      td.textContent = `${t('write.outside')} (${step.rank})`;
      note.append(td);
      rows.push(note, row(step.picked, true));
    }
    table.replaceChildren(head, ...rows);
  }

  function renderState() {
    const u = step.h.length;
    const box = $('state');
    const rows = [vectorRow(t('write.h'), step.h, { range: 1, testid: 'pen-h' })];
    if (step.c.length) rows.push(vectorRow(t('write.c'), step.c, { testid: 'pen-c' }));
    const cell = ctx.cell();
    const names = GATES[cell] ?? GATES.simple_rnn;
    names.forEach((name, k) => {
      const values = step.gates.slice(k * u, (k + 1) * u);
      // Sigmoid gates lie in (0, 1): coloured on the same scale as h, 1 the darkest.
      rows.push(vectorRow(t(`write.${name}`), values, { range: name === 'preact' ? undefined : 1, testid: `pen-${name}` }));
    });
    // A new grid each step: makeGrid wires its keys once per element.
    const grid = document.createElement('div');
    grid.className = 'small-cells';
    grid.append(...rows);
    makeGrid(grid, t('write.stateGrid'));
    box.replaceChildren(grid);
    $('gates-hint').textContent = t(cell === 'lstm' ? 'write.gatesLstm' : cell === 'gru' ? 'write.gatesGru' : 'write.gatesSimple');
  }

  function render() {
    renderText();
    renderTop();
    renderState();
    view.redraw(['hidden']);
  }

  // The slider reshapes the distribution on screen at once (the next draw uses it too).
  store.subscribe((changed) => {
    if (changed.includes('temp') && step) {
      step = guard(() => ctx.desk().retemper(store.get().temp));
      renderTop();
    }
    if (changed.includes('dseed') || changed.includes('prompt')) {
      showPrompt();
      if (step) begin();
    }
  });
  showPrompt();
  ready();

  return {
    /** A new model to write with: start from the seed text. */
    restart() {
      step = null;
      writing++;
      $('poems-status').textContent = '';
      $('poems').replaceChildren();
      begin();
      if (!ctx.desk()?.hasModel()) view.redraw(['hidden']);
    },
    relabel() {
      showPrompt();
      if (step) {
        renderTop();
        renderState();
      } else ready();
    },
    stop: stopPlay,
    step: () => step,
  };
}
