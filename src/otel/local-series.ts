// The cells of the local aggregator: one cumulative explicit-bucket histogram or monotonic counter per
// series (a metric plus one set of attributes). Recording is a few number updates, no allocation.
import type { Attributes, HrTime } from '@opentelemetry/api';

/** Wall-clock now as OpenTelemetry HrTime ([seconds, nanoseconds]). */
export function nowHrTime(): HrTime {
  const ms = performance.timeOrigin + performance.now();
  const seconds = Math.trunc(ms / 1000);
  return [seconds, Math.round((ms - seconds * 1000) * 1e6)];
}

export class HistogramCell {
  /** counts[i] holds values in (boundaries[i-1], boundaries[i]]; the last one, values above every bound. */
  readonly counts: number[];
  sum = 0;
  count = 0;
  min = Infinity;
  max = -Infinity;
  readonly startTime: HrTime = nowHrTime();

  constructor(
    readonly boundaries: readonly number[],
    readonly attributes: Attributes,
  ) {
    this.counts = new Array<number>(boundaries.length + 1).fill(0);
  }

  record(value: number): void {
    // Like the SDK's histograms: negative values and NaN are not recorded.
    if (!(value >= 0)) return;
    const boundaries = this.boundaries;
    let i = 0;
    // Linear: the values seen (sub-millisecond latencies, short keys) sit in the first buckets.
    while (i < boundaries.length && value > (boundaries[i] as number)) i++;
    this.counts[i] = (this.counts[i] as number) + 1;
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }
}

export class CounterCell {
  value = 0;
  readonly startTime: HrTime = nowHrTime();

  constructor(readonly attributes: Attributes) {}

  add(increment: number): void {
    this.value += increment;
  }
}
