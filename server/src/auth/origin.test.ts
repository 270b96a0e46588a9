import { describe, expect, it } from 'vitest';
import { originAllowed, ownOrigins } from './origin.ts';

const interfaces = [
  { address: '127.0.0.1', family: 'IPv4', internal: true },
  { address: '192.168.1.20', family: 'IPv4', internal: false },
  { address: 'fe80::1c2:3ff:fe04:506', family: 'IPv6', internal: false },
  { address: '2001:db8::20', family: 'IPv6', internal: false },
];

describe('ownOrigins', () => {
  it('on a loopback host is the loopback names at the port, and nothing from the interfaces', () => {
    expect(ownOrigins({ publicUrl: null, host: '127.0.0.1', port: 3000, interfaces }).sort()).toEqual([
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
      'http://localhost:3000',
    ]);
  });

  it('on a wildcard host adds every interface address a browser can use', () => {
    const origins = ownOrigins({ publicUrl: null, host: '0.0.0.0', port: 8080, interfaces });
    expect(origins).toContain('http://192.168.1.20:8080');
    expect(origins).toContain('http://[2001:db8::20]:8080');
    expect(origins).toContain('http://localhost:8080');
    expect(origins.some((o) => o.includes('fe80'))).toBe(false);
  });

  it('on one given address adds that address', () => {
    expect(ownOrigins({ publicUrl: null, host: '10.1.2.3', port: 80, interfaces })).toContain('http://10.1.2.3');
  });

  it('with CQ_PUBLIC_URL is that origin alone', () => {
    expect(
      ownOrigins({ publicUrl: 'https://quest.example.com/some/path', host: '0.0.0.0', port: 3000, interfaces }),
    ).toEqual(['https://quest.example.com']);
  });
});

describe('originAllowed', () => {
  const allowed = ['http://localhost:3000', 'http://localhost:5173'];

  it('lets non-browser clients without an Origin through', () => {
    expect(originAllowed(undefined, allowed)).toBe(true);
    expect(originAllowed('', allowed)).toBe(true);
  });

  it('allows exactly the listed origins, whatever name the request claims to be for', () => {
    expect(originAllowed('http://localhost:3000', allowed)).toBe(true);
    expect(originAllowed('http://localhost:5173', allowed)).toBe(true);
    expect(originAllowed('http://localhost:5173/', allowed)).toBe(false);
    expect(originAllowed('http://evil.example', allowed)).toBe(false);
    expect(originAllowed('null', allowed)).toBe(false);
  });
});
