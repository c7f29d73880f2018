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

/** The token cut to `max` characters (graphemes) with an ellipsis. */
export function shortToken(token, max = 12) {
  const text = drawable(token);
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
