// The series view's layout: what the example is, training with its progress and the two
// charts, then the program in Keras and in this project's API side by side; the data
// settings beside (on a phone, after).
import { withSettings } from '../../ui/layout.js';

export const TEMPLATE = withSettings(
  's-data',
  'series.controls',
  `
    <section class="panel intro">
      <h3 data-i18n="series.heading"></h3>
      <p class="lead" data-i18n="series.intro"></p>
    </section>
    <section class="panel first" data-hide-id="series-train">
      <div class="inline-controls" data-role="train-row"></div>
      <progress max="1" value="0" data-testid="series-progress" data-role="progress" data-i18n-label="series.train"></progress>
      <p class="status" data-testid="series-status" data-role="status" role="status"></p>
      <div class="charts">
        <div class="chart-slot h260" data-role="chart-loss"></div>
        <div class="chart-slot h260" data-role="chart-predict"></div>
      </div>
      <p class="hint" data-i18n="series.why"></p>
    </section>
    <section class="panel" data-hide-id="code">
      <div class="code-pair">
        <figure class="code"><figcaption data-i18n="series.keras"></figcaption><pre data-testid="code-keras" data-role="code-keras" tabindex="0"></pre></figure>
        <figure class="code"><figcaption data-i18n="series.ours"></figcaption><pre data-testid="code-ours" data-role="code-ours" tabindex="0"></pre></figure>
      </div>
      <p class="hint" data-i18n="series.cli"></p>
      <code class="cli" data-role="code-cli" tabindex="0"></code>
    </section>`,
);
