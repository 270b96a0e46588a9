import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig: the HTTP edge variables', () => {
  it('is open-by-default-safe: no public URL, no trusted proxy, no admin key', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ publicUrl: null, trustProxy: false, adminKey: null, allowedOrigins: null });
  });

  it('keeps only the origin of CQ_PUBLIC_URL, and refuses what is not an http(s) URL', () => {
    expect(loadConfig({ CQ_PUBLIC_URL: 'https://Quest.Example.com:443/play/' }).publicUrl).toBe(
      'https://quest.example.com',
    );
    expect(() => loadConfig({ CQ_PUBLIC_URL: 'quest.example.com' })).toThrow(
      /CQ_PUBLIC_URL must be the URL people open/,
    );
    expect(() => loadConfig({ CQ_PUBLIC_URL: 'ftp://quest.example.com' })).toThrow(/http:\/\/ or https:\/\//);
  });

  it('reads CQ_TRUST_PROXY as on/off, a hop count, or a list, and refuses an address that does not parse', () => {
    expect(loadConfig({ CQ_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ CQ_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ CQ_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ CQ_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => loadConfig({ CQ_TRUST_PROXY: 'my-proxy.internal' })).toThrow(/CQ_TRUST_PROXY must be/);
  });

  it('keeps the studio off unless CQ_STUDIO=1, and refuses a value that is neither 1 nor 0', () => {
    expect(loadConfig({}).studio).toBe(false);
    expect(loadConfig({ CQ_STUDIO: '0' }).studio).toBe(false);
    expect(loadConfig({ CQ_STUDIO: '1' }).studio).toBe(true);
    expect(() => loadConfig({ CQ_STUDIO: 'yes' })).toThrow(/CQ_STUDIO must be 1 \(on\) or 0 \(off\)/);
  });
});
