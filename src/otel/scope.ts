import { PACKAGE_NAME, PACKAGE_VERSION } from '../version.js';

/** The instrumentation scope (tracer and meter name) every ocredis span and metric is reported under. */
export const SCOPE_NAME = PACKAGE_NAME;
/** The package version. */
export const SCOPE_VERSION = PACKAGE_VERSION;
