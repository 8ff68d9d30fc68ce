// Stands in for ioredis's package root ("lib" in its tests): the client under test, named by
// $IOREDIS_COMPAT_TARGET ("ioredis" for the baseline, "ocredis/ioredis" for ours).
'use strict';
const target = require(process.env.IOREDIS_COMPAT_TARGET);
// The tests are compiled without esModuleInterop: a default import reads `.default`.
module.exports = target && target.default ? target : { __esModule: true, ...target, default: target.Redis };
