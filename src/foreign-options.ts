// Option names of ioredis and node-redis, and what to write with ocredis instead (or why it has no
// equivalent). Read by the option checks of every client kind, so a user coming from another client is told
// at construction, not by data that lands under other keys.

const NOT_SUPPORTED_KEY_PREFIX =
  'not supported yet: ocredis would send your keys without the prefix, so the data would land under other keys; add the prefix to your keys yourself';

/** Options of a single-server client (also the node options of a cluster and of a Sentinel client). */
export const FOREIGN_CLIENT_OPTIONS: Readonly<Record<string, string>> = {
  keyPrefix: NOT_SUPPORTED_KEY_PREFIX,
  retryStrategy: "use 'reconnectStrategy': (attempt, cause) => delay in ms, or false to stop",
  connectionName: "use 'name'",
  maxRetriesPerRequest: "use 'offlineQueueAttempts' (failed connection attempts a queued command waits through); 'maxReadRetries' is how often a read is re-sent after a lost connection",
  enableOfflineQueue: "use 'maxOfflineQueue: 0' to refuse commands while disconnected",
  offlineQueue: "use 'maxOfflineQueue' (0 refuses commands while disconnected)",
  disableOfflineQueue: "use 'maxOfflineQueue: 0'",
  commandsQueueMaxLength: "use 'maxOfflineQueue'",
  enableAutoPipelining: 'not needed: ocredis always pipelines the commands of one event-loop turn',
  autoPipeliningIgnoredCommands: 'not supported: every command is auto-pipelined',
  showFriendlyErrorStack: 'not supported',
  enableReadyCheck: 'not needed: the client waits for a LOADING server by itself',
  maxLoadingRetryTime: 'not supported: commands answered -LOADING are held and sent again while the server loads',
  autoResubscribe: 'not needed: subscribers (r.pubsub()) always subscribe again after a reconnect',
  autoResendUnfulfilledCommands: "not supported: reads are re-sent after a lost connection ('maxReadRetries'), writes never (they may have run)",
  stringNumbers: 'not needed: integer replies beyond 2^53 arrive as exact bigints',
  readOnly: "not supported on a single server; for a cluster use readFrom: 'replica'",
  disconnectTimeout: 'not supported',
  family: 'not supported: give an IPv4 or IPv6 address as host to choose the family',
  noDelay: 'not needed: TCP_NODELAY is always on',
  monitor: 'not supported: MONITOR needs a dedicated connection',
  scripts: 'use r.registerScript(lua) for each script',
  Connector: 'not supported',
  commandQueue: 'not supported',
  blockingTimeout: "not supported: blocking commands (BLPOP …) use the timeout you pass them; 'commandTimeout' bounds other commands",
  blockingTimeoutGrace: 'not supported',
  database: "use 'db'",
  url: 'pass the URL as the first argument: new Redis(url, options)',
  socket: "use 'host', 'port', 'path', 'tls', 'connectTimeout', 'keepAlive' and 'socketTimeout' directly",
  RESP: "use 'protocol' (2 or 3)",
  legacyMode: 'not supported',
  disableClientInfo: "use 'clientInfo: false'",
  clientInfoTag: 'not supported: lib-name is always ocredis',
  isolationPoolOptions: "use 'poolSize'",
  readonly: "not supported on a single server; for a cluster use readFrom: 'replica'",
};

/** Options of RedisCluster (ioredis's Cluster and node-redis's createCluster). */
export const FOREIGN_CLUSTER_OPTIONS: Readonly<Record<string, string>> = {
  keyPrefix: NOT_SUPPORTED_KEY_PREFIX,
  redisOptions: "use 'nodeOptions'",
  defaults: "use 'nodeOptions'",
  scaleReads: "use readFrom: 'replica' (or 'primary')",
  useReplicas: "use readFrom: 'replica'",
  clusterRetryStrategy: "use 'maxRetryTime' and 'retryDelay'",
  retryDelayOnFailover: "use 'retryDelay' (attempt => ms) and 'maxRetryTime'",
  retryDelayOnClusterDown: "use 'retryDelay' (attempt => ms) and 'maxRetryTime'",
  retryDelayOnTryAgain: "use 'retryDelay' (attempt => ms) and 'maxRetryTime'",
  retryDelayOnMoved: 'not needed: MOVED is followed at once',
  slotsRefreshTimeout: "use 'refreshTimeout'",
  slotsRefreshInterval: "use 'topologyRefreshInterval' (ms; 0 turns it off)",
  enableOfflineQueue: "set 'maxOfflineQueue' in 'nodeOptions'",
  enableReadyCheck: 'not needed',
  enableAutoPipelining: 'not needed: ocredis always pipelines the commands of one event-loop turn',
  natMap: "use 'nodeAddressMap' (same shape: { 'host:port': { host, port } } or a function)",
  resolveSrv: 'not supported',
  useSRVRecords: 'not supported',
  maxCommandRedirections: "use 'maxRedirections'",
  minimizeConnections: 'not supported',
  shardedSubscribers: 'not needed: cluster.pubsub() subscribes each shard channel on its own node',
};

/** Options of SentinelRedis (ioredis's sentinel options and node-redis's createSentinel). */
export const FOREIGN_SENTINEL_OPTIONS: Readonly<Record<string, string>> = {
  ...FOREIGN_CLIENT_OPTIONS,
  sentinelPassword: "use sentinelOptions: { password }",
  sentinelUsername: "use sentinelOptions: { username }",
  sentinelTLS: 'use sentinelOptions: { tls }',
  enableTLSForSentinelMode: "use 'tls' for the data nodes and sentinelOptions: { tls } for the sentinels",
  sentinelCommandTimeout: "use 'sentinelTimeout'",
  sentinelRetryStrategy: 'not supported: the sentinels are asked again before every connection attempt',
  sentinelReconnectStrategy: 'not supported: the sentinels are asked again before every connection attempt',
  sentinelMaxConnections: 'not supported',
  preferredSlaves: "use 'preferredReplicas' (a list of { host, port }, best first, or a function (replicas) => replica)",
  updateSentinels: 'not needed: the sentinels a sentinel names (SENTINEL SENTINELS) are added at every look-up',
  failoverDetector: "use 'watchSwitchMaster'",
  natMap: "use 'nodeAddressMap' (same shape: { 'host:port': { host, port } } or a function)",
  sentinelRootNodes: "use 'sentinels'",
  host: 'not an option of SentinelRedis: the sentinels say where the master is',
  port: 'not an option of SentinelRedis: the sentinels say where the master is',
  path: 'not an option of SentinelRedis: the sentinels say where the master is',
};
