import fs from 'node:fs';
import os from 'node:os';

/** WAL header magic: the low bit says whether checksums read words big-endian (1) or little-endian (0). */
const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;
const WAL_VERSION = 3007000;
const HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const NATIVE_BIG_ENDIAN = os.endianness() === 'BE';

/** What a scan of a WAL file found; `damage` is null when SQLite will read everything that committed. */
export interface WalScan {
  bytes: number;
  /** Whole frames in the file, valid or not. */
  frames: number;
  /** Frames SQLite will accept, from the start: those up to the first one that fails. */
  valid: number;
  damage: string | null;
}

/**
 * Scans `wal` (a SQLite WAL file, https://www.sqlite.org/fileformat2.html#walformat) for damage
 * that SQLite would hide. SQLite replays frames up to the first whose salts or cumulative checksum
 * do not match and silently ignores the rest: right for a frame torn by a crash (always the last),
 * wrong when a frame in the middle was garbled, because every commit after it vanishes. So a frame
 * that fails and is followed by further frames carrying the header's salts is damage. A missing or
 * short file, and a torn or failing last frame, are not. Reads synchronously: it runs once, before
 * the database is opened.
 */
export function scanWal(wal: string): WalScan {
  let fd: number;
  try {
    fd = fs.openSync(wal, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { bytes: 0, frames: 0, valid: 0, damage: null };
    throw error;
  }
  try {
    return scanOpen(fd, fs.fstatSync(fd).size);
  } finally {
    fs.closeSync(fd);
  }
}

function scanOpen(fd: number, bytes: number): WalScan {
  const clean = (frames: number, valid: number): WalScan => ({ bytes, frames, valid, damage: null });
  if (bytes < HEADER_BYTES) return clean(0, 0);
  const header = readAt(fd, HEADER_BYTES, 0);
  const magic = header.readUInt32BE(0);
  const pageSize = pageSizeOf(header.readUInt32BE(8));
  const frameBytes = FRAME_HEADER_BYTES + pageSize;
  const headerOk = (magic === MAGIC_LE || magic === MAGIC_BE) && header.readUInt32BE(4) === WAL_VERSION && pageSize > 0;
  if (!headerOk) {
    // A torn header with nothing after it is a crash while starting the log; with frames after it, SQLite drops them all.
    const damage =
      bytes >= HEADER_BYTES + FRAME_HEADER_BYTES + 512
        ? 'its header is not a valid WAL header, so SQLite would ignore every frame in it'
        : null;
    return { bytes, frames: 0, valid: 0, damage };
  }
  const bigEndian = magic === MAGIC_BE;
  const frames = Math.floor((bytes - HEADER_BYTES) / frameBytes);
  const salts = [header.readUInt32BE(16), header.readUInt32BE(20)] as const;
  let sum = checksum(header.subarray(0, 24), [0, 0], bigEndian);
  if (sum[0] !== header.readUInt32BE(24) || sum[1] !== header.readUInt32BE(28)) {
    return {
      bytes,
      frames,
      valid: 0,
      damage: frames > 0 ? 'its header fails its checksum, so SQLite would ignore every frame in it' : null,
    };
  }
  const buffer = Buffer.alloc(frameBytes);
  for (let i = 0; i < frames; i++) {
    const at = HEADER_BYTES + i * frameBytes;
    fs.readSync(fd, buffer, 0, frameBytes, at);
    const ownSalts = buffer.readUInt32BE(8) === salts[0] && buffer.readUInt32BE(12) === salts[1];
    const next = ownSalts
      ? checksum(buffer.subarray(FRAME_HEADER_BYTES), checksum(buffer.subarray(0, 8), sum, bigEndian), bigEndian)
      : null;
    if (next && next[0] === buffer.readUInt32BE(16) && next[1] === buffer.readUInt32BE(20)) {
      sum = next;
      continue;
    }
    const later = laterFramesOfThisLog(fd, bytes, frameBytes, i + 1, salts);
    if (later === 0) return clean(frames, i);
    const why = ownSalts ? 'fails its checksum' : 'does not carry the salts of this log';
    return {
      bytes,
      frames,
      valid: i,
      damage:
        `frame ${i + 1} of ${frames} ${why}, yet ${later} later frame(s) belong to the same log: frames were garbled on disk, ` +
        `not torn by a crash, and SQLite would silently drop every commit after frame ${i}`,
    };
  }
  return clean(frames, frames);
}

/** Frames after `from` (whole, or a torn last one with its header) that carry the log's salts. */
function laterFramesOfThisLog(
  fd: number,
  bytes: number,
  frameBytes: number,
  from: number,
  salts: readonly [number, number],
): number {
  const head = Buffer.alloc(FRAME_HEADER_BYTES);
  let count = 0;
  for (let at = HEADER_BYTES + from * frameBytes; at + FRAME_HEADER_BYTES <= bytes; at += frameBytes) {
    fs.readSync(fd, head, 0, FRAME_HEADER_BYTES, at);
    if (head.readUInt32BE(8) === salts[0] && head.readUInt32BE(12) === salts[1]) count++;
  }
  return count;
}

/** SQLite stores a 65536-byte page size as 1; anything that is not a power of two from 512 is no page size. */
function pageSizeOf(raw: number): number {
  const size = raw === 1 ? 65536 : raw;
  return size >= 512 && size <= 65536 && (size & (size - 1)) === 0 ? size : 0;
}

function readAt(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  fs.readSync(fd, buffer, 0, length, position);
  return buffer;
}

/** SQLite's WAL checksum: two running sums over the data as 32-bit words, continued from `start`. */
function checksum(data: Buffer, start: readonly [number, number], bigEndian: boolean): [number, number] {
  let s0 = start[0];
  let s1 = start[1];
  const words = data.byteLength >>> 2;
  if (bigEndian === NATIVE_BIG_ENDIAN && data.byteOffset % 4 === 0) {
    // The common case (a WAL written on this kind of machine): read words in place, several times faster.
    const native = new Uint32Array(data.buffer, data.byteOffset, words);
    for (let i = 0; i + 1 < words; i += 2) {
      s0 = (s0 + (native[i] as number) + s1) >>> 0;
      s1 = (s1 + (native[i + 1] as number) + s0) >>> 0;
    }
    return [s0, s1];
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i + 8 <= data.byteLength; i += 8) {
    s0 = (s0 + view.getUint32(i, !bigEndian) + s1) >>> 0;
    s1 = (s1 + view.getUint32(i + 4, !bigEndian) + s0) >>> 0;
  }
  return [s0, s1];
}
