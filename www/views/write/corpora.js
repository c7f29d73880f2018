// The texts the Write view learns: two shipped with the site (each its own file, fetched
// when first chosen), or one a student pastes. A pasted text is checked here first, so
// the common mistakes get a sentence that says what to do.
import { t } from '../../i18n.js';
import { describeError } from '../../ui/banner.js';
import { whole } from '../../ui/format.js';
import COUNTS from 'virtual:corpus-counts';

const BUNDLED = {
  tang: () => import('../../../assets/corpora/tang-poems.txt?raw'),
  sonnets: () => import('../../../assets/corpora/shakespeare-sonnets.txt?raw'),
};
/** The shipped texts' files, in assets/corpora/. */
export const CORPUS_FILES = { tang: 'tang-poems.txt', sonnets: 'shakespeare-sonnets.txt' };

/**
 * Characters and distinct ones of a shipped text, counted when the site was built
 * (www/build/corpora-plugin.js): the view says them without fetching the text.
 */
export function shippedCounts(name) {
  return COUNTS[CORPUS_FILES[name]] ?? null;
}

/** Where a sample starts, for each text (a pasted one: its first character). */
const STARTS = { tang: '春', sonnets: 'Shall I' };

/** Where a piece ends: a poem per line (Tang), a sonnet per paragraph. */
const ENDS = { tang: '\n', sonnets: '\n\n' };

/** The text of a shipped corpus. */
export async function loadCorpus(name) {
  return (await BUNDLED[name]()).default;
}

/** Where writing starts for corpus `name` (a pasted text: `start`, the engine's textFacts). */
export function startOf(name, start = null) {
  return STARTS[name] ?? start ?? '\n';
}

/** Where a piece ends for corpus `name`; a pasted `text`: paragraphs if it has any, else lines. */
export function endOf(name, text = null) {
  return ENDS[name] ?? (text?.includes('\n\n') ? '\n\n' : '\n');
}

/**
 * A pasted text, checked as training will check it (`textFacts`: the engine's own
 * segmentation and limits): {facts} ({chars, vocabulary, start}), or {problem}, a sentence.
 * Only white space is the page's own rule: the engine would learn it, nobody means it. (The
 * engine counts a text of any size without keeping it: 60 MB in well under 0.1 s.)
 */
export function checkOwnText(text, textFacts) {
  if (text.trim() === '') return { problem: t('write.ownEmpty') };
  try {
    return { facts: textFacts(text) };
  } catch (err) {
    return { problem: corpusErrorText(err?.detail, text) ?? describeError(err) };
  }
}

/** The words for an engine error about a pasted text (null: not about the text). */
export function corpusErrorText(detail, text = '') {
  if (!detail) return null;
  if (detail.kind === 'empty' && detail.field === 'corpus') return t('write.ownEmpty');
  if (detail.kind === 'outOfRange' && detail.field === 'vocabulary') {
    const first = [...text][0] ?? '…';
    return Number(detail.value) < detail.min ? t('write.ownOneChar', { char: first === '\n' ? '↵' : first }) : t('write.ownTooMany', { value: detail.value, max: detail.max });
  }
  if (detail.kind === 'outOfRange' && detail.field === 'corpus') return t('write.ownTooShort', { min: detail.min });
  if (detail.kind === 'tooLong' && detail.field === 'corpus') return t('write.ownTooBig', { value: whole(detail.length), max: whole(detail.max) });
  if (detail.kind === 'tooLong' && detail.field === 'character') return t('write.ownLongChar', { length: whole(detail.length), max: detail.max });
  return null;
}
