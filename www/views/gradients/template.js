// The gradient lab's layout: settings on the left; on the right the flow chart, the three
// cells, the spectrum, training under explosion and the memory comparison, each with a
// short explanation.
import { runSection, withSettings } from '../../ui/layout.js';

export const TEMPLATE = withSettings(
  'g-controls',
  'lab.controls',
  `
    <section class="panel intro">
      <p class="lead" data-i18n="lab.intro"></p>
      <div data-hide-id="flow">
        <div class="chart-slot h280" data-role="chart-flow"></div>
        <p class="readout" data-testid="flow-numbers" data-role="flow-numbers"></p>
        <p class="status" data-testid="flow-ratios" data-role="flow-ratios"></p>
        <p class="warn" data-testid="flow-overflow" data-role="flow-overflow" data-i18n="flow.overflow" hidden></p>
        <p class="hint" data-i18n="flow.why"></p>
      </div>
    </section>
    <section class="panel" data-hide-id="cells">
      <div class="chart-slot h260" data-role="chart-cells"></div>
      <ul class="numbers" data-testid="cells-numbers" data-role="cells-numbers"></ul>
      <p class="hint" data-i18n="cells.why"></p>
    </section>
    <section class="panel" data-hide-id="spectrum">
      <div class="charts spectral">
        <div class="chart-slot h360" data-role="chart-spectrum"></div>
        <div class="chart-slot h260" data-role="chart-jacobians"></div>
      </div>
      <p class="readout" data-testid="spectrum-numbers" data-role="spectrum-numbers"></p>
      <p class="hint" data-i18n="spectrum.why"></p>
    </section>
    ${runSection('explode', 'explode', 'train-grad', '<div class="chart-slot h280" data-role="chart-explode"></div><p class="hint" data-i18n="explode.why"></p>')}
    ${runSection(
      'race',
      'race',
      'race',
      `<div class="charts">
        <div class="chart-slot h260" data-role="chart-race"></div>
        <table class="results" data-testid="race-results"><thead><tr><th data-i18n="table.cell"></th><th data-i18n="race.x"></th><th data-i18n="race.y"></th></tr></thead><tbody data-role="race-results"></tbody></table>
      </div>
      <p class="hint" data-i18n="race.why"></p>`,
    )}`,
);
