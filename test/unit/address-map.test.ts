import { describe, expect, it } from 'vitest';
import { checkAddressMap, mapAddress } from '../../src/address-map.js';
import { ArgumentError } from '../../src/errors.js';

describe('nodeAddressMap', () => {
  it('maps announced addresses by host:port (IPv6 in brackets); others are used as announced', () => {
    const map = checkAddressMap('T', { '10.0.0.1:6379': { host: 'localhost', port: 16379 }, '[fd00::1]:7000': { host: '127.0.0.1', port: 17000 } });
    expect(mapAddress(map, { host: '10.0.0.1', port: 6379 })).toEqual({ host: 'localhost', port: 16379 });
    expect(mapAddress(map, { host: 'fd00::1', port: 7000 })).toEqual({ host: '127.0.0.1', port: 17000 });
    expect(mapAddress(map, { host: '10.0.0.1', port: 6380 })).toEqual({ host: '10.0.0.1', port: 6380 });
    expect(mapAddress(undefined, { host: 'a', port: 1 })).toEqual({ host: 'a', port: 1 });
  });

  it('does not read inherited keys of an object map', () => {
    const map = checkAddressMap('T', {});
    expect(mapAddress(map, { host: '__proto__', port: 1 })).toEqual({ host: '__proto__', port: 1 });
    expect(mapAddress(map, { host: 'constructor', port: 1 })).toEqual({ host: 'constructor', port: 1 });
  });

  it('calls a function map with the key and the parts; undefined or null keeps the address; a bad answer is refused', () => {
    const calls: unknown[] = [];
    const map = checkAddressMap('T', (key: string, parts: { host: string; port: number }) => {
      calls.push([key, parts]);
      if (parts.port === 1) return { host: 'h', port: 2 };
      if (parts.port === 3) return { host: '', port: 0 };
      return parts.port === 4 ? null : undefined;
    });
    expect(mapAddress(map, { host: 'x', port: 1 })).toEqual({ host: 'h', port: 2 });
    expect(mapAddress(map, { host: 'x', port: 4 })).toEqual({ host: 'x', port: 4 });
    expect(mapAddress(map, { host: 'x', port: 5 })).toEqual({ host: 'x', port: 5 });
    expect(() => mapAddress(map, { host: 'x', port: 3 })).toThrow(ArgumentError);
    expect(calls[0]).toEqual(['x:1', { host: 'x', port: 1 }]);
  });

  it('refuses maps that are not objects of { host, port } or functions', () => {
    for (const bad of [1, 'x', [], null, { a: { host: 'h' } }, { a: { host: 'h', port: 70000 } }, { a: null }]) {
      expect(() => checkAddressMap('T', bad)).toThrow(ArgumentError);
    }
  });
});
