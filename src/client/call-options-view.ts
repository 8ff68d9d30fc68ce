// The view `withOptions()` returns: the client itself for every purpose, except that each method it forwards
// runs with the view's per-call options in the client's `pendingCallOptions` slot. Commands are built
// synchronously inside the method (sendCommand, pipeline(), multi() take the slot), so the options reach
// exactly the call made through the view, also when the client is an instrumentation proxy.
import type { CallOptions } from '../connection/call-options.js';

export interface CallOptionsHost {
  pendingCallOptions: CallOptions | undefined;
}

type AnyFunction = (...args: unknown[]) => unknown;

export function callOptionsView<T extends CallOptionsHost>(client: T, options: CallOptions): T {
  const wrappers = new Map<string | symbol, AnyFunction>();
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function' || property === 'constructor') return value;
      let wrapper = wrappers.get(property);
      if (wrapper === undefined) {
        const method = value as AnyFunction;
        wrapper = function (this: unknown, ...params: unknown[]): unknown {
          const previous = client.pendingCallOptions;
          client.pendingCallOptions = options;
          try {
            return method.apply(client, params);
          } finally {
            client.pendingCallOptions = previous;
          }
        };
        wrappers.set(property, wrapper);
      }
      return wrapper;
    },
  });
}

/** The options a withOptions view set for the call being made now (cleared, so they reach that call only). */
export function takeCallOptions(host: CallOptionsHost): CallOptions | undefined {
  const options = host.pendingCallOptions;
  if (options !== undefined) host.pendingCallOptions = undefined;
  return options;
}
