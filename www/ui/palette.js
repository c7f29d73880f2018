// The diverging colour scale of the engine's charts (ColorBrewer PuOr: orange below
// zero, white at zero, purple above), so cells on the page and heatmaps agree.
const PU_OR = [[179, 88, 6], [241, 163, 64], [254, 224, 182], [247, 247, 247], [216, 218, 235], [153, 142, 195], [84, 39, 136]];

/** CSS colour of `v` on a scale from -range to range. */
export function diverging(v, range = 1) {
  if (!Number.isFinite(v)) return 'rgb(0,0,0)';
  const x = range > 0 ? Math.max(-1, Math.min(1, v / range)) : 0;
  const pos = ((x + 1) / 2) * (PU_OR.length - 1);
  const i = Math.min(Math.floor(pos), PU_OR.length - 2);
  const f = pos - i;
  const c = PU_OR[i].map((a, k) => Math.round(a + (PU_OR[i + 1][k] - a) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/**
 * Black or white text, whichever contrasts more with `v`'s colour (WCAG relative
 * luminance). Pure black and white: on any colour one of them reaches 4.5:1, the contrast
 * small text needs; a dark grey would fall short on the mid oranges.
 */
export function inkFor(v, range = 1) {
  const [r, g, b] = diverging(v, range).match(/\d+/g).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (lum + 0.05) > (lum + 0.05) / 0.05 ? '#fff' : '#000';
}
