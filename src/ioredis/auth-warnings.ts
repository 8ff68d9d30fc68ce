// ioredis connects despite three AUTH refusals that only mean the password option is not needed (or is given
// in a form the server cannot take), and says so on the console instead of failing: the same here, same words.
import type { ReplyError } from '../errors.js';

const TOLERATED: ReadonlyArray<readonly [fragment: string, warning: string]> = [
  ['no password is set', '[WARN] Redis server does not require a password, but a password was supplied.'],
  [
    'without any password configured for the default user',
    "[WARN] This Redis server's `default` user does not require a password, but a password was supplied",
  ],
  [
    "wrong number of arguments for 'auth' command",
    `[ERROR] The server returned "wrong number of arguments for 'auth' command". You are probably passing both username and password to Redis version 5 or below. You should only pass the 'password' option for Redis version 5 and under.`,
  ],
];

/** The core's `acceptAuthError`: true (after a console warning) for the refusals ioredis connects through. */
export function acceptIoAuthError(error: ReplyError): boolean {
  const tolerated = TOLERATED.find(([fragment]) => error.message.includes(fragment));
  if (tolerated === undefined) return false;
  console.warn(tolerated[1]);
  return true;
}
