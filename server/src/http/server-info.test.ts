import { describe, expect, it } from 'vitest';
import { joinUrlOf, type NamedInterfaceAddress } from './server-info.ts';

const lo: NamedInterfaceAddress = { name: 'lo', address: '127.0.0.1', family: 'IPv4', internal: true };
const docker: NamedInterfaceAddress = { name: 'docker0', address: '172.17.0.1', family: 'IPv4', internal: false };
const wifi: NamedInterfaceAddress = { name: 'wlan0', address: '192.168.1.23', family: 'IPv4', internal: false };
const wifi6: NamedInterfaceAddress = { name: 'wlan0', address: '2001:db8::23', family: 'IPv6', internal: false };
const linkLocal: NamedInterfaceAddress = { name: 'wlan0', address: 'fe80::1', family: 'IPv6', internal: false };

describe('joinUrlOf', () => {
  it('uses CQ_PUBLIC_URL when it is set, whatever the interfaces', () => {
    expect(
      joinUrlOf({ publicUrl: 'https://quest.example.com', host: '0.0.0.0', port: 3000, interfaces: [lo, wifi] }),
    ).toEqual({
      joinUrl: 'https://quest.example.com',
      localOnly: false,
    });
  });

  it('picks the Wi-Fi address over a container bridge and loopback on a wildcard host', () => {
    expect(
      joinUrlOf({ publicUrl: null, host: '0.0.0.0', port: 3000, interfaces: [lo, docker, linkLocal, wifi6, wifi] })
        .joinUrl,
    ).toBe('http://192.168.1.23:3000');
  });

  it('brackets an IPv6 address and never offers a link-local one', () => {
    expect(joinUrlOf({ publicUrl: null, host: '::', port: 8080, interfaces: [lo, linkLocal, wifi6] }).joinUrl).toBe(
      'http://[2001:db8::23]:8080',
    );
  });

  it('says when only this machine can reach the server', () => {
    expect(joinUrlOf({ publicUrl: null, host: '0.0.0.0', port: 3000, interfaces: [lo, linkLocal] })).toEqual({
      joinUrl: 'http://127.0.0.1:3000',
      localOnly: true,
    });
    expect(joinUrlOf({ publicUrl: null, host: 'localhost', port: 3000, interfaces: [wifi] })).toEqual({
      joinUrl: 'http://127.0.0.1:3000',
      localOnly: true,
    });
  });

  it('uses a host bound to one routable address as it is', () => {
    expect(joinUrlOf({ publicUrl: null, host: '10.0.0.5', port: 3000, interfaces: [lo, wifi] })).toEqual({
      joinUrl: 'http://10.0.0.5:3000',
      localOnly: false,
    });
  });
});
