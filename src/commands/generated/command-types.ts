// GENERATED FILE, DO NOT EDIT. Regenerate with `npm run gen:types -- <server sources>`
// (scripts/generate-command-types.ts) from src/commands/*.json of redis-7.4.1, valkey-8.0.1: typed methods for 346 of 368 commands, 148 …Buffer variants.
// Reply types are what the decoder returns under RESP3 (the default protocol): maps as objects, doubles as numbers.
// Under RESP2 (`protocol: 2`) 34 of these replies differ; each says how in its doc comment.
import type { Out, RedisArg, RedisKey, ResultKind } from '../define.js';

/** Hand-declared commands that also take their generated options-object form. */
export type OptionsFormMethods = 'auth' | 'bgsave' | 'getex' | 'lpos' | 'set' | 'sintercard' | 'xautoclaim' | 'xclaim' | 'zinterstore' | 'zrange' | 'zrangebyscore' | 'zrank' | 'zrevrange' | 'zrevrank' | 'zunionstore';

/** Options of AUTH. */
export type AuthOptions = { 'username'?: RedisArg };
/** Options of BGSAVE. */
export type BgsaveOptions = { 'SCHEDULE'?: true };
/** Options of BITFIELD_RO. */
export type BitfieldRoOptions = { 'GET'?: { 'encoding': RedisArg; 'offset': number }[] };
/** Options of BLMPOP. */
export type BlmpopOptions = { 'COUNT'?: number };
/** Options of BZMPOP. */
export type BzmpopOptions = { 'COUNT'?: number };
/** Options of CLIENT LIST. */
export type ClientListOptions = { 'TYPE'?: 'normal' | 'master' | 'replica' | 'pubsub'; 'ID'?: number[] };
/** Options of CLIENT TRACKING. */
export type ClientTrackingOptions = { 'REDIRECT'?: number; 'PREFIX'?: RedisArg[]; 'BCAST'?: true; 'OPTIN'?: true; 'OPTOUT'?: true; 'NOLOOP'?: true };
/** Options of COMMAND LIST. */
export type CommandListOptions = { 'FILTERBY'?: { 'MODULE': RedisArg } | { 'ACLCAT': RedisArg } | { 'PATTERN': RedisArg } };
/** Options of COPY. */
export type CopyOptions = { 'DB'?: number; 'REPLACE'?: true };
/** Options of FAILOVER. */
export type FailoverOptions = { 'TO'?: { 'host': RedisArg; 'port': number; 'FORCE'?: true }; 'ABORT'?: true; 'TIMEOUT'?: number };
/** Options of FUNCTION LIST. */
export type FunctionListOptions = { 'LIBRARYNAME'?: RedisArg; 'WITHCODE'?: true };
/** Options of FUNCTION LOAD. */
export type FunctionLoadOptions = { 'REPLACE'?: true };
/** Options of GEOADD. */
export type GeoaddOptions = { 'NX'?: true; 'XX'?: true; 'CH'?: true };
/** Options of GEORADIUS. */
export type GeoradiusOptions = { 'WITHCOORD'?: true; 'WITHDIST'?: true; 'WITHHASH'?: true; 'countBlock'?: { 'COUNT': number; 'ANY'?: true }; 'ASC'?: true; 'DESC'?: true; 'STORE'?: RedisKey; 'STOREDIST'?: RedisKey };
/** Options of GEORADIUS_RO. */
export type GeoradiusRoOptions = { 'WITHCOORD'?: true; 'WITHDIST'?: true; 'WITHHASH'?: true; 'countBlock'?: { 'COUNT': number; 'ANY'?: true }; 'ASC'?: true; 'DESC'?: true };
/** Options of GEORADIUSBYMEMBER. */
export type GeoradiusbymemberOptions = { 'WITHCOORD'?: true; 'WITHDIST'?: true; 'WITHHASH'?: true; 'countBlock'?: { 'COUNT': number; 'ANY'?: true }; 'ASC'?: true; 'DESC'?: true; 'STORE'?: RedisKey; 'STOREDIST'?: RedisKey };
/** Options of GEORADIUSBYMEMBER_RO. */
export type GeoradiusbymemberRoOptions = { 'WITHCOORD'?: true; 'WITHDIST'?: true; 'WITHHASH'?: true; 'countBlock'?: { 'COUNT': number; 'ANY'?: true }; 'ASC'?: true; 'DESC'?: true };
/** Options of GEOSEARCH. */
export type GeosearchOptions = { 'ASC'?: true; 'DESC'?: true; 'countBlock'?: { 'COUNT': number; 'ANY'?: true }; 'WITHCOORD'?: true; 'WITHDIST'?: true; 'WITHHASH'?: true };
/** Options of GEOSEARCHSTORE. */
export type GeosearchstoreOptions = { 'ASC'?: true; 'DESC'?: true; 'countBlock'?: { 'COUNT': number; 'ANY'?: true }; 'STOREDIST'?: true };
/** Options of GETEX. */
export type GetexOptions = { 'EX'?: number; 'PX'?: number; 'EXAT'?: number; 'PXAT'?: number; 'PERSIST'?: true };
/** Options of HEXPIRE. */
export type HexpireOptions = { 'NX'?: true; 'XX'?: true; 'GT'?: true; 'LT'?: true };
/** Options of HEXPIREAT. */
export type HexpireatOptions = { 'NX'?: true; 'XX'?: true; 'GT'?: true; 'LT'?: true };
/** Options of HPEXPIRE. */
export type HpexpireOptions = { 'NX'?: true; 'XX'?: true; 'GT'?: true; 'LT'?: true };
/** Options of HPEXPIREAT. */
export type HpexpireatOptions = { 'NX'?: true; 'XX'?: true; 'GT'?: true; 'LT'?: true };
/** Options of HSCAN. */
export type HscanOptions = { 'MATCH'?: RedisArg; 'COUNT'?: number; 'NOVALUES'?: true };
/** Options of LCS. */
export type LcsOptions = { 'LEN'?: true; 'IDX'?: true; 'MINMATCHLEN'?: number; 'WITHMATCHLEN'?: true };
/** Options of LMPOP. */
export type LmpopOptions = { 'COUNT'?: number };
/** Options of LOLWUT. */
export type LolwutOptions = { 'VERSION'?: number };
/** Options of LPOS. */
export type LposOptions = { 'RANK'?: number; 'COUNT'?: number; 'MAXLEN'?: number };
/** Options of MEMORY USAGE. */
export type MemoryUsageOptions = { 'SAMPLES'?: number };
/** Options of MIGRATE. */
export type MigrateOptions = { 'COPY'?: true; 'REPLACE'?: true; 'AUTH'?: RedisArg; 'AUTH2'?: { 'username': RedisArg; 'password': RedisArg }; 'KEYS'?: RedisKey[] };
/** Options of MODULE LOADEX. */
export type ModuleLoadexOptions = { 'CONFIG'?: { 'name': RedisArg; 'value': RedisArg }[]; 'ARGS'?: RedisArg[] };
/** Options of RESTORE. */
export type RestoreOptions = { 'REPLACE'?: true; 'ABSTTL'?: true; 'IDLETIME'?: number; 'FREQ'?: number };
/** Options of RESTORE-ASKING. */
export type RestoreAskingOptions = { 'REPLACE'?: true; 'ABSTTL'?: true; 'IDLETIME'?: number; 'FREQ'?: number };
/** Options of SCAN. */
export type ScanOptions = { 'MATCH'?: RedisArg; 'COUNT'?: number; 'TYPE'?: RedisArg };
/** Options of SET. */
export type SetOptions = { 'NX'?: true; 'XX'?: true; 'GET'?: true; 'EX'?: number; 'PX'?: number; 'EXAT'?: number; 'PXAT'?: number; 'KEEPTTL'?: true };
/** Options of SHUTDOWN. */
export type ShutdownOptions = { 'NOSAVE'?: true; 'SAVE'?: true; 'NOW'?: true; 'FORCE'?: true; 'ABORT'?: true };
/** Options of SINTERCARD. */
export type SintercardOptions = { 'LIMIT'?: number };
/** Options of SORT. */
export type SortOptions = { 'BY'?: RedisArg; 'LIMIT'?: { 'offset': number; 'count': number }; 'GET'?: RedisArg[]; 'ASC'?: true; 'DESC'?: true; 'ALPHA'?: true; 'STORE'?: RedisKey };
/** Options of SORT_RO. */
export type SortRoOptions = { 'BY'?: RedisArg; 'LIMIT'?: { 'offset': number; 'count': number }; 'GET'?: RedisArg[]; 'ASC'?: true; 'DESC'?: true; 'ALPHA'?: true };
/** Options of SSCAN. */
export type SscanOptions = { 'MATCH'?: RedisArg; 'COUNT'?: number };
/** Options of XADD. */
export type XaddOptions = { 'NOMKSTREAM'?: true; 'trim'?: { 'strategy': 'MAXLEN' | 'MINID'; '='?: true; '~'?: true; 'threshold': RedisArg; 'LIMIT'?: number } };
/** Options of XAUTOCLAIM. */
export type XautoclaimOptions = { 'COUNT'?: number; 'JUSTID'?: true };
/** Options of XCLAIM. */
export type XclaimOptions = { 'IDLE'?: number; 'TIME'?: number; 'RETRYCOUNT'?: number; 'FORCE'?: true; 'JUSTID'?: true; 'LASTID'?: RedisArg };
/** Options of XGROUP CREATE. */
export type XgroupCreateOptions = { 'MKSTREAM'?: true; 'ENTRIESREAD'?: number };
/** Options of XGROUP SETID. */
export type XgroupSetidOptions = { 'ENTRIESREAD'?: number };
/** Options of XRANGE. */
export type XrangeOptions = { 'COUNT'?: number };
/** Options of XREAD. */
export type XreadOptions = { 'COUNT'?: number; 'BLOCK'?: number };
/** Options of XREADGROUP. */
export type XreadgroupOptions = { 'COUNT'?: number; 'BLOCK'?: number; 'NOACK'?: true };
/** Options of XREVRANGE. */
export type XrevrangeOptions = { 'COUNT'?: number };
/** Options of XSETID. */
export type XsetidOptions = { 'ENTRIESADDED'?: number; 'MAXDELETEDID'?: RedisArg };
/** Options of ZADD. */
export type ZaddOptions = { 'NX'?: true; 'XX'?: true; 'GT'?: true; 'LT'?: true; 'CH'?: true; 'INCR'?: true };
/** Options of ZDIFF. */
export type ZdiffOptions = { 'WITHSCORES'?: true };
/** Options of ZINTER. */
export type ZinterOptions = { 'WEIGHTS'?: number[]; 'AGGREGATE'?: 'SUM' | 'MIN' | 'MAX'; 'WITHSCORES'?: true };
/** Options of ZINTERCARD. */
export type ZintercardOptions = { 'LIMIT'?: number };
/** Options of ZINTERSTORE. */
export type ZinterstoreOptions = { 'WEIGHTS'?: number[]; 'AGGREGATE'?: 'SUM' | 'MIN' | 'MAX' };
/** Options of ZMPOP. */
export type ZmpopOptions = { 'COUNT'?: number };
/** Options of ZRANGE. */
export type ZrangeOptions = { 'BYSCORE'?: true; 'BYLEX'?: true; 'REV'?: true; 'LIMIT'?: { 'offset': number; 'count': number }; 'WITHSCORES'?: true };
/** Options of ZRANGEBYLEX. */
export type ZrangebylexOptions = { 'LIMIT'?: { 'offset': number; 'count': number } };
/** Options of ZRANGEBYSCORE. */
export type ZrangebyscoreOptions = { 'WITHSCORES'?: true; 'LIMIT'?: { 'offset': number; 'count': number } };
/** Options of ZRANGESTORE. */
export type ZrangestoreOptions = { 'BYSCORE'?: true; 'BYLEX'?: true; 'REV'?: true; 'LIMIT'?: { 'offset': number; 'count': number } };
/** Options of ZRANK. */
export type ZrankOptions = { 'WITHSCORE'?: true };
/** Options of ZREVRANGE. */
export type ZrevrangeOptions = { 'WITHSCORES'?: true };
/** Options of ZREVRANGEBYLEX. */
export type ZrevrangebylexOptions = { 'LIMIT'?: { 'offset': number; 'count': number } };
/** Options of ZREVRANGEBYSCORE. */
export type ZrevrangebyscoreOptions = { 'WITHSCORES'?: true; 'LIMIT'?: { 'offset': number; 'count': number } };
/** Options of ZREVRANK. */
export type ZrevrankOptions = { 'WITHSCORE'?: true };
/** Options of ZSCAN. */
export type ZscanOptions = { 'MATCH'?: RedisArg; 'COUNT'?: number };
/** Options of ZUNION. */
export type ZunionOptions = { 'WEIGHTS'?: number[]; 'AGGREGATE'?: 'SUM' | 'MIN' | 'MAX'; 'WITHSCORES'?: true };
/** Options of ZUNIONSTORE. */
export type ZunionstoreOptions = { 'WEIGHTS'?: number[]; 'AGGREGATE'?: 'SUM' | 'MIN' | 'MAX' };

/** The one-line documentation of every command, for the hand-declared methods to show (types come from their specs). */
export interface GeneratedCommandDocs {
  /** Lists the ACL categories, or the commands inside a category. Since 6.0.0. */
  aclCat: unknown;
  /** Deletes ACL users, and terminates their connections. Since 6.0.0. */
  aclDeluser: unknown;
  /** Simulates the execution of a command by a user, without executing the command. Since 7.0.0. */
  aclDryrun: unknown;
  /** Generates a pseudorandom, secure password that can be used to identify ACL users. Since 6.0.0. */
  aclGenpass: unknown;
  /** Lists the ACL rules of a user. Since 6.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  aclGetuser: unknown;
  /** Returns helpful text about the different subcommands. Since 6.0.0. */
  aclHelp: unknown;
  /** Dumps the effective rules in ACL file format. Since 6.0.0. */
  aclList: unknown;
  /** Reloads the rules from the configured ACL file. Since 6.0.0. */
  aclLoad: unknown;
  /** Lists recent security events generated due to ACL rules. Since 6.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays, doubles as strings. */
  aclLog: unknown;
  /** Saves the effective ACL rules in the configured ACL file. Since 6.0.0. */
  aclSave: unknown;
  /** Creates and modifies an ACL user and its rules. Since 6.0.0. */
  aclSetuser: unknown;
  /** Lists all ACL users. Since 6.0.0. */
  aclUsers: unknown;
  /** Returns the authenticated username of the current connection. Since 6.0.0. */
  aclWhoami: unknown;
  /** Appends a string to the value of a key. Creates the key if it doesn't exist. Since 2.0.0. */
  append: unknown;
  /** Authenticates the connection. Since 1.0.0. */
  auth: unknown;
  /** Asynchronously rewrites the append-only file to disk. Since 1.0.0. */
  bgrewriteaof: unknown;
  /** Asynchronously saves the database(s) to disk. Since 1.0.0. */
  bgsave: unknown;
  /** Counts the number of set bits (population counting) in a string. Since 2.6.0. */
  bitcount: unknown;
  /** Performs arbitrary bitfield integer operations on strings. Since 3.2.0. */
  bitfield: unknown;
  /** Performs arbitrary read-only bitfield integer operations on strings. Since 6.0.0. */
  bitfieldRo: unknown;
  /** Performs bitwise operations on multiple strings, and stores the result. Since 2.6.0. */
  bitop: unknown;
  /** Finds the first set (1) or clear (0) bit in a string. Since 2.8.7. */
  bitpos: unknown;
  /** Pops an element from a list, pushes it to another list and returns it. Blocks until an element is available otherwise. Deletes the list if the last element was moved. Since 6.2.0. */
  blmove: unknown;
  /** Pops the first element from one of multiple lists. Blocks until an element is available otherwise. Deletes the list if the last element was popped. Since 7.0.0. */
  blmpop: unknown;
  /** Removes and returns the first element in a list. Blocks until an element is available otherwise. Deletes the list if the last element was popped. Since 2.0.0. */
  blpop: unknown;
  /** Removes and returns the last element in a list. Blocks until an element is available otherwise. Deletes the list if the last element was popped. Since 2.0.0. */
  brpop: unknown;
  /** Pops an element from a list, pushes it to another list and returns it. Block until an element is available otherwise. Deletes the list if the last element was popped. Since 2.2.0.
   * @deprecated Since 6.2.0: BLMOVE with the RIGHT and LEFT arguments. */
  brpoplpush: unknown;
  /** Removes and returns a member by score from one or more sorted sets. Blocks until a member is available otherwise. Deletes the sorted set if the last element was popped. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  bzmpop: unknown;
  /** Removes and returns the member with the highest score from one or more sorted sets. Blocks until a member available otherwise. Deletes the sorted set if the last element was popped. Since 5.0.0. */
  bzpopmax: unknown;
  /** Removes and returns the member with the lowest score from one or more sorted sets. Blocks until a member is available otherwise. Deletes the sorted set if the last element was popped. Since 5.0.0. */
  bzpopmin: unknown;
  /** Instructs the server whether to track the keys in the next request. Since 6.0.0. */
  clientCaching: unknown;
  /** A client claims its capability. Since 8.0.0. */
  clientCapa: unknown;
  /** Returns the name of the connection. Since 2.6.9. */
  clientGetname: unknown;
  /** Returns the client ID to which the connection's tracking notifications are redirected. Since 6.0.0. */
  clientGetredir: unknown;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  clientHelp: unknown;
  /** Returns the unique client ID of the connection. Since 5.0.0. */
  clientId: unknown;
  /** Returns information about the connection. Since 6.2.0. */
  clientInfo: unknown;
  /** Terminates open connections. Since 2.4.0. */
  clientKill: unknown;
  /** Lists open connections. Since 2.4.0. */
  clientList: unknown;
  /** Sets the client eviction mode of the connection. Since 7.0.0. */
  clientNoEvict: unknown;
  /** Controls whether commands sent by the client affect the LRU/LFU of accessed keys. Since 7.2.0. */
  clientNoTouch: unknown;
  /** Suspends commands processing. Since 3.0.0. */
  clientPause: unknown;
  /** Sets information specific to the client or connection. Since 7.2.0. */
  clientSetinfo: unknown;
  /** Sets the connection name. Since 2.6.9. */
  clientSetname: unknown;
  /** Controls server-assisted client-side caching for the connection. Since 6.0.0. */
  clientTracking: unknown;
  /** Returns information about server-assisted client-side caching for the connection. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  clientTrackinginfo: unknown;
  /** Unblocks a client blocked by a blocking command from a different connection. Since 5.0.0. */
  clientUnblock: unknown;
  /** Resumes processing commands from paused clients. Since 6.2.0. */
  clientUnpause: unknown;
  /** Assigns new hash slots to a node. Since 3.0.0. */
  clusterAddslots: unknown;
  /** Assigns new hash slot ranges to a node. Since 7.0.0. */
  clusterAddslotsrange: unknown;
  /** Advances the cluster config epoch. Since 3.0.0. */
  clusterBumpepoch: unknown;
  /** Returns the number of active failure reports active for a node. Since 3.0.0. */
  clusterCountFailureReports: unknown;
  /** Returns the number of keys in a hash slot. Since 3.0.0. */
  clusterCountkeysinslot: unknown;
  /** Sets hash slots as unbound for a node. Since 3.0.0. */
  clusterDelslots: unknown;
  /** Sets hash slot ranges as unbound for a node. Since 7.0.0. */
  clusterDelslotsrange: unknown;
  /** Forces a replica to perform a manual failover of its master. Since 3.0.0. */
  clusterFailover: unknown;
  /** Deletes all slots information from a node. Since 3.0.0. */
  clusterFlushslots: unknown;
  /** Removes a node from the nodes table. Since 3.0.0. */
  clusterForget: unknown;
  /** Returns the key names in a hash slot. Since 3.0.0. */
  clusterGetkeysinslot: unknown;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  clusterHelp: unknown;
  /** Returns information about the state of a node. Since 3.0.0. */
  clusterInfo: unknown;
  /** Returns the hash slot for a key. Since 3.0.0. */
  clusterKeyslot: unknown;
  /** Returns a list of all TCP links to and from peer nodes. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  clusterLinks: unknown;
  /** Forces a node to handshake with another node. Since 3.0.0. */
  clusterMeet: unknown;
  /** Returns the ID of a node. Since 3.0.0. */
  clusterMyid: unknown;
  /** Returns the shard ID of a node. Since 7.2.0. */
  clusterMyshardid: unknown;
  /** Returns the cluster configuration for a node. Since 3.0.0. */
  clusterNodes: unknown;
  /** Lists the replica nodes of a master node. Since 5.0.0. */
  clusterReplicas: unknown;
  /** Configure a node as replica of a master node. Since 3.0.0. */
  clusterReplicate: unknown;
  /** Resets a node. Since 3.0.0. */
  clusterReset: unknown;
  /** Forces a node to save the cluster configuration to disk. Since 3.0.0. */
  clusterSaveconfig: unknown;
  /** Sets the configuration epoch for a new node. Since 3.0.0. */
  clusterSetConfigEpoch: unknown;
  /** Binds a hash slot to a node. Since 3.0.0. */
  clusterSetslot: unknown;
  /** Returns the mapping of cluster slots to shards. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  clusterShards: unknown;
  /** Lists the replica nodes of a master node. Since 3.0.0.
   * @deprecated Since 5.0.0: CLUSTER REPLICAS. */
  clusterSlaves: unknown;
  /** Return an array of slot usage statistics for slots assigned to the current node. Since 8.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  clusterSlotStats: unknown;
  /** Returns the mapping of cluster slots to nodes. Since 3.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays.
   * @deprecated Since 7.0.0: CLUSTER SHARDS. */
  clusterSlots: unknown;
  /** Returns detailed information about all commands. Since 2.8.13. */
  command: unknown;
  /** Returns a count of commands. Since 2.8.13. */
  commandCount: unknown;
  /** Returns documentary information about one, multiple or all commands. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  commandDocs: unknown;
  /** Extracts the key names from an arbitrary command. Since 2.8.13. */
  commandGetkeys: unknown;
  /** Extracts the key names and access flags for an arbitrary command. Since 7.0.0. */
  commandGetkeysandflags: unknown;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  commandHelp: unknown;
  /** Returns information about one, multiple or all commands. Since 2.8.13.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  commandInfo: unknown;
  /** Returns a list of command names. Since 7.0.0. */
  commandList: unknown;
  /** Returns the effective values of configuration parameters. Since 2.0.0. */
  configGet: unknown;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  configHelp: unknown;
  /** Resets the server's statistics. Since 2.0.0. */
  configResetstat: unknown;
  /** Persists the effective configuration to file. Since 2.8.0. */
  configRewrite: unknown;
  /** Sets configuration parameters in-flight. Since 2.0.0. */
  configSet: unknown;
  /** Copies the value of a key to a new key. Since 6.2.0. */
  copy: unknown;
  /** Returns the number of keys in the database. Since 1.0.0. */
  dbsize: unknown;
  /** A container for debugging commands. Since 1.0.0. */
  debug: unknown;
  /** Decrements the integer value of a key by one. Uses 0 as initial value if the key doesn't exist. Since 1.0.0. */
  decr: unknown;
  /** Decrements a number from the integer value of a key. Uses 0 as initial value if the key doesn't exist. Since 1.0.0. */
  decrby: unknown;
  /** Deletes one or more keys. Since 1.0.0. */
  del: unknown;
  /** Returns a serialized representation of the value stored at a key. Since 2.6.0. */
  dump: unknown;
  /** Returns the given string. Since 1.0.0. */
  echo: unknown;
  /** Executes a server-side Lua script. Since 2.6.0. */
  eval: unknown;
  /** Executes a read-only server-side Lua script. Since 7.0.0. */
  evalRo: unknown;
  /** Executes a server-side Lua script by SHA1 digest. Since 2.6.0. */
  evalsha: unknown;
  /** Executes a read-only server-side Lua script by SHA1 digest. Since 7.0.0. */
  evalshaRo: unknown;
  /** Determines whether one or more keys exist. Since 1.0.0. */
  exists: unknown;
  /** Sets the expiration time of a key in seconds. Since 1.0.0. */
  expire: unknown;
  /** Sets the expiration time of a key to a Unix timestamp. Since 1.2.0. */
  expireat: unknown;
  /** Returns the expiration time of a key as a Unix timestamp. Since 7.0.0. */
  expiretime: unknown;
  /** Starts a coordinated failover from a server to one of its replicas. Since 6.2.0. */
  failover: unknown;
  /** Invokes a function. Since 7.0.0. */
  fcall: unknown;
  /** Invokes a read-only function. Since 7.0.0. */
  fcallRo: unknown;
  /** Removes all keys from all databases. Since 1.0.0. */
  flushall: unknown;
  /** Remove all keys from the current database. Since 1.0.0. */
  flushdb: unknown;
  /** Deletes a library and its functions. Since 7.0.0. */
  functionDelete: unknown;
  /** Dumps all libraries into a serialized binary payload. Since 7.0.0. */
  functionDump: unknown;
  /** Deletes all libraries and functions. Since 7.0.0. */
  functionFlush: unknown;
  /** Returns helpful text about the different subcommands. Since 7.0.0. */
  functionHelp: unknown;
  /** Terminates a function during execution. Since 7.0.0. */
  functionKill: unknown;
  /** Returns information about all libraries. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  functionList: unknown;
  /** Creates a library. Since 7.0.0. */
  functionLoad: unknown;
  /** Restores all libraries from a payload. Since 7.0.0. */
  functionRestore: unknown;
  /** Returns information about a function during execution. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  functionStats: unknown;
  /** Adds one or more members to a geospatial index. The key is created if it doesn't exist. Since 3.2.0. */
  geoadd: unknown;
  /** Returns the distance between two members of a geospatial index. Since 3.2.0. */
  geodist: unknown;
  /** Returns members from a geospatial index as geohash strings. Since 3.2.0. */
  geohash: unknown;
  /** Returns the longitude and latitude of members from a geospatial index. Since 3.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  geopos: unknown;
  /** Queries a geospatial index for members within a distance from a coordinate, optionally stores the result. Since 3.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings.
   * @deprecated Since 6.2.0: GEOSEARCH and GEOSEARCHSTORE with the BYRADIUS argument. */
  georadius: unknown;
  /** Returns members from a geospatial index that are within a distance from a coordinate. Since 3.2.10.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings.
   * @deprecated Since 6.2.0: GEOSEARCH with the BYRADIUS argument. */
  georadiusRo: unknown;
  /** Queries a geospatial index for members within a distance from a member, optionally stores the result. Since 3.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings.
   * @deprecated Since 6.2.0: GEOSEARCH and GEOSEARCHSTORE with the BYRADIUS and FROMMEMBER arguments. */
  georadiusbymember: unknown;
  /** Returns members from a geospatial index that are within a distance from a member. Since 3.2.10.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings.
   * @deprecated Since 6.2.0: GEOSEARCH with the BYRADIUS and FROMMEMBER arguments. */
  georadiusbymemberRo: unknown;
  /** Queries a geospatial index for members inside an area of a box or a circle. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  geosearch: unknown;
  /** Queries a geospatial index for members inside an area of a box or a circle, optionally stores the result. Since 6.2.0. */
  geosearchstore: unknown;
  /** Returns the string value of a key. Since 1.0.0. */
  get: unknown;
  /** Returns a bit value by offset. Since 2.2.0. */
  getbit: unknown;
  /** Returns the string value of a key after deleting the key. Since 6.2.0. */
  getdel: unknown;
  /** Returns the string value of a key after setting its expiration time. Since 6.2.0. */
  getex: unknown;
  /** Returns a substring of the string stored at a key. Since 2.4.0. */
  getrange: unknown;
  /** Returns the previous string value of a key after setting it to a new value. Since 1.0.0.
   * @deprecated Since 6.2.0: SET with the !GET argument. */
  getset: unknown;
  /** Deletes one or more fields and their values from a hash. Deletes the hash if no fields remain. Since 2.0.0. */
  hdel: unknown;
  /** Determines whether a field exists in a hash. Since 2.0.0. */
  hexists: unknown;
  /** Set expiry for hash field using relative time to expire (seconds). Since 7.4.0. */
  hexpire: unknown;
  /** Set expiry for hash field using an absolute Unix timestamp (seconds). Since 7.4.0. */
  hexpireat: unknown;
  /** Returns the expiration time of a hash field as a Unix timestamp, in seconds. Since 7.4.0. */
  hexpiretime: unknown;
  /** Returns the value of a field in a hash. Since 2.0.0. */
  hget: unknown;
  /** Returns all fields and values in a hash. Since 2.0.0. */
  hgetall: unknown;
  /** Increments the integer value of a field in a hash by a number. Uses 0 as initial value if the field doesn't exist. Since 2.0.0. */
  hincrby: unknown;
  /** Increments the floating point value of a field by a number. Uses 0 as initial value if the field doesn't exist. Since 2.6.0. */
  hincrbyfloat: unknown;
  /** Returns all fields in a hash. Since 2.0.0. */
  hkeys: unknown;
  /** Returns the number of fields in a hash. Since 2.0.0. */
  hlen: unknown;
  /** Returns the values of all fields in a hash. Since 2.0.0. */
  hmget: unknown;
  /** Sets the values of multiple fields. Since 2.0.0.
   * @deprecated Since 4.0.0: HSET with multiple field-value pairs. */
  hmset: unknown;
  /** Removes the expiration time for each specified field. Since 7.4.0. */
  hpersist: unknown;
  /** Set expiry for hash field using relative time to expire (milliseconds). Since 7.4.0. */
  hpexpire: unknown;
  /** Set expiry for hash field using an absolute Unix timestamp (milliseconds). Since 7.4.0. */
  hpexpireat: unknown;
  /** Returns the expiration time of a hash field as a Unix timestamp, in msec. Since 7.4.0. */
  hpexpiretime: unknown;
  /** Returns the TTL in milliseconds of a hash field. Since 7.4.0. */
  hpttl: unknown;
  /** Returns one or more random fields from a hash. Since 6.2.0. */
  hrandfield: unknown;
  /** Iterates over fields and values of a hash. Since 2.8.0. */
  hscan: unknown;
  /** Creates or modifies the value of a field in a hash. Since 2.0.0. */
  hset: unknown;
  /** Sets the value of a field in a hash only when the field doesn't exist. Since 2.0.0. */
  hsetnx: unknown;
  /** Returns the length of the value of a field. Since 3.2.0. */
  hstrlen: unknown;
  /** Returns the TTL in seconds of a hash field. Since 7.4.0. */
  httl: unknown;
  /** Returns all values in a hash. Since 2.0.0. */
  hvals: unknown;
  /** Increments the integer value of a key by one. Uses 0 as initial value if the key doesn't exist. Since 1.0.0. */
  incr: unknown;
  /** Increments the integer value of a key by a number. Uses 0 as initial value if the key doesn't exist. Since 1.0.0. */
  incrby: unknown;
  /** Increment the floating point value of a key by a number. Uses 0 as initial value if the key doesn't exist. Since 2.6.0. */
  incrbyfloat: unknown;
  /** Returns information and statistics about the server. Since 1.0.0. */
  info: unknown;
  /** Returns all key names that match a pattern. Since 1.0.0. */
  keys: unknown;
  /** Returns the Unix timestamp of the last successful save to disk. Since 1.0.0. */
  lastsave: unknown;
  /** Returns a human-readable latency analysis report. Since 2.8.13. */
  latencyDoctor: unknown;
  /** Returns a latency graph for an event. Since 2.8.13. */
  latencyGraph: unknown;
  /** Returns helpful text about the different subcommands. Since 2.8.13. */
  latencyHelp: unknown;
  /** Returns the cumulative distribution of latencies of a subset or all commands. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  latencyHistogram: unknown;
  /** Returns timestamp-latency samples for an event. Since 2.8.13. */
  latencyHistory: unknown;
  /** Returns the latest latency samples for all events. Since 2.8.13. */
  latencyLatest: unknown;
  /** Resets the latency data for one or more events. Since 2.8.13. */
  latencyReset: unknown;
  /** Finds the longest common substring. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  lcs: unknown;
  /** Returns an element from a list by its index. Since 1.0.0. */
  lindex: unknown;
  /** Inserts an element before or after another element in a list. Since 2.2.0. */
  linsert: unknown;
  /** Returns the length of a list. Since 1.0.0. */
  llen: unknown;
  /** Returns an element after popping it from one list and pushing it to another. Deletes the list if the last element was moved. Since 6.2.0. */
  lmove: unknown;
  /** Returns multiple elements from a list after removing them. Deletes the list if the last element was popped. Since 7.0.0. */
  lmpop: unknown;
  /** Displays computer art and the Redis version. Since 5.0.0. */
  lolwut: unknown;
  /** Returns the first elements in a list after removing it. Deletes the list if the last element was popped. Since 1.0.0. */
  lpop: unknown;
  /** Returns the index of matching elements in a list. Since 6.0.6. */
  lpos: unknown;
  /** Prepends one or more elements to a list. Creates the key if it doesn't exist. Since 1.0.0. */
  lpush: unknown;
  /** Prepends one or more elements to a list only when the list exists. Since 2.2.0. */
  lpushx: unknown;
  /** Returns a range of elements from a list. Since 1.0.0. */
  lrange: unknown;
  /** Removes elements from a list. Deletes the list if the last element was removed. Since 1.0.0. */
  lrem: unknown;
  /** Sets the value of an element in a list by its index. Since 1.0.0. */
  lset: unknown;
  /** Removes elements from both ends a list. Deletes the list if all elements were trimmed. Since 1.0.0. */
  ltrim: unknown;
  /** Outputs a memory problems report. Since 4.0.0. */
  memoryDoctor: unknown;
  /** Returns helpful text about the different subcommands. Since 4.0.0. */
  memoryHelp: unknown;
  /** Returns the allocator statistics. Since 4.0.0. */
  memoryMallocStats: unknown;
  /** Asks the allocator to release memory. Since 4.0.0. */
  memoryPurge: unknown;
  /** Returns details about memory usage. Since 4.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays, doubles as strings. */
  memoryStats: unknown;
  /** Estimates the memory usage of a key. Since 4.0.0. */
  memoryUsage: unknown;
  /** Atomically returns the string values of one or more keys. Since 1.0.0. */
  mget: unknown;
  /** Atomically transfers a key from one Redis instance to another. Since 2.6.0. */
  migrate: unknown;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  moduleHelp: unknown;
  /** Returns all loaded modules. Since 4.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  moduleList: unknown;
  /** Loads a module. Since 4.0.0. */
  moduleLoad: unknown;
  /** Loads a module using extended parameters. Since 7.0.0. */
  moduleLoadex: unknown;
  /** Unloads a module. Since 4.0.0. */
  moduleUnload: unknown;
  /** Moves a key to another database. Since 1.0.0. */
  move: unknown;
  /** Atomically creates or modifies the string values of one or more keys. Since 1.0.1. */
  mset: unknown;
  /** Atomically modifies the string values of one or more keys only when all keys don't exist. Since 1.0.1. */
  msetnx: unknown;
  /** Returns the internal encoding of a Redis object. Since 2.2.3. */
  objectEncoding: unknown;
  /** Returns the logarithmic access frequency counter of a Redis object. Since 4.0.0. */
  objectFreq: unknown;
  /** Returns helpful text about the different subcommands. Since 6.2.0. */
  objectHelp: unknown;
  /** Returns the time since the last access to a Redis object. Since 2.2.3. */
  objectIdletime: unknown;
  /** Returns the reference count of a value of a key. Since 2.2.3. */
  objectRefcount: unknown;
  /** Removes the expiration time of a key. Since 2.2.0. */
  persist: unknown;
  /** Sets the expiration time of a key in milliseconds. Since 2.6.0. */
  pexpire: unknown;
  /** Sets the expiration time of a key to a Unix milliseconds timestamp. Since 2.6.0. */
  pexpireat: unknown;
  /** Returns the expiration time of a key as a Unix milliseconds timestamp. Since 7.0.0. */
  pexpiretime: unknown;
  /** Adds elements to a HyperLogLog key. Creates the key if it doesn't exist. Since 2.8.9. */
  pfadd: unknown;
  /** Returns the approximated cardinality of the set(s) observed by the HyperLogLog key(s). Since 2.8.9. */
  pfcount: unknown;
  /** Internal commands for debugging HyperLogLog values. Since 2.8.9. */
  pfdebug: unknown;
  /** Merges one or more HyperLogLog values into a single key. Since 2.8.9. */
  pfmerge: unknown;
  /** An internal command for testing HyperLogLog values. Since 2.8.9. */
  pfselftest: unknown;
  /** Returns the server's liveliness response. Since 1.0.0. */
  ping: unknown;
  /** Sets both string value and expiration time in milliseconds of a key. The key is created if it doesn't exist. Since 2.6.0.
   * @deprecated Since 2.6.12: SET with the PX argument. */
  psetex: unknown;
  /** Returns the expiration time in milliseconds of a key. Since 2.6.0. */
  pttl: unknown;
  /** Posts a message to a channel. Since 2.0.0. */
  publish: unknown;
  /** Returns the active channels. Since 2.8.0. */
  pubsubChannels: unknown;
  /** Returns helpful text about the different subcommands. Since 6.2.0. */
  pubsubHelp: unknown;
  /** Returns a count of unique pattern subscriptions. Since 2.8.0. */
  pubsubNumpat: unknown;
  /** Returns a count of subscribers to channels. Since 2.8.0. */
  pubsubNumsub: unknown;
  /** Returns the active shard channels. Since 7.0.0. */
  pubsubShardchannels: unknown;
  /** Returns the count of subscribers of shard channels. Since 7.0.0. */
  pubsubShardnumsub: unknown;
  /** Returns a random key name from the database. Since 1.0.0. */
  randomkey: unknown;
  /** Renames a key and overwrites the destination. Since 1.0.0. */
  rename: unknown;
  /** Renames a key only when the target key name doesn't exist. Since 1.0.0. */
  renamenx: unknown;
  /** Configures a server as replica of another, or promotes it to a master. Since 5.0.0. */
  replicaof: unknown;
  /** Creates a key from the serialized representation of a value. Since 2.6.0. */
  restore: unknown;
  /** An internal command for migrating keys in a cluster. Since 3.0.0. */
  restoreAsking: unknown;
  /** Returns the replication role. Since 2.8.12. */
  role: unknown;
  /** Returns and removes the last elements of a list. Deletes the list if the last element was popped. Since 1.0.0. */
  rpop: unknown;
  /** Returns the last element of a list after removing and pushing it to another list. Deletes the list if the last element was popped. Since 1.2.0.
   * @deprecated Since 6.2.0: LMOVE with the RIGHT and LEFT arguments. */
  rpoplpush: unknown;
  /** Appends one or more elements to a list. Creates the key if it doesn't exist. Since 1.0.0. */
  rpush: unknown;
  /** Appends an element to a list only when the list exists. Since 2.2.0. */
  rpushx: unknown;
  /** Adds one or more members to a set. Creates the key if it doesn't exist. Since 1.0.0. */
  sadd: unknown;
  /** Synchronously saves the database(s) to disk. Since 1.0.0. */
  save: unknown;
  /** Iterates over the key names in the database. Since 2.8.0. */
  scan: unknown;
  /** Returns the number of members in a set. Since 1.0.0. */
  scard: unknown;
  /** Sets the debug mode of server-side Lua scripts. Since 3.2.0. */
  scriptDebug: unknown;
  /** Determines whether server-side Lua scripts exist in the script cache. Since 2.6.0. */
  scriptExists: unknown;
  /** Removes all server-side Lua scripts from the script cache. Since 2.6.0. */
  scriptFlush: unknown;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  scriptHelp: unknown;
  /** Terminates a server-side Lua script during execution. Since 2.6.0. */
  scriptKill: unknown;
  /** Loads a server-side Lua script to the script cache. Since 2.6.0. */
  scriptLoad: unknown;
  /** Show server-side Lua script in the script cache. Since 8.0.0. */
  scriptShow: unknown;
  /** Returns the difference of multiple sets. Since 1.0.0. */
  sdiff: unknown;
  /** Stores the difference of multiple sets in a key. Since 1.0.0. */
  sdiffstore: unknown;
  /** Changes the selected database. Since 1.0.0. */
  select: unknown;
  /** Sets the string value of a key, ignoring its type. The key is created if it doesn't exist. Since 1.0.0. */
  set: unknown;
  /** Sets or clears the bit at offset of the string value. Creates the key if it doesn't exist. Since 2.2.0. */
  setbit: unknown;
  /** Sets the string value and expiration time of a key. Creates the key if it doesn't exist. Since 2.0.0.
   * @deprecated Since 2.6.12: SET with the EX argument. */
  setex: unknown;
  /** Set the string value of a key only when the key doesn't exist. Since 1.0.0.
   * @deprecated Since 2.6.12: SET with the NX argument. */
  setnx: unknown;
  /** Overwrites a part of a string value with another by an offset. Creates the key if it doesn't exist. Since 2.2.0. */
  setrange: unknown;
  /** Synchronously saves the database(s) to disk and shuts down the Redis server. Since 1.0.0. */
  shutdown: unknown;
  /** Returns the intersect of multiple sets. Since 1.0.0. */
  sinter: unknown;
  /** Returns the number of members of the intersect of multiple sets. Since 7.0.0. */
  sintercard: unknown;
  /** Stores the intersect of multiple sets in a key. Since 1.0.0. */
  sinterstore: unknown;
  /** Determines whether a member belongs to a set. Since 1.0.0. */
  sismember: unknown;
  /** Sets a Redis server as a replica of another, or promotes it to being a master. Since 1.0.0.
   * @deprecated Since 5.0.0: REPLICAOF. */
  slaveof: unknown;
  /** Returns the slow log's entries. Since 2.2.12. */
  slowlogGet: unknown;
  /** Show helpful text about the different subcommands. Since 6.2.0. */
  slowlogHelp: unknown;
  /** Returns the number of entries in the slow log. Since 2.2.12. */
  slowlogLen: unknown;
  /** Clears all entries from the slow log. Since 2.2.12. */
  slowlogReset: unknown;
  /** Returns all members of a set. Since 1.0.0. */
  smembers: unknown;
  /** Determines whether multiple members belong to a set. Since 6.2.0. */
  smismember: unknown;
  /** Moves a member from one set to another. Since 1.0.0. */
  smove: unknown;
  /** Sorts the elements in a list, a set, or a sorted set, optionally storing the result. Since 1.0.0. */
  sort: unknown;
  /** Returns the sorted elements of a list, a set, or a sorted set. Since 7.0.0. */
  sortRo: unknown;
  /** Returns one or more random members from a set after removing them. Deletes the set if the last member was popped. Since 1.0.0. */
  spop: unknown;
  /** Post a message to a shard channel. Since 7.0.0. */
  spublish: unknown;
  /** Get one or multiple random members from a set. Since 1.0.0. */
  srandmember: unknown;
  /** Removes one or more members from a set. Deletes the set if the last member was removed. Since 1.0.0. */
  srem: unknown;
  /** Iterates over members of a set. Since 2.8.0. */
  sscan: unknown;
  /** Returns the length of a string value. Since 2.2.0. */
  strlen: unknown;
  /** Returns a substring from a string value. Since 1.0.0.
   * @deprecated Since 2.0.0: GETRANGE. */
  substr: unknown;
  /** Returns the union of multiple sets. Since 1.0.0. */
  sunion: unknown;
  /** Stores the union of multiple sets in a key. Since 1.0.0. */
  sunionstore: unknown;
  /** Swaps two Redis databases. Since 4.0.0. */
  swapdb: unknown;
  /** Returns the server time. Since 2.6.0. */
  time: unknown;
  /** Returns the number of existing keys out of those specified after updating the time they were last accessed. Since 3.2.1. */
  touch: unknown;
  /** Returns the expiration time in seconds of a key. Since 1.0.0. */
  ttl: unknown;
  /** Determines the type of value stored at a key. Since 1.0.0. */
  type: unknown;
  /** Asynchronously deletes one or more keys. Since 4.0.0. */
  unlink: unknown;
  /** Blocks until the asynchronous replication of all preceding write commands sent by the connection is completed. Since 3.0.0. */
  wait: unknown;
  /** Blocks until all of the preceding write commands sent by the connection are written to the append-only file of the master and/or replicas. Since 7.2.0. */
  waitaof: unknown;
  /** Returns the number of messages that were successfully acknowledged by the consumer group member of a stream. Since 5.0.0. */
  xack: unknown;
  /** Appends a new message to a stream. Creates the key if it doesn't exist. Since 5.0.0. */
  xadd: unknown;
  /** Changes, or acquires, ownership of messages in a consumer group, as if the messages were delivered to as consumer group member. Since 6.2.0. */
  xautoclaim: unknown;
  /** Changes, or acquires, ownership of a message in a consumer group, as if the message was delivered a consumer group member. Since 5.0.0. */
  xclaim: unknown;
  /** Returns the number of messages after removing them from a stream. Since 5.0.0. */
  xdel: unknown;
  /** Creates a consumer group. Since 5.0.0. */
  xgroupCreate: unknown;
  /** Creates a consumer in a consumer group. Since 6.2.0. */
  xgroupCreateconsumer: unknown;
  /** Deletes a consumer from a consumer group. Since 5.0.0. */
  xgroupDelconsumer: unknown;
  /** Destroys a consumer group. Since 5.0.0. */
  xgroupDestroy: unknown;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  xgroupHelp: unknown;
  /** Sets the last-delivered ID of a consumer group. Since 5.0.0. */
  xgroupSetid: unknown;
  /** Returns a list of the consumers in a consumer group. Since 5.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  xinfoConsumers: unknown;
  /** Returns a list of the consumer groups of a stream. Since 5.0.0. */
  xinfoGroups: unknown;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  xinfoHelp: unknown;
  /** Returns information about a stream. Since 5.0.0. */
  xinfoStream: unknown;
  /** Return the number of messages in a stream. Since 5.0.0. */
  xlen: unknown;
  /** Returns the information and entries from a stream consumer group's pending entries list. Since 5.0.0. */
  xpending: unknown;
  /** Returns the messages from a stream within a range of IDs. Since 5.0.0. */
  xrange: unknown;
  /** Returns messages from multiple streams with IDs greater than the ones requested. Blocks until a message is available otherwise. Since 5.0.0. */
  xread: unknown;
  /** Returns new or historical messages from a stream for a consumer in a group. Blocks until a message is available otherwise. Since 5.0.0. */
  xreadgroup: unknown;
  /** Returns the messages from a stream within a range of IDs in reverse order. Since 5.0.0. */
  xrevrange: unknown;
  /** An internal command for replicating stream values. Since 5.0.0. */
  xsetid: unknown;
  /** Deletes messages from the beginning of a stream. Since 5.0.0. */
  xtrim: unknown;
  /** Adds one or more members to a sorted set, or updates their scores. Creates the key if it doesn't exist. Since 1.2.0. */
  zadd: unknown;
  /** Returns the number of members in a sorted set. Since 1.2.0. */
  zcard: unknown;
  /** Returns the count of members in a sorted set that have scores within a range. Since 2.0.0. */
  zcount: unknown;
  /** Returns the difference between multiple sorted sets. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zdiff: unknown;
  /** Stores the difference of multiple sorted sets in a key. Since 6.2.0. */
  zdiffstore: unknown;
  /** Increments the score of a member in a sorted set. Since 1.2.0. */
  zincrby: unknown;
  /** Returns the intersect of multiple sorted sets. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zinter: unknown;
  /** Returns the number of members of the intersect of multiple sorted sets. Since 7.0.0. */
  zintercard: unknown;
  /** Stores the intersect of multiple sorted sets in a key. Since 2.0.0. */
  zinterstore: unknown;
  /** Returns the number of members in a sorted set within a lexicographical range. Since 2.8.9. */
  zlexcount: unknown;
  /** Returns the highest- or lowest-scoring members from one or more sorted sets after removing them. Deletes the sorted set if the last member was popped. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  zmpop: unknown;
  /** Returns the score of one or more members in a sorted set. Since 6.2.0. */
  zmscore: unknown;
  /** Returns the highest-scoring members from a sorted set after removing them. Deletes the sorted set if the last member was popped. Since 5.0.0. */
  zpopmax: unknown;
  /** Returns the lowest-scoring members from a sorted set after removing them. Deletes the sorted set if the last member was popped. Since 5.0.0. */
  zpopmin: unknown;
  /** Returns one or more random members from a sorted set. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zrandmember: unknown;
  /** Returns members in a sorted set within a range of indexes. Since 1.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zrange: unknown;
  /** Returns members in a sorted set within a lexicographical range. Since 2.8.9.
   * @deprecated Since 6.2.0: ZRANGE with the BYLEX argument. */
  zrangebylex: unknown;
  /** Returns members in a sorted set within a range of scores. Since 1.0.5.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list.
   * @deprecated Since 6.2.0: ZRANGE with the BYSCORE argument. */
  zrangebyscore: unknown;
  /** Stores a range of members from sorted set in a key. Since 6.2.0. */
  zrangestore: unknown;
  /** Returns the index of a member in a sorted set ordered by ascending scores. Since 2.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  zrank: unknown;
  /** Removes one or more members from a sorted set. Deletes the sorted set if all members were removed. Since 1.2.0. */
  zrem: unknown;
  /** Removes members in a sorted set within a lexicographical range. Deletes the sorted set if all members were removed. Since 2.8.9. */
  zremrangebylex: unknown;
  /** Removes members in a sorted set within a range of indexes. Deletes the sorted set if all members were removed. Since 2.0.0. */
  zremrangebyrank: unknown;
  /** Removes members in a sorted set within a range of scores. Deletes the sorted set if all members were removed. Since 1.2.0. */
  zremrangebyscore: unknown;
  /** Returns members in a sorted set within a range of indexes in reverse order. Since 1.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list.
   * @deprecated Since 6.2.0: ZRANGE with the REV argument. */
  zrevrange: unknown;
  /** Returns members in a sorted set within a lexicographical range in reverse order. Since 2.8.9.
   * @deprecated Since 6.2.0: ZRANGE with the REV and BYLEX arguments. */
  zrevrangebylex: unknown;
  /** Returns members in a sorted set within a range of scores in reverse order. Since 2.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list.
   * @deprecated Since 6.2.0: ZRANGE with the REV and BYSCORE arguments. */
  zrevrangebyscore: unknown;
  /** Returns the index of a member in a sorted set ordered by descending scores. Since 2.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  zrevrank: unknown;
  /** Iterates over members and scores of a sorted set. Since 2.8.0. */
  zscan: unknown;
  /** Returns the score of a member in a sorted set. Since 1.2.0. */
  zscore: unknown;
  /** Returns the union of multiple sorted sets. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zunion: unknown;
  /** Stores the union of multiple sorted sets in a key. Since 2.0.0. */
  zunionstore: unknown;
}

/** Every command of the servers above, typed from its definition (hand-declared specs override these). */
export interface GeneratedCommandMethods<W extends ResultKind> {
  /** Lists the ACL categories, or the commands inside a category. Since 6.0.0. */
  aclCat(category?: RedisArg): Out<W, string[]>;
  /** Bulk strings as Buffers. Lists the ACL categories, or the commands inside a category. Since 6.0.0. */
  aclCatBuffer(category?: RedisArg): Out<W, Buffer[]>;
  /** Deletes ACL users, and terminates their connections. Since 6.0.0. */
  aclDeluser(...usernames: RedisArg[]): Out<W, number>;
  /** Simulates the execution of a command by a user, without executing the command. Since 7.0.0. */
  aclDryrun(username: RedisArg, command: RedisArg, ...args: RedisArg[]): Out<W, string>;
  /** Bulk strings as Buffers. Simulates the execution of a command by a user, without executing the command. Since 7.0.0. */
  aclDryrunBuffer(username: RedisArg, command: RedisArg, ...args: RedisArg[]): Out<W, 'OK' | Buffer>;
  /** Generates a pseudorandom, secure password that can be used to identify ACL users. Since 6.0.0. */
  aclGenpass(bits?: number): Out<W, string>;
  /** Bulk strings as Buffers. Generates a pseudorandom, secure password that can be used to identify ACL users. Since 6.0.0. */
  aclGenpassBuffer(bits?: number): Out<W, Buffer>;
  /** Lists the ACL rules of a user. Since 6.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  aclGetuser(username: RedisArg): Out<W, { 'flags': string[]; 'passwords': string[]; 'commands': string; 'keys': string; 'channels': string; 'selectors': { 'commands': string; 'keys': string; 'channels': string }[] } | null>;
  /** Bulk strings as Buffers. Lists the ACL rules of a user. Since 6.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  aclGetuserBuffer(username: RedisArg): Out<W, { 'flags': Buffer[]; 'passwords': Buffer[]; 'commands': Buffer; 'keys': Buffer; 'channels': Buffer; 'selectors': { 'commands': Buffer; 'keys': Buffer; 'channels': Buffer }[] } | null>;
  /** Returns helpful text about the different subcommands. Since 6.0.0. */
  aclHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns helpful text about the different subcommands. Since 6.0.0. */
  aclHelpBuffer(): Out<W, Buffer[]>;
  /** Dumps the effective rules in ACL file format. Since 6.0.0. */
  aclList(): Out<W, string[]>;
  /** Bulk strings as Buffers. Dumps the effective rules in ACL file format. Since 6.0.0. */
  aclListBuffer(): Out<W, Buffer[]>;
  /** Reloads the rules from the configured ACL file. Since 6.0.0. */
  aclLoad(): Out<W, 'OK'>;
  /** Lists recent security events generated due to ACL rules. Since 6.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays, doubles as strings. */
  aclLog(operation?: number | 'RESET'): Out<W, { 'count': number; 'reason': string; 'context': string; 'object': string; 'username': string; 'age-seconds': number; 'client-info': string; 'entry-id': number; 'timestamp-created': number; 'timestamp-last-updated': number }[] | 'OK'>;
  /** Bulk strings as Buffers. Lists recent security events generated due to ACL rules. Since 6.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays, doubles as strings. */
  aclLogBuffer(operation?: number | 'RESET'): Out<W, { 'count': number; 'reason': Buffer; 'context': Buffer; 'object': Buffer; 'username': Buffer; 'age-seconds': number; 'client-info': Buffer; 'entry-id': number; 'timestamp-created': number; 'timestamp-last-updated': number }[] | 'OK'>;
  /** Saves the effective ACL rules in the configured ACL file. Since 6.0.0. */
  aclSave(): Out<W, 'OK'>;
  /** Creates and modifies an ACL user and its rules. Since 6.0.0. */
  aclSetuser(username: RedisArg, ...rules: RedisArg[]): Out<W, 'OK'>;
  /** Lists all ACL users. Since 6.0.0. */
  aclUsers(): Out<W, string[]>;
  /** Bulk strings as Buffers. Lists all ACL users. Since 6.0.0. */
  aclUsersBuffer(): Out<W, Buffer[]>;
  /** Returns the authenticated username of the current connection. Since 6.0.0. */
  aclWhoami(): Out<W, string>;
  /** Bulk strings as Buffers. Returns the authenticated username of the current connection. Since 6.0.0. */
  aclWhoamiBuffer(): Out<W, Buffer>;
  /** Appends a string to the value of a key. Creates the key if it doesn't exist. Since 2.0.0. */
  append(key: RedisKey, value: RedisArg): Out<W, number>;
  /** Authenticates the connection. Since 1.0.0. */
  auth(password: RedisArg, options?: AuthOptions): Out<W, 'OK'>;
  /** Asynchronously rewrites the append-only file to disk. Since 1.0.0. */
  bgrewriteaof(): Out<W, string>;
  /** Bulk strings as Buffers. Asynchronously rewrites the append-only file to disk. Since 1.0.0. */
  bgrewriteaofBuffer(): Out<W, Buffer>;
  /** Asynchronously saves the database(s) to disk. Since 1.0.0. */
  bgsave(options?: BgsaveOptions): Out<W, 'Background saving started' | 'Background saving scheduled'>;
  /** Counts the number of set bits (population counting) in a string. Since 2.6.0. */
  bitcount(key: RedisKey, range?: { 'start': number; 'end': number; 'BYTE'?: true; 'BIT'?: true }): Out<W, number>;
  /** Performs arbitrary bitfield integer operations on strings. Since 3.2.0. */
  bitfield(key: RedisKey, ...operations: ({ 'GET': { 'encoding': RedisArg; 'offset': number } } | { 'OVERFLOW'?: 'WRAP' | 'SAT' | 'FAIL'; 'SET'?: { 'encoding': RedisArg; 'offset': number; 'value': number }; 'INCRBY'?: { 'encoding': RedisArg; 'offset': number; 'increment': number } })[]): Out<W, (number | null)[]>;
  /** Performs arbitrary read-only bitfield integer operations on strings. Since 6.0.0. */
  bitfieldRo(key: RedisKey, options?: BitfieldRoOptions): Out<W, number[]>;
  /** Performs bitwise operations on multiple strings, and stores the result. Since 2.6.0. */
  bitop(operation: 'AND' | 'OR' | 'XOR' | 'NOT', destkey: RedisKey, ...keys: RedisKey[]): Out<W, number>;
  /** Finds the first set (1) or clear (0) bit in a string. Since 2.8.7. */
  bitpos(key: RedisKey, bit: number, range?: { 'start': number; 'endUnitBlock'?: { 'end': number; 'BYTE'?: true; 'BIT'?: true } }): Out<W, number>;
  /** Pops an element from a list, pushes it to another list and returns it. Blocks until an element is available otherwise. Deletes the list if the last element was moved. Since 6.2.0. */
  blmove(source: RedisKey, destination: RedisKey, wherefrom: 'LEFT' | 'RIGHT', whereto: 'LEFT' | 'RIGHT', timeout: number | string): Out<W, string | null>;
  /** Bulk strings as Buffers. Pops an element from a list, pushes it to another list and returns it. Blocks until an element is available otherwise. Deletes the list if the last element was moved. Since 6.2.0. */
  blmoveBuffer(source: RedisKey, destination: RedisKey, wherefrom: 'LEFT' | 'RIGHT', whereto: 'LEFT' | 'RIGHT', timeout: number | string): Out<W, Buffer | null>;
  /** Pops the first element from one of multiple lists. Blocks until an element is available otherwise. Deletes the list if the last element was popped. Since 7.0.0. */
  blmpop(timeout: number | string, keys: RedisKey[], where: 'LEFT' | 'RIGHT', options?: BlmpopOptions): Out<W, null | [string, string[]]>;
  /** Bulk strings as Buffers. Pops the first element from one of multiple lists. Blocks until an element is available otherwise. Deletes the list if the last element was popped. Since 7.0.0. */
  blmpopBuffer(timeout: number | string, keys: RedisKey[], where: 'LEFT' | 'RIGHT', options?: BlmpopOptions): Out<W, null | [Buffer, Buffer[]]>;
  /** Removes and returns the first element in a list. Blocks until an element is available otherwise. Deletes the list if the last element was popped. Since 2.0.0. */
  blpop(keys: RedisKey[], timeout: number | string): Out<W, null | [string, string]>;
  /** Bulk strings as Buffers. Removes and returns the first element in a list. Blocks until an element is available otherwise. Deletes the list if the last element was popped. Since 2.0.0. */
  blpopBuffer(keys: RedisKey[], timeout: number | string): Out<W, null | [Buffer, Buffer]>;
  /** Removes and returns the last element in a list. Blocks until an element is available otherwise. Deletes the list if the last element was popped. Since 2.0.0. */
  brpop(keys: RedisKey[], timeout: number | string): Out<W, null | [string, string]>;
  /** Bulk strings as Buffers. Removes and returns the last element in a list. Blocks until an element is available otherwise. Deletes the list if the last element was popped. Since 2.0.0. */
  brpopBuffer(keys: RedisKey[], timeout: number | string): Out<W, null | [Buffer, Buffer]>;
  /** Pops an element from a list, pushes it to another list and returns it. Block until an element is available otherwise. Deletes the list if the last element was popped. Since 2.2.0.
   * @deprecated Since 6.2.0: BLMOVE with the RIGHT and LEFT arguments. */
  brpoplpush(source: RedisKey, destination: RedisKey, timeout: number | string): Out<W, string | null>;
  /** Bulk strings as Buffers. Pops an element from a list, pushes it to another list and returns it. Block until an element is available otherwise. Deletes the list if the last element was popped. Since 2.2.0.
   * @deprecated Since 6.2.0: BLMOVE with the RIGHT and LEFT arguments. */
  brpoplpushBuffer(source: RedisKey, destination: RedisKey, timeout: number | string): Out<W, Buffer | null>;
  /** Removes and returns a member by score from one or more sorted sets. Blocks until a member is available otherwise. Deletes the sorted set if the last element was popped. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  bzmpop(timeout: number | string, keys: RedisKey[], where: 'MIN' | 'MAX', options?: BzmpopOptions): Out<W, null | [string, [string, number][]]>;
  /** Bulk strings as Buffers. Removes and returns a member by score from one or more sorted sets. Blocks until a member is available otherwise. Deletes the sorted set if the last element was popped. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  bzmpopBuffer(timeout: number | string, keys: RedisKey[], where: 'MIN' | 'MAX', options?: BzmpopOptions): Out<W, null | [Buffer, [Buffer, number][]]>;
  /** Removes and returns the member with the highest score from one or more sorted sets. Blocks until a member available otherwise. Deletes the sorted set if the last element was popped. Since 5.0.0. */
  bzpopmax(keys: RedisKey[], timeout: number | string): Out<W, null | [string, string, number]>;
  /** Bulk strings as Buffers. Removes and returns the member with the highest score from one or more sorted sets. Blocks until a member available otherwise. Deletes the sorted set if the last element was popped. Since 5.0.0. */
  bzpopmaxBuffer(keys: RedisKey[], timeout: number | string): Out<W, null | [Buffer, Buffer, number]>;
  /** Removes and returns the member with the lowest score from one or more sorted sets. Blocks until a member is available otherwise. Deletes the sorted set if the last element was popped. Since 5.0.0. */
  bzpopmin(keys: RedisKey[], timeout: number | string): Out<W, null | [string, string, number]>;
  /** Bulk strings as Buffers. Removes and returns the member with the lowest score from one or more sorted sets. Blocks until a member is available otherwise. Deletes the sorted set if the last element was popped. Since 5.0.0. */
  bzpopminBuffer(keys: RedisKey[], timeout: number | string): Out<W, null | [Buffer, Buffer, number]>;
  /** Instructs the server whether to track the keys in the next request. Since 6.0.0. */
  clientCaching(mode: 'YES' | 'NO'): Out<W, 'OK'>;
  /** A client claims its capability. Since 8.0.0. */
  clientCapa(capability: RedisArg): Out<W, 'OK'>;
  /** Returns the name of the connection. Since 2.6.9. */
  clientGetname(): Out<W, string | null>;
  /** Bulk strings as Buffers. Returns the name of the connection. Since 2.6.9. */
  clientGetnameBuffer(): Out<W, Buffer | null>;
  /** Returns the client ID to which the connection's tracking notifications are redirected. Since 6.0.0. */
  clientGetredir(): Out<W, number>;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  clientHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns helpful text about the different subcommands. Since 5.0.0. */
  clientHelpBuffer(): Out<W, Buffer[]>;
  /** Returns the unique client ID of the connection. Since 5.0.0. */
  clientId(): Out<W, number>;
  /** Returns information about the connection. Since 6.2.0. */
  clientInfo(): Out<W, string>;
  /** Bulk strings as Buffers. Returns information about the connection. Since 6.2.0. */
  clientInfoBuffer(): Out<W, Buffer>;
  /** Terminates open connections. Since 2.4.0. */
  clientKill(filter: RedisArg | ({ 'ID': number } | { 'TYPE': 'normal' | 'master' | 'slave' | 'replica' | 'pubsub' } | { 'USER': RedisArg } | { 'ADDR': RedisArg } | { 'LADDR': RedisArg } | { 'SKIPME': 'YES' | 'NO' } | { 'MAXAGE': number })[]): Out<W, 'OK' | number>;
  /** Lists open connections. Since 2.4.0. */
  clientList(options?: ClientListOptions): Out<W, string>;
  /** Bulk strings as Buffers. Lists open connections. Since 2.4.0. */
  clientListBuffer(options?: ClientListOptions): Out<W, Buffer>;
  /** Sets the client eviction mode of the connection. Since 7.0.0. */
  clientNoEvict(enabled: 'ON' | 'OFF'): Out<W, 'OK'>;
  /** Controls whether commands sent by the client affect the LRU/LFU of accessed keys. Since 7.2.0. */
  clientNoTouch(enabled: 'ON' | 'OFF'): Out<W, 'OK'>;
  /** Suspends commands processing. Since 3.0.0. */
  clientPause(timeout: number, mode?: 'WRITE' | 'ALL'): Out<W, 'OK'>;
  /** Sets information specific to the client or connection. Since 7.2.0. */
  clientSetinfo(attr: { 'lib-name': RedisArg } | { 'lib-ver': RedisArg }): Out<W, 'OK'>;
  /** Sets the connection name. Since 2.6.9. */
  clientSetname(connectionName: RedisArg): Out<W, 'OK'>;
  /** Controls server-assisted client-side caching for the connection. Since 6.0.0. */
  clientTracking(status: 'ON' | 'OFF', options?: ClientTrackingOptions): Out<W, 'OK'>;
  /** Returns information about server-assisted client-side caching for the connection. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  clientTrackinginfo(): Out<W, { 'flags': ('off' | 'on' | 'bcast' | 'optin' | 'optout' | 'caching-yes' | 'caching-no' | 'noloop' | 'broken_redirect')[]; 'redirect': number; 'prefixes': string[] }>;
  /** Bulk strings as Buffers. Returns information about server-assisted client-side caching for the connection. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  clientTrackinginfoBuffer(): Out<W, { 'flags': ('off' | 'on' | 'bcast' | 'optin' | 'optout' | 'caching-yes' | 'caching-no' | 'noloop' | 'broken_redirect')[]; 'redirect': number; 'prefixes': Buffer[] }>;
  /** Unblocks a client blocked by a blocking command from a different connection. Since 5.0.0. */
  clientUnblock(clientId: number, unblockType?: 'TIMEOUT' | 'ERROR'): Out<W, 0 | 1>;
  /** Resumes processing commands from paused clients. Since 6.2.0. */
  clientUnpause(): Out<W, 'OK'>;
  /** Assigns new hash slots to a node. Since 3.0.0. */
  clusterAddslots(...slots: number[]): Out<W, 'OK'>;
  /** Assigns new hash slot ranges to a node. Since 7.0.0. */
  clusterAddslotsrange(...ranges: { 'startSlot': number; 'endSlot': number }[]): Out<W, 'OK'>;
  /** Advances the cluster config epoch. Since 3.0.0. */
  clusterBumpepoch(): Out<W, string>;
  /** Bulk strings as Buffers. Advances the cluster config epoch. Since 3.0.0. */
  clusterBumpepochBuffer(): Out<W, Buffer>;
  /** Returns the number of active failure reports active for a node. Since 3.0.0. */
  clusterCountFailureReports(nodeId: RedisArg): Out<W, number>;
  /** Returns the number of keys in a hash slot. Since 3.0.0. */
  clusterCountkeysinslot(slot: number): Out<W, number>;
  /** Sets hash slots as unbound for a node. Since 3.0.0. */
  clusterDelslots(...slots: number[]): Out<W, 'OK'>;
  /** Sets hash slot ranges as unbound for a node. Since 7.0.0. */
  clusterDelslotsrange(...ranges: { 'startSlot': number; 'endSlot': number }[]): Out<W, 'OK'>;
  /** Forces a replica to perform a manual failover of its master. Since 3.0.0. */
  clusterFailover(options?: 'FORCE' | 'TAKEOVER'): Out<W, 'OK'>;
  /** Deletes all slots information from a node. Since 3.0.0. */
  clusterFlushslots(): Out<W, 'OK'>;
  /** Removes a node from the nodes table. Since 3.0.0. */
  clusterForget(nodeId: RedisArg): Out<W, 'OK'>;
  /** Returns the key names in a hash slot. Since 3.0.0. */
  clusterGetkeysinslot(slot: number, count: number): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns the key names in a hash slot. Since 3.0.0. */
  clusterGetkeysinslotBuffer(slot: number, count: number): Out<W, Buffer[]>;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  clusterHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns helpful text about the different subcommands. Since 5.0.0. */
  clusterHelpBuffer(): Out<W, Buffer[]>;
  /** Returns information about the state of a node. Since 3.0.0. */
  clusterInfo(): Out<W, string>;
  /** Bulk strings as Buffers. Returns information about the state of a node. Since 3.0.0. */
  clusterInfoBuffer(): Out<W, Buffer>;
  /** Returns the hash slot for a key. Since 3.0.0. */
  clusterKeyslot(key: RedisArg): Out<W, number>;
  /** Returns a list of all TCP links to and from peer nodes. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  clusterLinks(): Out<W, ({ 'direction': 'from' | 'to'; 'node': string; 'create-time': number; 'events': string; 'send-buffer-allocated': number; 'send-buffer-used': number })[]>;
  /** Bulk strings as Buffers. Returns a list of all TCP links to and from peer nodes. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  clusterLinksBuffer(): Out<W, ({ 'direction': 'from' | 'to'; 'node': Buffer; 'create-time': number; 'events': Buffer; 'send-buffer-allocated': number; 'send-buffer-used': number })[]>;
  /** Forces a node to handshake with another node. Since 3.0.0. */
  clusterMeet(ip: RedisArg, port: number, clusterBusPort?: number): Out<W, 'OK'>;
  /** Returns the ID of a node. Since 3.0.0. */
  clusterMyid(): Out<W, string>;
  /** Bulk strings as Buffers. Returns the ID of a node. Since 3.0.0. */
  clusterMyidBuffer(): Out<W, Buffer>;
  /** Returns the shard ID of a node. Since 7.2.0. */
  clusterMyshardid(): Out<W, string>;
  /** Bulk strings as Buffers. Returns the shard ID of a node. Since 7.2.0. */
  clusterMyshardidBuffer(): Out<W, Buffer>;
  /** Returns the cluster configuration for a node. Since 3.0.0. */
  clusterNodes(): Out<W, string>;
  /** Bulk strings as Buffers. Returns the cluster configuration for a node. Since 3.0.0. */
  clusterNodesBuffer(): Out<W, Buffer>;
  /** Lists the replica nodes of a master node. Since 5.0.0. */
  clusterReplicas(nodeId: RedisArg): Out<W, string[]>;
  /** Bulk strings as Buffers. Lists the replica nodes of a master node. Since 5.0.0. */
  clusterReplicasBuffer(nodeId: RedisArg): Out<W, Buffer[]>;
  /** Configure a node as replica of a master node. Since 3.0.0. */
  clusterReplicate(nodeId: RedisArg): Out<W, 'OK'>;
  /** Resets a node. Since 3.0.0. */
  clusterReset(resetType?: 'HARD' | 'SOFT'): Out<W, 'OK'>;
  /** Forces a node to save the cluster configuration to disk. Since 3.0.0. */
  clusterSaveconfig(): Out<W, 'OK'>;
  /** Sets the configuration epoch for a new node. Since 3.0.0. */
  clusterSetConfigEpoch(configEpoch: number): Out<W, 'OK'>;
  /** Binds a hash slot to a node. Since 3.0.0. */
  clusterSetslot(slot: number, subcommand: { 'IMPORTING': RedisArg } | { 'MIGRATING': RedisArg } | { 'NODE': RedisArg } | 'STABLE'): Out<W, 'OK'>;
  /** Returns the mapping of cluster slots to shards. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  clusterShards(): Out<W, ({ 'slots': number[]; 'nodes': ({ 'id': string; 'port': number; 'tls-port': number; 'ip': string; 'endpoint': string; 'hostname': string; 'role': 'master' | 'replica'; 'replication-offset': number; 'health': 'fail' | 'loading' | 'online' })[] })[]>;
  /** Bulk strings as Buffers. Returns the mapping of cluster slots to shards. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  clusterShardsBuffer(): Out<W, ({ 'slots': number[]; 'nodes': ({ 'id': Buffer; 'port': number; 'tls-port': number; 'ip': Buffer; 'endpoint': Buffer; 'hostname': Buffer; 'role': 'master' | 'replica'; 'replication-offset': number; 'health': 'fail' | 'loading' | 'online' })[] })[]>;
  /** Lists the replica nodes of a master node. Since 3.0.0.
   * @deprecated Since 5.0.0: CLUSTER REPLICAS. */
  clusterSlaves(nodeId: RedisArg): Out<W, string[]>;
  /** Bulk strings as Buffers. Lists the replica nodes of a master node. Since 3.0.0.
   * @deprecated Since 5.0.0: CLUSTER REPLICAS. */
  clusterSlavesBuffer(nodeId: RedisArg): Out<W, Buffer[]>;
  /** Return an array of slot usage statistics for slots assigned to the current node. Since 8.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  clusterSlotStats(filter: { 'SLOTSRANGE': { 'startSlot': number; 'endSlot': number } } | { 'ORDERBY': { 'metric': RedisArg; 'LIMIT'?: number; 'ASC'?: true; 'DESC'?: true } }): Out<W, [number, { 'key-count': number; 'cpu-usec': number; 'network-bytes-in': number; 'network-bytes-out': number }][]>;
  /** Returns the mapping of cluster slots to nodes. Since 3.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays.
   * @deprecated Since 7.0.0: CLUSTER SHARDS. */
  clusterSlots(): Out<W, ([number, number, [string | null, number, string, { 'hostname': string; 'ip': string }], ...([string | null, number, string, { 'hostname': string; 'ip': string }])[]])[]>;
  /** Bulk strings as Buffers. Returns the mapping of cluster slots to nodes. Since 3.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays.
   * @deprecated Since 7.0.0: CLUSTER SHARDS. */
  clusterSlotsBuffer(): Out<W, ([number, number, [Buffer | null, number, Buffer, { 'hostname': Buffer; 'ip': Buffer }], ...([Buffer | null, number, Buffer, { 'hostname': Buffer; 'ip': Buffer }])[]])[]>;
  /** Returns detailed information about all commands. Since 2.8.13. */
  command(): Out<W, unknown>;
  /** Returns a count of commands. Since 2.8.13. */
  commandCount(): Out<W, number>;
  /** Returns documentary information about one, multiple or all commands. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  commandDocs(...commandNames: RedisArg[]): Out<W, Record<string, { 'summary': string; 'since': string; 'group': 'bitmap' | 'cluster' | 'connection' | 'generic' | 'geo' | 'hash' | 'hyperloglog' | 'list' | 'module' | 'pubsub' | 'scripting' | 'sentinel' | 'server' | 'set' | 'sorted-set' | 'stream' | 'string' | 'transactions'; 'complexity': string; 'module': string; 'doc_flags': ('deprecated' | 'syscmd')[]; 'deprecated_since': string; 'replaced_by': string; 'history': [string, string][]; 'arguments': { 'name': string; 'type': string; 'display_text': string; 'key_spec_index': number; 'token': string; 'summary': string; 'since': string; 'deprecated_since': string; 'flags': string[]; 'arguments': unknown[] }[]; 'reply_schema': Record<string, unknown>; 'subcommands': unknown }>>;
  /** Bulk strings as Buffers. Returns documentary information about one, multiple or all commands. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  commandDocsBuffer(...commandNames: RedisArg[]): Out<W, Record<string, { 'summary': Buffer; 'since': Buffer; 'group': 'bitmap' | 'cluster' | 'connection' | 'generic' | 'geo' | 'hash' | 'hyperloglog' | 'list' | 'module' | 'pubsub' | 'scripting' | 'sentinel' | 'server' | 'set' | 'sorted-set' | 'stream' | 'string' | 'transactions'; 'complexity': Buffer; 'module': Buffer; 'doc_flags': ('deprecated' | 'syscmd')[]; 'deprecated_since': Buffer; 'replaced_by': Buffer; 'history': [Buffer, Buffer][]; 'arguments': { 'name': Buffer; 'type': Buffer; 'display_text': Buffer; 'key_spec_index': number; 'token': Buffer; 'summary': Buffer; 'since': Buffer; 'deprecated_since': Buffer; 'flags': Buffer[]; 'arguments': unknown[] }[]; 'reply_schema': Record<string, unknown>; 'subcommands': unknown }>>;
  /** Extracts the key names from an arbitrary command. Since 2.8.13. */
  commandGetkeys(command: RedisArg, ...args: RedisArg[]): Out<W, string[]>;
  /** Bulk strings as Buffers. Extracts the key names from an arbitrary command. Since 2.8.13. */
  commandGetkeysBuffer(command: RedisArg, ...args: RedisArg[]): Out<W, Buffer[]>;
  /** Extracts the key names and access flags for an arbitrary command. Since 7.0.0. */
  commandGetkeysandflags(command: RedisArg, ...args: RedisArg[]): Out<W, [string, string[]][]>;
  /** Bulk strings as Buffers. Extracts the key names and access flags for an arbitrary command. Since 7.0.0. */
  commandGetkeysandflagsBuffer(command: RedisArg, ...args: RedisArg[]): Out<W, [Buffer, Buffer[]][]>;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  commandHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns helpful text about the different subcommands. Since 5.0.0. */
  commandHelpBuffer(): Out<W, Buffer[]>;
  /** Returns information about one, multiple or all commands. Since 2.8.13.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  commandInfo(...commandNames: RedisArg[]): Out<W, (null | [string, number, string[], number, number, number, string[], string[], ({ 'notes': string; 'flags': string[]; 'begin_search': { 'type': string; 'spec': Record<string, unknown> | { 'index': number } | { 'keyword': string; 'startfrom': number } }; 'find_keys': { 'type': string; 'spec': Record<string, unknown> | { 'lastkey': number; 'keystep': number; 'limit': number } | { 'keynumidx': number; 'firstkey': number; 'keystep': number } } })[], unknown[]])[]>;
  /** Bulk strings as Buffers. Returns information about one, multiple or all commands. Since 2.8.13.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  commandInfoBuffer(...commandNames: RedisArg[]): Out<W, (null | [Buffer, number, Buffer[], number, number, number, Buffer[], Buffer[], ({ 'notes': Buffer; 'flags': Buffer[]; 'begin_search': { 'type': Buffer; 'spec': Record<string, unknown> | { 'index': number } | { 'keyword': Buffer; 'startfrom': number } }; 'find_keys': { 'type': Buffer; 'spec': Record<string, unknown> | { 'lastkey': number; 'keystep': number; 'limit': number } | { 'keynumidx': number; 'firstkey': number; 'keystep': number } } })[], unknown[]])[]>;
  /** Returns a list of command names. Since 7.0.0. */
  commandList(options?: CommandListOptions): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns a list of command names. Since 7.0.0. */
  commandListBuffer(options?: CommandListOptions): Out<W, Buffer[]>;
  /** Returns the effective values of configuration parameters. Since 2.0.0. */
  configGet(...parameters: RedisArg[]): Out<W, Record<string, string>>;
  /** Bulk strings as Buffers. Returns the effective values of configuration parameters. Since 2.0.0. */
  configGetBuffer(...parameters: RedisArg[]): Out<W, Record<string, Buffer>>;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  configHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns helpful text about the different subcommands. Since 5.0.0. */
  configHelpBuffer(): Out<W, Buffer[]>;
  /** Resets the server's statistics. Since 2.0.0. */
  configResetstat(): Out<W, 'OK'>;
  /** Persists the effective configuration to file. Since 2.8.0. */
  configRewrite(): Out<W, 'OK'>;
  /** Sets configuration parameters in-flight. Since 2.0.0. */
  configSet(...data: { 'parameter': RedisArg; 'value': RedisArg }[]): Out<W, 'OK'>;
  /** Copies the value of a key to a new key. Since 6.2.0. */
  copy(source: RedisKey, destination: RedisKey, options?: CopyOptions): Out<W, 1 | 0>;
  /** Returns the number of keys in the database. Since 1.0.0. */
  dbsize(): Out<W, number>;
  /** A container for debugging commands. Since 1.0.0. */
  debug(): Out<W, unknown>;
  /** Decrements the integer value of a key by one. Uses 0 as initial value if the key doesn't exist. Since 1.0.0. */
  decr(key: RedisKey): Out<W, number>;
  /** Decrements a number from the integer value of a key. Uses 0 as initial value if the key doesn't exist. Since 1.0.0. */
  decrby(key: RedisKey, decrement: number): Out<W, number>;
  /** Deletes one or more keys. Since 1.0.0. */
  del(...keys: RedisKey[]): Out<W, number>;
  /** Returns a serialized representation of the value stored at a key. Since 2.6.0. */
  dump(key: RedisKey): Out<W, string | null>;
  /** Bulk strings as Buffers. Returns a serialized representation of the value stored at a key. Since 2.6.0. */
  dumpBuffer(key: RedisKey): Out<W, Buffer | null>;
  /** Returns the given string. Since 1.0.0. */
  echo(message: RedisArg): Out<W, string>;
  /** Bulk strings as Buffers. Returns the given string. Since 1.0.0. */
  echoBuffer(message: RedisArg): Out<W, Buffer>;
  /** Executes a server-side Lua script. Since 2.6.0. */
  eval(script: RedisArg, keys?: RedisKey[], ...args: RedisArg[]): Out<W, unknown>;
  /** Executes a read-only server-side Lua script. Since 7.0.0. */
  evalRo(script: RedisArg, keys?: RedisKey[], ...args: RedisArg[]): Out<W, unknown>;
  /** Executes a server-side Lua script by SHA1 digest. Since 2.6.0. */
  evalsha(sha1: RedisArg, keys?: RedisKey[], ...args: RedisArg[]): Out<W, unknown>;
  /** Executes a read-only server-side Lua script by SHA1 digest. Since 7.0.0. */
  evalshaRo(sha1: RedisArg, keys?: RedisKey[], ...args: RedisArg[]): Out<W, unknown>;
  /** Determines whether one or more keys exist. Since 1.0.0. */
  exists(...keys: RedisKey[]): Out<W, number>;
  /** Sets the expiration time of a key in seconds. Since 1.0.0. */
  expire(key: RedisKey, seconds: number, condition?: 'NX' | 'XX' | 'GT' | 'LT'): Out<W, 0 | 1>;
  /** Sets the expiration time of a key to a Unix timestamp. Since 1.2.0. */
  expireat(key: RedisKey, unixTimeSeconds: number, condition?: 'NX' | 'XX' | 'GT' | 'LT'): Out<W, 1 | 0>;
  /** Returns the expiration time of a key as a Unix timestamp. Since 7.0.0. */
  expiretime(key: RedisKey): Out<W, number>;
  /** Starts a coordinated failover from a server to one of its replicas. Since 6.2.0. */
  failover(options?: FailoverOptions): Out<W, 'OK'>;
  /** Invokes a function. Since 7.0.0. */
  fcall(functionArg: RedisArg, keys?: RedisKey[], ...args: RedisArg[]): Out<W, unknown>;
  /** Invokes a read-only function. Since 7.0.0. */
  fcallRo(functionArg: RedisArg, keys?: RedisKey[], ...args: RedisArg[]): Out<W, unknown>;
  /** Removes all keys from all databases. Since 1.0.0. */
  flushall(flushType?: 'ASYNC' | 'SYNC'): Out<W, 'OK'>;
  /** Remove all keys from the current database. Since 1.0.0. */
  flushdb(flushType?: 'ASYNC' | 'SYNC'): Out<W, 'OK'>;
  /** Deletes a library and its functions. Since 7.0.0. */
  functionDelete(libraryName: RedisArg): Out<W, 'OK'>;
  /** Dumps all libraries into a serialized binary payload. Since 7.0.0. */
  functionDump(): Out<W, string>;
  /** Bulk strings as Buffers. Dumps all libraries into a serialized binary payload. Since 7.0.0. */
  functionDumpBuffer(): Out<W, Buffer>;
  /** Deletes all libraries and functions. Since 7.0.0. */
  functionFlush(flushType?: 'ASYNC' | 'SYNC'): Out<W, 'OK'>;
  /** Returns helpful text about the different subcommands. Since 7.0.0. */
  functionHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns helpful text about the different subcommands. Since 7.0.0. */
  functionHelpBuffer(): Out<W, Buffer[]>;
  /** Terminates a function during execution. Since 7.0.0. */
  functionKill(): Out<W, 'OK'>;
  /** Returns information about all libraries. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  functionList(options?: FunctionListOptions): Out<W, ({ 'library_name': string; 'engine': string; 'functions': ({ 'name': string; 'description': null | string; 'flags': string[] })[]; 'library_code': string })[]>;
  /** Bulk strings as Buffers. Returns information about all libraries. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  functionListBuffer(options?: FunctionListOptions): Out<W, ({ 'library_name': Buffer; 'engine': Buffer; 'functions': ({ 'name': Buffer; 'description': null | Buffer; 'flags': Buffer[] })[]; 'library_code': Buffer })[]>;
  /** Creates a library. Since 7.0.0. */
  functionLoad(functionCode: RedisArg, options?: FunctionLoadOptions): Out<W, string>;
  /** Bulk strings as Buffers. Creates a library. Since 7.0.0. */
  functionLoadBuffer(functionCode: RedisArg, options?: FunctionLoadOptions): Out<W, Buffer>;
  /** Restores all libraries from a payload. Since 7.0.0. */
  functionRestore(serializedValue: RedisArg, policy?: 'FLUSH' | 'APPEND' | 'REPLACE'): Out<W, 'OK'>;
  /** Returns information about a function during execution. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  functionStats(): Out<W, { 'running_script': null | { 'name': string; 'command': string[]; 'duration_ms': number }; 'engines': Record<string, { 'libraries_count': number; 'functions_count': number }> }>;
  /** Bulk strings as Buffers. Returns information about a function during execution. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  functionStatsBuffer(): Out<W, { 'running_script': null | { 'name': Buffer; 'command': Buffer[]; 'duration_ms': number }; 'engines': Record<string, { 'libraries_count': number; 'functions_count': number }> }>;
  /** Adds one or more members to a geospatial index. The key is created if it doesn't exist. Since 3.2.0. */
  geoadd(key: RedisKey, data: ({ 'longitude': number | string; 'latitude': number | string; 'member': RedisArg })[], options?: GeoaddOptions): Out<W, number>;
  /** Returns the distance between two members of a geospatial index. Since 3.2.0. */
  geodist(key: RedisKey, member1: RedisArg, member2: RedisArg, unit?: 'm' | 'km' | 'ft' | 'mi'): Out<W, null | string>;
  /** Bulk strings as Buffers. Returns the distance between two members of a geospatial index. Since 3.2.0. */
  geodistBuffer(key: RedisKey, member1: RedisArg, member2: RedisArg, unit?: 'm' | 'km' | 'ft' | 'mi'): Out<W, null | Buffer>;
  /** Returns members from a geospatial index as geohash strings. Since 3.2.0. */
  geohash(key: RedisKey, ...members: RedisArg[]): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns members from a geospatial index as geohash strings. Since 3.2.0. */
  geohashBuffer(key: RedisKey, ...members: RedisArg[]): Out<W, Buffer[]>;
  /** Returns the longitude and latitude of members from a geospatial index. Since 3.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  geopos(key: RedisKey, ...members: RedisArg[]): Out<W, (null | [number, number])[]>;
  /** Queries a geospatial index for members within a distance from a coordinate, optionally stores the result. Since 3.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings.
   * @deprecated Since 6.2.0: GEOSEARCH and GEOSEARCHSTORE with the BYRADIUS argument. */
  georadius(key: RedisKey, longitude: number | string, latitude: number | string, radius: number | string, unit: 'm' | 'km' | 'ft' | 'mi', options?: GeoradiusOptions): Out<W, string[] | ([string, ...(string | number | [number, number])[]])[] | number>;
  /** Bulk strings as Buffers. Queries a geospatial index for members within a distance from a coordinate, optionally stores the result. Since 3.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings.
   * @deprecated Since 6.2.0: GEOSEARCH and GEOSEARCHSTORE with the BYRADIUS argument. */
  georadiusBuffer(key: RedisKey, longitude: number | string, latitude: number | string, radius: number | string, unit: 'm' | 'km' | 'ft' | 'mi', options?: GeoradiusOptions): Out<W, Buffer[] | ([Buffer, ...(Buffer | number | [number, number])[]])[] | number>;
  /** Returns members from a geospatial index that are within a distance from a coordinate. Since 3.2.10.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings.
   * @deprecated Since 6.2.0: GEOSEARCH with the BYRADIUS argument. */
  georadiusRo(key: RedisKey, longitude: number | string, latitude: number | string, radius: number | string, unit: 'm' | 'km' | 'ft' | 'mi', options?: GeoradiusRoOptions): Out<W, string[] | ([string, ...(string | number | [number, number])[]])[]>;
  /** Bulk strings as Buffers. Returns members from a geospatial index that are within a distance from a coordinate. Since 3.2.10.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings.
   * @deprecated Since 6.2.0: GEOSEARCH with the BYRADIUS argument. */
  georadiusRoBuffer(key: RedisKey, longitude: number | string, latitude: number | string, radius: number | string, unit: 'm' | 'km' | 'ft' | 'mi', options?: GeoradiusRoOptions): Out<W, Buffer[] | ([Buffer, ...(Buffer | number | [number, number])[]])[]>;
  /** Queries a geospatial index for members within a distance from a member, optionally stores the result. Since 3.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings.
   * @deprecated Since 6.2.0: GEOSEARCH and GEOSEARCHSTORE with the BYRADIUS and FROMMEMBER arguments. */
  georadiusbymember(key: RedisKey, member: RedisArg, radius: number | string, unit: 'm' | 'km' | 'ft' | 'mi', options?: GeoradiusbymemberOptions): Out<W, string[] | ([string, ...(string | number | [number, number])[]])[] | number>;
  /** Bulk strings as Buffers. Queries a geospatial index for members within a distance from a member, optionally stores the result. Since 3.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings.
   * @deprecated Since 6.2.0: GEOSEARCH and GEOSEARCHSTORE with the BYRADIUS and FROMMEMBER arguments. */
  georadiusbymemberBuffer(key: RedisKey, member: RedisArg, radius: number | string, unit: 'm' | 'km' | 'ft' | 'mi', options?: GeoradiusbymemberOptions): Out<W, Buffer[] | ([Buffer, ...(Buffer | number | [number, number])[]])[] | number>;
  /** Returns members from a geospatial index that are within a distance from a member. Since 3.2.10.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings.
   * @deprecated Since 6.2.0: GEOSEARCH with the BYRADIUS and FROMMEMBER arguments. */
  georadiusbymemberRo(key: RedisKey, member: RedisArg, radius: number | string, unit: 'm' | 'km' | 'ft' | 'mi', options?: GeoradiusbymemberRoOptions): Out<W, string[] | ([string, ...(string | number | [number, number])[]])[]>;
  /** Bulk strings as Buffers. Returns members from a geospatial index that are within a distance from a member. Since 3.2.10.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings.
   * @deprecated Since 6.2.0: GEOSEARCH with the BYRADIUS and FROMMEMBER arguments. */
  georadiusbymemberRoBuffer(key: RedisKey, member: RedisArg, radius: number | string, unit: 'm' | 'km' | 'ft' | 'mi', options?: GeoradiusbymemberRoOptions): Out<W, Buffer[] | ([Buffer, ...(Buffer | number | [number, number])[]])[]>;
  /** Queries a geospatial index for members inside an area of a box or a circle. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  geosearch(key: RedisKey, from: { 'FROMMEMBER': RedisArg } | { 'FROMLONLAT': { 'longitude': number | string; 'latitude': number | string } }, by: { 'BYRADIUS': number | string; 'unit': 'm' | 'km' | 'ft' | 'mi' } | { 'BYBOX': number | string; 'height': number | string; 'unit': 'm' | 'km' | 'ft' | 'mi' }, options?: GeosearchOptions): Out<W, string[] | ([string, ...(string | number | [number, number])[]])[]>;
  /** Bulk strings as Buffers. Queries a geospatial index for members inside an area of a box or a circle. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  geosearchBuffer(key: RedisKey, from: { 'FROMMEMBER': RedisArg } | { 'FROMLONLAT': { 'longitude': number | string; 'latitude': number | string } }, by: { 'BYRADIUS': number | string; 'unit': 'm' | 'km' | 'ft' | 'mi' } | { 'BYBOX': number | string; 'height': number | string; 'unit': 'm' | 'km' | 'ft' | 'mi' }, options?: GeosearchOptions): Out<W, Buffer[] | ([Buffer, ...(Buffer | number | [number, number])[]])[]>;
  /** Queries a geospatial index for members inside an area of a box or a circle, optionally stores the result. Since 6.2.0. */
  geosearchstore(destination: RedisKey, source: RedisKey, from: { 'FROMMEMBER': RedisArg } | { 'FROMLONLAT': { 'longitude': number | string; 'latitude': number | string } }, by: { 'BYRADIUS': number | string; 'unit': 'm' | 'km' | 'ft' | 'mi' } | { 'BYBOX': number | string; 'height': number | string; 'unit': 'm' | 'km' | 'ft' | 'mi' }, options?: GeosearchstoreOptions): Out<W, number>;
  /** Returns the string value of a key. Since 1.0.0. */
  get(key: RedisKey): Out<W, string | null>;
  /** Bulk strings as Buffers. Returns the string value of a key. Since 1.0.0. */
  getBuffer(key: RedisKey): Out<W, Buffer | null>;
  /** Returns a bit value by offset. Since 2.2.0. */
  getbit(key: RedisKey, offset: number): Out<W, 0 | 1>;
  /** Returns the string value of a key after deleting the key. Since 6.2.0. */
  getdel(key: RedisKey): Out<W, string | null>;
  /** Bulk strings as Buffers. Returns the string value of a key after deleting the key. Since 6.2.0. */
  getdelBuffer(key: RedisKey): Out<W, Buffer | null>;
  /** Returns the string value of a key after setting its expiration time. Since 6.2.0. */
  getex(key: RedisKey, options?: GetexOptions): Out<W, string | null>;
  /** Bulk strings as Buffers. Returns the string value of a key after setting its expiration time. Since 6.2.0. */
  getexBuffer(key: RedisKey, options?: GetexOptions): Out<W, Buffer | null>;
  /** Returns a substring of the string stored at a key. Since 2.4.0. */
  getrange(key: RedisKey, start: number, end: number): Out<W, string>;
  /** Bulk strings as Buffers. Returns a substring of the string stored at a key. Since 2.4.0. */
  getrangeBuffer(key: RedisKey, start: number, end: number): Out<W, Buffer>;
  /** Returns the previous string value of a key after setting it to a new value. Since 1.0.0.
   * @deprecated Since 6.2.0: SET with the !GET argument. */
  getset(key: RedisKey, value: RedisArg): Out<W, string | null>;
  /** Bulk strings as Buffers. Returns the previous string value of a key after setting it to a new value. Since 1.0.0.
   * @deprecated Since 6.2.0: SET with the !GET argument. */
  getsetBuffer(key: RedisKey, value: RedisArg): Out<W, Buffer | null>;
  /** Deletes one or more fields and their values from a hash. Deletes the hash if no fields remain. Since 2.0.0. */
  hdel(key: RedisKey, ...fields: RedisArg[]): Out<W, number>;
  /** Determines whether a field exists in a hash. Since 2.0.0. */
  hexists(key: RedisKey, field: RedisArg): Out<W, 0 | 1>;
  /** Set expiry for hash field using relative time to expire (seconds). Since 7.4.0. */
  hexpire(key: RedisKey, seconds: number, fields: RedisArg[], options?: HexpireOptions): Out<W, (-2 | 0 | 1 | 2)[]>;
  /** Set expiry for hash field using an absolute Unix timestamp (seconds). Since 7.4.0. */
  hexpireat(key: RedisKey, unixTimeSeconds: number, fields: RedisArg[], options?: HexpireatOptions): Out<W, (-2 | 0 | 1 | 2)[]>;
  /** Returns the expiration time of a hash field as a Unix timestamp, in seconds. Since 7.4.0. */
  hexpiretime(key: RedisKey, fields: RedisArg[]): Out<W, number[]>;
  /** Returns the value of a field in a hash. Since 2.0.0. */
  hget(key: RedisKey, field: RedisArg): Out<W, string | null>;
  /** Bulk strings as Buffers. Returns the value of a field in a hash. Since 2.0.0. */
  hgetBuffer(key: RedisKey, field: RedisArg): Out<W, Buffer | null>;
  /** Returns all fields and values in a hash. Since 2.0.0. */
  hgetall(key: RedisKey): Out<W, Record<string, string>>;
  /** Bulk strings as Buffers. Returns all fields and values in a hash. Since 2.0.0. */
  hgetallBuffer(key: RedisKey): Out<W, Record<string, Buffer>>;
  /** Increments the integer value of a field in a hash by a number. Uses 0 as initial value if the field doesn't exist. Since 2.0.0. */
  hincrby(key: RedisKey, field: RedisArg, increment: number): Out<W, number>;
  /** Increments the floating point value of a field by a number. Uses 0 as initial value if the field doesn't exist. Since 2.6.0. */
  hincrbyfloat(key: RedisKey, field: RedisArg, increment: number | string): Out<W, string>;
  /** Bulk strings as Buffers. Increments the floating point value of a field by a number. Uses 0 as initial value if the field doesn't exist. Since 2.6.0. */
  hincrbyfloatBuffer(key: RedisKey, field: RedisArg, increment: number | string): Out<W, Buffer>;
  /** Returns all fields in a hash. Since 2.0.0. */
  hkeys(key: RedisKey): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns all fields in a hash. Since 2.0.0. */
  hkeysBuffer(key: RedisKey): Out<W, Buffer[]>;
  /** Returns the number of fields in a hash. Since 2.0.0. */
  hlen(key: RedisKey): Out<W, number>;
  /** Returns the values of all fields in a hash. Since 2.0.0. */
  hmget(key: RedisKey, ...fields: RedisArg[]): Out<W, (string | null)[]>;
  /** Bulk strings as Buffers. Returns the values of all fields in a hash. Since 2.0.0. */
  hmgetBuffer(key: RedisKey, ...fields: RedisArg[]): Out<W, (Buffer | null)[]>;
  /** Sets the values of multiple fields. Since 2.0.0.
   * @deprecated Since 4.0.0: HSET with multiple field-value pairs. */
  hmset(key: RedisKey, ...data: { 'field': RedisArg; 'value': RedisArg }[]): Out<W, 'OK'>;
  /** Removes the expiration time for each specified field. Since 7.4.0. */
  hpersist(key: RedisKey, fields: RedisArg[]): Out<W, (-2 | -1 | 1)[]>;
  /** Set expiry for hash field using relative time to expire (milliseconds). Since 7.4.0. */
  hpexpire(key: RedisKey, milliseconds: number, fields: RedisArg[], options?: HpexpireOptions): Out<W, (-2 | 0 | 1 | 2)[]>;
  /** Set expiry for hash field using an absolute Unix timestamp (milliseconds). Since 7.4.0. */
  hpexpireat(key: RedisKey, unixTimeMilliseconds: number, fields: RedisArg[], options?: HpexpireatOptions): Out<W, (-2 | 0 | 1 | 2)[]>;
  /** Returns the expiration time of a hash field as a Unix timestamp, in msec. Since 7.4.0. */
  hpexpiretime(key: RedisKey, fields: RedisArg[]): Out<W, number[]>;
  /** Returns the TTL in milliseconds of a hash field. Since 7.4.0. */
  hpttl(key: RedisKey, fields: RedisArg[]): Out<W, number[]>;
  /** Returns one or more random fields from a hash. Since 6.2.0. */
  hrandfield(key: RedisKey, options?: { 'count': number; 'WITHVALUES'?: true }): Out<W, null | string | string[] | [string, string][]>;
  /** Bulk strings as Buffers. Returns one or more random fields from a hash. Since 6.2.0. */
  hrandfieldBuffer(key: RedisKey, options?: { 'count': number; 'WITHVALUES'?: true }): Out<W, null | Buffer | Buffer[] | [Buffer, Buffer][]>;
  /** Iterates over fields and values of a hash. Since 2.8.0. */
  hscan(key: RedisKey, cursor: number, options?: HscanOptions): Out<W, [string, string[]]>;
  /** Bulk strings as Buffers. Iterates over fields and values of a hash. Since 2.8.0. */
  hscanBuffer(key: RedisKey, cursor: number, options?: HscanOptions): Out<W, [Buffer, Buffer[]]>;
  /** Creates or modifies the value of a field in a hash. Since 2.0.0. */
  hset(key: RedisKey, ...data: { 'field': RedisArg; 'value': RedisArg }[]): Out<W, number>;
  /** Sets the value of a field in a hash only when the field doesn't exist. Since 2.0.0. */
  hsetnx(key: RedisKey, field: RedisArg, value: RedisArg): Out<W, 0 | 1>;
  /** Returns the length of the value of a field. Since 3.2.0. */
  hstrlen(key: RedisKey, field: RedisArg): Out<W, number>;
  /** Returns the TTL in seconds of a hash field. Since 7.4.0. */
  httl(key: RedisKey, fields: RedisArg[]): Out<W, number[]>;
  /** Returns all values in a hash. Since 2.0.0. */
  hvals(key: RedisKey): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns all values in a hash. Since 2.0.0. */
  hvalsBuffer(key: RedisKey): Out<W, Buffer[]>;
  /** Increments the integer value of a key by one. Uses 0 as initial value if the key doesn't exist. Since 1.0.0. */
  incr(key: RedisKey): Out<W, number>;
  /** Increments the integer value of a key by a number. Uses 0 as initial value if the key doesn't exist. Since 1.0.0. */
  incrby(key: RedisKey, increment: number): Out<W, number>;
  /** Increment the floating point value of a key by a number. Uses 0 as initial value if the key doesn't exist. Since 2.6.0. */
  incrbyfloat(key: RedisKey, increment: number | string): Out<W, string>;
  /** Bulk strings as Buffers. Increment the floating point value of a key by a number. Uses 0 as initial value if the key doesn't exist. Since 2.6.0. */
  incrbyfloatBuffer(key: RedisKey, increment: number | string): Out<W, Buffer>;
  /** Returns information and statistics about the server. Since 1.0.0. */
  info(...sections: RedisArg[]): Out<W, string>;
  /** Bulk strings as Buffers. Returns information and statistics about the server. Since 1.0.0. */
  infoBuffer(...sections: RedisArg[]): Out<W, Buffer>;
  /** Returns all key names that match a pattern. Since 1.0.0. */
  keys(pattern: RedisArg): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns all key names that match a pattern. Since 1.0.0. */
  keysBuffer(pattern: RedisArg): Out<W, Buffer[]>;
  /** Returns the Unix timestamp of the last successful save to disk. Since 1.0.0. */
  lastsave(): Out<W, number>;
  /** Returns a human-readable latency analysis report. Since 2.8.13. */
  latencyDoctor(): Out<W, string>;
  /** Bulk strings as Buffers. Returns a human-readable latency analysis report. Since 2.8.13. */
  latencyDoctorBuffer(): Out<W, Buffer>;
  /** Returns a latency graph for an event. Since 2.8.13. */
  latencyGraph(event: RedisArg): Out<W, string>;
  /** Bulk strings as Buffers. Returns a latency graph for an event. Since 2.8.13. */
  latencyGraphBuffer(event: RedisArg): Out<W, Buffer>;
  /** Returns helpful text about the different subcommands. Since 2.8.13. */
  latencyHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns helpful text about the different subcommands. Since 2.8.13. */
  latencyHelpBuffer(): Out<W, Buffer[]>;
  /** Returns the cumulative distribution of latencies of a subset or all commands. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  latencyHistogram(...commands: RedisArg[]): Out<W, Record<string, { 'calls': number; 'histogram_usec': Record<string, number> }>>;
  /** Returns timestamp-latency samples for an event. Since 2.8.13. */
  latencyHistory(event: RedisArg): Out<W, [number, number][]>;
  /** Returns the latest latency samples for all events. Since 2.8.13. */
  latencyLatest(): Out<W, [string, number, number, number][]>;
  /** Bulk strings as Buffers. Returns the latest latency samples for all events. Since 2.8.13. */
  latencyLatestBuffer(): Out<W, [Buffer, number, number, number][]>;
  /** Resets the latency data for one or more events. Since 2.8.13. */
  latencyReset(...events: RedisArg[]): Out<W, number>;
  /** Finds the longest common substring. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  lcs(key1: RedisKey, key2: RedisKey, options?: LcsOptions): Out<W, string | number | { 'matches': [number[], number[], ...number[]][]; 'len': number }>;
  /** Bulk strings as Buffers. Finds the longest common substring. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  lcsBuffer(key1: RedisKey, key2: RedisKey, options?: LcsOptions): Out<W, Buffer | number | { 'matches': [number[], number[], ...number[]][]; 'len': number }>;
  /** Returns an element from a list by its index. Since 1.0.0. */
  lindex(key: RedisKey, index: number): Out<W, null | string>;
  /** Bulk strings as Buffers. Returns an element from a list by its index. Since 1.0.0. */
  lindexBuffer(key: RedisKey, index: number): Out<W, null | Buffer>;
  /** Inserts an element before or after another element in a list. Since 2.2.0. */
  linsert(key: RedisKey, where: 'BEFORE' | 'AFTER', pivot: RedisArg, element: RedisArg): Out<W, number>;
  /** Returns the length of a list. Since 1.0.0. */
  llen(key: RedisKey): Out<W, number>;
  /** Returns an element after popping it from one list and pushing it to another. Deletes the list if the last element was moved. Since 6.2.0. */
  lmove(source: RedisKey, destination: RedisKey, wherefrom: 'LEFT' | 'RIGHT', whereto: 'LEFT' | 'RIGHT'): Out<W, string>;
  /** Bulk strings as Buffers. Returns an element after popping it from one list and pushing it to another. Deletes the list if the last element was moved. Since 6.2.0. */
  lmoveBuffer(source: RedisKey, destination: RedisKey, wherefrom: 'LEFT' | 'RIGHT', whereto: 'LEFT' | 'RIGHT'): Out<W, Buffer>;
  /** Returns multiple elements from a list after removing them. Deletes the list if the last element was popped. Since 7.0.0. */
  lmpop(keys: RedisKey[], where: 'LEFT' | 'RIGHT', options?: LmpopOptions): Out<W, null | [string, string[]]>;
  /** Bulk strings as Buffers. Returns multiple elements from a list after removing them. Deletes the list if the last element was popped. Since 7.0.0. */
  lmpopBuffer(keys: RedisKey[], where: 'LEFT' | 'RIGHT', options?: LmpopOptions): Out<W, null | [Buffer, Buffer[]]>;
  /** Displays computer art and the Redis version. Since 5.0.0. */
  lolwut(options?: LolwutOptions): Out<W, string>;
  /** Bulk strings as Buffers. Displays computer art and the Redis version. Since 5.0.0. */
  lolwutBuffer(options?: LolwutOptions): Out<W, Buffer>;
  /** Returns the first elements in a list after removing it. Deletes the list if the last element was popped. Since 1.0.0. */
  lpop(key: RedisKey, count?: number): Out<W, null | string | string[]>;
  /** Bulk strings as Buffers. Returns the first elements in a list after removing it. Deletes the list if the last element was popped. Since 1.0.0. */
  lpopBuffer(key: RedisKey, count?: number): Out<W, null | Buffer | Buffer[]>;
  /** Returns the index of matching elements in a list. Since 6.0.6. */
  lpos(key: RedisKey, element: RedisArg, options?: LposOptions): Out<W, null | number | number[]>;
  /** Prepends one or more elements to a list. Creates the key if it doesn't exist. Since 1.0.0. */
  lpush(key: RedisKey, ...elements: RedisArg[]): Out<W, number>;
  /** Prepends one or more elements to a list only when the list exists. Since 2.2.0. */
  lpushx(key: RedisKey, ...elements: RedisArg[]): Out<W, number>;
  /** Returns a range of elements from a list. Since 1.0.0. */
  lrange(key: RedisKey, start: number, stop: number): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns a range of elements from a list. Since 1.0.0. */
  lrangeBuffer(key: RedisKey, start: number, stop: number): Out<W, Buffer[]>;
  /** Removes elements from a list. Deletes the list if the last element was removed. Since 1.0.0. */
  lrem(key: RedisKey, count: number, element: RedisArg): Out<W, number>;
  /** Sets the value of an element in a list by its index. Since 1.0.0. */
  lset(key: RedisKey, index: number, element: RedisArg): Out<W, 'OK'>;
  /** Removes elements from both ends a list. Deletes the list if all elements were trimmed. Since 1.0.0. */
  ltrim(key: RedisKey, start: number, stop: number): Out<W, 'OK'>;
  /** Outputs a memory problems report. Since 4.0.0. */
  memoryDoctor(): Out<W, string>;
  /** Bulk strings as Buffers. Outputs a memory problems report. Since 4.0.0. */
  memoryDoctorBuffer(): Out<W, Buffer>;
  /** Returns helpful text about the different subcommands. Since 4.0.0. */
  memoryHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns helpful text about the different subcommands. Since 4.0.0. */
  memoryHelpBuffer(): Out<W, Buffer[]>;
  /** Returns the allocator statistics. Since 4.0.0. */
  memoryMallocStats(): Out<W, string>;
  /** Bulk strings as Buffers. Returns the allocator statistics. Since 4.0.0. */
  memoryMallocStatsBuffer(): Out<W, Buffer>;
  /** Asks the allocator to release memory. Since 4.0.0. */
  memoryPurge(): Out<W, 'OK'>;
  /** Returns details about memory usage. Since 4.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays, doubles as strings. */
  memoryStats(): Out<W, { 'peak.allocated': number; 'total.allocated': number; 'startup.allocated': number; 'replication.backlog': number; 'clients.slaves': number; 'clients.normal': number; 'cluster.links': number; 'aof.buffer': number; 'lua.caches': number; 'functions.caches': number; 'overhead.db.hashtable.lut': number; 'overhead.db.hashtable.rehashing': number; 'overhead.total': number; 'db.dict.rehashing.count': number; 'keys.count': number; 'keys.bytes-per-key': number; 'dataset.bytes': number; 'dataset.percentage': number; 'peak.percentage': number; 'allocator.allocated': number; 'allocator.active': number; 'allocator.resident': number; 'allocator.muzzy': number; 'allocator-fragmentation.ratio': number; 'allocator-fragmentation.bytes': number; 'allocator-rss.ratio': number; 'allocator-rss.bytes': number; 'rss-overhead.ratio': number; 'rss-overhead.bytes': number; 'fragmentation': number; 'fragmentation.bytes': number } & Record<string, { 'overhead.hashtable.main': number; 'overhead.hashtable.expires': number }>>;
  /** Estimates the memory usage of a key. Since 4.0.0. */
  memoryUsage(key: RedisKey, options?: MemoryUsageOptions): Out<W, number | null>;
  /** Atomically returns the string values of one or more keys. Since 1.0.0. */
  mget(...keys: RedisKey[]): Out<W, (string | null)[]>;
  /** Bulk strings as Buffers. Atomically returns the string values of one or more keys. Since 1.0.0. */
  mgetBuffer(...keys: RedisKey[]): Out<W, (Buffer | null)[]>;
  /** Atomically transfers a key from one Redis instance to another. Since 2.6.0. */
  migrate(host: RedisArg, port: number, keySelector: RedisKey | '', destinationDb: number, timeout: number, options?: MigrateOptions): Out<W, 'OK' | 'NOKEY'>;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  moduleHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns helpful text about the different subcommands. Since 5.0.0. */
  moduleHelpBuffer(): Out<W, Buffer[]>;
  /** Returns all loaded modules. Since 4.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  moduleList(): Out<W, { 'name': string; 'ver': number; 'path': string; 'args': string[] }[]>;
  /** Bulk strings as Buffers. Returns all loaded modules. Since 4.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  moduleListBuffer(): Out<W, { 'name': Buffer; 'ver': number; 'path': Buffer; 'args': Buffer[] }[]>;
  /** Loads a module. Since 4.0.0. */
  moduleLoad(path: RedisArg, ...args: RedisArg[]): Out<W, 'OK'>;
  /** Loads a module using extended parameters. Since 7.0.0. */
  moduleLoadex(path: RedisArg, options?: ModuleLoadexOptions): Out<W, 'OK'>;
  /** Unloads a module. Since 4.0.0. */
  moduleUnload(name: RedisArg): Out<W, 'OK'>;
  /** Moves a key to another database. Since 1.0.0. */
  move(key: RedisKey, db: number): Out<W, 1 | 0>;
  /** Atomically creates or modifies the string values of one or more keys. Since 1.0.1. */
  mset(...data: { 'key': RedisKey; 'value': RedisArg }[]): Out<W, 'OK'>;
  /** Atomically modifies the string values of one or more keys only when all keys don't exist. Since 1.0.1. */
  msetnx(...data: { 'key': RedisKey; 'value': RedisArg }[]): Out<W, 0 | 1>;
  /** Returns the internal encoding of a Redis object. Since 2.2.3. */
  objectEncoding(key: RedisKey): Out<W, null | string>;
  /** Bulk strings as Buffers. Returns the internal encoding of a Redis object. Since 2.2.3. */
  objectEncodingBuffer(key: RedisKey): Out<W, null | Buffer>;
  /** Returns the logarithmic access frequency counter of a Redis object. Since 4.0.0. */
  objectFreq(key: RedisKey): Out<W, number>;
  /** Returns helpful text about the different subcommands. Since 6.2.0. */
  objectHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns helpful text about the different subcommands. Since 6.2.0. */
  objectHelpBuffer(): Out<W, Buffer[]>;
  /** Returns the time since the last access to a Redis object. Since 2.2.3. */
  objectIdletime(key: RedisKey): Out<W, number>;
  /** Returns the reference count of a value of a key. Since 2.2.3. */
  objectRefcount(key: RedisKey): Out<W, number>;
  /** Removes the expiration time of a key. Since 2.2.0. */
  persist(key: RedisKey): Out<W, 0 | 1>;
  /** Sets the expiration time of a key in milliseconds. Since 2.6.0. */
  pexpire(key: RedisKey, milliseconds: number, condition?: 'NX' | 'XX' | 'GT' | 'LT'): Out<W, 0 | 1>;
  /** Sets the expiration time of a key to a Unix milliseconds timestamp. Since 2.6.0. */
  pexpireat(key: RedisKey, unixTimeMilliseconds: number, condition?: 'NX' | 'XX' | 'GT' | 'LT'): Out<W, 1 | 0>;
  /** Returns the expiration time of a key as a Unix milliseconds timestamp. Since 7.0.0. */
  pexpiretime(key: RedisKey): Out<W, number>;
  /** Adds elements to a HyperLogLog key. Creates the key if it doesn't exist. Since 2.8.9. */
  pfadd(key: RedisKey, ...elements: RedisArg[]): Out<W, 1 | 0>;
  /** Returns the approximated cardinality of the set(s) observed by the HyperLogLog key(s). Since 2.8.9. */
  pfcount(...keys: RedisKey[]): Out<W, number>;
  /** Internal commands for debugging HyperLogLog values. Since 2.8.9. */
  pfdebug(subcommand: RedisArg, key: RedisKey): Out<W, unknown>;
  /** Merges one or more HyperLogLog values into a single key. Since 2.8.9. */
  pfmerge(destkey: RedisKey, ...sourcekeys: RedisKey[]): Out<W, 'OK'>;
  /** An internal command for testing HyperLogLog values. Since 2.8.9. */
  pfselftest(): Out<W, 'OK'>;
  /** Returns the server's liveliness response. Since 1.0.0. */
  ping(message?: RedisArg): Out<W, string>;
  /** Bulk strings as Buffers. Returns the server's liveliness response. Since 1.0.0. */
  pingBuffer(message?: RedisArg): Out<W, 'PONG' | Buffer>;
  /** Sets both string value and expiration time in milliseconds of a key. The key is created if it doesn't exist. Since 2.6.0.
   * @deprecated Since 2.6.12: SET with the PX argument. */
  psetex(key: RedisKey, milliseconds: number, value: RedisArg): Out<W, 'OK'>;
  /** Returns the expiration time in milliseconds of a key. Since 2.6.0. */
  pttl(key: RedisKey): Out<W, number>;
  /** Posts a message to a channel. Since 2.0.0. */
  publish(channel: RedisArg, message: RedisArg): Out<W, number>;
  /** Returns the active channels. Since 2.8.0. */
  pubsubChannels(pattern?: RedisArg): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns the active channels. Since 2.8.0. */
  pubsubChannelsBuffer(pattern?: RedisArg): Out<W, Buffer[]>;
  /** Returns helpful text about the different subcommands. Since 6.2.0. */
  pubsubHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns helpful text about the different subcommands. Since 6.2.0. */
  pubsubHelpBuffer(): Out<W, Buffer[]>;
  /** Returns a count of unique pattern subscriptions. Since 2.8.0. */
  pubsubNumpat(): Out<W, number>;
  /** Returns a count of subscribers to channels. Since 2.8.0. */
  pubsubNumsub(...channels: RedisArg[]): Out<W, unknown[]>;
  /** Returns the active shard channels. Since 7.0.0. */
  pubsubShardchannels(pattern?: RedisArg): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns the active shard channels. Since 7.0.0. */
  pubsubShardchannelsBuffer(pattern?: RedisArg): Out<W, Buffer[]>;
  /** Returns the count of subscribers of shard channels. Since 7.0.0. */
  pubsubShardnumsub(...shardchannels: RedisArg[]): Out<W, unknown[]>;
  /** Returns a random key name from the database. Since 1.0.0. */
  randomkey(): Out<W, null | string>;
  /** Bulk strings as Buffers. Returns a random key name from the database. Since 1.0.0. */
  randomkeyBuffer(): Out<W, null | Buffer>;
  /** Renames a key and overwrites the destination. Since 1.0.0. */
  rename(key: RedisKey, newkey: RedisKey): Out<W, 'OK'>;
  /** Renames a key only when the target key name doesn't exist. Since 1.0.0. */
  renamenx(key: RedisKey, newkey: RedisKey): Out<W, 1 | 0>;
  /** Configures a server as replica of another, or promotes it to a master. Since 5.0.0. */
  replicaof(args: { 'host': RedisArg; 'port': number } | 'NO ONE'): Out<W, string>;
  /** Bulk strings as Buffers. Configures a server as replica of another, or promotes it to a master. Since 5.0.0. */
  replicaofBuffer(args: { 'host': RedisArg; 'port': number } | 'NO ONE'): Out<W, Buffer>;
  /** Creates a key from the serialized representation of a value. Since 2.6.0. */
  restore(key: RedisKey, ttl: number, serializedValue: RedisArg, options?: RestoreOptions): Out<W, 'OK'>;
  /** An internal command for migrating keys in a cluster. Since 3.0.0. */
  restoreAsking(key: RedisKey, ttl: number, serializedValue: RedisArg, options?: RestoreAskingOptions): Out<W, 'OK'>;
  /** Returns the replication role. Since 2.8.12. */
  role(): Out<W, ['master', number, [string, string, string][]] | ['slave', string, number, 'handshake' | 'none' | 'connect' | 'connecting' | 'sync' | 'connected' | 'unknown', number] | ['sentinel', string[]]>;
  /** Bulk strings as Buffers. Returns the replication role. Since 2.8.12. */
  roleBuffer(): Out<W, ['master', number, [Buffer, Buffer, Buffer][]] | ['slave', Buffer, number, 'handshake' | 'none' | 'connect' | 'connecting' | 'sync' | 'connected' | 'unknown', number] | ['sentinel', Buffer[]]>;
  /** Returns and removes the last elements of a list. Deletes the list if the last element was popped. Since 1.0.0. */
  rpop(key: RedisKey, count?: number): Out<W, null | string | string[]>;
  /** Bulk strings as Buffers. Returns and removes the last elements of a list. Deletes the list if the last element was popped. Since 1.0.0. */
  rpopBuffer(key: RedisKey, count?: number): Out<W, null | Buffer | Buffer[]>;
  /** Returns the last element of a list after removing and pushing it to another list. Deletes the list if the last element was popped. Since 1.2.0.
   * @deprecated Since 6.2.0: LMOVE with the RIGHT and LEFT arguments. */
  rpoplpush(source: RedisKey, destination: RedisKey): Out<W, string | null>;
  /** Bulk strings as Buffers. Returns the last element of a list after removing and pushing it to another list. Deletes the list if the last element was popped. Since 1.2.0.
   * @deprecated Since 6.2.0: LMOVE with the RIGHT and LEFT arguments. */
  rpoplpushBuffer(source: RedisKey, destination: RedisKey): Out<W, Buffer | null>;
  /** Appends one or more elements to a list. Creates the key if it doesn't exist. Since 1.0.0. */
  rpush(key: RedisKey, ...elements: RedisArg[]): Out<W, number>;
  /** Appends an element to a list only when the list exists. Since 2.2.0. */
  rpushx(key: RedisKey, ...elements: RedisArg[]): Out<W, number>;
  /** Adds one or more members to a set. Creates the key if it doesn't exist. Since 1.0.0. */
  sadd(key: RedisKey, ...members: RedisArg[]): Out<W, number>;
  /** Synchronously saves the database(s) to disk. Since 1.0.0. */
  save(): Out<W, 'OK'>;
  /** Iterates over the key names in the database. Since 2.8.0. */
  scan(cursor: number, options?: ScanOptions): Out<W, [string, string[]]>;
  /** Bulk strings as Buffers. Iterates over the key names in the database. Since 2.8.0. */
  scanBuffer(cursor: number, options?: ScanOptions): Out<W, [Buffer, Buffer[]]>;
  /** Returns the number of members in a set. Since 1.0.0. */
  scard(key: RedisKey): Out<W, number>;
  /** Sets the debug mode of server-side Lua scripts. Since 3.2.0. */
  scriptDebug(mode: 'YES' | 'SYNC' | 'NO'): Out<W, 'OK'>;
  /** Determines whether server-side Lua scripts exist in the script cache. Since 2.6.0. */
  scriptExists(...sha1s: RedisArg[]): Out<W, (1 | 0)[]>;
  /** Removes all server-side Lua scripts from the script cache. Since 2.6.0. */
  scriptFlush(flushType?: 'ASYNC' | 'SYNC'): Out<W, 'OK'>;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  scriptHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns helpful text about the different subcommands. Since 5.0.0. */
  scriptHelpBuffer(): Out<W, Buffer[]>;
  /** Terminates a server-side Lua script during execution. Since 2.6.0. */
  scriptKill(): Out<W, 'OK'>;
  /** Loads a server-side Lua script to the script cache. Since 2.6.0. */
  scriptLoad(script: RedisArg): Out<W, string>;
  /** Bulk strings as Buffers. Loads a server-side Lua script to the script cache. Since 2.6.0. */
  scriptLoadBuffer(script: RedisArg): Out<W, Buffer>;
  /** Show server-side Lua script in the script cache. Since 8.0.0. */
  scriptShow(sha1: RedisArg): Out<W, string>;
  /** Bulk strings as Buffers. Show server-side Lua script in the script cache. Since 8.0.0. */
  scriptShowBuffer(sha1: RedisArg): Out<W, Buffer>;
  /** Returns the difference of multiple sets. Since 1.0.0. */
  sdiff(...keys: RedisKey[]): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns the difference of multiple sets. Since 1.0.0. */
  sdiffBuffer(...keys: RedisKey[]): Out<W, Buffer[]>;
  /** Stores the difference of multiple sets in a key. Since 1.0.0. */
  sdiffstore(destination: RedisKey, ...keys: RedisKey[]): Out<W, number>;
  /** Changes the selected database. Since 1.0.0. */
  select(index: number): Out<W, 'OK'>;
  /** Sets the string value of a key, ignoring its type. The key is created if it doesn't exist. Since 1.0.0. */
  set(key: RedisKey, value: RedisArg, options?: SetOptions): Out<W, null | string>;
  /** Bulk strings as Buffers. Sets the string value of a key, ignoring its type. The key is created if it doesn't exist. Since 1.0.0. */
  setBuffer(key: RedisKey, value: RedisArg, options?: SetOptions): Out<W, null | 'OK' | Buffer>;
  /** Sets or clears the bit at offset of the string value. Creates the key if it doesn't exist. Since 2.2.0. */
  setbit(key: RedisKey, offset: number, value: number): Out<W, 0 | 1>;
  /** Sets the string value and expiration time of a key. Creates the key if it doesn't exist. Since 2.0.0.
   * @deprecated Since 2.6.12: SET with the EX argument. */
  setex(key: RedisKey, seconds: number, value: RedisArg): Out<W, 'OK'>;
  /** Set the string value of a key only when the key doesn't exist. Since 1.0.0.
   * @deprecated Since 2.6.12: SET with the NX argument. */
  setnx(key: RedisKey, value: RedisArg): Out<W, 0 | 1>;
  /** Overwrites a part of a string value with another by an offset. Creates the key if it doesn't exist. Since 2.2.0. */
  setrange(key: RedisKey, offset: number, value: RedisArg): Out<W, number>;
  /** Synchronously saves the database(s) to disk and shuts down the Redis server. Since 1.0.0. */
  shutdown(options?: ShutdownOptions): Out<W, 'OK'>;
  /** Returns the intersect of multiple sets. Since 1.0.0. */
  sinter(...keys: RedisKey[]): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns the intersect of multiple sets. Since 1.0.0. */
  sinterBuffer(...keys: RedisKey[]): Out<W, Buffer[]>;
  /** Returns the number of members of the intersect of multiple sets. Since 7.0.0. */
  sintercard(keys: RedisKey[], options?: SintercardOptions): Out<W, number>;
  /** Stores the intersect of multiple sets in a key. Since 1.0.0. */
  sinterstore(destination: RedisKey, ...keys: RedisKey[]): Out<W, number>;
  /** Determines whether a member belongs to a set. Since 1.0.0. */
  sismember(key: RedisKey, member: RedisArg): Out<W, 0 | 1>;
  /** Sets a Redis server as a replica of another, or promotes it to being a master. Since 1.0.0.
   * @deprecated Since 5.0.0: REPLICAOF. */
  slaveof(args: { 'host': RedisArg; 'port': number } | 'NO ONE'): Out<W, string>;
  /** Bulk strings as Buffers. Sets a Redis server as a replica of another, or promotes it to being a master. Since 1.0.0.
   * @deprecated Since 5.0.0: REPLICAOF. */
  slaveofBuffer(args: { 'host': RedisArg; 'port': number } | 'NO ONE'): Out<W, Buffer>;
  /** Returns the slow log's entries. Since 2.2.12. */
  slowlogGet(count?: number): Out<W, [number, number, number, string[], string, string][]>;
  /** Bulk strings as Buffers. Returns the slow log's entries. Since 2.2.12. */
  slowlogGetBuffer(count?: number): Out<W, [number, number, number, Buffer[], Buffer, Buffer][]>;
  /** Show helpful text about the different subcommands. Since 6.2.0. */
  slowlogHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Show helpful text about the different subcommands. Since 6.2.0. */
  slowlogHelpBuffer(): Out<W, Buffer[]>;
  /** Returns the number of entries in the slow log. Since 2.2.12. */
  slowlogLen(): Out<W, number>;
  /** Clears all entries from the slow log. Since 2.2.12. */
  slowlogReset(): Out<W, 'OK'>;
  /** Returns all members of a set. Since 1.0.0. */
  smembers(key: RedisKey): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns all members of a set. Since 1.0.0. */
  smembersBuffer(key: RedisKey): Out<W, Buffer[]>;
  /** Determines whether multiple members belong to a set. Since 6.2.0. */
  smismember(key: RedisKey, ...members: RedisArg[]): Out<W, (0 | 1)[]>;
  /** Moves a member from one set to another. Since 1.0.0. */
  smove(source: RedisKey, destination: RedisKey, member: RedisArg): Out<W, 1 | 0>;
  /** Sorts the elements in a list, a set, or a sorted set, optionally storing the result. Since 1.0.0. */
  sort(key: RedisKey, options?: SortOptions): Out<W, number | (string | null)[]>;
  /** Bulk strings as Buffers. Sorts the elements in a list, a set, or a sorted set, optionally storing the result. Since 1.0.0. */
  sortBuffer(key: RedisKey, options?: SortOptions): Out<W, number | (Buffer | null)[]>;
  /** Returns the sorted elements of a list, a set, or a sorted set. Since 7.0.0. */
  sortRo(key: RedisKey, options?: SortRoOptions): Out<W, (string | null)[]>;
  /** Bulk strings as Buffers. Returns the sorted elements of a list, a set, or a sorted set. Since 7.0.0. */
  sortRoBuffer(key: RedisKey, options?: SortRoOptions): Out<W, (Buffer | null)[]>;
  /** Returns one or more random members from a set after removing them. Deletes the set if the last member was popped. Since 1.0.0. */
  spop(key: RedisKey, count?: number): Out<W, null | string | string[]>;
  /** Bulk strings as Buffers. Returns one or more random members from a set after removing them. Deletes the set if the last member was popped. Since 1.0.0. */
  spopBuffer(key: RedisKey, count?: number): Out<W, null | Buffer | Buffer[]>;
  /** Post a message to a shard channel. Since 7.0.0. */
  spublish(shardchannel: RedisArg, message: RedisArg): Out<W, number>;
  /** Get one or multiple random members from a set. Since 1.0.0. */
  srandmember(key: RedisKey, count?: number): Out<W, null | string | string[] | unknown[]>;
  /** Bulk strings as Buffers. Get one or multiple random members from a set. Since 1.0.0. */
  srandmemberBuffer(key: RedisKey, count?: number): Out<W, null | Buffer | Buffer[] | unknown[]>;
  /** Removes one or more members from a set. Deletes the set if the last member was removed. Since 1.0.0. */
  srem(key: RedisKey, ...members: RedisArg[]): Out<W, number>;
  /** Iterates over members of a set. Since 2.8.0. */
  sscan(key: RedisKey, cursor: number, options?: SscanOptions): Out<W, [string, string[]]>;
  /** Bulk strings as Buffers. Iterates over members of a set. Since 2.8.0. */
  sscanBuffer(key: RedisKey, cursor: number, options?: SscanOptions): Out<W, [Buffer, Buffer[]]>;
  /** Returns the length of a string value. Since 2.2.0. */
  strlen(key: RedisKey): Out<W, number>;
  /** Returns a substring from a string value. Since 1.0.0.
   * @deprecated Since 2.0.0: GETRANGE. */
  substr(key: RedisKey, start: number, end: number): Out<W, string>;
  /** Bulk strings as Buffers. Returns a substring from a string value. Since 1.0.0.
   * @deprecated Since 2.0.0: GETRANGE. */
  substrBuffer(key: RedisKey, start: number, end: number): Out<W, Buffer>;
  /** Returns the union of multiple sets. Since 1.0.0. */
  sunion(...keys: RedisKey[]): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns the union of multiple sets. Since 1.0.0. */
  sunionBuffer(...keys: RedisKey[]): Out<W, Buffer[]>;
  /** Stores the union of multiple sets in a key. Since 1.0.0. */
  sunionstore(destination: RedisKey, ...keys: RedisKey[]): Out<W, number>;
  /** Swaps two Redis databases. Since 4.0.0. */
  swapdb(index1: number, index2: number): Out<W, 'OK'>;
  /** Returns the server time. Since 2.6.0. */
  time(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns the server time. Since 2.6.0. */
  timeBuffer(): Out<W, Buffer[]>;
  /** Returns the number of existing keys out of those specified after updating the time they were last accessed. Since 3.2.1. */
  touch(...keys: RedisKey[]): Out<W, number>;
  /** Returns the expiration time in seconds of a key. Since 1.0.0. */
  ttl(key: RedisKey): Out<W, number>;
  /** Determines the type of value stored at a key. Since 1.0.0. */
  type(key: RedisKey): Out<W, null | string>;
  /** Bulk strings as Buffers. Determines the type of value stored at a key. Since 1.0.0. */
  typeBuffer(key: RedisKey): Out<W, null | Buffer>;
  /** Asynchronously deletes one or more keys. Since 4.0.0. */
  unlink(...keys: RedisKey[]): Out<W, number>;
  /** Blocks until the asynchronous replication of all preceding write commands sent by the connection is completed. Since 3.0.0. */
  wait(numreplicas: number, timeout: number): Out<W, number>;
  /** Blocks until all of the preceding write commands sent by the connection are written to the append-only file of the master and/or replicas. Since 7.2.0. */
  waitaof(numlocal: number, numreplicas: number, timeout: number): Out<W, [number, number]>;
  /** Returns the number of messages that were successfully acknowledged by the consumer group member of a stream. Since 5.0.0. */
  xack(key: RedisKey, group: RedisArg, ...ids: RedisArg[]): Out<W, number>;
  /** Appends a new message to a stream. Creates the key if it doesn't exist. Since 5.0.0. */
  xadd(key: RedisKey, idSelector: '*' | RedisArg, data: { 'field': RedisArg; 'value': RedisArg }[], options?: XaddOptions): Out<W, string | null>;
  /** Bulk strings as Buffers. Appends a new message to a stream. Creates the key if it doesn't exist. Since 5.0.0. */
  xaddBuffer(key: RedisKey, idSelector: '*' | RedisArg, data: { 'field': RedisArg; 'value': RedisArg }[], options?: XaddOptions): Out<W, Buffer | null>;
  /** Changes, or acquires, ownership of messages in a consumer group, as if the messages were delivered to as consumer group member. Since 6.2.0. */
  xautoclaim(key: RedisKey, group: RedisArg, consumer: RedisArg, minIdleTime: RedisArg, start: RedisArg, options?: XautoclaimOptions): Out<W, [string, [string, string[]][], string[]] | [string, string[], string[]]>;
  /** Bulk strings as Buffers. Changes, or acquires, ownership of messages in a consumer group, as if the messages were delivered to as consumer group member. Since 6.2.0. */
  xautoclaimBuffer(key: RedisKey, group: RedisArg, consumer: RedisArg, minIdleTime: RedisArg, start: RedisArg, options?: XautoclaimOptions): Out<W, [Buffer, [Buffer, Buffer[]][], Buffer[]] | [Buffer, Buffer[], Buffer[]]>;
  /** Changes, or acquires, ownership of a message in a consumer group, as if the message was delivered a consumer group member. Since 5.0.0. */
  xclaim(key: RedisKey, group: RedisArg, consumer: RedisArg, minIdleTime: RedisArg, ids: RedisArg[], options?: XclaimOptions): Out<W, string[] | [string, string[]][]>;
  /** Bulk strings as Buffers. Changes, or acquires, ownership of a message in a consumer group, as if the message was delivered a consumer group member. Since 5.0.0. */
  xclaimBuffer(key: RedisKey, group: RedisArg, consumer: RedisArg, minIdleTime: RedisArg, ids: RedisArg[], options?: XclaimOptions): Out<W, Buffer[] | [Buffer, Buffer[]][]>;
  /** Returns the number of messages after removing them from a stream. Since 5.0.0. */
  xdel(key: RedisKey, ...ids: RedisArg[]): Out<W, number>;
  /** Creates a consumer group. Since 5.0.0. */
  xgroupCreate(key: RedisKey, group: RedisArg, idSelector: RedisArg | '$', options?: XgroupCreateOptions): Out<W, 'OK'>;
  /** Creates a consumer in a consumer group. Since 6.2.0. */
  xgroupCreateconsumer(key: RedisKey, group: RedisArg, consumer: RedisArg): Out<W, 1 | 0>;
  /** Deletes a consumer from a consumer group. Since 5.0.0. */
  xgroupDelconsumer(key: RedisKey, group: RedisArg, consumer: RedisArg): Out<W, number>;
  /** Destroys a consumer group. Since 5.0.0. */
  xgroupDestroy(key: RedisKey, group: RedisArg): Out<W, 1 | 0>;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  xgroupHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns helpful text about the different subcommands. Since 5.0.0. */
  xgroupHelpBuffer(): Out<W, Buffer[]>;
  /** Sets the last-delivered ID of a consumer group. Since 5.0.0. */
  xgroupSetid(key: RedisKey, group: RedisArg, idSelector: RedisArg | '$', options?: XgroupSetidOptions): Out<W, 'OK'>;
  /** Returns a list of the consumers in a consumer group. Since 5.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  xinfoConsumers(key: RedisKey, group: RedisArg): Out<W, { 'name': string; 'pending': number; 'idle': number; 'inactive': number }[]>;
  /** Bulk strings as Buffers. Returns a list of the consumers in a consumer group. Since 5.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: maps as flat [key, value, …] arrays. */
  xinfoConsumersBuffer(key: RedisKey, group: RedisArg): Out<W, { 'name': Buffer; 'pending': number; 'idle': number; 'inactive': number }[]>;
  /** Returns a list of the consumer groups of a stream. Since 5.0.0. */
  xinfoGroups(key: RedisKey): Out<W, ({ 'name': string; 'consumers': number; 'pending': number; 'last-delivered-id': string; 'entries-read': null | number; 'lag': null | number })[]>;
  /** Bulk strings as Buffers. Returns a list of the consumer groups of a stream. Since 5.0.0. */
  xinfoGroupsBuffer(key: RedisKey): Out<W, ({ 'name': Buffer; 'consumers': number; 'pending': number; 'last-delivered-id': Buffer; 'entries-read': null | number; 'lag': null | number })[]>;
  /** Returns helpful text about the different subcommands. Since 5.0.0. */
  xinfoHelp(): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns helpful text about the different subcommands. Since 5.0.0. */
  xinfoHelpBuffer(): Out<W, Buffer[]>;
  /** Returns information about a stream. Since 5.0.0. */
  xinfoStream(key: RedisKey, fullBlock?: { 'COUNT'?: number }): Out<W, { 'length': number; 'radix-tree-keys': number; 'radix-tree-nodes': number; 'last-generated-id': string; 'max-deleted-entry-id': string; 'recorded-first-entry-id': string; 'entries-added': number; 'groups': number; 'first-entry': null | [string, string[]]; 'last-entry': null | [string, string[]] } | { 'length': number; 'radix-tree-keys': number; 'radix-tree-nodes': number; 'last-generated-id': string; 'max-deleted-entry-id': string; 'recorded-first-entry-id': string; 'entries-added': number; 'entries': [string, string[]][]; 'groups': ({ 'name': string; 'last-delivered-id': string; 'entries-read': null | number; 'lag': null | number; 'pel-count': number; 'pending': [string, string, number, number][]; 'consumers': { 'active-time': number; 'name': string; 'seen-time': number; 'pel-count': number; 'pending': [string, number, number][] }[] })[] }>;
  /** Bulk strings as Buffers. Returns information about a stream. Since 5.0.0. */
  xinfoStreamBuffer(key: RedisKey, fullBlock?: { 'COUNT'?: number }): Out<W, { 'length': number; 'radix-tree-keys': number; 'radix-tree-nodes': number; 'last-generated-id': Buffer; 'max-deleted-entry-id': Buffer; 'recorded-first-entry-id': Buffer; 'entries-added': number; 'groups': number; 'first-entry': null | [Buffer, Buffer[]]; 'last-entry': null | [Buffer, Buffer[]] } | { 'length': number; 'radix-tree-keys': number; 'radix-tree-nodes': number; 'last-generated-id': Buffer; 'max-deleted-entry-id': Buffer; 'recorded-first-entry-id': Buffer; 'entries-added': number; 'entries': [Buffer, Buffer[]][]; 'groups': ({ 'name': Buffer; 'last-delivered-id': Buffer; 'entries-read': null | number; 'lag': null | number; 'pel-count': number; 'pending': [Buffer, Buffer, number, number][]; 'consumers': { 'active-time': number; 'name': Buffer; 'seen-time': number; 'pel-count': number; 'pending': [Buffer, number, number][] }[] })[] }>;
  /** Return the number of messages in a stream. Since 5.0.0. */
  xlen(key: RedisKey): Out<W, number>;
  /** Returns the information and entries from a stream consumer group's pending entries list. Since 5.0.0. */
  xpending(key: RedisKey, group: RedisArg, filters?: { 'IDLE'?: number; 'start': RedisArg; 'end': RedisArg; 'count': number; 'consumer'?: RedisArg }): Out<W, [string, string, number, number][] | [number, string, string, [string, string][]]>;
  /** Bulk strings as Buffers. Returns the information and entries from a stream consumer group's pending entries list. Since 5.0.0. */
  xpendingBuffer(key: RedisKey, group: RedisArg, filters?: { 'IDLE'?: number; 'start': RedisArg; 'end': RedisArg; 'count': number; 'consumer'?: RedisArg }): Out<W, [Buffer, Buffer, number, number][] | [number, Buffer, Buffer, [Buffer, Buffer][]]>;
  /** Returns the messages from a stream within a range of IDs. Since 5.0.0. */
  xrange(key: RedisKey, start: RedisArg, end: RedisArg, options?: XrangeOptions): Out<W, [string, string[]][]>;
  /** Bulk strings as Buffers. Returns the messages from a stream within a range of IDs. Since 5.0.0. */
  xrangeBuffer(key: RedisKey, start: RedisArg, end: RedisArg, options?: XrangeOptions): Out<W, [Buffer, Buffer[]][]>;
  /** Returns messages from multiple streams with IDs greater than the ones requested. Blocks until a message is available otherwise. Since 5.0.0. */
  xread(streams: { 'key': RedisKey[]; 'id': RedisArg[] }, options?: XreadOptions): Out<W, Record<string, [string, string[]][]> | null>;
  /** Bulk strings as Buffers. Returns messages from multiple streams with IDs greater than the ones requested. Blocks until a message is available otherwise. Since 5.0.0. */
  xreadBuffer(streams: { 'key': RedisKey[]; 'id': RedisArg[] }, options?: XreadOptions): Out<W, Record<string, [Buffer, Buffer[]][]> | null>;
  /** Returns new or historical messages from a stream for a consumer in a group. Blocks until a message is available otherwise. Since 5.0.0. */
  xreadgroup(groupBlock: { 'group': RedisArg; 'consumer': RedisArg }, streams: { 'key': RedisKey[]; 'id': RedisArg[] }, options?: XreadgroupOptions): Out<W, null | Record<string, ([string, string[] | null])[]>>;
  /** Bulk strings as Buffers. Returns new or historical messages from a stream for a consumer in a group. Blocks until a message is available otherwise. Since 5.0.0. */
  xreadgroupBuffer(groupBlock: { 'group': RedisArg; 'consumer': RedisArg }, streams: { 'key': RedisKey[]; 'id': RedisArg[] }, options?: XreadgroupOptions): Out<W, null | Record<string, ([Buffer, Buffer[] | null])[]>>;
  /** Returns the messages from a stream within a range of IDs in reverse order. Since 5.0.0. */
  xrevrange(key: RedisKey, end: RedisArg, start: RedisArg, options?: XrevrangeOptions): Out<W, [string, string[]][]>;
  /** Bulk strings as Buffers. Returns the messages from a stream within a range of IDs in reverse order. Since 5.0.0. */
  xrevrangeBuffer(key: RedisKey, end: RedisArg, start: RedisArg, options?: XrevrangeOptions): Out<W, [Buffer, Buffer[]][]>;
  /** An internal command for replicating stream values. Since 5.0.0. */
  xsetid(key: RedisKey, lastId: RedisArg, options?: XsetidOptions): Out<W, 'OK'>;
  /** Deletes messages from the beginning of a stream. Since 5.0.0. */
  xtrim(key: RedisKey, trim: { 'strategy': 'MAXLEN' | 'MINID'; '='?: true; '~'?: true; 'threshold': RedisArg; 'LIMIT'?: number }): Out<W, number>;
  /** Adds one or more members to a sorted set, or updates their scores. Creates the key if it doesn't exist. Since 1.2.0. */
  zadd(key: RedisKey, data: ({ 'score': number | string; 'member': RedisArg })[], options?: ZaddOptions): Out<W, null | number>;
  /** Returns the number of members in a sorted set. Since 1.2.0. */
  zcard(key: RedisKey): Out<W, number>;
  /** Returns the count of members in a sorted set that have scores within a range. Since 2.0.0. */
  zcount(key: RedisKey, min: number | string, max: number | string): Out<W, number>;
  /** Returns the difference between multiple sorted sets. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zdiff(keys: RedisKey[], options?: ZdiffOptions): Out<W, string[] | [string, number][]>;
  /** Bulk strings as Buffers. Returns the difference between multiple sorted sets. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zdiffBuffer(keys: RedisKey[], options?: ZdiffOptions): Out<W, Buffer[] | [Buffer, number][]>;
  /** Stores the difference of multiple sorted sets in a key. Since 6.2.0. */
  zdiffstore(destination: RedisKey, ...keys: RedisKey[]): Out<W, number>;
  /** Increments the score of a member in a sorted set. Since 1.2.0. */
  zincrby(key: RedisKey, increment: number, member: RedisArg): Out<W, number>;
  /** Returns the intersect of multiple sorted sets. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zinter(keys: RedisKey[], options?: ZinterOptions): Out<W, string[] | [string, number][]>;
  /** Bulk strings as Buffers. Returns the intersect of multiple sorted sets. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zinterBuffer(keys: RedisKey[], options?: ZinterOptions): Out<W, Buffer[] | [Buffer, number][]>;
  /** Returns the number of members of the intersect of multiple sorted sets. Since 7.0.0. */
  zintercard(keys: RedisKey[], options?: ZintercardOptions): Out<W, number>;
  /** Stores the intersect of multiple sorted sets in a key. Since 2.0.0. */
  zinterstore(destination: RedisKey, keys: RedisKey[], options?: ZinterstoreOptions): Out<W, number>;
  /** Returns the number of members in a sorted set within a lexicographical range. Since 2.8.9. */
  zlexcount(key: RedisKey, min: RedisArg, max: RedisArg): Out<W, number>;
  /** Returns the highest- or lowest-scoring members from one or more sorted sets after removing them. Deletes the sorted set if the last member was popped. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  zmpop(keys: RedisKey[], where: 'MIN' | 'MAX', options?: ZmpopOptions): Out<W, null | [string, [string, number][]]>;
  /** Bulk strings as Buffers. Returns the highest- or lowest-scoring members from one or more sorted sets after removing them. Deletes the sorted set if the last member was popped. Since 7.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  zmpopBuffer(keys: RedisKey[], where: 'MIN' | 'MAX', options?: ZmpopOptions): Out<W, null | [Buffer, [Buffer, number][]]>;
  /** Returns the score of one or more members in a sorted set. Since 6.2.0. */
  zmscore(key: RedisKey, ...members: RedisArg[]): Out<W, (number | null)[]>;
  /** Returns the highest-scoring members from a sorted set after removing them. Deletes the sorted set if the last member was popped. Since 5.0.0. */
  zpopmax(key: RedisKey, count?: number): Out<W, [string, number] | [string, number][]>;
  /** Bulk strings as Buffers. Returns the highest-scoring members from a sorted set after removing them. Deletes the sorted set if the last member was popped. Since 5.0.0. */
  zpopmaxBuffer(key: RedisKey, count?: number): Out<W, [Buffer, number] | [Buffer, number][]>;
  /** Returns the lowest-scoring members from a sorted set after removing them. Deletes the sorted set if the last member was popped. Since 5.0.0. */
  zpopmin(key: RedisKey, count?: number): Out<W, [string, number] | [string, number][]>;
  /** Bulk strings as Buffers. Returns the lowest-scoring members from a sorted set after removing them. Deletes the sorted set if the last member was popped. Since 5.0.0. */
  zpopminBuffer(key: RedisKey, count?: number): Out<W, [Buffer, number] | [Buffer, number][]>;
  /** Returns one or more random members from a sorted set. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zrandmember(key: RedisKey, options?: { 'count': number; 'WITHSCORES'?: true }): Out<W, null | string | string[] | [string, number][]>;
  /** Bulk strings as Buffers. Returns one or more random members from a sorted set. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zrandmemberBuffer(key: RedisKey, options?: { 'count': number; 'WITHSCORES'?: true }): Out<W, null | Buffer | Buffer[] | [Buffer, number][]>;
  /** Returns members in a sorted set within a range of indexes. Since 1.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zrange(key: RedisKey, start: RedisArg, stop: RedisArg, options?: ZrangeOptions): Out<W, string[] | [string, number][]>;
  /** Bulk strings as Buffers. Returns members in a sorted set within a range of indexes. Since 1.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zrangeBuffer(key: RedisKey, start: RedisArg, stop: RedisArg, options?: ZrangeOptions): Out<W, Buffer[] | [Buffer, number][]>;
  /** Returns members in a sorted set within a lexicographical range. Since 2.8.9.
   * @deprecated Since 6.2.0: ZRANGE with the BYLEX argument. */
  zrangebylex(key: RedisKey, min: RedisArg, max: RedisArg, options?: ZrangebylexOptions): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns members in a sorted set within a lexicographical range. Since 2.8.9.
   * @deprecated Since 6.2.0: ZRANGE with the BYLEX argument. */
  zrangebylexBuffer(key: RedisKey, min: RedisArg, max: RedisArg, options?: ZrangebylexOptions): Out<W, Buffer[]>;
  /** Returns members in a sorted set within a range of scores. Since 1.0.5.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list.
   * @deprecated Since 6.2.0: ZRANGE with the BYSCORE argument. */
  zrangebyscore(key: RedisKey, min: number | string, max: number | string, options?: ZrangebyscoreOptions): Out<W, string[] | [string, number][]>;
  /** Bulk strings as Buffers. Returns members in a sorted set within a range of scores. Since 1.0.5.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list.
   * @deprecated Since 6.2.0: ZRANGE with the BYSCORE argument. */
  zrangebyscoreBuffer(key: RedisKey, min: number | string, max: number | string, options?: ZrangebyscoreOptions): Out<W, Buffer[] | [Buffer, number][]>;
  /** Stores a range of members from sorted set in a key. Since 6.2.0. */
  zrangestore(dst: RedisKey, src: RedisKey, min: RedisArg, max: RedisArg, options?: ZrangestoreOptions): Out<W, number>;
  /** Returns the index of a member in a sorted set ordered by ascending scores. Since 2.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  zrank(key: RedisKey, member: RedisArg, options?: ZrankOptions): Out<W, null | number | [number, number]>;
  /** Removes one or more members from a sorted set. Deletes the sorted set if all members were removed. Since 1.2.0. */
  zrem(key: RedisKey, ...members: RedisArg[]): Out<W, number>;
  /** Removes members in a sorted set within a lexicographical range. Deletes the sorted set if all members were removed. Since 2.8.9. */
  zremrangebylex(key: RedisKey, min: RedisArg, max: RedisArg): Out<W, number>;
  /** Removes members in a sorted set within a range of indexes. Deletes the sorted set if all members were removed. Since 2.0.0. */
  zremrangebyrank(key: RedisKey, start: number, stop: number): Out<W, number>;
  /** Removes members in a sorted set within a range of scores. Deletes the sorted set if all members were removed. Since 1.2.0. */
  zremrangebyscore(key: RedisKey, min: number | string, max: number | string): Out<W, number>;
  /** Returns members in a sorted set within a range of indexes in reverse order. Since 1.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list.
   * @deprecated Since 6.2.0: ZRANGE with the REV argument. */
  zrevrange(key: RedisKey, start: number, stop: number, options?: ZrevrangeOptions): Out<W, string[] | [string, number][]>;
  /** Bulk strings as Buffers. Returns members in a sorted set within a range of indexes in reverse order. Since 1.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list.
   * @deprecated Since 6.2.0: ZRANGE with the REV argument. */
  zrevrangeBuffer(key: RedisKey, start: number, stop: number, options?: ZrevrangeOptions): Out<W, Buffer[] | [Buffer, number][]>;
  /** Returns members in a sorted set within a lexicographical range in reverse order. Since 2.8.9.
   * @deprecated Since 6.2.0: ZRANGE with the REV and BYLEX arguments. */
  zrevrangebylex(key: RedisKey, max: RedisArg, min: RedisArg, options?: ZrevrangebylexOptions): Out<W, string[]>;
  /** Bulk strings as Buffers. Returns members in a sorted set within a lexicographical range in reverse order. Since 2.8.9.
   * @deprecated Since 6.2.0: ZRANGE with the REV and BYLEX arguments. */
  zrevrangebylexBuffer(key: RedisKey, max: RedisArg, min: RedisArg, options?: ZrevrangebylexOptions): Out<W, Buffer[]>;
  /** Returns members in a sorted set within a range of scores in reverse order. Since 2.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list.
   * @deprecated Since 6.2.0: ZRANGE with the REV and BYSCORE arguments. */
  zrevrangebyscore(key: RedisKey, max: number | string, min: number | string, options?: ZrevrangebyscoreOptions): Out<W, string[] | [string, number][]>;
  /** Bulk strings as Buffers. Returns members in a sorted set within a range of scores in reverse order. Since 2.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list.
   * @deprecated Since 6.2.0: ZRANGE with the REV and BYSCORE arguments. */
  zrevrangebyscoreBuffer(key: RedisKey, max: number | string, min: number | string, options?: ZrevrangebyscoreOptions): Out<W, Buffer[] | [Buffer, number][]>;
  /** Returns the index of a member in a sorted set ordered by descending scores. Since 2.0.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings. */
  zrevrank(key: RedisKey, member: RedisArg, options?: ZrevrankOptions): Out<W, null | number | [number, number]>;
  /** Iterates over members and scores of a sorted set. Since 2.8.0. */
  zscan(key: RedisKey, cursor: number, options?: ZscanOptions): Out<W, [string, string[]]>;
  /** Bulk strings as Buffers. Iterates over members and scores of a sorted set. Since 2.8.0. */
  zscanBuffer(key: RedisKey, cursor: number, options?: ZscanOptions): Out<W, [Buffer, Buffer[]]>;
  /** Returns the score of a member in a sorted set. Since 1.2.0. */
  zscore(key: RedisKey, member: RedisArg): Out<W, number | null>;
  /** Returns the union of multiple sorted sets. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zunion(keys: RedisKey[], options?: ZunionOptions): Out<W, string[] | [string, number][]>;
  /** Bulk strings as Buffers. Returns the union of multiple sorted sets. Since 6.2.0.
   * Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list. */
  zunionBuffer(keys: RedisKey[], options?: ZunionOptions): Out<W, Buffer[] | [Buffer, number][]>;
  /** Stores the union of multiple sorted sets in a key. Since 2.0.0. */
  zunionstore(destination: RedisKey, keys: RedisKey[], options?: ZunionstoreOptions): Out<W, number>;
}
