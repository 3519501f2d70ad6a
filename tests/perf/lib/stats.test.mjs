// node --test tests/perf/lib: the summary figures the benchmark reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median, meets, path, percentile } from './stats.mjs';

test('median of odd and even counts', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test('nearest-rank p99 of 20-odd samples is the largest, never beyond the data', () => {
  const xs = Array.from({ length: 25 }, (_, i) => i + 1);
  assert.equal(percentile(xs, 99), 25);
  assert.equal(percentile(xs, 50), 13);
  const hundred = Array.from({ length: 200 }, (_, i) => i + 1);
  assert.equal(percentile(hundred, 99), 198);
});

test('a path with no or broken samples is refused, not reported', () => {
  assert.throws(() => path({ id: 'x', label: 'x', samples: [], target: 1, stat: 'p99', note: '' }));
  assert.throws(() => path({ id: 'x', label: 'x', samples: [1, NaN], target: 1, stat: 'p99', note: '' }));
});

test('a target is met on the chosen statistic', () => {
  const p = path({ id: 'x', label: 'x', samples: [10, 10, 10, 90], target: 50, stat: 'median', note: '' });
  assert.equal(meets(p), true);
  assert.equal(meets({ ...p, target_stat: 'p99' }), false);
  assert.equal(meets({ ...p, target_stat: 'max' }), false);
});
