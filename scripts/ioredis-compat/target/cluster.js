// Stands in for ioredis's "lib/cluster": its default export is the Cluster class of the client under test.
'use strict';
module.exports = { __esModule: true, default: require('./index.js').Cluster };
