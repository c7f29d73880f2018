// The gradient check: BPTT against finite differences for the current weights, run as a
// job (a few weights per slice, with a progress bar), so a large network never freezes the
// page. When no gradient is large enough to judge, it says so instead of reporting 0.
import { t } from '../../i18n.js';
import { guard } from '../../engine.js';

import { num } from '../../ui/format.js';

export function mountGradcheck(ctx) {
  const { view, page } = ctx;
  const { $ } = view;
  let job = null;
  $('gradcheck').addEventListener('click', () => (job ? job.stop() : start()));

  function describe(g) {
    if (g.judged === 0) return t('gradcheck.nothing', { checked: g.checked, total: g.total, floor: num(g.floor, 2) });
    return t('gradcheck.result', { err: g.worstRelativeError.toExponential(1), judged: g.judged, checked: g.checked, total: g.total, where: g.worstWeight });
  }

  function start() {
    const pg = ctx.pg();
    const payload = { config: ctx.config(), params: new Float32Array(guard(() => pg.params())) };
    const progress = $('gradcheck-progress');
    progress.hidden = false;
    progress.value = 0;
    view.status.set($('gradcheck-result'), () => t('gradcheck.running'));
    job = view.job('gradcheck', payload, {
      button: $('gradcheck'),
      idleKey: 'gradcheck.button',
      busyKey: 'train.stop',
      progress: (p) => {
        progress.value = p.report.checked / Math.max(1, p.report.planned);
      },
      done: ({ result, cancelled, stopped }) => {
        job = null;
        progress.hidden = true;
        if (cancelled || !result) return view.status.set($('gradcheck-result'), () => t('gradcheck.cancelled'));
        // Stopped early: what was checked so far still counts, and the page says it is partial.
        view.status.set($('gradcheck-result'), () => (stopped ? `${t('gradcheck.partial')} ` : '') + describe(result));
      },
    });
  }

  return {
    /** The weights changed: an old result no longer applies. */
    reset() {
      job?.cancel();
      view.status.set($('gradcheck-result'), null);
    },
  };
}
