// The token strip: the sentence's tokens and the end marker, the one being read (or walked
// back through) highlighted. Long tokens are cut, with the whole token on hover and focus.
import { t } from '../../i18n.js';
import { shortToken, drawable } from '../../ui/tokens.js';

/**
 * @param {HTMLElement} strip
 * @param {{tokens: string[]}} info
 * @param {{forward: number, backward: number, length: number}} pos
 */
export function renderStrip(strip, info, pos) {
  strip.replaceChildren();
  const current = pos.backward > 0 ? pos.length - pos.backward : pos.forward - 1;
  [...info.tokens, null].forEach((tok, i) => {
    const chip = document.createElement('span');
    chip.setAttribute('role', 'listitem');
    chip.className = 'token';
    chip.dataset.testid = `token-${i}`;
    if (tok === null) {
      chip.classList.add('end');
      chip.textContent = t('strip.endShort');
      chip.title = t('strip.end');
    } else {
      chip.textContent = shortToken(tok, 12);
      if (chip.textContent !== tok) {
        chip.title = drawable(tok);
        chip.tabIndex = 0;
        chip.setAttribute('aria-label', drawable(tok));
      }
    }
    if (i < pos.forward) chip.classList.add('read');
    if (i === current) {
      chip.classList.add(pos.backward > 0 ? 'back-current' : 'current');
      chip.setAttribute('aria-current', 'step');
    }
    strip.append(chip);
  });
}
