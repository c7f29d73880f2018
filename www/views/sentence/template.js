// The sentence view's layout: the stage (tokens, stepping, formula, prediction, backward
// pass, charts) and the controls. On a phone the stage comes first, so Step is on the
// first screen; the settings follow. Texts are filled in by data-i18n keys; the controls
// themselves are added by the view.

export const TEMPLATE = `
<div class="layout sentence">
  <div class="stage">
    <p class="lead intro" data-i18n="sentence.intro"></p>
    <div class="strip" role="list" data-testid="token-strip" data-role="strip" data-i18n-label="strip.label"></div>
    <div class="stepbar" data-role="stepbar"></div>
    <p class="hint keys" data-i18n="step.keys"></p>
    <div class="pair">
      <div class="hide-wrap" data-hide-id="forward"><section class="panel forward" data-testid="forward-panel" data-role="forward" aria-live="off"></section></div>
      <div class="hide-wrap" data-hide-id="prediction"><section class="panel prediction" data-testid="prediction" data-role="prediction"></section></div>
    </div>
    <div class="hide-wrap" data-hide-id="backward"><section class="panel backward" data-testid="backward-panel" data-role="backward"></section></div>
    <div class="charts">
      <div class="chart-slot h240" data-hide-id="chart-hidden" data-role="chart-hidden"></div>
      <div class="chart-slot h240" data-hide-id="chart-units" data-role="chart-units"></div>
      <div class="chart-slot h220" data-hide-id="chart-loss" data-role="chart-loss"></div>
      <div class="chart-slot h220" data-hide-id="chart-grad" data-role="chart-grad"></div>
    </div>
  </div>
  <aside class="panel side" aria-labelledby="s-controls">
    <h2 id="s-controls" data-i18n="controls.title"></h2>
    <div class="fields" data-role="fields"></div>
    <div class="text-row" data-hide-id="text">
      <label class="field wide"><span data-i18n="controls.text"></span>
        <textarea rows="2" data-testid="text" data-role="text"></textarea></label>
      <button type="button" data-testid="apply-text" data-role="apply" data-i18n="controls.apply"></button>
    </div>
    <section class="train" data-hide-id="train" aria-labelledby="s-train">
      <h3 id="s-train" data-i18n="train.title"></h3>
      <div class="train-row" data-role="train-row"></div>
      <progress max="1" value="0" data-testid="train-progress" data-role="progress" data-i18n-label="train.title"></progress>
      <p class="status" data-testid="train-status" data-role="train-status" role="status"></p>
      <p class="readout" data-testid="loss-readout" data-role="loss-readout"></p>
      <p class="hint" data-role="lnv-why" data-i18n="train.lnvWhy"></p>
      <p class="hint perf" data-testid="perf" data-role="perf"></p>
      <div class="gradcheck" data-hide-id="gradcheck">
        <button type="button" data-testid="gradcheck" data-role="gradcheck" data-i18n="gradcheck.button"></button>
        <progress max="1" value="0" data-testid="gradcheck-progress" data-role="gradcheck-progress" data-i18n-label="gradcheck.button" hidden></progress>
        <p class="status" data-testid="gradcheck-result" data-role="gradcheck-result"></p>
        <p class="hint" data-i18n="gradcheck.note"></p>
      </div>
      <div class="model-io" data-hide-id="model">
        <h3 data-i18n="model.title"></h3>
        <div class="train-row" data-role="model-row"></div>
        <details data-role="model-code">
          <summary data-i18n="model.load"></summary>
          <figure class="code"><figcaption>Python (tf.keras)</figcaption><pre data-testid="code-python" data-role="code-python" tabindex="0"></pre></figure>
          <figure class="code"><figcaption>TensorFlow.js</figcaption><pre data-testid="code-tfjs" data-role="code-tfjs" tabindex="0"></pre></figure>
        </details>
      </div>
    </section>
  </aside>
</div>`;
