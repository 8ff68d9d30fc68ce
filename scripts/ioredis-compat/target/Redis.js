// Stands in for ioredis's "lib/Redis": its default export is the Redis class of the client under test.
'use strict';
module.exports = { __esModule: true, default: require('./index.js').default };
