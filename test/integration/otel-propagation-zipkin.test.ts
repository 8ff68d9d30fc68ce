// telemetry.propagateContext end to end through startTelemetry() and the real ZipkinExporter (its W3C
// propagator, its batch processor): the publisher's PUBLISH span and the subscriber's CONSUMER span arrive at
// a local Zipkin receiver, schema-valid, in one trace, the consumer span a child of the PUBLISH span.
import { trace, type Span } from '@opentelemetry/api';
import { expect, it } from 'vitest';
import { OcRedis } from '../../src/index.js';
import { startTelemetry } from '../../src/telemetry/index.js';
import { useZipkinServer } from '../helpers/zipkin-server.js';

const env = useZipkinServer();

it('the PUBLISH span and the subscriber CONSUMER span reach Zipkin in one trace', async () => {
  const telemetry = startTelemetry({ serviceName: 'propagation-test', zipkin: { url: env.zipkin.url }, prometheus: false });
  const publisher = new OcRedis({ port: env.server.port, telemetry: { propagateContext: true } });
  const subscriber = new OcRedis({ port: env.server.port, telemetry: { propagateContext: true } });
  const sub = subscriber.pubsub();
  try {
    let deliver: (message: string) => void = () => undefined;
    const received = new Promise<string>((resolve) => (deliver = resolve));
    await sub.subscribe('orders', (message) => deliver(message.message));
    await trace.getTracer('test').startActiveSpan('checkout', async (checkout: Span) => {
      await publisher.publish('orders', 'order-1');
      checkout.end();
    });
    expect(await received).toBe('order-1');
  } finally {
    await sub.quit();
    await Promise.all([publisher.quit(), subscriber.quit()]);
    await telemetry.shutdown(); // flushes the batch span processor
  }

  expect(env.zipkin.validationErrors).toEqual([]);
  const spans = env.zipkin.spans.filter((span) => span.localEndpoint?.serviceName === 'propagation-test');
  const checkout = spans.find((span) => span.name === 'checkout');
  const publish = spans.find((span) => span.name === 'PUBLISH');
  const process = spans.find((span) => span.name === 'process orders');
  expect(checkout).toBeDefined();
  expect(publish).toMatchObject({ kind: 'CLIENT', traceId: checkout?.traceId, parentId: checkout?.id });
  expect(process).toMatchObject({
    kind: 'CONSUMER',
    traceId: checkout?.traceId,
    parentId: publish?.id,
    tags: expect.objectContaining({ 'messaging.system': 'redis', 'messaging.destination.name': 'orders', 'messaging.operation.type': 'process' }),
  });
  // The payload never reaches telemetry.
  expect(env.zipkin.payloads.some((payload) => payload.body.includes('order-1'))).toBe(false);
});
