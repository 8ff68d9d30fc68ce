// node:diagnostics_channel TracingChannels published by the client core, for APM agents and instrumentations
// that subscribe instead of patching: `ocredis:command` (one per sendCommand of a Redis, a Transaction or a
// RedisCluster), `ocredis:batch` (one per pipeline / MULTI exec, single server or cluster) and `ocredis:connect`
// (one per socket opened: connect plus handshake). A cluster call's server fields follow it to the node it is
// (last) sent to. Each call site
// checks `hasSubscribers` first: with nobody listening no context object is built and nothing is published.
//
// Payloads carry only sanitized arguments (keys, sub-commands and script names; every value `?`; nothing of
// AUTH / HELLO / ACL / CONFIG SET / MIGRATE after the sub-command). TracingChannel itself adds `result` (the
// reply) or `error` to the context when the call settles.
import { tracingChannel } from 'node:diagnostics_channel';
import type { CommandObserver } from '../connection/command-observer.js';
import type { RedisArg } from '../resp/types.js';
import { sanitizedArgs } from '../otel/query-text.js';

/** Where a call goes: what every payload says about the server. */
export interface ChannelEndpoint {
  /** The db index in use (follows SELECT; 0 on a cluster). */
  readonly database: number;
  /**
   * Host name or IP as configured, or the unix socket path. A cluster call: the node it was (last) sent to,
   * which may change until it settles (the first root node until it is routed).
   */
  readonly serverAddress: string;
  /** TCP port; undefined for a unix socket. */
  readonly serverPort: number | undefined;
}

export interface CommandMessage extends ChannelEndpoint {
  /** Upper-case command name (`GET`, `CLIENT`). */
  readonly command: string;
  /** Sanitized arguments (see above), at most 32. */
  readonly args: readonly string[];
  /** Set by TracingChannel: the reply, or the error the call failed with. */
  result?: unknown;
  error?: unknown;
}

export interface BatchMessage extends ChannelEndpoint {
  /** `PIPELINE` or `MULTI`. */
  readonly batchMode: 'PIPELINE' | 'MULTI';
  /** Number of queued commands. */
  readonly batchSize: number;
  /** Each queued command, sanitized like CommandMessage. */
  readonly commands: ReadonlyArray<{ readonly command: string; readonly args: readonly string[] }>;
  result?: unknown;
  error?: unknown;
}

export interface ConnectMessage extends ChannelEndpoint {
  /** False for the first socket of a connection, true once it had been ready before (a reconnect). */
  readonly reconnect: boolean;
  /** Set on success: the RESP version the handshake settled on. */
  protocol?: number;
  result?: unknown;
  error?: unknown;
}

export const commandChannel = tracingChannel<CommandMessage>('ocredis:command');
export const batchChannel = tracingChannel<BatchMessage>('ocredis:batch');
export const connectChannel = tracingChannel<ConnectMessage>('ocredis:connect');

/** What the payloads need of a connection (Connection has it). */
export interface EndpointSource {
  readonly db: number;
  readonly options: { readonly path?: string | undefined; readonly host: string; readonly port: number };
}

/**
 * Publishes one command around `send` (call only when commandChannel.hasSubscribers). `send` gets the message,
 * for a cluster to keep its server fields on the node the command goes to (followRouting).
 */
export function traceCommand<T>(endpoint: EndpointSource, command: string, args: readonly RedisArg[], send: (message: ChannelEndpoint) => Promise<T>): Promise<T> {
  const message: CommandMessage = { command, args: sanitizedArgs(command, args), ...endpointFields(endpoint) };
  return commandChannel.tracePromise(() => send(message), message);
}

/** Publishes one batch exec around `run` (call only when batchChannel.hasSubscribers); `run` as for traceCommand. */
export function traceBatch<T>(
  endpoint: EndpointSource,
  batchMode: 'PIPELINE' | 'MULTI',
  commands: ReadonlyArray<{ readonly name: string; readonly args: readonly RedisArg[] }>,
  run: (message: ChannelEndpoint) => Promise<T>,
): Promise<T> {
  const message: BatchMessage = {
    batchMode,
    batchSize: commands.length,
    commands: commands.map((c) => ({ command: c.name, args: sanitizedArgs(c.name, c.args) })),
    ...endpointFields(endpoint),
  };
  return batchChannel.tracePromise(() => run(message), message);
}

/**
 * A cluster call's observer while it is published: keeps `message`'s server fields on the node the call is
 * (last) sent to, and tells `observer` (telemetry's, if any) everything as before.
 */
export function followRouting(message: ChannelEndpoint, observer: CommandObserver | undefined): CommandObserver {
  const routed = message as { serverAddress: string; serverPort: number | undefined };
  return {
    onNode(node) {
      routed.serverAddress = node.host;
      routed.serverPort = node.port;
      observer?.onNode?.(node);
    },
    onRedirect: (event) => observer?.onRedirect?.(event),
    onRetry: (event) => observer?.onRetry?.(event),
  };
}

/**
 * One connection attempt (socket open plus handshake), published as TracingChannel does for a promise:
 * start and end now, then error (on failure), asyncStart and asyncEnd when it settles.
 */
export class ConnectTrace {
  private settled = false;

  private constructor(private readonly message: ConnectMessage) {}

  /** Starts publishing an attempt, or returns undefined when nobody subscribes. */
  static start(endpoint: EndpointSource, reconnect: boolean): ConnectTrace | undefined {
    if (!connectChannel.hasSubscribers) return undefined;
    const message: ConnectMessage = { reconnect, ...endpointFields(endpoint) };
    connectChannel.start.publish(message);
    connectChannel.end.publish(message);
    return new ConnectTrace(message);
  }

  /** The handshake completed: the connection is ready. */
  succeed(protocol: number): void {
    if (this.settled) return;
    this.settled = true;
    this.message.protocol = protocol;
    this.message.result = 'ready';
    connectChannel.asyncStart.publish(this.message);
    connectChannel.asyncEnd.publish(this.message);
  }

  /** The socket failed or closed before the handshake completed. */
  fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.message.error = error;
    connectChannel.error.publish(this.message);
    connectChannel.asyncStart.publish(this.message);
    connectChannel.asyncEnd.publish(this.message);
  }
}

function endpointFields(source: EndpointSource): ChannelEndpoint {
  const { path, host, port } = source.options;
  return path !== undefined ? { database: source.db, serverAddress: path, serverPort: undefined } : { database: source.db, serverAddress: host, serverPort: port };
}
