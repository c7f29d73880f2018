// Texts of the page in Chinese and English. `t(key, vars)` returns the current
// language's text with {name} placeholders filled in.

const zh = {
  title: 'RNN 游乐场',
  skip: '跳到正文',
  'nav.views': '页面',
  tagline: '看一个循环神经网络逐词读句子：每个数字都算给你看。',
  'view.sentence': '逐词阅读',
  'view.gradients': '梯度实验室',
  'view.series': '正弦序列',
  'lang.switch': 'English',
  'lang.label': '切换到英文',
  'banner.title': '计算引擎出错了',
  'banner.reload': '重新加载页面',
  'notice.url': '链接里有无法识别的设置，已改用默认值：{names}',
  'notice.dismiss': '知道了',
  loading: '正在加载计算引擎…',

  'controls.title': '网络设置',
  'controls.cell': '循环单元',
  'controls.activation': '激活函数 f',
  'controls.units': '隐藏单元数',
  'controls.lr': '学习率',
  'controls.optimizer': '优化器',
  'controls.clip': '梯度裁剪',
  'controls.clipAt': '裁剪阈值',
  'controls.seed': '随机种子',
  'controls.tokenize': '切分方式',
  'controls.text': '句子',
  'controls.apply': '用这个句子',
  'controls.epochs': '训练轮数',
  'cell.simple_rnn': '简单 RNN',
  'cell.lstm': 'LSTM',
  'cell.gru': 'GRU',
  'tokenize.words': '按空格分词',
  'tokenize.chars': '按字符',
  'optimizer.adam': 'Adam',
  'optimizer.sgd': 'SGD（动量 0.9）',
  'clip.none': '不裁剪',
  'clip.value': '逐元素裁剪',
  'clip.norm': '全局范数裁剪',

  'strip.label': '句子中的词（当前词高亮）',
  'strip.end': '结束符',

  'step.reset': '重置',
  'step.back': '后退一步',
  'step.step': '前进一步',
  'step.play': '播放',
  'step.pause': '暂停',
  'step.speed': '速度',
  'step.bptt': '反向传播一步',
  'step.keys': '键盘：空格 前进，← 后退，r 重置',

  'forward.title': '前向：读第 {t} 个词',
  'forward.idle': '按“前进一步”，网络读入第一个词。',
  'forward.done': '整句读完。现在可以按“反向传播一步”，看误差信号如何从句尾流回句首。',
  'vec.x': 'xₜ 当前词（独热）',
  'vec.hprev': 'hₜ₋₁ 上一步的记忆',
  'vec.z': 'zₜ 激活前',
  'vec.h': 'hₜ 新的记忆',
  'vec.c': 'cₜ 细胞状态',
  'vec.cprev': 'cₜ₋₁ 上一步的细胞状态',
  'vec.y': 'yₜ 输出（softmax 前）',
  'gate.i': 'i 输入门',
  'gate.f': 'f 遗忘门',
  'gate.c': 'g 候选值',
  'gate.o': 'o 输出门',
  'gate.z': 'z 更新门',
  'gate.r': 'r 重置门',
  'gate.h': 'h̃ 候选状态',
  'explain.simple_rnn': '隐藏状态 h 是网络的记忆：每一步把上一步的记忆和当前的词混合，再经过 f 压缩到固定范围。',
  'explain.lstm': 'LSTM 多了一条细胞状态 c：遗忘门决定保留多少旧信息，输入门决定写入多少新信息，输出门决定露出多少。',
  'explain.gru': 'GRU 用更新门 z 在旧记忆和候选状态之间插值，用重置门 r 决定候选状态参考多少旧记忆。',

  'pred.title': '下一个词的预测',
  'pred.truth': '正确答案',
  'pred.idle': '网络每读一个词，就给词表里的每个词一个“下一个是它”的概率。',
  'pred.loss': '这一步的损失 −ln p = {loss}',

  'back.title': '反向：第 {t} 个词的梯度',
  'back.idle': '读完整句后，按“反向传播一步”从最后一个词开始往回算梯度。',
  'back.done': '已回到第一个词：∂L/∂W_hh 累加完毕。',
  'vec.dhout': 'W_hyᵀ ∂Lₜ/∂yₜ 来自本步输出',
  'vec.dhnext': '来自下一步',
  'vec.dh': '∂L/∂hₜ 合计',
  'vec.delta': 'δₜ 激活前的梯度',
  'back.norm': '‖∂L/∂hₜ‖ = {norm}',
  'back.whh': '累计 ‖∂L/∂W_hh‖ = {norm}',
  'back.matrix': '累计的 ∂L/∂W_hh（第 i 行：hₜ 的第 i 个单元；第 j 列：hₜ₋₁ 的第 j 个单元）',
  'back.matrixGate': '累计的 ∂L/∂U_{gate}（候选值那一块；第 i 行：输出单元 i，第 j 列：hₜ₋₁ 的单元 j）',

  'train.title': '训练',
  'train.start': '开始训练',
  'train.stop': '停止',
  'train.loss': '整句损失 {loss}',
  'train.lnv': '均匀猜测的损失 ln V = ln {v} = {lnv}',
  'train.lnvWhy': '网络还没学到东西时，对 V 个词一视同仁，每个词的概率是 1/V，损失就是 −ln(1/V) = ln V。',
  'train.progress': '第 {epoch} / {total} 轮',
  'train.done': '训练完成：按“前进一步”看网络现在的预测。',
  'train.diverged': '训练中止：{message}',
  'train.gradnorm': '裁剪前梯度范数 {norm}',

  'gradcheck.button': '梯度检验',
  'gradcheck.result': '反向传播与有限差分的最大相对误差：{err}（检查了 {checked}/{total} 个权重，其中 {judged} 个梯度足够大可比较；位置 {where}）',
  'gradcheck.note': 'float32 下有限差分本身约有 1e-3 的噪声，误差在此量级说明 BPTT 正确。',

  'chart.hidden': '隐藏状态 h_t',
  'chart.hidden.unit': '单元',
  'chart.hidden.step': '时间步',
  'chart.hidden.lines': '各单元的轨迹',
  'chart.hidden.empty': '前进一步后出现',
  'chart.loss': '训练损失',
  'chart.loss.x': '轮次',
  'chart.loss.y': '损失',
  'chart.loss.ref': 'ln V',
  'chart.loss.empty': '开始训练后出现',
  'chart.grad': '梯度范数 ‖∂L/∂h_t‖（对数坐标）',
  'chart.grad.y': '‖∂L/∂h_t‖',
  'chart.grad.series': '每个词的梯度',
  'chart.grad.empty': '反向传播后出现',
  'chart.table': '数据表',
  'chart.table.hide': '隐藏数据表',

  'perf.title': '性能',
  'perf.token': '{us} μs/词（前向+反向）',
  'perf.steps': '{n} 次更新/秒',

  'live.step': '第 {t} 步，词“{token}”，损失 {loss}',
  'live.back': '反向第 {t} 步，词“{token}”，梯度范数 {norm}',
  'live.reset': '已重置，回到句首',
  'live.trained': '训练完成，损失 {loss}',
};

const en = {
  title: 'RNN Playground',
  skip: 'Skip to the playground',
  'nav.views': 'views',
  tagline: 'Watch a recurrent network read a sentence word by word, with every number on screen.',
  'view.sentence': 'Read a sentence',
  'view.gradients': 'Gradient lab',
  'view.series': 'Sine series',
  'lang.switch': '中文',
  'lang.label': 'Switch to Chinese',
  'banner.title': 'The engine stopped with an error',
  'banner.reload': 'Reload the page',
  'notice.url': 'Some settings in the link were not understood and were reset to defaults: {names}',
  'notice.dismiss': 'OK',
  loading: 'Loading the engine…',

  'controls.title': 'Network',
  'controls.cell': 'Cell',
  'controls.activation': 'Activation f',
  'controls.units': 'Hidden units',
  'controls.lr': 'Learning rate',
  'controls.optimizer': 'Optimizer',
  'controls.clip': 'Gradient clipping',
  'controls.clipAt': 'Clip threshold',
  'controls.seed': 'Seed',
  'controls.tokenize': 'Tokens',
  'controls.text': 'Sentence',
  'controls.apply': 'Use this sentence',
  'controls.epochs': 'Epochs',
  'cell.simple_rnn': 'Simple RNN',
  'cell.lstm': 'LSTM',
  'cell.gru': 'GRU',
  'tokenize.words': 'Words (split on spaces)',
  'tokenize.chars': 'Characters',
  'optimizer.adam': 'Adam',
  'optimizer.sgd': 'SGD (momentum 0.9)',
  'clip.none': 'None',
  'clip.value': 'Element-wise',
  'clip.norm': 'Global norm',

  'strip.label': 'Tokens of the sentence (the current one is highlighted)',
  'strip.end': 'end token',

  'step.reset': 'Reset',
  'step.back': 'Step back',
  'step.step': 'Step',
  'step.play': 'Play',
  'step.pause': 'Pause',
  'step.speed': 'Speed',
  'step.bptt': 'BPTT step',
  'step.keys': 'Keys: space steps, ← goes back, r resets',

  'forward.title': 'Forward: reading token {t}',
  'forward.idle': 'Press Step and the network reads the first token.',
  'forward.done': 'The whole sentence is read. Press BPTT step to send the error back from the last token to the first.',
  'vec.x': 'xₜ the token (one-hot)',
  'vec.hprev': 'hₜ₋₁ the memory so far',
  'vec.z': 'zₜ before f',
  'vec.h': 'hₜ the new memory',
  'vec.c': 'cₜ cell state',
  'vec.cprev': 'cₜ₋₁ the cell state so far',
  'vec.y': 'yₜ output (before softmax)',
  'gate.i': 'i input gate',
  'gate.f': 'f forget gate',
  'gate.c': 'g candidate',
  'gate.o': 'o output gate',
  'gate.z': 'z update gate',
  'gate.r': 'r reset gate',
  'gate.h': 'h̃ candidate state',
  'explain.simple_rnn': 'The hidden state h is the network’s memory: each step mixes the old memory with the new token and squashes the sum with f.',
  'explain.lstm': 'An LSTM adds a cell state c: the forget gate decides how much old memory stays, the input gate how much new is written, the output gate how much is shown.',
  'explain.gru': 'A GRU blends the old memory and a candidate with the update gate z; the reset gate r decides how much of the old memory the candidate may use.',

  'pred.title': 'Prediction of the next token',
  'pred.truth': 'true next',
  'pred.idle': 'After each token the network gives every token of the vocabulary a probability of coming next.',
  'pred.loss': 'loss at this step −ln p = {loss}',

  'back.title': 'Backward: the gradient at token {t}',
  'back.idle': 'Once the sentence is read, press BPTT step to compute gradients from the last token back.',
  'back.done': 'Back at the first token: ∂L/∂W_hh is complete.',
  'vec.dhout': 'W_hyᵀ ∂Lₜ/∂yₜ from this output',
  'vec.dhnext': 'from the next step',
  'vec.dh': '∂L/∂hₜ in total',
  'vec.delta': 'δₜ gradient before f',
  'back.norm': '‖∂L/∂hₜ‖ = {norm}',
  'back.whh': 'running ‖∂L/∂W_hh‖ = {norm}',
  'back.matrix': 'running ∂L/∂W_hh (row i: unit i of hₜ; column j: unit j of hₜ₋₁)',
  'back.matrixGate': 'running ∂L/∂U_{gate} (the candidate block; row i: unit i, column j: unit j of hₜ₋₁)',

  'train.title': 'Training',
  'train.start': 'Train',
  'train.stop': 'Stop',
  'train.loss': 'sentence loss {loss}',
  'train.lnv': 'loss of uniform guessing ln V = ln {v} = {lnv}',
  'train.lnvWhy': 'Before it has learned anything the network spreads its bets over all V tokens, p = 1/V each, so the loss is −ln(1/V) = ln V.',
  'train.progress': 'epoch {epoch} of {total}',
  'train.done': 'Trained. Press Step to see what the network predicts now.',
  'train.diverged': 'Training stopped: {message}',
  'train.gradnorm': 'gradient norm before clipping {norm}',

  'gradcheck.button': 'Gradient check',
  'gradcheck.result': 'worst relative error, BPTT vs finite differences: {err} ({checked} of {total} weights checked, {judged} with a gradient large enough to judge; at {where})',
  'gradcheck.note': 'Finite differences in float32 carry about 1e-3 of noise themselves; errors of that size mean BPTT is right.',

  'chart.hidden': 'Hidden state h_t',
  'chart.hidden.unit': 'unit',
  'chart.hidden.step': 'step',
  'chart.hidden.lines': 'Each unit over time',
  'chart.hidden.empty': 'appears after the first step',
  'chart.loss': 'Training loss',
  'chart.loss.x': 'epoch',
  'chart.loss.y': 'loss',
  'chart.loss.ref': 'ln V',
  'chart.loss.empty': 'appears when training starts',
  'chart.grad': 'Gradient norm ‖∂L/∂h_t‖ (log scale)',
  'chart.grad.y': '‖∂L/∂h_t‖',
  'chart.grad.series': 'gradient at each token',
  'chart.grad.empty': 'appears after BPTT steps',
  'chart.table': 'Data table',
  'chart.table.hide': 'Hide table',

  'perf.title': 'Speed',
  'perf.token': '{us} μs/token (fwd+bwd)',
  'perf.steps': '{n} updates/s',

  'live.step': 't={t}, token {token}, loss {loss}',
  'live.back': 'backward t={t}, token {token}, gradient norm {norm}',
  'live.reset': 'reset to the start of the sentence',
  'live.trained': 'trained, loss {loss}',
};

export const LANGUAGES = { zh, en };

let current = 'en';

/** The browser's preferred language among ours. */
export function browserLanguage() {
  const prefs = (typeof navigator !== 'undefined' && (navigator.languages || [navigator.language])) || [];
  return prefs.some((l) => String(l).toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

/** Sets the language used by `t`. */
export function setLanguage(lang) {
  current = LANGUAGES[lang] ? lang : 'en';
  if (typeof document !== 'undefined') document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

export function language() {
  return current;
}

/** Adds texts for another part of the page. */
export function extend(texts) {
  for (const lang of Object.keys(texts)) Object.assign(LANGUAGES[lang], texts[lang]);
}

/** The text of `key` in the current language, with {placeholders} filled from `vars`. */
export function t(key, vars = {}) {
  const text = LANGUAGES[current][key] ?? LANGUAGES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** Fills every element with data-i18n="key" (text) or data-i18n-label="key" (aria-label). */
export function translatePage(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
}
