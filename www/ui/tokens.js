// Tokens as the page shows them: long ones cut with an ellipsis (the whole token on hover
// and focus), and emoji that this machine cannot draw named by their code points.

let canDrawEmoji = null;

/** Whether this browser has a font for colour emoji (tested once, on a small canvas). */
export function emojiSupported() {
  if (canDrawEmoji !== null) return canDrawEmoji;
  try {
    const c = document.createElement('canvas');
    c.width = c.height = 16;
    const ctx = c.getContext('2d', { willReadFrequently: true });
    ctx.textBaseline = 'top';
    ctx.font = '14px sans-serif';
    ctx.fillText('🐼', 0, 0);
    const { data } = ctx.getImageData(0, 0, 16, 16);
    // A drawn emoji has coloured pixels; a missing glyph is a grey or empty box.
    let colour = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 40) colour++;
    canDrawEmoji = colour > 4;
  } catch {
    canDrawEmoji = true;
  }
  return canDrawEmoji;
}

const EMOJI = /\p{Extended_Pictographic}/u;

/** "U+1F43C" for each code point of an emoji token (when emoji cannot be drawn). */
function codePoints(token) {
  return [...token].filter((ch) => ch !== '\u200d' && ch !== '\ufe0f').map((ch) => `U+${ch.codePointAt(0).toString(16).toUpperCase()}`).join(' ');
}

/** The token as text the page can draw: emoji by code point where needed. */
export function drawable(token) {
  return EMOJI.test(token) && !emojiSupported() ? codePoints(token) : token;
}

// Made on first need: creating a segmenter loads the browser's Unicode tables (about 12 ms
// on a fast machine, four times that on a phone), and most text needs none.
let segmenter;
function graphemeSegmenter() {
  if (segmenter === undefined) segmenter = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  return segmenter;
}

/** Characters that join with their neighbours: marks, joiners, selectors, skin tones, flags, Hangul jamo, CR LF. */
const JOINS = /[\p{M}\u200c\u200d\ufe00-\ufe0f\u{1f3fb}-\u{1f3ff}\p{Regional_Indicator}\u{e0020}-\u{e007f}\u1100-\u11ff\r]/u;

/** The characters of `text` as a reader counts them (👍🏽 and 👨‍👩‍👧 are one each). */
function graphemes(text) {
  // Without a joining character, every code point is a character of its own.
  if (!JOINS.test(text)) return [...text];
  const seg = graphemeSegmenter();
  return seg ? [...seg.segment(text)].map((s) => s.segment) : [...text];
}

/** The token cut to `max` characters with an ellipsis (the whole token on hover), drawn. */
export function shortToken(token, max = 12) {
  const chars = graphemes(token);
  return chars.length <= max ? drawable(token) : `${drawable(chars.slice(0, max - 1).join(''))}…`;
}
