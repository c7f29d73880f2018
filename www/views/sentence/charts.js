// The sentence view's charts, drawn by the engine: the hidden state, each unit over time
// (one highlighted on request), the loss per epoch and ‖dL/dh_t‖ as the gradient walks back.
import { t } from '../../i18n.js';
import { guard } from '../../engine.js';
import { selectControl } from '../../ui/controls.js';

export function mountCharts(ctx) {
  const { view, store } = ctx;
  const draw = (which) => (canvas, style) => ctx.pg() && guard(() => ctx.pg().draw(canvas, style, which()));
  view.chart('hidden', {
    place: 'chart-hidden',
    testid: 'chart-hidden',
    height: 240,
    title: () => t('chart.hidden'),
    draw: draw(() => ({ hidden: { title: t('chart.hidden'), unit: t('chart.hidden.unit'), step: t('chart.hidden.step'), empty: t('chart.hidden.empty') } })),
  });
  view.chart('units', {
    place: 'chart-units',
    testid: 'chart-units',
    height: 240,
    title: () => t('chart.hidden.lines'),
    draw: draw(() => ({
      units: {
        title: t('chart.hidden.lines'),
        step: t('chart.hidden.step'),
        empty: t('chart.hidden.empty'),
        highlight: store.get().highlight > 0 ? store.get().highlight - 1 : null,
      },
    })),
  });
  view.chart('loss', {
    place: 'chart-loss',
    testid: 'chart-loss',
    height: 220,
    title: () => t('chart.loss'),
    draw: draw(() => ({ loss: { title: t('chart.loss'), x: t('chart.loss.x'), y: t('chart.loss.y'), reference: t('chart.loss.ref'), empty: t('chart.loss.empty') } })),
  });
  view.chart('grad', {
    place: 'chart-grad',
    testid: 'chart-grad',
    height: 220,
    title: () => t('chart.grad'),
    draw: draw(() => ({ grad: { title: t('chart.grad'), x: t('chart.grad.x'), y: t('chart.grad.y'), series: t('chart.grad.series'), empty: t('chart.grad.empty') } })),
  });
  // Which unit stands out in "each unit over time" (0: none).
  const pick = document.createElement('div');
  pick.className = 'chart-options';
  view.$('chart-units').prepend(pick);
  const units = () => ctx.info()?.units ?? 8;
  const highlight = selectControl(store, 'highlight', 'chart.highlight', (v) => (v === '0' ? 'chart.highlight.none' : `h${v}`), 'highlight');
  pick.append(highlight);
  const select = highlight.querySelector('select');
  return {
    /** Hides the units the network does not have from the highlight menu. */
    update() {
      for (const o of select.options) o.hidden = Number(o.value) > units();
    },
  };
}
