// A tab opened before the site was deployed again still asks for the old version's files,
// which are gone: the first view it has not opened yet cannot arrive. Then the page asks
// for a reload instead of saying the engine could not be loaded.
import { t } from '../i18n.js';

/**
 * Whether the site now deployed is another version than the one this page came from: the
 * service worker's list of the built files (sw.js, which never comes from the cache) no
 * longer names `script`, this page's own entry file. False when that cannot be told
 * (offline, no sw.js in a development build).
 */
async function deployedSince(script) {
  try {
    const response = await fetch(new URL('sw.js', document.baseURI), { cache: 'no-store' });
    if (!response.ok) return false;
    const name = new URL(script).pathname.split('/').pop();
    return !(await response.text()).includes(name);
  } catch {
    return false;
  }
}

/**
 * If the site was deployed again since this page (entry file `script`) loaded, `line` (a
 * failure's status line) becomes a request to reload, with its button.
 */
export async function askForReloadIfDeployed(line, script) {
  if (!(await deployedSince(script))) return;
  const reload = Object.assign(document.createElement('button'), { type: 'button', textContent: t('loading.reload') });
  reload.dataset.testid = 'reload';
  reload.addEventListener('click', () => location.reload());
  line.replaceChildren(document.createTextNode(`${t('loading.updated')} `), reload);
}
