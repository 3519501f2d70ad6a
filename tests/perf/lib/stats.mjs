// Median and nearest-rank percentiles, and the shape of one path in the
// JSON report. With 20-odd samples a p99 is the largest or second largest
// sample: it is reported as such, never interpolated beyond the data.

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Nearest-rank percentile: the smallest sample with at least p% at or below it. */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const round = (x, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

/** `ms` with one decimal, for notes. */
export const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1) : String(x));

/** p50/p99 of one component of the samples, for a note's breakdown. */
export function split(rows, key) {
  const xs = rows.map((r) => r[key]).filter(Number.isFinite);
  return xs.length ? `${fmt(median(xs))} / ${fmt(percentile(xs, 99))}` : 'n/a';
}

/** One entry of the report's `paths`. */
export function path({ id, label, unit = 'ms', samples, target, stat, note }) {
  if (!samples.length || !samples.every(Number.isFinite)) {
    throw new Error(`${id}: no valid samples (${JSON.stringify(samples)})`);
  }
  return {
    id,
    label,
    unit,
    samples: samples.map((x) => round(x)),
    median: round(median(samples)),
    p99: round(percentile(samples, 99)),
    target,
    target_stat: stat,
    note,
  };
}

/** Whether a path meets its target on its chosen statistic. */
export function meets(p) {
  const v = p.target_stat === 'max' ? Math.max(...p.samples) : p[p.target_stat];
  return v < p.target;
}
