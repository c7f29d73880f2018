// Models kept in this browser (IndexedDB): the model with what it was trained on, so a
// student can reload the page and write with it again. Two stores, one entry in each per
// model under the same id: `write-models` holds the whole entry
// {id, name, date, corpus, updates, cell, units, weights | modelFile, history}
// (weights: {config, vocabulary, params: Float32Array}), read only when a model is opened;
// `write-model-list` holds what the list shows {id, name, date, corpus, updates, cell,
// units}, so listing 400 models of 4 MB each reads a few kilobytes, not 1.6 GB.
const DB = 'rnn-playground';
const STORE = 'write-models';
const LIST = 'write-model-list';
const SHOWN = ['id', 'name', 'date', 'corpus', 'updates', 'cell', 'units'];

const summary = (entry) => Object.fromEntries(SHOWN.map((k) => [k, entry[k]]));

function open() {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('no IndexedDB'));
    const request = indexedDB.open(DB, 2);
    request.onupgradeneeded = (e) => {
      const db = request.result;
      if (e.oldVersion < 1) db.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
      // Version 1 had the whole entries only: their summaries are written once, here.
      const list = db.createObjectStore(LIST, { keyPath: 'id' });
      if (e.oldVersion >= 1) {
        request.transaction.objectStore(STORE).openCursor().onsuccess = (c) => {
          const cursor = c.target.result;
          if (!cursor) return;
          list.put(summary(cursor.value));
          cursor.continue();
        };
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Runs `fn(stores)` in a transaction over `names`; resolves to the result of the request it returns. */
async function withStores(names, mode, fn) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(names, mode);
      const request = fn(...names.map((n) => tx.objectStore(n)));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Keeps `entry` (and its summary, in the same transaction); resolves to its id. */
export function saveModel(entry) {
  return withStores([STORE, LIST], 'readwrite', (all, list) => {
    const request = all.add(entry);
    request.onsuccess = () => list.put(summary({ ...entry, id: request.result }));
    return request;
  });
}

/** What the list shows of every entry, newest first (the weights are read when one is opened). */
export async function listModels() {
  const all = await withStores([LIST], 'readonly', (list) => list.getAll());
  return all.sort((a, b) => Number(b.id) - Number(a.id));
}

export function getModel(id) {
  return withStores([STORE], 'readonly', (all) => all.get(id));
}

export function deleteModel(id) {
  return withStores([STORE, LIST], 'readwrite', (all, list) => {
    list.delete(id);
    return all.delete(id);
  });
}
