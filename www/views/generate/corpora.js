// The texts the Write view learns: two shipped with the site (each its own file, fetched
// when first chosen), or one a student pastes. A pasted text is checked here first, so
// the common mistakes get a sentence that says what to do.
import { t } from '../../i18n.js';
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

/** The largest text a student may paste, in bytes of UTF-8. */
export const OWN_LIMIT = 1024 * 1024;

/** The text of a shipped corpus. */
export async function loadCorpus(name) {
  return (await BUNDLED[name]()).default;
}

/** The first character of a text, as the engine splits it (a flag emoji is one). */
export function firstChar(text) {
  const trimmed = text.trim();
  if (typeof Intl.Segmenter !== 'function') return [...trimmed][0];
  for (const { segment } of new Intl.Segmenter().segment(trimmed)) return segment;
  return undefined;
}

/** Where writing starts for corpus `name` (a pasted `text`: its first character). */
export function startOf(name, text = null) {
  return STARTS[name] ?? (text ? firstChar(text) : null) ?? '\n';
}

/** Where a piece ends for corpus `name`; a pasted `text`: paragraphs if it has any, else lines. */
export function endOf(name, text = null) {
  return ENDS[name] ?? (text?.includes('\n\n') ? '\n\n' : '\n');
}

/** A size in KB or MB, as people say it. */
function size(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Why a pasted text cannot be learned (a sentence), or null. The engine checks again (and
 * says if the text is too short for its window): these are the mistakes people make.
 */
export function ownTextProblem(text) {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > OWN_LIMIT) return t('write.ownTooBig', { size: size(bytes) });
  if (text.trim() === '') return t('write.ownEmpty');
  const first = [...text][0];
  if ([...new Set(text)].length === 1) return t('write.ownOneChar', { char: first === '\n' ? '↵' : first });
  return null;
}

/** The words for an engine error about a pasted text (null: not about the text). */
export function corpusErrorText(detail) {
  if (!detail) return null;
  if (detail.kind === 'empty' && detail.field === 'corpus') return t('write.ownEmpty');
  if (detail.kind === 'outOfRange' && detail.field === 'vocabulary') {
    return Number(detail.value) < detail.min ? t('write.ownOneChar', { char: '…' }) : t('write.ownTooMany', { value: detail.value, max: detail.max });
  }
  if (detail.kind === 'outOfRange' && detail.field === 'corpus') {
    return Number(detail.value) < detail.min ? t('write.ownTooShort', { min: detail.min }) : t('write.ownTooBig', { size: `${detail.value} ${t('write.charStep')}` });
  }
  return null;
}
