// The parts of the views' templates that repeat: the settings panel beside the stage, and
// a section that runs something (its controls, a progress bar and a status line).

/** A layout: the settings panel (heading `headingKey`, fields in data-role "fields") and the stage. */
export function withSettings(id, headingKey, stage, { fields = 'fields one' } = {}) {
  return `
<div class="layout">
  <aside class="panel side" aria-labelledby="${id}">
    <h2 id="${id}" data-i18n="${headingKey}"></h2>
    <div class="${fields}" data-role="fields"></div>
  </aside>
  <div class="stage">${stage}</div>
</div>`;
}

/**
 * A section with a heading, an introduction, controls (data-role `${role}-controls`), a
 * progress bar and a status line (test ids `${testid}-progress`, `${testid}-status`).
 */
export function runSection(key, role, testid, body) {
  return `
    <section class="panel" data-hide-id="${role}">
      <h3 data-i18n="${key}.heading"></h3>
      <p class="lead" data-i18n="${key}.intro"></p>
      <div class="inline-controls" data-role="${role}-controls"></div>
      <progress max="1" value="0" data-testid="${testid}-progress" data-role="${role}-progress" data-i18n-label="${key}.heading"></progress>
      <p class="status" data-testid="${testid}-status" data-role="${role}-status" role="status"></p>
      ${body}
    </section>`;
}
