import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, isLoopback, trustFunction } from './client-address.ts';

const request = (remoteAddress: string, forwarded?: string) =>
  ({
    socket: { remoteAddress },
    connection: { remoteAddress },
    headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
  }) as unknown as IncomingMessage;

describe('isLoopback', () => {
  it('is true for this machine in every spelling', () => {
    for (const a of ['127.0.0.1', '127.200.0.9', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::ffff:7f00:1'])
      expect(isLoopback(a), a).toBe(true);
  });

  it('is false for other machines and for anything that is not an address', () => {
    for (const a of [
      '10.0.0.1',
      '192.168.1.2',
      '::ffff:10.0.0.1',
      '::2',
      'fe80::1',
      '203.0.113.7',
      'localhost',
      '',
      '128.0.0.1',
    ]) {
      expect(isLoopback(a), a).toBe(false);
    }
  });
});

describe('clientAddressOf', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted', () => {
    expect(clientAddressOf(trustFunction(false))(request('127.0.0.1', '203.0.113.7'))).toBe('127.0.0.1');
    expect(clientAddressOf(trustFunction(true))(request('127.0.0.1', '203.0.113.7'))).toBe('203.0.113.7');
  });

  it('with a hop count believes that many proxies, and with a list only those addresses', () => {
    expect(clientAddressOf(trustFunction(1))(request('127.0.0.1', '198.51.100.1, 203.0.113.7'))).toBe('203.0.113.7');
    expect(clientAddressOf(trustFunction(2))(request('127.0.0.1', '198.51.100.1, 203.0.113.7'))).toBe('198.51.100.1');
    expect(clientAddressOf(trustFunction(['10.0.0.0/8']))(request('10.1.2.3', '203.0.113.7'))).toBe('203.0.113.7');
    expect(clientAddressOf(trustFunction(['10.0.0.0/8']))(request('192.168.0.9', '203.0.113.7'))).toBe('192.168.0.9');
  });
});
