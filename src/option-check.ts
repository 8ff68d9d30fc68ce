// Unknown option keys are refused, with the name of what was meant: in plain JavaScript a misspelt or foreign
// option (ioredis's `keyPrefix`, `retryStrategy` …) would otherwise be ignored without a word.
import { brandClasses } from './brand.js';
import { ArgumentError } from './errors.js';

/** An option key that the client does not know. `option` is the key as given. */
export class UnknownOptionError extends ArgumentError {
  constructor(
    readonly owner: string,
    readonly option: string,
    advice: string,
  ) {
    super(`${owner}: unknown option '${option}'${advice}`);
    this.name = 'UnknownOptionError';
  }
}

/**
 * Throws UnknownOptionError for the first key of `options` that `known` lacks. The message says what to use
 * instead: `foreign` (option names of other clients → ours, or why it is not supported), else the closest
 * known key (a typo), else the known keys.
 */
export function checkOptionKeys(owner: string, options: object, known: Readonly<Record<string, unknown>>, foreign: Readonly<Record<string, string>> = {}): void {
  for (const key of Object.keys(options)) {
    if (Object.prototype.hasOwnProperty.call(known, key)) continue;
    const advice = Object.prototype.hasOwnProperty.call(foreign, key) ? foreign[key] : undefined;
    if (advice !== undefined) throw new UnknownOptionError(owner, key, `: ${advice}`);
    const meant = closestKey(key, Object.keys(known));
    throw new UnknownOptionError(owner, key, meant !== undefined ? ` (did you mean '${meant}'?)` : `; known options: ${Object.keys(known).join(', ')}`);
  }
}

/** The known key nearest to `key` (case-insensitive edit distance), if it is near enough to be a typo. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const wanted = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A third of the name may be wrong (at least 2 edits): 'comandTimout' → 'commandTimeout', 'pot' → 'port'.
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** Levenshtein distance (insertions, deletions, substitutions), one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

brandClasses({ UnknownOptionError });
