// Pub/sub subscribers of an OcRedis: each (P|S)(UN)SUBSCRIBE the subscriber sends — asked for, or sent again
// after a reconnect — is one network call, observed like a command: one span (`SUBSCRIBE` …) and one record
// under method `subscribe` / `psubscribe` / …. Channel and pattern names are what a subscription is about, so
// they count as keys (kept in db.query.text, measured as key lengths). Messages received are not observed
// (payloads never reach telemetry), except under telemetry.propagateContext: then a message carrying trace
// context is unwrapped and processed inside a CONSUMER span (pubsub-consumer.ts).
import type { MessageInterceptor } from '../client/pubsub.js';
import type { Connection } from '../connection/connection.js';
import type { RedisArg } from '../resp/types.js';
import { endpointOf, type Endpoint } from './attributes.js';
import { defaultMethodLabel } from './method-kinds.js';
import { Observation } from './observation.js';
import { isObserved, type ResolvedTelemetryOptions } from './options.js';
import { currentInstruments, currentTracer } from './providers.js';
import { processMessages } from './pubsub-consumer.js';

type SendSubscription = (command: string, names: readonly RedisArg[]) => Promise<number>;

/** What the instrumentation needs of a subscriber (Subscriber has it). */
export interface ObservableSubscriber {
  readonly connection: Connection;
  sendSubscription: SendSubscription;
  messageInterceptor: MessageInterceptor | undefined;
}

/** Every argument is a name: positions 0 … n-1, cached by count. */
const allPositions: (readonly number[])[] = [];

/**
 * Makes `subscriber.sendSubscription` (its single network method) observed, on this instance only, and with
 * propagateContext its messages processed in spans. Returns the same subscriber; anything without that method
 * (a cluster's sharded subscriber) is returned untouched.
 */
export function instrumentSubscriber<S>(subscriber: S, options: ResolvedTelemetryOptions): S {
  const target = subscriber as unknown as Partial<ObservableSubscriber> | null;
  if (target === null || typeof target !== 'object' || typeof target.sendSubscription !== 'function' || target.connection === undefined) return subscriber;
  const original = target.sendSubscription;
  const connection = target.connection;
  const endpoint = (): Endpoint => endpointOf(connection);
  const observed: SendSubscription = function (this: unknown, command, names) {
    const tracer = currentTracer(options);
    const instruments = currentInstruments(options);
    if ((tracer === undefined && instruments === undefined) || !isObserved(options, command)) return original.call(this, command, names);
    const observation = Observation.start(options, tracer, instruments, endpoint, defaultMethodLabel(command), command, names, undefined, positionsOf(names.length));
    let promise: Promise<number>;
    try {
      promise = original.call(this, command, names);
    } catch (error) {
      observation.fail(error);
      throw error;
    }
    promise.then(
      (count) => observation.succeed(count),
      (error: unknown) => observation.fail(error),
    );
    return promise;
  };
  // The subscriber calls this.sendSubscription for subscribe, unsubscribe and its resubscribe after a reconnect.
  Object.defineProperty(target, 'sendSubscription', { value: observed, writable: true, configurable: true, enumerable: false });
  if (options.propagateContext) target.messageInterceptor = processMessages(options, endpoint);
  return subscriber;
}

function positionsOf(count: number): readonly number[] {
  let positions = allPositions[count];
  if (positions === undefined) {
    positions = Object.freeze(Array.from({ length: count }, (_, i) => i));
    if (count < 64) allPositions[count] = positions;
  }
  return positions;
}
