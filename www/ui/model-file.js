// Reading a model file the student chose or dropped, the same way in every view: a file
// larger than the engine reads is refused by its size before it is read.
import { t } from '../i18n.js';
import { describeError, showNotice } from './banner.js';

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A hidden file chooser for model files (`testid` for the tests); `open(file)` gets the one chosen. */
export function modelFileInput(testid, open) {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.hidden = true;
  input.dataset.testid = testid;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) open(file);
  });
  return input;
}

/** Says on the page that `file` was not opened, and why (a text, or an error to word). */
export function refuseFile(file, why) {
  showNotice(t('model.refused', { name: file.name, why: typeof why === 'string' ? why : describeError(why) }), 'warn');
}

/** The text of `file`, or null once the page has said why not. `wasm`: the view's engine module. */
export async function readModelFile(file, wasm) {
  const limit = wasm.fileLimit();
  if (file.size > limit) {
    refuseFile(file, t('model.tooBig', { size: mb(file.size), limit: mb(limit) }));
    return null;
  }
  try {
    return await file.text();
  } catch (err) {
    refuseFile(file, err);
    return null;
  }
}
