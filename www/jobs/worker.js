// The page's Web Worker: its own engine instance, running the views' long jobs (each view's meta.js) so
// the page never waits for them. The worker runs the page's own script (main.js calls
// `startWorker` when it finds itself in a worker), so the site has no second copy of the
// engine's JavaScript. Messages (see client.js, which talks to it):
//
//   page → worker  {type: 'init', part, module}     one of the page's compiled engine
//                                                  modules (engine.js: one per view)
//                  {type: 'start', id, name, payload}
//                  {type: 'warm', id, part, payload}   a view's start-up, first (warm.js)
//                  {type: 'stop', id}     finish now and hand back what there is
//                  {type: 'cancel', id}   finish now, hand back nothing
//   worker → page  {type: 'ready', part} | {type: 'failed', part, message}
//                  {type: 'progress', id, progress}
//                  {type: 'done', id, result, stopped}   (a warm-up's: result null)
//                  {type: 'warmFailed', part, message}   a mistake in warm.js
//                  {type: 'error', id, error: {name, message, detail}}
//
// A job runs in chunks of about 30 ms; between chunks the worker reads its messages (a
// stop or a cancel) and posts the latest progress. A trap restarts this instance only.
import { guard, isEngineError, loadEngine, onEngineReset } from '../engine.js';
import { JOBS, WARMUPS } from '../views/index.js';
import { runSlice } from './slice.js';

const cache = new Map();
const jobs = new Map();
/** part → Promise of that engine module's exports, in this worker. */
const engines = new Map();

/** `part`'s module in this worker: the page's compiled code if it sent it, else fetched here. */
function engine(part, module = null) {
  if (!engines.has(part)) engines.set(part, loadEngine(part, module));
  return engines.get(part);
}

/** Lets the worker read the messages that arrived (a stop, a cancel) before going on. */
let channel = null;
const waiting = [];
function yieldToMessages() {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/** The buffers of the typed arrays in `value` (one level deep), to move rather than copy. */
function buffers(value) {
  const out = [];
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) if (ArrayBuffer.isView(v)) out.push(v.buffer);
  }
  return out;
}

function errorRecord(err) {
  return { name: err?.name || 'Error', message: String(err?.message || err), detail: err?.detail ?? null };
}

async function run(id, name, payload) {
  const flags = jobs.get(id);
  const spec = JOBS[name];
  try {
    if (!spec) throw new Error(`no job named ${name}`);
    const wasm = await engine(spec.part);
    const state = guard(() => spec.start(wasm, payload, cache));
    // Slices of 30 ms between messages, about 8 ms a call: the worker stays quick to hear a stop.
    const pace = { chunk: 1, budget: 30, perCall: 8 };
    for (;;) {
      const progress = runSlice(spec, state, pace);
      await yieldToMessages();
      if (flags.cancelled) return;
      postMessage({ type: 'progress', id, progress });
      if (progress.done || flags.stopped) {
        const result = guard(() => spec.result(state));
        postMessage({ type: 'done', id, result, stopped: !progress.done }, buffers(result));
        return;
      }
    }
  } catch (err) {
    postMessage({ type: 'error', id, error: errorRecord(err) });
  } finally {
    jobs.delete(id);
  }
}

/**
 * A view's warm-up (warm.js), then 'done': the page builds its view. Settings the engine
 * refuses, or a trap, end it quietly: the page meets them when it builds its view, and
 * says so there. Any other failure is a mistake in warm.js: the page logs it ('warmFailed').
 */
function warm(id, part, wasm, payload) {
  try {
    guard(() => WARMUPS[part](wasm, payload));
  } catch (err) {
    if (!isEngineError(err) && err?.name !== 'EngineRestarted') postMessage({ type: 'warmFailed', part, message: String(err?.message || err) });
  }
  postMessage({ type: 'done', id, result: null, stopped: false });
}

/** Makes this worker the jobs' worker. */
export function startWorker() {
  onEngineReset(() => cache.clear());
  channel = new MessageChannel();
  channel.port1.onmessage = () => waiting.shift()?.();
  self.onmessage = onMessage;
}

function onMessage({ data }) {
  switch (data.type) {
    case 'init':
      engine(data.part, data.module).then(
        (wasm) => {
          // What the page calls first of any module, compiled here before the page calls
          // it (warm.js says why): the page waits for 'ready' to do so (main.js).
          try {
            guard(() => wasm.settingsSchema());
          } catch {
            // The page finds out itself.
          }
          postMessage({ type: 'ready', part: data.part });
        },
        (err) => {
          engines.delete(data.part);
          postMessage({ type: 'failed', part: data.part, message: String(err?.message || err) });
        },
      );
      break;
    case 'warm':
      engine(data.part).then(
        (wasm) => warm(data.id, data.part, wasm, data.payload),
        () => postMessage({ type: 'done', id: data.id, result: null, stopped: false }),
      );
      break;
    case 'start':
      jobs.set(data.id, { stopped: false, cancelled: false });
      run(data.id, data.name, data.payload);
      break;
    case 'stop':
    case 'cancel': {
      const flags = jobs.get(data.id);
      if (flags) flags[data.type === 'stop' ? 'stopped' : 'cancelled'] = true;
      break;
    }
  }
}
