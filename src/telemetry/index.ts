// The 'ocredis/telemetry' entry: the only module that loads the trace SDK and the exporters.
export {
  startTelemetry,
  DEFAULT_ZIPKIN_URL,
  DEFAULT_PROMETHEUS_PORT,
  DEFAULT_PROMETHEUS_PREFIX,
  MAX_QUEUED_SPANS,
  type StartTelemetryOptions,
  type Telemetry,
} from './start-telemetry.js';
