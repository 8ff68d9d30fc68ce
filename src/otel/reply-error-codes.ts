// The error prefixes Redis and Valkey send, as data: the only server error codes telemetry ever shows.
//
// Derived from the sources of Redis 7.4.1 and Valkey 8.0.1 (src/*.c): every reply built as `"-CODE message"`
// (shared error objects in server.c, addReplyError* / rejectCommand* strings that start with '-', the
// cluster MOVED / ASK / TRYAGAIN / CLUSTERDOWN / CROSSSLOT replies), plus `ERR`, which the server prepends
// to every other error. A server error whose first word is not listed here (a Lua `redis.error_reply(...)`,
// a module's own prefix, an argument echoed at the start of a message) is reported as `ERR`: the first word
// of a message can be anything a caller sent, so it must never become a span attribute or a metric label.
const SERVER_ERROR_CODES: ReadonlySet<string> = new Set([
  'ERR',
  // data and commands
  'WRONGTYPE', 'BUSYKEY', 'NOGROUP', 'BUSYGROUP', 'INVALIDOBJ', 'EXECABORT', 'NOPROTO', 'NOSUB',
  // scripts and functions
  'NOSCRIPT', 'BUSY', 'NOTBUSY', 'UNKILLABLE',
  // authentication and ACL
  'NOAUTH', 'WRONGPASS', 'NOPERM', 'DENIED',
  // cluster
  'MOVED', 'ASK', 'TRYAGAIN', 'CLUSTERDOWN', 'CROSSSLOT', 'REDIRECT',
  // server state and replication
  'LOADING', 'READONLY', 'MASTERDOWN', 'NOMASTERLINK', 'MISCONF', 'NOREPLICAS', 'OOM', 'IOERR', 'UNBLOCKED',
  // sentinel
  'NOGOODSLAVE', 'NOQUORUM', 'INPROG',
]);

/** `code` (the first word of a server error) if Redis or Valkey send it, else `ERR`. */
export function knownServerErrorCode(code: string): string {
  return SERVER_ERROR_CODES.has(code) ? code : 'ERR';
}
