// Which of ioredis's own test files (paths under its test/, as of ioredis v5.9.2) the compatibility run uses,
// and why the others are left out. The run fails loudly when a listed file is missing from the checkout.

/** Test files run against both clients: the areas the ocredis/ioredis entry covers. */
export const SELECTED = [
  // connection basics, events, auth, lazyConnect
  'functional/connection.ts',
  'functional/auth.ts',
  'functional/lazy_connect.ts',
  'functional/select.ts',
  'functional/duplicate.ts',
  // commands: call/sendCommand shapes, argument and reply transformers, keyPrefix
  'functional/send_command.ts',
  'functional/transformer.ts',
  'functional/hgetall.ts',
  'functional/string_numbers.ts',
  'functional/hexpire.ts',
  'functional/hpexpire.ts',
  // pipeline, transaction, WATCH, autopipelining
  'functional/pipeline.ts',
  'functional/transaction.ts',
  'functional/watch-exec.ts',
  'functional/autopipelining.ts',
  // scripting and defineCommand, scanStream, monitor, pub/sub
  'functional/scripting.ts',
  'functional/scan_stream.ts',
  'functional/monitor.ts',
  'functional/pub_sub.ts',
  // cluster against a real 3+3 cluster on ports 3000-3005
  'cluster/basic.ts',
];

/** Test files not run, each with the reason. */
export const EXCLUDED = {
  'functional/exports.ts': 'asserts identity with ioredis internal modules (lib/Command)',
  'functional/client_info.ts': 'asserts the library name "ioredis" sent by CLIENT SETINFO',
  'functional/blocking_timeout.ts': 'drives ioredis internals (lib/Command, lib/DataHandler)',
  'functional/disconnection.ts': 'counts setInterval/clearInterval calls of ioredis internals',
  'functional/ready_check.ts': 'stubs the private ready check (info() and global setTimeout)',
  'functional/commandTimeout.ts': 'commandTimeout option with fake timers: not in the entry scope',
  'functional/maxRetriesPerRequest.ts': 'maxRetriesPerRequest error class from lib/errors: not in the entry scope',
  'functional/reconnect_on_error.ts': 'reconnectOnError option: not in the entry scope',
  'functional/show_friendly_error_stack.ts': 'showFriendlyErrorStack option: not in the entry scope',
  'functional/fatal_error.ts': 'mock-server fatal protocol error: not in the entry scope',
  'functional/socketTimeout.ts': 'socketTimeout option: not in the entry scope',
  'functional/elasticache.ts': 'ElastiCache-specific CONFIG behaviour on a mock server: not in the entry scope',
  'functional/sentinel.ts': 'Sentinel: not in the entry scope',
  'functional/sentinel_nat.ts': 'Sentinel: not in the entry scope',
  'functional/tls.ts': 'TLS: not in the entry scope (needs certificates; stubs tls.connect)',
  'functional/spub_ssub.ts': 'sharded pub/sub: not in the entry scope',
  'functional/commands/xdelex.ts': 'needs Redis >= 8.2 (XDELEX), not on this machine',
  'functional/commands/xtrim.ts': 'needs Redis >= 8.2 (XTRIM KEEPREF/DELREF), not on this machine',
  'functional/cluster/*': 'Cluster against mock servers (ioredis MockServer speaking a fake CLUSTER SLOTS): cluster is measured on a real cluster with cluster/basic.ts instead',
  'cluster/cluster_subscriber_group.ts': 'sharded pub/sub subscriber groups: not in the entry scope',
  'unit/*': 'unit tests of ioredis internals',
  'typing/*': 'tsd type tests of ioredis declarations',
  'scenario/*': 'needs a fault-injector service (Redis Enterprise test setup)',
};

/**
 * Single tests left out of selected files, by full title (as mocha prints it), each with the reason. They
 * touch ioredis internals, not behaviour an application can see.
 */
export const EXCLUDED_TESTS = {
  'functional/connection.ts': {
    'connection sync connection works when connection established before promise is resolved': 'stubs the internal StandaloneConnector class',
    'connection sync connection ignores connectTimeout when connection established before promise is resolved': 'stubs the internal StandaloneConnector class',
  },
  'functional/lazy_connect.ts': {
    'lazy connect Cluster should call connect when pipeline exec': "builds ioredis's internal Pipeline class (lib/Pipeline) around the cluster",
  },
  'functional/monitor.ts': {
    'monitor should wait for the ready event before monitoring': 'spies on the private _readyCheck method',
  },
  'functional/transaction.ts': {
    'transaction transformer should handle custom transformer exception': 'patches the private Command._transformer table',
  },
};
