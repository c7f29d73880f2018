// Models kept in this browser (IndexedDB): the model file's text with what it was trained
// on, so a student can reload the page and write with it again. Each entry is
// {id, name, date, corpus, updates, cell, units, weights | modelFile, history}
// (weights: {config, vocabulary, params: Float32Array}).
const DB = 'rnn-playground';
const STORE = 'write-models';

function open() {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('no IndexedDB'));
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Runs `fn(store)` in a transaction; resolves to its request's result. */
async function withStore(mode, fn) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Keeps `entry`; resolves to its id. */
export function saveModel(entry) {
  return withStore('readwrite', (s) => s.add(entry));
}

/** Every entry, newest first, without their model files (those are read when opened). */
export async function listModels() {
  const all = await withStore('readonly', (s) => s.getAll());
  return all.map(({ modelFile, weights, history, ...rest }) => rest).sort((a, b) => b.id - a.id);
}

export function getModel(id) {
  return withStore('readonly', (s) => s.get(id));
}

export function deleteModel(id) {
  return withStore('readwrite', (s) => s.delete(id));
}
