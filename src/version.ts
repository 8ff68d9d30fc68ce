/** The package name and version (test/unit/otel/scope-version.test.ts checks them against package.json): reading package.json at run time breaks bundlers. */
export const PACKAGE_NAME = 'ocredis';
export const PACKAGE_VERSION = '0.1.0';
