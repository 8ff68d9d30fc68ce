// Piped input may end at any moment while the demo runs: before the prompt loop starts (while the demo still
// checks Redis and Zipkin), or while a query is being answered. Every line read before the end is answered in
// order, no prompt is shown once the input has closed (Node 24 throws ERR_USE_AFTER_CLOSE on prompt() after
// close), telemetry is flushed, and the demo exits 0. These tests order the events instead of racing them.
import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { PROMPT, runPromptLoop } from '../../examples/search-cli/repl.js';
import { CACHE_HIT_MESSAGE, CACHE_MISS_MESSAGE } from '../../examples/search-cli/search.js';
import { Demo } from '../helpers/demo-process.js';
import { freePort } from '../helpers/free-port.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';
import { startZipkinReceiver, type ZipkinReceiver } from '../helpers/zipkin-receiver.js';

class Collector extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('search demo prompt loop, input that has already ended', () => {
  it('answers every line in order and shows no prompt after the input closed during a query', async () => {
    const input = new PassThrough();
    input.end('first\nsecond\n\nthird'); // ended before the loop starts; the last line has no newline
    const output = new Collector();
    const handled: string[] = [];
    await runPromptLoop(input, output, async (line) => {
      handled.push(line);
      // Finish each query only after the input's end was read (readline closes on it): the order in
      // which a slow query meets piped input that ended meanwhile.
      if (!input.readableEnded) await once(input, 'end');
    });
    expect(handled).toEqual(['first', 'second', 'third']);
    expect(output.text).toBe(PROMPT); // the first prompt, shown while the input was still open
  });

  it('keeps prompting after each line while the input is open, and stops at its end', async () => {
    const input = new PassThrough();
    const output = new Collector();
    const handled: string[] = [];
    const loop = runPromptLoop(input, output, async (line) => {
      handled.push(line);
      if (line === 'one') input.write('two\n'); // the next line arrives only after this one was answered
      else input.end(); // read only after this query returns: the loop prompts once more, like a terminal
    });
    input.write('one\n');
    await loop;
    expect(handled).toEqual(['one', 'two']);
    expect(output.text).toBe(PROMPT.repeat(3));
  });

  it('returns at once for a stream whose end was already consumed (readline would never see it)', async () => {
    const input = new PassThrough();
    input.end('eaten\n');
    input.resume();
    await once(input, 'end');
    const output = new Collector();
    const handled: string[] = [];
    await runPromptLoop(input, output, async (line) => void handled.push(line));
    expect(handled).toEqual([]);
    expect(output.text).toBe('');
  });
});

describe('search demo, stdin closed before the start-up checks finished', () => {
  let redis: RedisServerHandle | undefined;
  let zipkin: ZipkinReceiver | undefined;
  const demos: Demo[] = [];
  afterEach(async () => {
    await Promise.all(demos.splice(0).map((demo) => demo.kill()));
    await Promise.all([redis?.stop(), zipkin?.stop()]);
    redis = zipkin = undefined;
  });

  /**
   * Starts the demo with `args` while its Redis is stopped (SIGSTOP), so the demo's first start-up check
   * cannot finish; types `input`, closes stdin, and only then lets Redis run again.
   */
  async function demoWithInputEndedDuringChecks(server: RedisServerHandle, args: string[], input: string): Promise<Demo> {
    process.kill(server.pid, 'SIGSTOP');
    try {
      const demo = new Demo(args);
      demos.push(demo);
      demo.type(input);
      await demo.endInput();
      return demo;
    } finally {
      process.kill(server.pid, 'SIGCONT');
    }
  }

  const answer = (message: string, query: string): string => `${message}\n> ${query.toUpperCase()}\n\n`;

  it('answers every piped query, flushes the spans, and exits 0', async () => {
    [redis, zipkin] = await Promise.all([startRedisServer(), startZipkinReceiver()]);
    const demo = await demoWithInputEndedDuringChecks(
      redis,
      [
        `--redis-url=redis://127.0.0.1:${redis.port}/10`,
        `--zipkin-url=${zipkin.url}`,
        '--metrics-host=127.0.0.1',
        `--metrics-port=${await freePort()}`,
        '--service-name=ocredis-eof',
      ],
      'what is this\nwhat is that\nwhat is this\n',
    );
    expect(await demo.exitCode, demo.stderr).toBe(0);
    // The end of input was in the pipe before the demo first read it, and every answer takes Redis round
    // trips: readline has closed before the first answer, so only the first prompt shows.
    expect(demo.stdout).toBe(
      `${PROMPT}${answer(CACHE_MISS_MESSAGE, 'what is this')}${answer(CACHE_MISS_MESSAGE, 'what is that')}` +
        `${answer(CACHE_HIT_MESSAGE, 'what is this')}\nBye\n`,
    );
    expect(demo.stderr).not.toMatch(/warning|error/i);
    const spans = zipkin.spans.filter((s) => s.localEndpoint?.serviceName === 'ocredis-eof');
    expect(spans.map((s) => s.name).sort()).toEqual(['DEL', 'GET', 'GET', 'GET', 'SET', 'SET', 'Search', 'Search', 'Search']);
    expect(zipkin.validationErrors).toEqual([]);
  });

  it('answers every piped query and exits 0 when Zipkin is unreachable (the Node 24 crash)', async () => {
    redis = await startRedisServer();
    const demo = await demoWithInputEndedDuringChecks(
      redis,
      [`--redis-url=redis://127.0.0.1:${redis.port}/11`, `--zipkin-url=http://127.0.0.1:${await freePort()}/api/v2/spans`, '--no-metrics'],
      'zipkin is down\nzipkin is down\n',
    );
    expect(await demo.exitCode, demo.stderr).toBe(0);
    expect(demo.stdout).toBe(`${PROMPT}${answer(CACHE_MISS_MESSAGE, 'zipkin is down')}${answer(CACHE_HIT_MESSAGE, 'zipkin is down')}\nBye\n`);
    const warnings = demo.stderr.split('\n').filter((line) => /warning|error/i.test(line));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Zipkin is not reachable/);
  });
});
