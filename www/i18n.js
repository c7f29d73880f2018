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
  'view.write': '写诗',
  'lang.switch': 'English',
  'notice.url': '链接里有无法识别的设置，已改用默认值：{names}',
  'notice.dismiss': '知道了',
  'notice.noWorker': '这个浏览器无法启动后台线程，训练将在页面上分段进行，页面可能会偶尔停顿。',
  'notice.updated': '页面已更新到新版本，并已保存以便离线使用。',
  loading: '正在加载计算引擎…',
  'nav.lesson': '课程',
  'tools.copyLink': '复制链接',
  'tools.copyLinkTitle': '复制一个链接，打开它就是此刻的画面',
  'tools.classroom': '课堂',
  'tools.present': '演示模式',
  'tools.fullscreen': '全屏',
  'tools.editVisibility': '编辑学生看到的内容',
  'tools.print': '打印讲义',
  'tools.settings': '设置',
  'embed.open': '打开完整的 RNN 游乐场 ↗',
  'notice.copied': '链接已复制。打开它会看到同样的画面。',
  'notice.copyFailed': '浏览器不允许自动复制，请手动复制这个链接：{url}',
  'notice.editing': '勾选的部分学生能看到；取消勾选就会隐藏。改好后按“复制链接”。',
  'hide.shown': '学生可见',

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

  'chart.hidden': '隐藏状态 hₜ',
  'chart.hidden.unit': '单元',
  'chart.hidden.step': '时间步',
  'chart.hidden.lines': '各单元的轨迹',
  'chart.hidden.empty': '前进一步后出现',
  'chart.loss': '训练损失',
  'chart.loss.x': '轮次',
  'chart.loss.y': '损失',
  'chart.loss.ref': 'ln V',
  'chart.loss.empty': '开始训练后出现',
  'chart.grad': '梯度范数 ‖∂L/∂hₜ‖（对数坐标）',
  'chart.grad.y': '‖∂L/∂hₜ‖',
  'chart.grad.series': '每个词的梯度',
  'chart.grad.empty': '反向传播后出现',
  'chart.table': '数据表',
  'chart.export': '导出',
  'model.title': '带走这个网络',
  'model.download': '下载模型',
  'model.open': '打开模型',
  'model.opened': '已打开 {name}：单步运行看它怎么读这句话。链接只带设置，不带文件里的权重。',
  'model.refused': '没有打开 {name}：{why} 当前的网络没有改变。',
  'model.tooBig': '文件有 {size}，超过了上限 {limit}。',
  'model.copyKeras': '复制为 Keras 代码',
  'model.load': '在 Python 或 TensorFlow.js 里载入下载的模型',
  'model.copied': 'Keras 程序已复制：它用同样的设置搭建并训练这个网络（Keras 从它自己的随机权重开始）。',
  'model.saved': '浏览器不允许复制，Keras 程序已作为文件下载。',
  'chart.export.png': 'PNG（2 倍分辨率）',
  'chart.export.svg': 'SVG 矢量图',
  'chart.export.csv': 'CSV 数据',
  'chart.table.hide': '隐藏数据表',

  'doc.title': 'RNN 游乐场：看循环神经网络逐词计算',
  'doc.description': '看一个循环神经网络逐词读句子，每一步的每个数字都显示在屏幕上：隐藏状态、输出、损失和随时间反向传播的梯度。',
  'loading.failed': '计算引擎加载失败：',
  'loading.progress': '正在加载计算引擎：{got} / {total} KB',
  'loading.received': '正在加载计算引擎：已收到 {got} KB',
  'loading.view': '正在加载这一页…',
  'loading.controls': '计算引擎一加载完，按钮和设置就会出现在这里。',
  'loading.updated': '打开这个标签页之后，网站更新了新版本，这一页需要的旧文件已经不在了。重新加载就能用新版本。',
  'loading.reload': '重新加载',
  'drop.refused': '没有打开“{name}”：这一页不打开文件。模型文件可以在“逐词阅读”和“写诗”里打开。',
  'drop.later': '没有打开“{name}”：页面还在加载，加载完再拖进来。',
  'notice.refused': '{name}：“{value}” 没有采用。{allowed}',
  'notice.range': '允许的范围是 {min} 到 {max}。',
  'notice.emptyText': '句子是空的，没有采用：至少要有一个词。',
  'chart.described': '图中的数据见下方的数据表。',
  'chart.printedRows': '共 {n} 行，这里印出每第 {every} 行和最后一行（导出的 CSV 里是全部）。',
  'chart.hidden.points': '有 {n} 个点超出了坐标范围（溢出、非数或在对数坐标上 ≤ 0），画在边上：▲ 在上边，× 在下边。',
  'chart.highlight': '突出显示',
  'chart.highlight.none': '全部',
  'chart.grad.x': '词',
  'formula.label': '公式（可以左右滚动）',
  'grid.forward': '这一步的向量：用方向键在格子间移动',
  'grid.backward': '这一步的梯度：用方向键在格子间移动',
  'scale.cells': '橙色为负，白色为 0，紫色为正；每行按本行最大的绝对值着色',
  'scale.hover': '（悬停或聚焦看数值）',
  'scale.printed': '（格子里是保留两位小数的数值）',
  'lab.fixedAxis': '固定纵轴 1e−30 … 1e30',
  'lab.runsStopped': '设置变了，正在进行的实验已停止：它们用的是旧设置。',
  'num.overflow': '溢出（> 3.4e38，超出 float32）',
  'num.underflow': '溢出（< −3.4e38，超出 float32）',
  'num.nan': '非数（溢出后的结果）',

  'error.json': '这不是有效的 JSON（第 {line} 行第 {column} 列）：{problem}。',
  'jsonProblem.endsTooSoon': '文字没写完就结束了',
  'jsonProblem.expectedValue': '这里应当有一个值',
  'jsonProblem.expectedColon': '这里应当是“:”',
  'jsonProblem.expectedComma': '这里应当是“,”或列表、对象的结尾',
  'jsonProblem.expectedQuote': '这里应当是“"”',
  'jsonProblem.keyNotText': '对象的键必须是带引号的文字',
  'jsonProblem.trailingComma': '结尾前多了一个逗号',
  'jsonProblem.trailingCharacters': '值的后面还有多余的文字',
  'jsonProblem.badEscape': '转义写法（\\…）不对',
  'jsonProblem.badNumber': '数字写得不对',
  'jsonProblem.controlCharacter': '文字里有控制字符',
  'jsonProblem.tooDeep': '嵌套得太深',
  'jsonProblem.other': '无法读取',
  'error.format': '文件格式是“{found}”，这里读的是“{expected}”。',
  'error.shape': '{field}的形状应当是 {expected}，实际是 {got}。',
  'error.wrongType': '{field}应当是{expected}，实际是 {got}。',
  'error.missing': '缺少 {field}：这一项是必需的。',
  'error.unknownField': '{field}不是这里的设置；可用的设置有：{allowed}。',
  'error.notOneOf': '{field}是“{value}”，只能是 {allowed} 之一。',
  'error.outOfRange': '{field}是 {value}，必须在 {min} 到 {max} 之间。',
  'error.notWhole': '{field}是 {value}，必须是整数。',
  'error.notFinite': '{field}{at} 是 {value}：每个数都必须是有限的。',
  'error.empty': '{field}是空的。',
  'error.tooLong': '{field}有 {length} {unit}，最多只能有 {max} {unit}。',
  'counted.tokens': '个词',
  'counted.characters': '个字符',
  'counted.bytes': '字节',
  'counted.values': '个值',
  'error.tooBig': '{field}需要 {needed} 个数的内存，上限是 {max} 个：请调小一些。',
  'error.conflict': '{field}= {value} 不能和 {other} = {otherValue} 一起用。',
  'error.classOutOfRange': '{field}在第 {step} 步的类别是 {class}，但输出只有 {classes} 类。',
  'error.tokenOutOfRange': '{field}在第 {step} 步的词编号是 {id}，但输入只有 {size} 个词。',
  'error.numeric': '{field}：{problem}',
  'error.numeric.noConvergence': '特征值没有收敛',
  'error.numeric.zeroMatrix': '零矩阵没法缩放到指定的谱半径',
  'error.keras': 'Keras 接口用法不对：{rule}',
  'error.keras.recurrentThenDense': '需要一个循环层后接一个 Dense 层',
  'error.keras.needsInputShape': '循环层需要 input_shape=(None, 特征数)',
  'error.keras.compileFirst': '先 compile 再 fit',
  'error.notStarted': '“{what}”还没有开始。',
  'error.diverged': '第 {update} 次更新时{what}变成了 {value}（梯度爆炸）；已保留这次更新之前的权重。可以减小学习率、打开梯度裁剪或减小谱半径。',
  'quantity.loss': '损失',
  'quantity.gradientNorm': '梯度范数',
  'quantity.weights': '权重',
  'nonFinite.nan': '非数（NaN）',
  'nonFinite.infinity': '无穷大（溢出）',
  'nonFinite.negativeInfinity': '负无穷大（溢出）',
  'error.wrongModel': '这是{found}，这里需要{expected}。',
  'modelUse.sentence': '“逐词阅读”视图的模型',
  'modelUse.characters': '字符模型（“写诗”视图的“下载”，或 rnnp train text --save）',
  'expected.number': '数',
  'expected.whole': '整数',
  'expected.wholeFromZero': '从 0 起的整数',
  'expected.boolean': 'true 或 false',
  'expected.text': '文字',
  'expected.name': '名称',
  'expected.object': '对象',
  'expected.list': '列表',
  'expected.textList': '文字的列表',
  'expected.characterList': '字符的列表',
  'expected.array': '形状为 {shape} 的数组',
  'expected.modelFile': '模型文件（一个对象）或 get_weights() 的数组列表',
  'expected.oneChart': '一张图表，写作 { 名称: { 文字 } }',
  'expected.float32Array': 'Float32Array',
  'expected.canvas': '<canvas> 元素',
  'expected.nothing': '空（这个名称不带设置）',
  'expected.value': '有效的值',
  'found.text': '文字“{text}”',
  'found.number': '{value}',
  'found.boolean': '{value}',
  'found.null': 'null（空）',
  'found.undefined': 'undefined（没有给出）',
  'found.list': '一个列表',
  'found.array': '形状为 {shape} 的数组',
  'found.object': '一个对象',
  'found.other': '别的东西',
  'error.restarted': '计算引擎出错后已重新启动（{message}），设置都保留了。',
  'error.aborted': '内存不够，或遇到了它无法说明的内部错误',
  'field.value': '这个值',
  'field.text': '句子',
  'field.units': '隐藏单元数',
  'field.learningRate': '学习率',
  'field.clipThreshold': '裁剪阈值',
  'field.seed': '随机种子',
  'field.epochs': '训练轮数',
  'field.seqLen': '序列长度 T',
  'field.radius': '谱半径 ρ',
  'field.forgetBias': '遗忘门偏置',
  'field.length': '长度',
  'field.sequences': '序列数',
  'field.noise': '噪声',
  'field.tokenize': '切分方式',
  'field.cell': '循环单元',
  'field.activation': '激活函数',
  'field.optimizer': '优化器',
  'field.clip': '梯度裁剪',
  'field.init': 'W_hh 的初始化',
  'field.trained': '已训练的轮数',
  'field.highlight': '高亮的时刻',
  'field.pos': '当前时刻',
  'field.back': '反向传播到的时刻',
  'field.updates': '更新次数',
  'field.seedText': '开头的文字',
  'field.sampleSeed': '抽样的随机种子',
  'field.input_size': '输入的大小',
  'field.output_size': '输出的大小',
  'field.output': '输出层',
};

const en = {
  title: 'RNN Playground',
  skip: 'Skip to the playground',
  'nav.views': 'views',
  tagline: 'Watch a recurrent network read a sentence word by word, with every number on screen.',
  'view.sentence': 'Read a sentence',
  'view.gradients': 'Gradient lab',
  'view.series': 'Sine series',
  'view.write': 'Write',
  'lang.switch': '中文',
  'notice.url': 'Some settings in the link were not understood and were reset to defaults: {names}',
  'notice.dismiss': 'OK',
  'notice.noWorker': 'This browser could not start a background worker, so training runs on the page in short slices; the page may pause now and then.',
  'notice.updated': 'The page was updated to a new version, and saved for use offline.',
  loading: 'Loading the engine…',
  'nav.lesson': 'Lesson',
  'tools.copyLink': 'Copy link',
  'tools.copyLinkTitle': 'Copy a link that opens this same moment',
  'tools.classroom': 'Classroom',
  'tools.present': 'Presenter mode',
  'tools.fullscreen': 'Full screen',
  'tools.editVisibility': 'Edit what students see',
  'tools.print': 'Print a handout',
  'tools.settings': 'Settings',
  'embed.open': 'Open the full RNN Playground ↗',
  'notice.copied': 'Link copied. Opening it shows this same screen.',
  'notice.copyFailed': 'The browser did not allow copying; copy this link by hand: {url}',
  'notice.editing': 'Ticked parts are shown to students; untick to hide. Then press “Copy link”.',
  'hide.shown': 'shown',

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

  'chart.hidden': 'Hidden state hₜ',
  'chart.hidden.unit': 'unit',
  'chart.hidden.step': 'step',
  'chart.hidden.lines': 'Each unit over time',
  'chart.hidden.empty': 'appears after the first step',
  'chart.loss': 'Training loss',
  'chart.loss.x': 'epoch',
  'chart.loss.y': 'loss',
  'chart.loss.ref': 'ln V',
  'chart.loss.empty': 'appears when training starts',
  'chart.grad': 'Gradient norm ‖∂L/∂hₜ‖ (log scale)',
  'chart.grad.y': '‖∂L/∂hₜ‖',
  'chart.grad.series': 'gradient at each token',
  'chart.grad.empty': 'appears after BPTT steps',
  'chart.table': 'Data table',
  'chart.export': 'Export',
  'model.title': 'Take the network home',
  'model.download': 'Download model',
  'model.open': 'Open model',
  'model.opened': 'Opened {name}: step through to see how it reads the sentence. A link carries the settings, not the file’s weights.',
  'model.refused': 'Did not open {name}: {why} The network on screen is unchanged.',
  'model.tooBig': 'the file is {size}, more than the limit of {limit}.',
  'model.copyKeras': 'Copy as Keras code',
  'model.load': 'Load the downloaded model in Python or TensorFlow.js',
  'model.copied': 'Keras program copied: it builds and trains this network with the same settings (Keras starts from its own random weights).',
  'model.saved': 'The browser did not allow copying; the Keras program was downloaded as a file.',
  'chart.export.png': 'PNG (2×)',
  'chart.export.svg': 'SVG (vector)',
  'chart.export.csv': 'CSV (data)',
  'chart.table.hide': 'Hide table',

  'doc.title': 'RNN Playground: watch a recurrent network compute, token by token',
  'doc.description': 'Watch a recurrent neural network read a sentence one token at a time, with every number it computes on screen: the hidden state, the output, the loss and the gradients flowing back through time.',
  'loading.failed': 'The engine could not be loaded:',
  'loading.progress': 'Loading the engine: {got} of {total} KB',
  'loading.received': 'Loading the engine: {got} KB so far',
  'loading.view': 'Loading this view…',
  'loading.controls': 'The buttons and settings appear here as soon as the engine has loaded.',
  'loading.updated': 'The site has been updated since this tab was opened, and the files this view needs are from the old version. Reload to use the new one.',
  'loading.reload': 'Reload',
  'drop.refused': '“{name}” was not opened: this view opens no files. Model files open in Read a sentence and in Write.',
  'drop.later': '“{name}” was not opened: the page is still loading. Drop it again once it has.',
  'notice.refused': '{name}: “{value}” was not used. {allowed}',
  'notice.range': 'The allowed range is {min} to {max}.',
  'notice.emptyText': 'The sentence is empty, so it was not used: at least one word is needed.',
  'chart.described': 'Its numbers are in the data table below.',
  'chart.printedRows': 'One row in {every} of the {n}, and the last (the CSV export has them all).',
  'chart.hidden.points': '{n} point(s) are off the axis (an overflow, not a number, or ≤ 0 on a log axis) and drawn at its edge: ▲ at the top, × at the bottom.',
  'chart.highlight': 'Highlight',
  'chart.highlight.none': 'all units',
  'chart.grad.x': 'token',
  'formula.label': 'Formula (scrolls sideways)',
  'grid.forward': 'This step’s vectors: move between the cells with the arrow keys',
  'grid.backward': 'This step’s gradients: move between the cells with the arrow keys',
  'scale.cells': 'orange below 0, white at 0, purple above; each row is scaled to its largest |value|',
  'scale.hover': ' (hover or focus for the number)',
  'scale.printed': ' (each cell holds its number, to two decimals)',
  'lab.fixedAxis': 'Fixed axis 1e−30 … 1e30',
  'lab.runsStopped': 'The settings changed, so the runs in progress stopped: they used the old settings.',
  'num.overflow': 'overflow (> 3.4e38, beyond float32)',
  'num.underflow': 'overflow (< −3.4e38, beyond float32)',
  'num.nan': 'not a number (after an overflow)',

  'error.json': 'This is not valid JSON (line {line}, column {column}): {problem}.',
  'jsonProblem.endsTooSoon': 'the text ends too soon',
  'jsonProblem.expectedValue': 'a value should be here',
  'jsonProblem.expectedColon': 'a “:” should be here',
  'jsonProblem.expectedComma': 'a “,” or the end of the list or object should be here',
  'jsonProblem.expectedQuote': 'a “"” should be here',
  'jsonProblem.keyNotText': 'an object’s key must be a quoted text',
  'jsonProblem.trailingComma': 'a comma before the end',
  'jsonProblem.trailingCharacters': 'more text after the value',
  'jsonProblem.badEscape': 'an escape (\\…) that is not one',
  'jsonProblem.badNumber': 'a number that is not written as one',
  'jsonProblem.controlCharacter': 'a control character inside a text',
  'jsonProblem.tooDeep': 'nested too deeply',
  'jsonProblem.other': 'it cannot be read',
  'error.format': 'The file’s format is “{found}”; this page reads “{expected}”.',
  'error.shape': '{field} should have shape {expected}, but has {got}.',
  'error.wrongType': '{field} should be {expected}, but is {got}.',
  'error.missing': '{field} is missing; it is required.',
  'error.unknownField': '{field} is not a setting here; the settings are {allowed}.',
  'error.notOneOf': '{field} is “{value}”; it must be one of {allowed}.',
  'error.outOfRange': '{field} is {value}; it must be between {min} and {max}.',
  'error.notWhole': '{field} is {value}; it must be a whole number.',
  'error.notFinite': '{field}{at} is {value}; every number must be finite.',
  'error.empty': '{field} is empty.',
  'error.tooLong': '{field} has {length} {unit}; at most {max} are allowed.',
  'counted.tokens': 'tokens',
  'counted.characters': 'characters',
  'counted.bytes': 'bytes',
  'counted.values': 'values (numbers, texts, lists)',
  'error.tooBig': '{field} would need {needed} numbers in memory; at most {max} are allowed. Make it smaller.',
  'error.conflict': '{field} = {value} does not go with {other} = {otherValue}.',
  'error.classOutOfRange': '{field} has class {class} at step {step}, but the output has only {classes} classes.',
  'error.tokenOutOfRange': '{field} has token id {id} at step {step}, but the input has only {size} tokens.',
  'error.numeric': '{field}: {problem}',
  'error.numeric.noConvergence': 'its eigenvalues did not converge',
  'error.numeric.zeroMatrix': 'a zero matrix cannot be scaled to a spectral radius',
  'error.keras': 'The Keras-style API was used out of order: {rule}',
  'error.keras.recurrentThenDense': 'the model must be one recurrent layer followed by one Dense layer',
  'error.keras.needsInputShape': 'the recurrent layer needs input_shape=(None, features)',
  'error.keras.compileFirst': 'call compile before fit',
  'error.notStarted': '“{what}” has not been started.',
  'error.diverged': 'at update {update} the {what} became {value} (the gradients exploded). The weights from before this update were kept. Try a smaller learning rate, gradient clipping, or a smaller spectral radius.',
  'quantity.loss': 'loss',
  'quantity.gradientNorm': 'gradient norm',
  'quantity.weights': 'weights',
  'nonFinite.nan': 'NaN (not a number)',
  'nonFinite.infinity': 'infinity (an overflow)',
  'nonFinite.negativeInfinity': '−infinity (an overflow)',
  'error.wrongModel': 'This is {found}; this view needs {expected}.',
  'modelUse.sentence': 'a model of the Read a sentence view',
  'modelUse.characters': 'a character model (the Write view’s Download, or rnnp train text --save)',
  'expected.number': 'a number',
  'expected.whole': 'a whole number',
  'expected.wholeFromZero': 'a whole number from 0',
  'expected.boolean': 'true or false',
  'expected.text': 'a text',
  'expected.name': 'a name',
  'expected.object': 'an object',
  'expected.list': 'a list',
  'expected.textList': 'a list of texts',
  'expected.characterList': 'a list of characters',
  'expected.array': 'an array of shape {shape}',
  'expected.modelFile': 'a model file (an object) or a list of get_weights() arrays',
  'expected.oneChart': 'one chart, as { name: { texts } }',
  'expected.float32Array': 'a Float32Array',
  'expected.canvas': 'a <canvas> element',
  'expected.nothing': 'nothing (this name takes no settings)',
  'expected.value': 'a valid value',
  'found.text': 'the text “{text}”',
  'found.number': '{value}',
  'found.boolean': '{value}',
  'found.null': 'null',
  'found.undefined': 'undefined (nothing given)',
  'found.list': 'a list',
  'found.array': 'an array of shape {shape}',
  'found.object': 'an object',
  'found.other': 'something else',
  'error.restarted': 'The engine stopped ({message}) and was restarted; your settings were kept.',
  'error.aborted': 'it ran out of memory, or met an internal error it could not describe',
  'field.value': 'The value',
  'field.text': 'The sentence',
  'field.units': 'Hidden units',
  'field.learningRate': 'The learning rate',
  'field.clipThreshold': 'The clip threshold',
  'field.seed': 'The seed',
  'field.epochs': 'Epochs',
  'field.seqLen': 'The sequence length T',
  'field.radius': 'The spectral radius ρ',
  'field.forgetBias': 'The forget-gate bias',
  'field.length': 'The length',
  'field.sequences': 'Sequences',
  'field.noise': 'The noise',
  'field.tokenize': 'How the text is split',
  'field.cell': 'The cell',
  'field.activation': 'The activation',
  'field.optimizer': 'The optimiser',
  'field.clip': 'Gradient clipping',
  'field.init': 'The initialisation of W_hh',
  'field.trained': 'The epochs trained',
  'field.highlight': 'The highlighted step',
  'field.pos': 'The current step',
  'field.back': 'The step back-propagated to',
  'field.updates': 'The number of updates',
  'field.seedText': 'The start text',
  'field.sampleSeed': 'The seed of the draws',
  'field.input_size': 'The input size',
  'field.output_size': 'The output size',
  'field.output': 'The output layer',
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

/** The pieces of a text with subscripts (x_t, W_{hh}) and superscripts (ρ^{T−t}): [text, 'sub'|'sup'|null]. */
export function richPieces(text) {
  const out = [];
  // A single symbol (not the end of a word such as input_shape), or a number before ^,
  // then _ or ^ and one letter, a run of digits (ρ^49), or a group in braces or brackets.
  const re = /(?<![A-Za-z0-9_.])([A-Za-zα-ωΑ-Ω∂‖]|\d+(?:\.\d+)?(?=\^))([_^])(\{([^{}]*)\}|\(([^()]*)\)|(\d+|[A-Za-z0-9]))/g;
  let last = 0;
  for (let m; (m = re.exec(text)); ) {
    out.push([text.slice(last, m.index + m[1].length), null]);
    out.push([m[4] ?? m[5] ?? m[6], m[2] === '_' ? 'sub' : 'sup']);
    last = re.lastIndex;
  }
  out.push([text.slice(last), null]);
  return out.filter(([s]) => s !== '');
}

/** `text` without its sub- and superscript marks (W_{hh} → Whh), for accessible names. */
export function plainText(text) {
  return richPieces(text)
    .map(([s]) => s)
    .join('');
}

/** Puts `text` in `el`, with real subscripts and superscripts for x_t, W_{hh}, ρ^{T−t}. */
export function setRich(el, text) {
  const pieces = richPieces(text);
  if (pieces.length === 1 && pieces[0][1] === null) {
    // The same words already there (the boot script worded the frame before the first
    // paint): left alone, so the page is not laid out again for nothing.
    if (!(el.childNodes.length === 1 && el.firstChild.nodeType === Node.TEXT_NODE && el.firstChild.data === text)) el.textContent = text;
    return;
  }
  el.replaceChildren(
    ...pieces.map(([s, kind]) => {
      if (!kind) return document.createTextNode(s);
      const e = document.createElement(kind);
      e.textContent = s;
      return e;
    }),
  );
}

/** Fills every element with data-i18n="key" (text) or data-i18n-label="key" (aria-label). */
export function translatePage(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) setRich(el, t(el.dataset.i18n));
  for (const el of root.querySelectorAll('[data-i18n-label]')) {
    const label = t(el.dataset.i18nLabel);
    if (el.getAttribute('aria-label') !== label) el.setAttribute('aria-label', label);
  }
  for (const el of root.querySelectorAll('[data-i18n-title]')) {
    const title = t(el.dataset.i18nTitle);
    if (el.title !== title) el.title = title;
  }
}

/** The name of an engine field as the page calls it (`field.<name>`), else as written. */
function fieldName(field) {
  if (!field) return t('field.value');
  const key = `field.${field}`;
  const text = t(key);
  return text === key ? `“${field}”` : text;
}

/** What an engine error (`{kind, ...fields}`) says, in the current language. */
/**
 * A whole number's digits in groups of three, "30,000,001" (as both of the page's languages
 * write them; ui/format.js's `whole` uses it). Not `toLocaleString`: its first call loads the
 * browser's number formats, a long task on a phone.
 */
export function groupDigits(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function errorText(detail) {
  const d = detail || {};
  const vars = { ...d, field: fieldName(d.field) };
  if (d.kind === 'notFinite') {
    vars.at = d.at ? ` ${d.at}` : '';
    vars.value = t(`nonFinite.${d.value}`);
  }
  if (d.kind === 'diverged') {
    vars.what = t(`quantity.${d.what}`);
    vars.value = t(`nonFinite.${d.value}`);
  }
  if (d.kind === 'wrongType') {
    vars.expected = t(`expected.${d.expected?.is}`, d.expected);
    vars.got = t(`found.${d.got?.is}`, d.got);
  }
  if (d.kind === 'wrongModel') for (const k of ['found', 'expected']) vars[k] = t(`modelUse.${d[k]}`);
  if (d.kind === 'tooLong') {
    vars.unit = t(`counted.${d.unit}`);
    for (const k of ['length', 'max']) vars[k] = groupDigits(d[k]);
  }
  if (d.kind === 'json') vars.problem = t(`jsonProblem.${d.problem}`);
  if (d.kind === 'numeric') vars.problem = t(`error.numeric.${d.problem}`);
  if (d.kind === 'keras') vars.rule = t(`error.keras.${d.rule}`);
  if (Array.isArray(d.allowed)) vars.allowed = d.allowed.map((a) => `“${a}”`).join(language() === 'zh' ? '、' : ', ');
  const key = `error.${d.kind}`;
  return key in LANGUAGES[current] || key in LANGUAGES.en ? t(key, vars) : String(d.kind);
}
