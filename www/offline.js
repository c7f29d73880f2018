// Registers the service worker of the built site (www/pwa/sw.js): after the first visit
// the page opens without a network. Only the production build calls this; the page works
// the same without it (an old browser, a private window, a file:// copy).

/**
 * @param {{onUpdated: () => void}} options  `onUpdated` runs when a new deployment has
 *   taken over this page (not on the first visit, when there was nothing to update)
 */
export function registerOffline({ onUpdated }) {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  const hadController = Boolean(sw.controller);
  sw.addEventListener('controllerchange', () => {
    if (hadController) onUpdated();
  });
  // After the page has loaded: installing copies every file, which must not compete with
  // the first view for the network.
  const register = () => sw.register('./sw.js').catch((err) => console.warn('offline copy unavailable:', err?.message || err));
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
