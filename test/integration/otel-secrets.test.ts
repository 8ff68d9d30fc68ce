// Safe by default: run commands full of secrets (passwords, values, server errors that echo arguments) and
// search every exported span and metric for them.
import { expect, it } from 'vitest';
import { OcRedis } from '../../src/index.js';
import { metricStrings, spanStrings } from '../helpers/otel.js';
import { useOtelServer } from '../helpers/otel-server.js';

const PASSWORD = 'Pw-aaa111-SECRET';
const SECRETS = {
  password: PASSWORD,
  newPassword: 'Pw-bbb222-SECRET',
  aclPassword: 'Pw-ccc333-SECRET',
  value: 'value-ddd444-SECRET',
  field: 'field-eee555-SECRET',
  echoed: 'echoed-fff666-SECRET',
  batchValue: 'batch-ggg777-SECRET',
  wrongPassword: 'Pw-hhh888-SECRET',
};

const env = useOtelServer({ password: PASSWORD });

it('no secret reaches any span, event, status or metric label', async () => {
  const o = new OcRedis({ port: env.server.port, password: PASSWORD });
  await o.call('AUTH', SECRETS.password);
  await o.call('HELLO', '3', 'AUTH', 'default', SECRETS.password);
  await o.call('AUTH', 'default', SECRETS.wrongPassword).catch(() => undefined);
  await o.call('HELLO', '3', 'AUTH', 'default', SECRETS.wrongPassword).catch(() => undefined);
  await o.call('ACL', 'SETUSER', 'alice', 'on', `>${SECRETS.aclPassword}`, '~*', '+get');
  await o.configSet('requirepass', SECRETS.newPassword);
  await o.call('CONFIG', 'SET', 'requirepass', PASSWORD);
  await o.set('k', SECRETS.value);
  await o.hset('h', SECRETS.field, SECRETS.value);
  // Server errors that echo arguments back.
  await o.call('CONFIG', 'SET', SECRETS.echoed, 'x').catch(() => undefined);
  await o.call('NOSUCHCMD', SECRETS.echoed).catch(() => undefined);
  await o.call('HELLO', SECRETS.echoed).catch(() => undefined);
  await o.call('OBJECT', SECRETS.echoed, 'k').catch(() => undefined);
  const p = o.pipeline();
  p.set('k2', SECRETS.batchValue);
  p.call('AUTH', SECRETS.password);
  p.call('NOSUCHCMD', SECRETS.echoed);
  await p.exec().catch(() => undefined);
  const m = o.multi();
  m.set('k3', SECRETS.batchValue);
  m.call('CONFIG', 'SET', SECRETS.echoed, 'x');
  await m.exec().catch(() => undefined);
  await o.quit();

  const spans = env.otel.spans();
  expect(spans.length).toBeGreaterThanOrEqual(15);
  const exported = [...spanStrings(spans), ...metricStrings(await env.otel.collect())].join('\n');
  expect(exported).toContain('AUTH'); // the scan does see the spans
  for (const [what, secret] of Object.entries(SECRETS)) {
    expect(exported.includes(secret), `${what} leaked`).toBe(false);
  }
});

it("redact: 'none' shows values, but still never passwords", async () => {
  const o = new OcRedis({ port: env.server.port, password: PASSWORD, telemetry: { redact: 'none' } });
  await env.otel.reset();
  await o.set('k', SECRETS.value);
  await o.call('AUTH', SECRETS.password);
  await o.call('ACL', 'SETUSER', 'bob', 'on', `>${SECRETS.aclPassword}`);
  await o.call('CONFIG', 'SET', 'requirepass', PASSWORD);
  await o.quit();
  const exported = spanStrings(env.otel.spans()).join('\n');
  expect(exported).toContain(SECRETS.value);
  expect(exported).not.toContain(SECRETS.password);
  expect(exported).not.toContain(SECRETS.aclPassword);
});
