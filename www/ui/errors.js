// The engine's messages are English; the ones a student meets while training are given
// in the page's language here (the others are shown as the engine wrote them).
import { language } from '../i18n.js';

const WHAT_ZH = { loss: '损失', 'gradient norm': '梯度范数', weights: '权重' };

/** The engine's message in the current language where a translation exists. */
export function localizeError(message) {
  if (language() !== 'zh' || !message) return message;
  const m = /training stopped at update (\d+): the (loss|gradient norm|weights) became (\S+) /.exec(message);
  if (m) {
    return `第 ${m[1]} 次更新时${WHAT_ZH[m[2]]}变成了 ${m[3]}（梯度爆炸）；已保留这次更新之前的权重。可以减小学习率、打开梯度裁剪或减小谱半径。`;
  }
  const long = /`sentence` is (\d+) tokens long: at most (\d+) tokens fit on the page/.exec(message);
  if (long) return `这个句子有 ${long[1]} 个词，页面上最多放得下 ${long[2]} 个。`;
  if (/`sentence` is an empty sequence/.test(message)) return '句子是空的：至少需要一个词。';
  return message;
}
