import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store.ts';
import { entry, seedSession } from './store-fixtures.ts';
import { scanWal } from './wal-check.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cq-wal-check-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A WAL as SQLite wrote it, copied while its store is open. */
async function realWal(name: string): Promise<Buffer> {
  const file = path.join(root, name, 'chaos-quest.sqlite');
  const store = new SqliteStore(file);
  await seedSession(store, 's1');
  for (let seq = 1; seq <= 30; seq++) await store.append('s1', [entry(seq)]);
  const wal = fs.readFileSync(`${file}-wal`);
  await store.close();
  return wal;
}

/** The checksum as the file format spells it, reading big-endian words: written independently of the scanner. */
function bigEndianSum(data: Buffer, s: [number, number]): [number, number] {
  for (let i = 0; i < data.length; i += 8) {
    s[0] = (s[0] + data.readUInt32BE(i) + s[1]) >>> 0;
    s[1] = (s[1] + data.readUInt32BE(i + 4) + s[0]) >>> 0;
  }
  return s;
}

/** The same WAL re-signed with big-endian checksums (magic 0x377f0683), as a big-endian machine writes it. */
function asBigEndian(wal: Buffer): Buffer {
  const out = Buffer.from(wal);
  out.writeUInt32BE(0x377f0683, 0);
  let sum = bigEndianSum(out.subarray(0, 24), [0, 0]);
  out.writeUInt32BE(sum[0], 24);
  out.writeUInt32BE(sum[1], 28);
  const frameBytes = 24 + out.readUInt32BE(8);
  for (let at = 32; at + frameBytes <= out.length; at += frameBytes) {
    if (out.readUInt32BE(at + 8) !== out.readUInt32BE(16) || out.readUInt32BE(at + 12) !== out.readUInt32BE(20)) break;
    sum = bigEndianSum(out.subarray(at + 24, at + frameBytes), bigEndianSum(out.subarray(at, at + 8), sum));
    out.writeUInt32BE(sum[0], at + 16);
    out.writeUInt32BE(sum[1], at + 20);
  }
  return out;
}

function scanOf(name: string, wal: Buffer) {
  const file = path.join(root, `${name}.sqlite-wal`);
  fs.writeFileSync(file, wal);
  return scanWal(file);
}

describe('scanWal', () => {
  it('finds nothing wrong with a missing WAL or one shorter than its header', () => {
    expect(scanWal(path.join(root, 'none.sqlite-wal'))).toEqual({ bytes: 0, frames: 0, valid: 0, damage: null });
    expect(scanOf('short', Buffer.alloc(20, 7))).toMatchObject({ damage: null });
  });

  it('accepts every frame of a real WAL, in either checksum byte order', async () => {
    const wal = await realWal('both-orders');
    const native = scanOf('native', wal);
    expect(native.frames).toBeGreaterThan(30);
    expect(native).toMatchObject({ valid: native.frames, damage: null });
    expect(scanOf('big-endian', asBigEndian(wal))).toEqual(native);
  });

  it('reports a garbled middle frame in a big-endian WAL, and a torn last one as no damage', async () => {
    const wal = asBigEndian(await realWal('big-endian-damage'));
    const frameBytes = 24 + wal.readUInt32BE(8);
    const garbled = Buffer.from(wal);
    garbled[32 + 10 * frameBytes + 24 + 99] = (garbled[32 + 10 * frameBytes + 24 + 99] as number) ^ 0xff;
    expect(scanOf('garbled', garbled)).toMatchObject({ valid: 10, damage: expect.stringContaining('frame 11 of') });
    expect(scanOf('torn', wal.subarray(0, wal.length - 100))).toMatchObject({ damage: null });
  });

  it('reports a garbled header when frames follow it, since SQLite would then ignore them all', async () => {
    const wal = Buffer.from(await realWal('header'));
    wal[17] = (wal[17] as number) ^ 0xff;
    expect(scanOf('header', wal)).toMatchObject({
      valid: 0,
      damage: expect.stringContaining('header fails its checksum'),
    });
  });
});
