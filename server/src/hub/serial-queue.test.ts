import { describe, expect, it } from 'vitest';
import type { Command } from '@chaos-quest/engine';
import { RecentKeys } from './recent-keys.ts';
import { SerialQueue } from './serial-queue.ts';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SerialQueue', () => {
  it('runs tasks one at a time in queue order, even when earlier ones are slower', async () => {
    const queue = new SerialQueue();
    const order: string[] = [];
    const task = (name: string, ms: number) => async () => {
      order.push(`start ${name}`);
      await pause(ms);
      order.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([queue.run(task('a', 20)), queue.run(task('b', 1)), queue.run(task('c', 5))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(queue.idle).toBe(true);
  });

  it('keeps going after a task fails', async () => {
    const queue = new SerialQueue();
    const failed = queue.run(async () => {
      throw new Error('disk full');
    });
    const next = queue.run(async () => 'next');
    await expect(failed).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('next');
  });
});

describe('RecentKeys', () => {
  it('forgets the oldest key beyond its limit', () => {
    const keys = new RecentKeys(2);
    const command = (id: string) => ({ id, type: 'hand.raise' }) as unknown as Command;
    keys.set('a', { seq: 1, command: command('a') });
    keys.set('b', { seq: 2, command: command('b') });
    keys.set('c', { seq: 3, command: command('c') });
    expect([keys.get('a'), keys.get('b'), keys.get('c')].map((k) => k?.seq)).toEqual([undefined, 2, 3]);
  });
});
