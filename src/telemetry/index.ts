// The 'ocredis/telemetry' entry: everything that needs the OpenTelemetry SDK or an exporter (the
// application's copies: they are peer dependencies). The main 'ocredis' entry loads only @opentelemetry/api.
export {
  startTelemetry,
  DEFAULT_ZIPKIN_URL,
  DEFAULT_PROMETHEUS_PORT,
  DEFAULT_PROMETHEUS_PREFIX,
  MAX_QUEUED_SPANS,
  type StartTelemetryOptions,
  type Telemetry,
} from './start-telemetry.js';
export type { SdkTracerProvider } from './trace-sdk.js';
export { registerViews, ocredisViews, type RegisterViewsOptions } from './views.js';
export { ocredisMetricProducer, ocredisMetricsPath, type OcredisMetricProducer, type OcredisMetricProducerOptions } from './metric-producer.js';
export { TelemetryConflictError } from './conflicts.js';
