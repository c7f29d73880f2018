// The Write view's layout: what it is; the text it learns and its training (progress,
// loss chart, samples as it learns); writing one character at a time (the seed text, the
// temperature, the ten likeliest next characters, h and the gates, the heatmap); whole
// poems; keeping the model. The network's settings beside (on a phone, after).
import { withSettings } from '../../ui/layout.js';

export const TEMPLATE = withSettings(
  'w-model',
  'write.controls',
  `
    <section class="panel intro">
      <h3 data-i18n="write.heading"></h3>
      <p class="lead" data-i18n="write.intro"></p>
    </section>
    <section class="panel first" data-hide-id="write-train">
      <h3 data-i18n="write.trainHeading"></h3>
      <div class="inline-controls" data-role="corpus-row"></div>
      <div class="own-text" data-role="own" hidden>
        <label class="field wide"><span data-i18n="write.ownLabel"></span>
          <textarea rows="4" data-testid="own-text" data-role="own-text" spellcheck="false"></textarea></label>
        <div class="inline-controls"><button type="button" data-testid="own-use" data-role="own-use" data-i18n="write.ownUse"></button>
          <span class="hint" data-role="own-info" data-testid="own-info"></span></div>
      </div>
      <p class="hint" data-role="corpus-info" data-testid="corpus-info"></p>
      <div class="inline-controls" data-role="train-row"></div>
      <progress max="1" value="0" data-testid="write-progress" data-role="progress" data-i18n-label="write.trainHeading"></progress>
      <p class="status" data-testid="write-status" data-role="status" role="status"></p>
      <p class="status rates" data-testid="write-rates" data-role="rates"></p>
      <div class="charts one">
        <div class="chart-slot h260" data-role="chart-loss"></div>
      </div>
      <h4 data-i18n="write.samples"></h4>
      <ol class="samples" data-testid="write-samples" data-role="samples"></ol>
    </section>
    <section class="panel" data-hide-id="write-pen">
      <h3 data-i18n="write.penHeading"></h3>
      <p class="lead" data-i18n="write.penIntro"></p>
      <div class="inline-controls" data-role="pen-controls"></div>
      <div class="pen-text" data-testid="pen-text" data-role="pen-text" aria-live="off"></div>
      <div class="pen-grid">
        <figure class="top10">
          <figcaption data-role="top-caption"></figcaption>
          <table class="topk" data-testid="top10" data-role="top10"></table>
        </figure>
        <div class="pen-state">
          <div data-role="state" data-testid="pen-state"></div>
          <p class="hint" data-role="gates-hint"></p>
        </div>
      </div>
      <div class="charts one">
        <div class="chart-slot h260" data-role="chart-hidden"></div>
      </div>
    </section>
    <section class="panel" data-hide-id="write-poems">
      <h3 data-i18n="write.poemsHeading"></h3>
      <p class="lead" data-i18n="write.poemsIntro"></p>
      <div class="inline-controls" data-role="poems-row"></div>
      <p class="status" data-role="poems-status" data-testid="poems-status" role="status"></p>
      <ol class="poems" data-testid="poems" data-role="poems"></ol>
    </section>
    <section class="panel" data-hide-id="write-keep">
      <h3 data-i18n="write.keepHeading"></h3>
      <p class="lead" data-i18n="write.keepIntro"></p>
      <div class="inline-controls" data-role="keep-row"></div>
      <ul class="saved" data-testid="saved-models" data-role="saved"></ul>
      <p class="hint" data-i18n="write.cli"></p>
      <code class="cli" data-role="code-cli" data-testid="write-cli" tabindex="0"></code>
    </section>`,
);
