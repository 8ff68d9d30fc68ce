// The OpenTelemetry environment variables startTelemetry() honours (the SDK specification's names and
// defaults). Pure functions of an env object; explicit options are applied over them by the caller.
import type { Attributes } from '@opentelemetry/api';
import { ArgumentError } from '../errors.js';

export type Env = Readonly<Record<string, string | undefined>>;
export type TracesExporterKind = 'zipkin' | 'otlp' | 'console' | 'none';
export type MetricsExporterKind = 'prometheus' | 'otlp' | 'console' | 'none';
export type OtlpProtocol = 'http/protobuf' | 'http/json';
export type Signal = 'traces' | 'metrics';

const TRACES_EXPORTERS: readonly TracesExporterKind[] = ['zipkin', 'otlp', 'console', 'none'];
const METRICS_EXPORTERS: readonly MetricsExporterKind[] = ['prometheus', 'otlp', 'console', 'none'];

/** A set variable's trimmed value; undefined when unset or blank (the specification treats both alike). */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** OTEL_SDK_DISABLED=true (case-insensitive): no telemetry at all. */
export function sdkDisabled(env: Env): boolean {
  return nonEmpty(env.OTEL_SDK_DISABLED)?.toLowerCase() === 'true';
}

/** OTEL_TRACES_EXPORTER / OTEL_METRICS_EXPORTER: one exporter (a list would name several; we take one). */
export function tracesExporterFromEnv(env: Env): TracesExporterKind | undefined {
  return oneOf('OTEL_TRACES_EXPORTER', env.OTEL_TRACES_EXPORTER, TRACES_EXPORTERS);
}

export function metricsExporterFromEnv(env: Env): MetricsExporterKind | undefined {
  return oneOf('OTEL_METRICS_EXPORTER', env.OTEL_METRICS_EXPORTER, METRICS_EXPORTERS);
}

/** OTEL_EXPORTER_OTLP_{TRACES,METRICS}_PROTOCOL, else OTEL_EXPORTER_OTLP_PROTOCOL, else http/protobuf. */
export function otlpProtocolFromEnv(env: Env, signal: Signal): OtlpProtocol {
  const name = `OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_PROTOCOL`;
  const perSignal = nonEmpty(env[name]);
  const value = perSignal ?? nonEmpty(env.OTEL_EXPORTER_OTLP_PROTOCOL) ?? 'http/protobuf';
  return checkProtocol(perSignal !== undefined ? name : 'OTEL_EXPORTER_OTLP_PROTOCOL', value);
}

export function checkProtocol(source: string, value: string): OtlpProtocol {
  if (value === 'http/protobuf' || value === 'http/json') return value;
  throw new ArgumentError(`${source}: "${value}" is not supported by startTelemetry(); use http/protobuf or http/json (for grpc, set up a NodeSDK).`);
}

/** OTEL_RESOURCE_ATTRIBUTES: `key=value` pairs separated by commas, values percent-encoded. */
export function resourceAttributesFromEnv(env: Env): Attributes {
  const attributes: Attributes = {};
  for (const pair of (nonEmpty(env.OTEL_RESOURCE_ATTRIBUTES) ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue; // the specification says to ignore malformed entries
    const key = pair.slice(0, at).trim();
    try {
      attributes[key] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      // a malformed percent-encoding: skipped, as the SDK does
    }
  }
  return attributes;
}

/** A positive integer variable (ports, intervals), else undefined. */
export function positiveIntFromEnv(env: Env, name: string): number | undefined {
  const value = nonEmpty(env[name]);
  if (value === undefined) return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[]): T | undefined {
  const value = nonEmpty(raw)?.split(',')[0]?.trim().toLowerCase();
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ArgumentError(`${name}: "${value}" is not supported by startTelemetry(); use one of ${allowed.join(', ')}.`);
}
