// Which MeterProviders OcRedis records into its local aggregator (the fast path) instead of through the
// SDK's instruments: those an ocredisMetricProducer() (the 'ocredis/telemetry' entry) serves. The producer
// hands the aggregator's series to the readers it was given to through their public `metricProducers`
// option, so the SDK must never see the same calls as well: a provider takes one path, for good, at the
// first call OcRedis records into it. Nothing here loads the SDK (the main entry imports this module).
import { diag, type MeterProvider } from '@opentelemetry/api';
import { DEFAULT_CARDINALITY_LIMIT, LocalMetrics } from './local-metrics.js';

/** How long a provider may record locally before nobody having collected it is worth a warning. */
const NOT_COLLECTED_WARNING_MS = 5 * 60_000;

const localByProvider = new WeakMap<object, LocalMetrics>();
/** Providers OcRedis already records into through the SDK: too late for the fast path. */
const onSdkPath = new WeakSet<object>();
/** Providers whose local series a reader has collected at least once. */
const collected = new WeakSet<object>();
let globalServed = false;
let notCollectedWarningMs = NOT_COLLECTED_WARNING_MS;
const warned = new Set<string>();

/** The local aggregator of `provider`, if OcRedis records into one for it. */
export function localMetricsOf(provider: object): LocalMetrics | undefined {
  return localByProvider.get(provider);
}

/** Which path OcRedis records `provider`'s metrics on (`none`: it has not recorded into it yet). */
export function metricsPathOf(provider: object): 'local' | 'sdk' | 'none' {
  return localByProvider.has(provider) ? 'local' : onSdkPath.has(provider) ? 'sdk' : 'none';
}

/**
 * A producer serves `provider`: OcRedis aggregates its metrics locally from now on. False (and a warning)
 * when OcRedis already records into it through the SDK.
 */
export function serveLocally(provider: object, cardinalityLimit = DEFAULT_CARDINALITY_LIMIT): boolean {
  if (localByProvider.has(provider)) return true;
  if (onSdkPath.has(provider)) {
    warnTooLate();
    return false;
  }
  addLocal(provider, cardinalityLimit);
  return true;
}

/** A producer serves whichever MeterProvider is the global one when OcRedis first records into it. */
export function serveGlobalLocally(currentGlobal: MeterProvider): void {
  globalServed = true;
  if (onSdkPath.has(currentGlobal)) warnTooLate();
}

/** A reader collected `provider`'s local series (so they do not go nowhere). */
export function markCollected(provider: object): void {
  collected.add(provider);
  if (onSdkPath.has(provider)) warnTooLate();
}

/**
 * For providers.ts, at the first call into a provider that has a real meter: its aggregator, or undefined
 * for the SDK path.
 */
export function claimLocalMetrics(provider: MeterProvider, isGlobal: boolean): LocalMetrics | undefined {
  const local = localByProvider.get(provider) ?? (globalServed && isGlobal ? addLocal(provider, DEFAULT_CARDINALITY_LIMIT) : undefined);
  if (local === undefined) onSdkPath.add(provider);
  return local;
}

function addLocal(provider: object, cardinalityLimit: number): LocalMetrics {
  const local = new LocalMetrics(cardinalityLimit);
  localByProvider.set(provider, local);
  const check = setTimeout(() => {
    if (!collected.has(provider)) {
      warnLoudly(
        'not-collected',
        `OcRedis has aggregated metrics for ${notCollectedWarningMs / 1000}s that no metric reader collected: hand ocredisMetricProducer() to ` +
          `every reader of the MeterProvider OcRedis records into (their \`metricProducers\` option), or remove it to use the SDK path.`,
      );
    }
  }, notCollectedWarningMs);
  check.unref();
  return local;
}

function warnTooLate(): void {
  warnLoudly(
    'too-late',
    'ocredisMetricProducer() cannot take over a MeterProvider OcRedis already records into through the SDK; its metrics stay on ' +
      'the (slower) SDK path. Create the producer, and the provider, before the first Redis call.',
  );
}

/** Once per kind: a diag warning (for those with a diag logger) and a process warning (for everyone). */
export function warnLoudly(kind: string, message: string): void {
  if (warned.has(kind)) return;
  warned.add(kind);
  diag.warn(`ocredis: ${message}`);
  process.emitWarning(message, { code: 'OCREDIS_METRICS_FAST_PATH' });
}

/** Tests only: a shorter delay for the not-collected warning, and warnings that may fire again. */
export function resetFastPathWarningsForTests(delayMs = NOT_COLLECTED_WARNING_MS): void {
  notCollectedWarningMs = delayMs;
  warned.clear();
  globalServed = false;
}
