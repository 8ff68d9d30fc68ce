// The instrumentation proxy: wraps any client whose commands go through `sendCommand(name, args, …)` (Redis,
// Transaction, and the cluster client) so each network call is one span and one set of metric records. On a
// cluster the observation also hears, through sendCommand's observer argument, which node answered and
// which MOVED / ASK / retries it took to get there.
// Wrappers are built once per property name per client; everything else passes through untouched.
import { context, trace, type Tracer } from '@opentelemetry/api';
import type { CommandObserver } from '../cluster/cluster-command.js';
import { lastCacheHit } from '../cache/client-cache.js';
import { RedisCluster } from '../cluster/cluster.js';
import type { Connection } from '../connection/connection.js';
import type { RedisArg } from '../resp/types.js';
import { endpointOf, type Endpoint } from './attributes.js';
import { instrumentBatch, type ObservableBatch } from './batch.js';
import { defaultMethodLabel, methodKind } from './method-kinds.js';
import type { Instruments } from './instruments.js';
import { producesMessage, withTraceContext } from './message-producer.js';
import { Observation } from './observation.js';
import { currentInstruments, currentTracer } from './providers.js';
import { readsStream, withReceiveSpans } from './stream-consumer.js';
import { instrumentSubscriber, type ObservableSubscriber } from './subscriber.js';
import { isObserved, resolveTelemetryOptions, type OcRedisTelemetryOptions, type ResolvedTelemetryOptions } from './options.js';

type AnyFunction = (...args: any[]) => any;
type SendCommand = (name: string, args: readonly RedisArg[], returnBuffers?: boolean, transform?: (reply: any) => unknown, observer?: CommandObserver) => Promise<unknown>;

export interface InstrumentOptions extends OcRedisTelemetryOptions {
  /**
   * Where calls go (db index, host, port), read when a call starts. Default: the client's `connection`; for a
   * RedisCluster, its first root node until the node a call is routed to is known (then that node).
   */
  endpoint?: () => Endpoint;
}

/** Per-client state shared by its wrappers. */
export interface InstrumentationState {
  readonly options: ResolvedTelemetryOptions;
  readonly endpoint: () => Endpoint;
  /**
   * Batches are built on the client itself, not the proxy: a cluster pipeline sends its commands through
   * the client's sendCommand, which must not observe them a second time (the exec span does).
   */
  readonly batchesOnClient: boolean;
  /**
   * Set by a typed method for the sendCommand it is about to make: the `method` label, and the tracer and
   * instruments it already looked up (so a call looks its providers up once).
   */
  label: string | undefined;
  tracer: Tracer | undefined;
  instruments: Instruments | undefined;
}

/**
 * Returns a Proxy of `client` whose network calls are observed. The proxy is the client for every other
 * purpose (`instanceof`, events, options). The client is used as is: don't keep calling the original.
 */
export function instrumentClient<T extends object>(client: T, options: InstrumentOptions = {}): T {
  const { endpoint, ...telemetry } = options;
  return instrumentWith(client, resolveTelemetryOptions(telemetry), endpoint ?? defaultEndpoint(client));
}

/** instrumentClient with options already resolved (shared by a client and the transactions it lends). */
export function instrumentWith<T extends object>(client: T, options: ResolvedTelemetryOptions, endpoint: () => Endpoint): T {
  const batchesOnClient = client instanceof RedisCluster;
  const state: InstrumentationState = { options, endpoint, batchesOnClient, label: undefined, tracer: undefined, instruments: undefined };
  const wrappers = new Map<string, AnyFunction>();
  let proxy: T;
  const handler: ProxyHandler<T> = {
    get(target, property, receiver) {
      if (typeof property !== 'string') return Reflect.get(target, property, receiver);
      const cached = wrappers.get(property);
      if (cached !== undefined) return cached;
      const value: unknown = Reflect.get(target, property, receiver);
      const kind = methodKind(property);
      if (kind === 'pass' || typeof value !== 'function') return value;
      const wrapper = makeWrapper(kind, property, value as AnyFunction, target, proxy, state);
      wrappers.set(property, wrapper);
      return wrapper;
    },
    set(target, property, value, receiver) {
      if (typeof property === 'string') wrappers.delete(property); // a replaced method gets a fresh wrapper
      return Reflect.set(target, property, value, receiver);
    },
  };
  proxy = new Proxy(client, handler);
  return proxy;
}

function makeWrapper(kind: Exclude<ReturnType<typeof methodKind>, 'pass'>, property: string, original: AnyFunction, target: object, proxy: object, state: InstrumentationState): AnyFunction {
  switch (kind) {
    case 'send':
      return observedSend(original as SendCommand, target, state);
    case 'command':
      // Runs the real method on the proxy, so its sendCommand is the observed one, labelled with this name.
      // With nothing to record (no SDK), it runs on the client itself: no second trip through the proxy.
      return function (this: unknown, ...params: unknown[]) {
        const tracer = currentTracer(state.options);
        const instruments = currentInstruments(state.options);
        if (tracer === undefined && instruments === undefined) return original.apply(target, params);
        state.label = property;
        state.tracer = tracer;
        state.instruments = instruments;
        try {
          return original.apply(proxy, params);
        } finally {
          state.label = undefined;
          state.tracer = undefined;
          state.instruments = undefined;
        }
      };
    case 'batch':
      return function (this: unknown, ...params: unknown[]) {
        const batch = original.apply(state.batchesOnClient ? target : proxy, params) as ObservableBatch;
        // A nested pipeline (created with a parent) runs with its parent's exec(): not a network call.
        return property === 'pipeline' && params[0] !== undefined ? batch : instrumentBatch(batch, state);
      };
    case 'pubsub':
      // The subscriber has its own connection; its subscribe / unsubscribe calls are observed on it.
      return function (this: unknown, ...params: unknown[]) {
        const subscriber = original.apply(target, params) as ObservableSubscriber | ShardedSubscriber;
        if ('nodeSubscriberHook' in subscriber) {
          // A cluster's sharded subscriber: observe the subscriber it makes on each node.
          subscriber.nodeSubscriberHook = (node) => instrumentSubscriber(node, state.options);
          return subscriber;
        }
        return instrumentSubscriber(subscriber, state.options);
      };
    case 'watch':
      return function (this: unknown, ...params: unknown[]) {
        // A client's watch() lends a Transaction; a pooled client's just sends WATCH (its 'OK' is passed on).
        return (original.apply(proxy, params) as Promise<unknown>).then((tx) => (typeof tx === 'object' && tx !== null ? instrumentLent(tx, state) : tx));
      };
    case 'transaction':
      return function (this: unknown, fn: unknown, ...rest: unknown[]) {
        if (typeof fn !== 'function') return original.call(proxy, fn, ...rest);
        return original.call(proxy, (tx: object) => fn(instrumentLent(tx, state)), ...rest);
      };
  }
}

/** What OcRedisCluster needs of `cluster.pubsub()`: a hook applied to each per-node subscriber. */
interface ShardedSubscriber {
  nodeSubscriberHook: ((subscriber: ObservableSubscriber) => void) | undefined;
}

/** The observed sendCommand: one Observation per call, ended when the reply (or error) arrives. */
function observedSend(original: SendCommand, target: object, state: InstrumentationState): SendCommand {
  const { options, endpoint } = state;
  return function (name, args, returnBuffers, transform, observer) {
    // Sent on behalf of a batch whose exec() is observed already: passed through as is.
    if (observer !== undefined) return original.call(target, name, args, returnBuffers, transform, observer);
    const label = state.label;
    let tracer: Tracer | undefined;
    let instruments: Instruments | undefined;
    if (label !== undefined) {
      // Consumed: sends made internally later are labelled by their command and look providers up again.
      tracer = state.tracer;
      instruments = state.instruments;
      state.label = undefined;
      state.tracer = undefined;
      state.instruments = undefined;
    } else {
      tracer = currentTracer(options);
      instruments = currentInstruments(options);
    }
    if ((tracer === undefined && instruments === undefined) || !isObserved(options, name)) {
      // Not observed, yet a message still carries the caller's context (spans are what excludeCommands stops).
      if (options.propagateContext && producesMessage(name)) args = withTraceContext(name, args, context.active());
      return original.call(target, name, args, returnBuffers, transform);
    }
    const observation = Observation.start(options, tracer, instruments, endpoint, label ?? defaultMethodLabel(name), name, args);
    if (options.propagateContext) {
      // The message carries the context of this call's own span (the send), else the caller's.
      if (producesMessage(name)) args = withTraceContext(name, args, observation.span === undefined ? context.active() : trace.setSpan(context.active(), observation.span));
      else if (tracer !== undefined && readsStream(name)) transform = withReceiveSpans(tracer, context.active(), endpoint, transform);
    }
    let promise: Promise<unknown>;
    try {
      // The observation is also the command's observer (a cluster reports the answering node, redirects and
      // retries to it; Redis its LOADING waits and re-sends).
      promise = original.call(target, name, args, returnBuffers, transform, observation);
      // A client-side cache answered (or not) synchronously, inside that call.
      const hit = lastCacheHit(target);
      if (hit !== undefined) observation.noteCacheHit(hit);
    } catch (error) {
      observation.fail(error);
      throw error;
    }
    promise.then(
      (reply) => observation.succeed(reply),
      (error: unknown) => observation.fail(error),
    );
    return promise;
  };
}

/** A Transaction lent by watch() / transaction(): instrumented like the client, on its own connection. */
function instrumentLent(tx: object, state: InstrumentationState): object {
  return instrumentWith(tx, state.options, defaultEndpoint(tx, state.endpoint));
}

function defaultEndpoint(client: object, fallback?: () => Endpoint): () => Endpoint {
  if (client instanceof RedisCluster) {
    // Until a call is routed (onNode): the first root node, where a cluster client starts.
    const root = client.options.rootNodes[0];
    const start: Endpoint = { db: 0, host: root?.host ?? 'unknown', port: root?.port };
    return () => start;
  }
  const connection = (client as { connection?: Connection }).connection;
  if (connection !== undefined && typeof connection === 'object' && 'options' in connection) return () => endpointOf(connection);
  return fallback ?? (() => ({ db: 0, host: 'unknown', port: undefined }));
}
