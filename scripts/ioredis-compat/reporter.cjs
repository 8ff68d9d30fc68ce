// Mocha reporter for the ioredis compatibility run: one line per test on stderr, and the result of the file
// as JSON in $IOREDIS_COMPAT_RESULT, rewritten after every event so that a run that hangs or crashes still
// leaves what it got through (the planned total is known from the start).
'use strict';
const { writeFileSync } = require('node:fs');

class CompatReporter {
  constructor(runner) {
    const out = process.env.IOREDIS_COMPAT_RESULT;
    const result = { total: runner.total, passed: [], failed: [], pending: [], finished: false };
    const save = () => out && writeFileSync(out, JSON.stringify(result, null, 1));
    const firstLine = (err) => String((err && (err.message || err)) || 'unknown error').split('\n')[0].slice(0, 300);
    save();
    // Mocha applies --grep after building the reporter: the total of the tests to run is known at 'start'.
    runner.once('start', () => {
      result.total = runner.total;
      save();
    });
    runner.on('pass', (test) => {
      result.passed.push(test.fullTitle());
      process.stderr.write(`  ok   ${test.fullTitle()}\n`);
      save();
    });
    runner.on('fail', (test, err) => {
      // A failing hook is reported with the hook's title; the tests it skips are counted as not passed. A test
      // that passed and then threw (from a late callback) counts as failed.
      result.passed = result.passed.filter((title) => title !== test.fullTitle());
      result.failed.push({ title: test.fullTitle(), hook: test.type === 'hook', error: firstLine(err) });
      process.stderr.write(`  FAIL ${test.fullTitle()}: ${firstLine(err)}\n`);
      save();
    });
    runner.on('pending', (test) => {
      result.pending.push(test.fullTitle());
      save();
    });
    runner.once('end', () => {
      result.finished = true;
      save();
    });
  }
}

module.exports = CompatReporter;
