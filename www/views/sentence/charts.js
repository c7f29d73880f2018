// The sentence view's charts, drawn by the engine: the hidden state, each unit over time
// (one highlighted on request), the loss per epoch and ‖dL/dh_t‖ as the gradient walks back.
import { t } from '../../i18n.js';
import { selectControl } from '../../ui/controls.js';
import { addTools } from '../../ui/chart.js';

export function mountCharts(ctx) {
  const { view, store } = ctx;
  const highlighted = () => (store.get().highlight > 0 ? store.get().highlight - 1 : null);
  view.charts([
    ['hidden', 'chart-hidden', () => ({ hidden: { title: t('chart.hidden'), unit: t('chart.hidden.unit'), step: t('chart.hidden.step'), empty: t('chart.hidden.empty') } })],
    ['units', 'chart-units', () => ({ units: { title: t('chart.hidden.lines'), step: t('chart.hidden.step'), empty: t('chart.hidden.empty'), highlight: highlighted() } })],
    ['loss', 'chart-loss', () => ({ loss: { title: t('chart.loss'), x: t('chart.loss.x'), y: t('chart.loss.y'), reference: t('chart.loss.ref'), empty: t('chart.loss.empty') } })],
    ['grad', 'chart-grad', () => ({ grad: { title: t('chart.grad'), x: t('chart.grad.x'), y: t('chart.grad.y'), series: t('chart.grad.series'), empty: t('chart.grad.empty') } })],
  ]);
  // Which unit stands out in "each unit over time" (0: none).
  const units = () => ctx.info()?.units ?? 8;
  const highlight = selectControl(store, 'highlight', 'chart.highlight', (v) => (v === '0' ? 'chart.highlight.none' : `h${v}`), 'highlight');
  addTools(view.box('units'), highlight);
  const select = highlight.querySelector('select');
  return {
    /** Hides the units the network does not have from the highlight menu. */
    update() {
      for (const o of select.options) o.hidden = Number(o.value) > units();
    },
  };
}
