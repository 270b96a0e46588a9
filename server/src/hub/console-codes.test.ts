import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store.ts';
import { seedSession } from '../store/store-fixtures.ts';
import { CONSOLE_CODE_TTL_MS, ConsoleCodes } from './console-codes.ts';

async function setup() {
  const store = new MemoryStore();
  await seedSession(store, 's1');
  const clock = { now: 1_700_000_000_000 };
  return { store, clock, codes: new ConsoleCodes(store, () => clock.now) };
}

describe('console codes', () => {
  it('takes a code typed in lower case with a dash in it, once', async () => {
    const { codes } = await setup();
    const issued = await codes.issue('s1', 'facilitator');
    expect(issued.code).toMatch(/^[A-Z2-9]{8}$/);
    const typed = ` ${issued.code.slice(0, 4).toLowerCase()}-${issued.code.slice(4)} `;
    expect(await codes.redeem(typed)).toEqual({ sessionId: 's1', kind: 'facilitator' });
    expect(await codes.redeem(issued.code)).toBeNull();
  });

  it('stops a code working once its ten minutes are up', async () => {
    const { codes, clock } = await setup();
    const issued = await codes.issue('s1', 'co-facilitator');
    expect(issued.expiresAt).toBe(clock.now + CONSOLE_CODE_TTL_MS);
    clock.now = issued.expiresAt;
    expect(await codes.redeem(issued.code)).toBeNull();
  });

  it('keeps only the code’s hash in the store', async () => {
    const { store, codes } = await setup();
    const issued = await codes.issue('s1', 'facilitator');
    expect(await store.redeemConsoleCode(issued.code, 0)).toBeNull();
    expect(await codes.redeem(issued.code)).toEqual({ sessionId: 's1', kind: 'facilitator' });
  });

  it('voids the waiting code when revoked or when a new one is shown', async () => {
    const { codes } = await setup();
    const first = await codes.issue('s1', 'facilitator');
    const second = await codes.issue('s1', 'facilitator');
    expect(await codes.redeem(first.code)).toBeNull();
    await codes.revoke('s1', 'facilitator');
    expect(await codes.redeem(second.code)).toBeNull();
  });
});
