// Error identity in telemetry is bounded and secret-free: a server error's code comes only from the prefixes
// Redis and Valkey send (anything else is ERR), secret-bearing commands never show a server message or stack
// in any redact mode, and an error a registered script handles itself is not a failure of the caller's call.
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { describe, expect, it } from 'vitest';
import { OcRedis, ReplyError } from '../../src/index.js';
import type { RedactMode } from '../../src/otel/options.js';
import { counterTotal, metricStrings, pointsWith, spanStrings } from '../helpers/otel.js';
import { useOtelServer } from '../helpers/otel-server.js';

const PASSWORD = 'Pw-root-0a1b2c-SECRET';
/** Arguments of secret-bearing commands: never anywhere in telemetry, whatever `redact` says. */
const SECRETS = {
  wrongPassword: 'Pw-wrong-3d4e5f-SECRET',
  aclRule: 'aclrule-6a7b8c-SECRET',
  configName: 'cfgname-9d0e1f-SECRET',
  helloUser: 'hellouser-2a3b4c-SECRET',
  migratePassword: 'Pw-migrate-5d6e7f-SECRET',
};
/** Shaped like a cloud access key, echoed back as the first word of a script error. */
const ACCESS_KEY = 'AKIAIOSFODNN7SECRET01';
const REJECT_SCRIPT = "return redis.error_reply(ARGV[1] .. ' rejected')";

const MODES: RedactMode[] = ['values', 'all', 'none', (command) => command];

const env = useOtelServer({ password: PASSWORD });

function errorAttributes(spans: readonly ReadableSpan[]): string[] {
  return spans.flatMap((span) => [span.attributes['error.type'], span.attributes['db.response.status_code']].filter((v) => v !== undefined).map(String));
}

describe.each(MODES.map((mode) => [typeof mode === 'function' ? 'function' : mode, mode] as const))("redact: '%s'", (_name, mode) => {
  it('no secret of a refused secret-bearing command reaches a span, event, status or metric', async () => {
    await env.otel.reset();
    const o = new OcRedis({ port: env.server.port, password: PASSWORD, telemetry: { redact: mode } });
    await o.set('k', 'v'); // MIGRATE of a missing key answers NOKEY without trying
    const refused = [
      o.call('AUTH', 'default', SECRETS.wrongPassword),
      o.call('HELLO', '3', 'AUTH', SECRETS.helloUser, SECRETS.wrongPassword),
      // The server quotes the refused rule and the unknown parameter back in its error.
      o.call('ACL', 'SETUSER', 'alice', 'on', SECRETS.aclRule),
      o.call('CONFIG', 'SET', SECRETS.configName, 'x'),
      o.call('MIGRATE', '127.0.0.1', '1', 'k', '0', '10', 'AUTH', SECRETS.migratePassword),
    ];
    const results = await Promise.allSettled(refused);
    // The errors the caller gets still say everything (ACL and CONFIG quote the argument).
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(String((results[2] as PromiseRejectedResult).reason.message)).toContain(SECRETS.aclRule);
    const p = o.pipeline();
    p.call('ACL', 'SETUSER', 'bob', 'on', SECRETS.aclRule);
    p.get('k');
    await p.exec().catch(() => undefined);
    await o.quit();

    const spans = env.otel.spans();
    expect(spans.filter((s) => s.status.code === 2).length).toBeGreaterThanOrEqual(6);
    const exported = [...spanStrings(spans), ...metricStrings(await env.otel.collect())].join('\n');
    expect(exported).toContain('WRONGPASS'); // the scan sees the failures
    for (const [what, secret] of Object.entries(SECRETS)) expect(exported.includes(secret), `${what} leaked`).toBe(false);
    for (const span of spans.filter((s) => s.status.code === 2)) {
      expect(span.status.message ?? '', span.name).toBe('');
      const exception = span.events.find((e) => e.name === 'exception');
      expect(exception?.attributes?.['exception.stacktrace'], span.name).toBeUndefined();
      expect(exception?.attributes?.['exception.message'], span.name).toBeUndefined();
    }
  });

  it("a script's error_reply starting with an argument is ERR in every attribute and label", async () => {
    await env.otel.reset();
    const o = new OcRedis({ port: env.server.port, password: PASSWORD, telemetry: { redact: mode } });
    const error = await o.eval(REJECT_SCRIPT, 0, ACCESS_KEY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyError);
    await o.quit();
    const spans = env.otel.spans();
    const data = await env.otel.collect();
    expect(errorAttributes(spans)).toEqual(['ERR', 'ERR']);
    expect(counterTotal(data, 'redis/calls', { status: 'ERROR', error: 'ERR' })).toBe(1);
    expect(metricStrings(data).join('\n')).not.toContain(ACCESS_KEY);
    const span = spans[0] as ReadableSpan;
    expect(span.events.find((e) => e.name === 'exception')?.attributes?.['exception.type']).toBe('ReplyError');
    // Only with redaction off may the message (and so the value the caller sent) appear: in the status.
    if (mode !== 'none') expect(spanStrings(spans).join('\n')).not.toContain(ACCESS_KEY);
    else expect(span.status.message).toBe(`${ACCESS_KEY} rejected`);
  });
});

it('40 distinct script errors make one error series', async () => {
  await env.otel.reset();
  const o = new OcRedis({ port: env.server.port, password: PASSWORD });
  for (let i = 0; i < 40; i++) await o.eval(REJECT_SCRIPT, 0, `AKIA${String(i).padStart(16, '0')}`).catch(() => undefined);
  await o.quit();
  const data = await env.otel.collect();
  const errorLabels = new Set(pointsWith(data, 'redis/calls', { status: 'ERROR' }).map((p) => p.attributes.error));
  expect([...errorLabels]).toEqual(['ERR']);
  const statusCodes = new Set(pointsWith(data, 'db.client.operation.duration').map((p) => p.attributes['db.response.status_code']).filter((c) => c !== undefined));
  expect([...statusCodes]).toEqual(['ERR']);
  expect(pointsWith(data, 'redis/calls', { method: 'eval' }).length).toBe(1);
});

it("a registered script's NOSCRIPT, handled by re-sending the call as EVAL, is no failure of the call", async () => {
  const o = new OcRedis({ port: env.server.port, password: PASSWORD });
  const script = o.registerScript('return ARGV[1]');
  expect(await script({ args: ['first'] })).toBe('first'); // EVAL: later calls are EVALSHA
  await o.call('SCRIPT', 'FLUSH');
  await env.otel.reset();
  expect(await script({ args: ['v'] })).toBe('v');
  const spans = env.otel.spans();
  const data = await env.otel.collect();
  await o.quit();
  expect(spans.map((s) => s.name)).toEqual(['EVALSHA', 'EVAL']);
  expect(spans.filter((s) => s.status.code === 2)).toEqual([]);
  expect((spans[0] as ReadableSpan).events.map((e) => [e.name, e.attributes?.reason])).toEqual([['retry', 'NOSCRIPT']]);
  expect(pointsWith(data, 'redis/calls', { status: 'ERROR' })).toEqual([]);
  expect(counterTotal(data, 'redis/calls', { status: 'OK' })).toBe(1); // the EVAL; the handled EVALSHA is not counted
  // A NOSCRIPT the caller gets (EVALSHA sent directly) is still a failure.
  const o2 = new OcRedis({ port: env.server.port, password: PASSWORD });
  await o2.call('EVALSHA', 'ffffffffffffffffffffffffffffffffffffffff', '0').catch(() => undefined);
  await o2.quit();
  expect(counterTotal(await env.otel.collect(), 'redis/calls', { status: 'ERROR', error: 'NOSCRIPT' })).toBe(1);
});
