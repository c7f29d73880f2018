// The gradient lab's layout: settings on the left; on the right the flow chart, the three
// cells, the spectrum, training under explosion and the memory comparison, each with a
// short explanation.

export const TEMPLATE = `
<div class="layout">
  <aside class="panel side" aria-labelledby="g-controls">
    <h2 id="g-controls" data-i18n="lab.controls"></h2>
    <div class="fields one" data-role="fields"></div>
  </aside>
  <div class="stage">
    <section class="panel">
      <p class="lead" data-i18n="lab.intro"></p>
      <div data-role="chart-flow"></div>
      <p class="readout" data-testid="flow-numbers" data-role="flow-numbers"></p>
      <p class="status" data-testid="flow-ratios" data-role="flow-ratios"></p>
      <p class="warn" data-testid="flow-overflow" data-role="flow-overflow" data-i18n="flow.overflow" hidden></p>
      <p class="hint" data-i18n="flow.why"></p>
    </section>
    <section class="panel">
      <div data-role="chart-cells"></div>
      <ul class="numbers" data-testid="cells-numbers" data-role="cells-numbers"></ul>
      <p class="hint" data-i18n="cells.why"></p>
    </section>
    <section class="panel">
      <div class="charts spectral">
        <div data-role="chart-spectrum"></div>
        <div data-role="chart-jacobians"></div>
      </div>
      <p class="readout" data-testid="spectrum-numbers" data-role="spectrum-numbers"></p>
      <p class="hint" data-i18n="spectrum.why"></p>
    </section>
    <section class="panel">
      <h3 data-i18n="explode.heading"></h3>
      <p class="lead" data-i18n="explode.intro"></p>
      <div class="inline-controls" data-role="explode-controls"></div>
      <progress max="1" value="0" data-testid="train-grad-progress" data-role="explode-progress"></progress>
      <p class="status" data-testid="train-grad-status" data-role="explode-status"></p>
      <div data-role="chart-explode"></div>
      <p class="hint" data-i18n="explode.why"></p>
    </section>
    <section class="panel">
      <h3 data-i18n="race.heading"></h3>
      <p class="lead" data-i18n="race.intro"></p>
      <div class="inline-controls" data-role="race-controls"></div>
      <progress max="1" value="0" data-testid="race-progress" data-role="race-progress"></progress>
      <p class="status" data-testid="race-status" data-role="race-status"></p>
      <div class="charts">
        <div data-role="chart-race"></div>
        <table class="results" data-testid="race-results"><thead><tr><th data-i18n="table.cell"></th><th data-i18n="race.x"></th><th data-i18n="race.y"></th></tr></thead><tbody data-role="race-results"></tbody></table>
      </div>
      <p class="hint" data-i18n="race.why"></p>
    </section>
  </div>
</div>`;
