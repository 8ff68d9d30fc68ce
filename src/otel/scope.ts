/** The instrumentation scope (tracer and meter name) every ocredis span and metric is reported under. */
export const SCOPE_NAME = 'ocredis';
/** package.json's version (test/unit/otel/scope-version.test.ts checks it): reading package.json at run time breaks bundlers. */
export const SCOPE_VERSION = '0.1.0';
