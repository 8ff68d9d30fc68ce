// The RESP codec: pure bytes <-> values, no I/O.
export { encodeCommand } from './encoder.js';
export { RespDecoder } from './decoder.js';
export type { RedisArg, EncodedCommand, DecoderHandlers, DecoderOptions } from './types.js';
