// Hand-written RESP reply bytes for fake servers; deliberately independent of src/resp.
type Literal = string;

export const resp = {
  simple: (s: string): Literal => `+${s}\r\n`,
  error: (s: string): Literal => `-${s}\r\n`,
  int: (n: number): Literal => `:${n}\r\n`,
  bulk: (s: string | Buffer | null): Literal =>
    s === null ? '$-1\r\n' : `$${Buffer.byteLength(s)}\r\n${typeof s === 'string' ? s : s.toString('latin1')}\r\n`,
  array: (items: readonly Literal[] | null): Literal => (items === null ? '*-1\r\n' : `*${items.length}\r\n${items.join('')}`),
  /** RESP3 map from already-encoded key/value pairs. */
  map: (pairs: readonly (readonly [Literal, Literal])[]): Literal => `%${pairs.length}\r\n${pairs.map(([k, v]) => k + v).join('')}`,
  null3: (): Literal => '_\r\n',
  push: (items: readonly Literal[]): Literal => `>${items.length}\r\n${items.join('')}`,
};
