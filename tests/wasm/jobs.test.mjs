// The page's jobs (www/views/*/meta.js), run as the worker runs them: in chunks, on their own
// engine objects. Training in chunks gives the weights training in one go gives, to the
// bit, and the page adopting them steps the trained network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import engine from './load.mjs';
import { runJob as run } from './run-job.mjs';

test('sentence training as a job, in chunks, then adopted by the page, is training in one go', () => {
  const config = { cell: 'gru', units: 12, seed: 3 };
  const direct = new engine.Playground(config);
  direct.train(250);
  const cache = new Map();
  const [first] = run('sentenceTrain', { config, from: 0, epochs: 100 }, 7, cache);
  // Training again continues from where it stopped (the job keeps its session).
  const [second, reports] = run('sentenceTrain', { config, from: 100, epochs: 150 }, 13, cache);
  assert.equal(first.losses.length, 100);
  assert.equal(reports.at(-1).finished, 150);
  assert.equal(reports.at(-1).epochs, 250);
  const page = new engine.Playground(config);
  page.adopt(second.params, second.losses);
  assert.deepEqual(Array.from(page.params()), Array.from(direct.params()));
  assert.deepEqual(Array.from(page.losses()), Array.from(direct.losses()));
  assert.equal(page.sentenceLoss(), direct.sentenceLoss());
  assert.deepEqual(page.step(), direct.step());
  // A job asked to go on from another point starts again from the seed and catches up.
  const [again] = run('sentenceTrain', { config, from: 0, epochs: 250 }, 50, cache);
  assert.deepEqual(Array.from(again.params), Array.from(direct.params()));
  for (const pg of [direct, page]) pg.free();
});

test('the lab’s runs as jobs: the views they hand back are what the lab draws', () => {
  const lab = { activation: 'relu', radius: 2 };
  const [view] = run('explode', { lab, explode: { clip: 'norm', clipThreshold: 1, updates: 40 } }, 9);
  assert.equal(view.records.length, 40);
  assert.ok(view.records.some((r) => r.clipped));
  const g = new engine.GradientLab(lab);
  g.showExplode(view);
  const [race] = run('race', { lab: { radius: 0.5 }, race: { lengths: [5], updates: 20, testSize: 16 } }, 25);
  assert.equal(race.results.length, 3);
  g.showRace(race);
  g.free();
});

test('the gradient check as a job judges the weights it is given', () => {
  const pg = new engine.Playground({});
  pg.train(20);
  const [report] = run('gradcheck', { config: {}, params: new Float32Array(pg.params()) }, 40);
  assert.equal(report.checked, report.planned);
  assert.ok(report.worstRelativeError < 1e-2, JSON.stringify(report));
  pg.free();
});

test('series training as a job, adopted by the page, predicts the test set', () => {
  const config = { sequences: 64, length: 10, epochs: 2 };
  const [result] = run('seriesTrain', { config }, 3);
  const lab = new engine.SeriesLab(config);
  lab.adopt(result.params, result.progress);
  const p = lab.progress();
  assert.equal(p.history.length, 2);
  assert.ok(p.testMse > 0);
  const direct = new engine.SeriesLab(config);
  while (!direct.trainBatches(5).done);
  assert.deepEqual(direct.progress().history, p.history);
  assert.equal(direct.progress().testMse, p.testMse);
  lab.free();
  direct.free();
});
