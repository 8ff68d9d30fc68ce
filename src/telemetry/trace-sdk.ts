// The application's trace SDK, 2.x or 3.x: @opentelemetry/sdk-trace has TracerProvider and
// BatchSpanProcessor in both lines (since 2.9; in 3.x sdk-trace-base and sdk-trace-node merged into it).
// It is an optional peer, looked up when startTelemetry() runs, with sdk-trace-node (2.x) as a fallback for
// an application where only that one is reachable.
import { createRequire } from 'node:module';
import { context, propagation, trace, type TextMapPropagator, type TracerProvider } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { BatchSpanProcessorOptions, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace';

/** The batching limits startTelemetry() sets. */
export interface BatchLimits {
  maxQueueSize: number;
  exportTimeoutMillis: number;
}
import { requireHere, requireOptional } from './require-here.js';

/** A TracerProvider of the SDK: what startTelemetry() hands back and shuts down. */
export interface SdkTracerProvider extends TracerProvider {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

type ProviderClass<P> = new (options: { resource: Resource; spanProcessors: SpanProcessor[] }) => P;

interface SdkTrace {
  TracerProvider: ProviderClass<SdkTracerProvider>;
  /** One options object, exporter included (sdk-trace-base's takes the exporter apart). */
  BatchSpanProcessor: new (options: BatchSpanProcessorOptions) => SpanProcessor;
}
interface SdkTraceNode {
  NodeTracerProvider: ProviderClass<SdkTracerProvider & { register(): void }>;
  BatchSpanProcessor: new (exporter: SpanExporter, limits: BatchLimits) => SpanProcessor;
}
interface ContextAsyncHooks {
  AsyncLocalStorageContextManager: new () => { enable(): Parameters<typeof context.setGlobalContextManager>[0] };
}
interface Core {
  CompositePropagator: new (config: { propagators: TextMapPropagator[] }) => TextMapPropagator;
  W3CTraceContextPropagator: new () => TextMapPropagator;
  W3CBaggagePropagator: new () => TextMapPropagator;
}

const MISSING =
  'startTelemetry(): no OpenTelemetry trace SDK installed. Install @opentelemetry/sdk-trace and @opentelemetry/context-async-hooks ' +
  '(see the README, Install), or pass { zipkin: false }.';

/**
 * Builds a TracerProvider that batches spans to `exporter` and registers it as the global one, with an
 * AsyncLocalStorage context manager and W3C propagators (what NodeTracerProvider.register() does).
 */
export function registerTracerProvider(resource: Resource, exporter: SpanExporter, batch: BatchLimits): SdkTracerProvider {
  const sdk = requireOptional<SdkTrace>('@opentelemetry/sdk-trace');
  const hooks = requireOptional<ContextAsyncHooks>('@opentelemetry/context-async-hooks');
  if (sdk !== undefined && hooks !== undefined) {
    const provider = new sdk.TracerProvider({ resource, spanProcessors: [new sdk.BatchSpanProcessor({ exporter, ...batch })] });
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(new hooks.AsyncLocalStorageContextManager().enable());
    // core is a dependency of sdk-trace: resolved from there, it is the copy the SDK itself uses.
    const core = requireOptional<Core>('@opentelemetry/core', createRequire(requireHere.resolve('@opentelemetry/sdk-trace')));
    if (core !== undefined) {
      propagation.setGlobalPropagator(new core.CompositePropagator({ propagators: [new core.W3CTraceContextPropagator(), new core.W3CBaggagePropagator()] }));
    }
    return provider;
  }
  const node = requireOptional<SdkTraceNode>('@opentelemetry/sdk-trace-node');
  if (node === undefined) throw new Error(MISSING);
  const provider = new node.NodeTracerProvider({ resource, spanProcessors: [new node.BatchSpanProcessor(exporter, batch)] });
  provider.register();
  return provider;
}
