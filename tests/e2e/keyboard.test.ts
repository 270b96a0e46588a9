import { beforeAll, describe, expect, it } from 'vitest';
import { person, serverAndBrowser, SIZES, type Person } from './harness.ts';

/** The start page and the lobby with the keyboard alone, and a refusal shown where it happened. */
describe('keyboard and errors', () => {
  const env = serverAndBrowser();
  let player: Person;

  beforeAll(async () => {
    player = await person(env.browser, 'keyboard player', { viewport: SIZES.phone, isMobile: true });
  });

  /** Tabs (or shift-tabs) until the focused element has this label or text; fails after 40 steps. */
  async function tabTo(label: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
    for (let i = 0; i < 40; i++) {
      await player.page.keyboard.press(key);
      const focused = await player.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const id = el?.id;
        const text = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent : null;
        return text ?? el?.closest('label')?.querySelector('span')?.textContent ?? el?.textContent ?? '';
      });
      if (focused.trim().startsWith(label)) return;
    }
    throw new Error(`Tab never reached "${label}"`);
  }

  it('shows a refused join code beside the Join button, then joins with the keyboard alone', async () => {
    const response = await fetch(`${env.server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioId: 'dns-ttl-trap' }),
    });
    const { joinCode } = (await response.json()) as { joinCode: string };
    const { page } = player;
    await page.goto(env.server.url);
    await page.getByRole('heading', { name: 'Join a quest' }).waitFor();

    await tabTo('Join code');
    await page.keyboard.type('ZZZZ22');
    await tabTo('Your name');
    await page.keyboard.type('Kim');
    await page.keyboard.press('Enter');
    const refusal = page.locator('.join-form').getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('No running session has the join code ZZZZ22');
    // The browser logs the refused request itself; that one is expected here.
    player.errors.length = 0;

    await tabTo('Join code', 'Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(joinCode.toLowerCase());
    await page.keyboard.press('Enter');
    await page.getByText('Welcome, Kim.').waitFor();

    await tabTo('Take this role');
    await page.keyboard.press('Enter');
    await page.getByText('Your role', { exact: true }).first().waitFor();
    expect(player.errors).toEqual([]);
  });

  it('shows every focused control with a visible outline', async () => {
    await tabTo('Raise hand');
    const outline = await player.page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');
  });
});
