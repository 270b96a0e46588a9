import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import {
  joinLink,
  joinTable,
  openSession,
  person,
  type Person,
  roleSlot,
  SCREENS,
  screenshot,
  serverAndBrowser,
  SIZES,
} from './harness.ts';

/**
 * People and seats in real Chromium against the real server: the lobby's roles and ready check, a
 * page to a role nobody plays reaching the facilitator, a late joiner seated mid-game, a player who
 * rejoins on a second device and gets their seat back, the console handed to a second browser, the
 * game pausing by itself when the console drops, and a locked table that newcomers only watch.
 * (Fourteen people joining from one address is tests/e2e/table.test.ts.)
 */
const { phone: PHONE, laptop: LAPTOP } = SCREENS;

/** Screenshots of one page at the laptop and projector widths (it keeps its own size after). */
async function laptopAndWide(page: Page, file: string): Promise<void> {
  await screenshot(page, `${file}-laptop`);
  await page.setViewportSize(SIZES.projector);
  await screenshot(page, `${file}-wide`);
  await page.setViewportSize(LAPTOP.viewport);
}

describe('people and seats at the table', () => {
  const env = serverAndBrowser();
  let facilitator: Person;
  let ana: Person;
  let bo: Person;
  let cy: Person;
  let anaAgain: Person;
  let tablet: Person;
  let link = '';
  let consoleUrl = '';
  const people: Person[] = [];

  const join = (who: Person, name: string, arrived?: string) => joinTable(who.page, link, name, arrived);
  const someone = async (name: string, options: BrowserContextOptions = LAPTOP) => {
    const who = await person(env.browser, name, options);
    people.push(who);
    return who;
  };

  it('shows role descriptions, open roles and a visible choice to share a role, then a ready check', async () => {
    facilitator = await someone('facilitator');
    const f = facilitator.page;
    const code = await openSession(f, env.server.url, /The TTL Trap/);
    link = joinLink(env.server.url, code);
    consoleUrl = f.url();
    // The answer to the puzzle stays covered on a console that may be screen-shared.
    expect(await f.getByText('Stale').count()).toBe(0);
    expect(await f.getByRole('button', { name: 'Show the fault (spoiler)' }).isVisible()).toBe(true);

    ana = await someone('ana', PHONE);
    bo = await someone('bo');
    await join(ana, 'Ana', 'Welcome, Ana.');
    await join(bo, 'Bo', 'Welcome, Bo.');
    const ic = roleSlot(ana.page, 'Incident Commander');
    expect(await ic.locator('.role-brief').textContent()).toMatch(/\w/);
    await ana.page.getByText('4 of 4 roles still open.').waitFor();
    await ic.getByRole('button', { name: 'Take this role' }).click();
    await ic.getByText('Your role').waitFor();
    // Bo sees whom he would share the role with before he does.
    await roleSlot(bo.page, 'Incident Commander')
      .getByRole('button', { name: 'Join Ana as Incident Commander' })
      .waitFor();
    await bo.page.getByText('3 of 4 roles still open.').waitFor();
    await roleSlot(bo.page, 'Network Engineer').getByRole('button', { name: 'Take this role' }).click();
    await screenshot(ana.page, 'seats-lobby-roles-phone');

    await f.getByRole('button', { name: 'Brief the table' }).click();
    await f.getByText('0 of 2 ready.').waitFor();
    await ana.page.getByRole('button', { name: 'I am ready' }).click();
    await f.getByText('1 of 2 ready.').waitFor();
    await f.locator('.empty-roles').getByText('Nobody plays On-call SRE, Customer Support Lead.').waitFor();
    await screenshot(ana.page, 'seats-briefing-ready-phone');
    await laptopAndWide(f, 'seats-briefing-console');
  });

  it('brings a page for a role nobody plays to the facilitator, marked as such', async () => {
    const f = facilitator.page;
    await f.getByRole('button', { name: 'Start the quest' }).click();
    // In play, the people, their seats and what reached only the facilitator sit in the console's People tab.
    await f.getByRole('tab', { name: /People/ }).click();
    const empty = f.locator('.empty-roles');
    // The support queue's page fires at the start, to the Customer Support Lead nobody plays.
    await empty.getByText('Page for Customer Support Lead, reached only you').waitFor();
    await empty.getByText(/Zendesk alert/).waitFor();
    expect(await ana.page.getByText(/Zendesk alert/).count()).toBe(0);
    await laptopAndWide(f, 'seats-empty-role-console');
  });

  it('seats a late joiner mid-game from the console', async () => {
    cy = await someone('cy', PHONE);
    await join(cy, 'Cy', 'You have no role');
    const f = facilitator.page;
    await f.getByLabel('Role for Cy').selectOption({ label: 'Customer Support Lead' });
    // The page that waited for the role now reaches Cy, and no longer only the facilitator.
    await cy.page.getByRole('button', { name: 'Acknowledge page' }).first().waitFor();
    await f.locator('.empty-roles').getByText('Page for Customer Support Lead').waitFor({ state: 'detached' });
    await screenshot(cy.page, 'seats-late-joiner-phone');
  });

  it('gives a player who rejoins on another device their seat back, once the facilitator agrees', async () => {
    anaAgain = await someone('ana-laptop');
    await join(anaAgain, 'Ana', 'already sits at this table as Incident Commander');
    await anaAgain.page.getByRole('button', { name: 'I am Ana: ask for my seat' }).click();
    await anaAgain.page.getByText('You asked for Ana’s seat back').waitFor();
    await screenshot(anaAgain.page, 'seats-claim-laptop');
    const f = facilitator.page;
    await f.getByText('Ana (2) says they are Ana (Incident Commander) on a new device').waitFor();
    await screenshot(f, 'seats-claim-console-laptop');
    await f.getByRole('button', { name: 'Give Ana their seat back' }).click();
    await anaAgain.page.locator('.role-card').getByText('Incident Commander').first().waitFor();
    await ana.page.getByRole('heading', { name: 'Your seat moved to another device' }).waitFor();
    await screenshot(ana.page, 'seats-moved-away-phone');
    await expect.poll(() => f.locator('.people-list li').count()).toBe(3);
  });

  it('hands the console to a second browser with a one-time code; the first one lets go', async () => {
    const f = facilitator.page;
    // A co-facilitator code shown and then taken back: the code goes, and the console says what happened.
    await f.getByRole('button', { name: 'Invite a co-facilitator' }).click();
    await f.locator('.code-display').waitFor();
    await f.getByRole('button', { name: 'Dismiss co-facilitators' }).click();
    await f.getByRole('status').getByText('Co-facilitators dismissed').waitFor();
    expect(await f.locator('.code-display').count()).toBe(0);
    await f.getByRole('button', { name: 'Hand over the console' }).click();
    const shown = (await f.locator('.code-display').textContent()) ?? '';
    expect(shown).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await laptopAndWide(f, 'seats-handover-code-console');
    expect(await f.getByRole('button', { name: /^Shortcuts/ }).isVisible()).toBe(true);
    // A touch screen the size of a laptop: it has no keyboard to use the shortcuts with.
    tablet = await someone('tablet', { ...LAPTOP, hasTouch: true, isMobile: true });
    await tablet.page.goto(env.server.url);
    await tablet.page.getByRole('heading', { name: 'Take over a console' }).waitFor();
    await tablet.page.getByText('The console’s device is gone').click();
    await laptopAndWide(tablet.page, 'seats-take-console-home');
    await tablet.page.setViewportSize(PHONE.viewport);
    await screenshot(tablet.page, 'seats-take-console-home-phone');
    await tablet.page.setViewportSize(LAPTOP.viewport);
    await tablet.page.getByLabel('Console code').fill(shown);
    await tablet.page.getByRole('button', { name: 'Take the console' }).click();
    await tablet.page.getByRole('tab', { name: /People/ }).click();
    await tablet.page.getByRole('heading', { name: 'Joining and the console' }).waitFor();
    expect(await tablet.page.getByRole('button', { name: /^Shortcuts/ }).isVisible()).toBe(false);
    await f.getByRole('heading', { name: 'The console moved to another device' }).waitFor();
    await screenshot(f, 'seats-console-moved-laptop');
    expect(tablet.page.url()).toBe(consoleUrl);
  });

  it('pauses by itself when the console drops, and says so to everyone', async () => {
    const t = tablet.page;
    await t.goto('about:blank');
    await anaAgain.page.locator('.auto-paused').waitFor({ timeout: 40_000 });
    await cy.page.locator('.auto-paused').waitFor();
    await screenshot(cy.page, 'seats-auto-paused-phone');
    await t.goto(consoleUrl);
    await t
      .locator('.auto-paused')
      .getByText(/paused by itself/)
      .waitFor();
    await laptopAndWide(t, 'seats-auto-paused-console');
    await t.getByRole('button', { name: 'Resume the game' }).click();
    await cy.page.locator('.auto-paused').waitFor({ state: 'detached' });
  });

  it('lets a newcomer only watch once joining is locked', async () => {
    const t = tablet.page;
    await t.getByRole('tab', { name: /People/ }).click();
    // The box shows the session's setting: it turns checked when the server's view says so.
    await t.getByLabel(/Lock joining/).click();
    await expect.poll(() => t.getByLabel(/Lock joining/).isChecked()).toBe(true);
    const dee = await someone('dee', PHONE);
    await join(dee, 'Dee', 'You are watching');
    await t.locator('.people-list').getByText('watching').waitFor();
    await screenshot(dee.page, 'seats-watching-phone');
    await t.getByRole('button', { name: 'Seat at the table' }).click();
    await dee.page.getByText('You are watching').waitFor({ state: 'detached' });
    for (const who of people) {
      expect(who.errors).toEqual([]);
      expect(who.dialogs).toEqual([]);
    }
  });
});
