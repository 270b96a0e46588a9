import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './axe.ts';
import {
  ARTIFACTS,
  joinLink,
  joinTable,
  openSession,
  person,
  type Person,
  readableTimelineLines,
  smallestDrawnText,
  roleSlot,
  SCREENS,
  screenshot,
  serverAndBrowser,
  SIZES,
  takeRole,
} from './harness.ts';

/**
 * Every screen, as a facilitator, two players and the room's projector see it: the console inside a
 * 1280×800 laptop (asserted by element positions), its shortcuts, the big screen's code, QR code,
 * narration and tally, a page that cannot be missed, critical rolls, and axe-core's accessibility
 * check on every screen. Each screen is saved at phone, laptop and projector sizes.
 */
const FIRST_CHOICE = 'Ask support what the failing customers';

const choice = (page: Page, label: string): Locator => page.locator('li.choice').filter({ hasText: label });

/**
 * Saves the page at each of the three sizes (the whole page, and what a phone shows first), then puts its own size back.
 * The projector's files keep the name they have always had, `-wide`: reviewers compare them across runs.
 */
async function shootSizes(page: Page, name: string): Promise<void> {
  const own = page.viewportSize();
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await screenshot(page, `screens-${name}-${size === 'projector' ? 'wide' : size}`);
    if (size === 'phone') {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${ARTIFACTS}/screens-${name}-phone-top.png`, animations: 'disabled' });
    }
  }
  if (own) await page.setViewportSize(own);
}

/** Elements that stick out past the right edge of the viewport (outside any box that scrolls or clips them). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clipped = (el: Element): boolean => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && !clipped(el))
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
  });
}

/** Whether the element lies wholly inside the viewport as it stands, without scrolling. */
async function inViewport(locator: Locator, viewport: { width: number; height: number }): Promise<boolean> {
  const box = await locator.boundingBox();
  return (
    box !== null &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width &&
    box.y + box.height <= viewport.height
  );
}

describe('every screen at phone, laptop and projector sizes', () => {
  const env = serverAndBrowser();
  let facilitator: Person;
  let pia: Person;
  let lee: Person;
  let screen: Person;
  let joinCode = '';
  const people = () => [facilitator, pia, lee, screen].filter(Boolean);

  it('checks the start page and the join page, and opens a session', async () => {
    facilitator = await person(env.browser, 'facilitator', { viewport: SIZES.laptop });
    const f = facilitator.page;
    joinCode = await openSession(f, env.server.url, /The TTL Trap/, {
      before: async () => {
        expect(await seriousViolations(f)).toEqual([]);
        await shootSizes(f, 'home');
        // A dozen scenarios: on a laptop the button waits at the foot of the screen, naming what it opens.
        await f.evaluate(() => window.scrollTo(0, 0));
        expect(await inViewport(f.getByRole('button', { name: 'Open a session' }), SIZES.laptop)).toBe(true);
        expect(await f.locator('.create-chosen').textContent()).toBe('The TTL Trap');
      },
    });

    pia = await person(env.browser, 'pia', SCREENS.phone);
    await pia.page.goto(joinLink(env.server.url, joinCode));
    await pia.page.getByRole('heading', { name: 'Join a quest' }).waitFor();
    expect(await seriousViolations(pia.page)).toEqual([]);
    await shootSizes(pia.page, 'join');
  });

  it('checks the lobby for the facilitator, a player and the big screen', async () => {
    lee = await person(env.browser, 'lee', { viewport: SIZES.laptop, colorScheme: 'dark' });
    for (const [who, name] of [
      [pia, 'Pia'],
      [lee, 'Lee'],
    ] as const) {
      await joinTable(who.page, joinLink(env.server.url, joinCode), name);
    }
    await takeRole(pia.page, 'On-call SRE');
    await takeRole(lee.page, 'Incident Commander');
    await roleSlot(facilitator.page, 'Incident Commander').getByText('Lee', { exact: true }).waitFor();
    screen = await person(env.browser, 'big screen', { viewport: SIZES.projector });
    await screen.page.goto(`${env.server.url}/#/screen/${joinCode}`);
    await screen.page.locator('.big-code').getByText(joinCode).waitFor();
    for (const [who, name] of [
      [facilitator, 'lobby-console'],
      [pia, 'lobby-player'],
      [lee, 'lobby-player-dark'],
      [screen, 'lobby-big-screen'],
    ] as const) {
      expect(await seriousViolations(who.page)).toEqual([]);
      await shootSizes(who.page, name);
    }
    // The lobby's one job is to start: on a 1280×800 laptop its buttons show without scrolling.
    await facilitator.page.evaluate(() => window.scrollTo(0, 0));
    for (const name of ['Brief the table', 'Start the quest']) {
      const box = await facilitator.page.getByRole('button', { name }).boundingBox();
      expect((box?.y ?? Infinity) + (box?.height ?? 0), name).toBeLessThanOrEqual(SIZES.laptop.height);
    }
  });

  it('fits the scene, its choices, the clock and the run sheet in a 1280×800 laptop without scrolling', async () => {
    const f = facilitator.page;
    await f.getByRole('button', { name: 'Brief the table' }).click();
    await f.getByRole('button', { name: 'Start the quest' }).click();
    await choice(pia.page, FIRST_CHOICE).getByRole('button', { name: 'Vote for this' }).waitFor();
    await choice(f, FIRST_CHOICE).getByRole('button', { name: 'Apply' }).waitFor();

    const controls: Record<string, Locator> = {
      'the scene title': f.locator('.scene-card .scene-title'),
      'the first choice': choice(f, 'Check the API and load balancer'),
      'the last choice and its Apply button': choice(f, FIRST_CHOICE).getByRole('button', { name: 'Apply' }),
      'the game clock': f.locator('.console .clock-time'),
      Pause: f.getByRole('button', { name: 'Pause', exact: true }),
      '+5 min': f.getByRole('button', { name: '+5 min' }),
      'the paced clock': f.getByLabel('Seconds per game minute'),
      'Run the clock': f.getByRole('button', { name: 'Run the clock' }),
      'the run sheet': f.locator('.run-sheet .panel-head'),
      'the next inject': f.locator('.run-sheet .sheet-list li').first(),
      'its Reveal button': f.locator('.run-sheet').getByRole('button', { name: 'Reveal' }).first(),
      'who has not voted': f.locator('.sheet-waiting').getByText('Not voted yet'),
      'the tabs': f.getByRole('tablist', { name: 'Console panels' }),
    };
    const outside: string[] = [];
    for (const [name, locator] of Object.entries(controls))
      if (!(await inViewport(locator, SIZES.laptop))) outside.push(name);
    expect(outside).toEqual([]);
    // The page itself does not scroll: each column scrolls on its own.
    expect(await f.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(SIZES.laptop.height);
    expect(await f.locator('.run-sheet .sheet-list li').first().textContent()).toContain('PAGE to On-call SRE');
    expect(await f.locator('.sheet-waiting').textContent()).toContain('Not voted yet: Pia, Lee');
    expect(await f.locator('.sheet-waiting').textContent()).toContain(
      'Not acknowledged since 09:42 · Customer Support Lead',
    );
    await f.screenshot({ path: `${ARTIFACTS}/screens-console-laptop-viewport.png`, animations: 'disabled' });

    // By position: a tab's name changes with its badge ("People 1 new").
    const tabs = f.getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i++) {
      const tab = await tabs.nth(i).textContent();
      await tabs.nth(i).click();
      expect(await seriousViolations(f), `the ${tab} tab`).toEqual([]);
    }
    await f.getByRole('tab', { name: /^Injects/ }).click();
    // Four injects can be revealed now; one button stands out, the next one's, as on the run sheet.
    const reveal = f.locator('.inject-plan').getByRole('button', { name: 'Reveal now' });
    expect(await reveal.count()).toBeGreaterThan(1);
    expect(await f.locator('.inject-plan .button.primary').count()).toBe(1);
    await shootSizes(f, 'console');
  });

  it('runs the common actions from the keyboard, with a help that lists the shortcuts', async () => {
    const f = facilitator.page;
    await f.locator('body').click({ position: { x: 5, y: 300 } });
    await f.keyboard.press('?');
    const help = f.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Pause or resume the game');
    expect(await seriousViolations(f)).toEqual([]);
    await f.screenshot({ path: `${ARTIFACTS}/screens-console-shortcuts-laptop.png`, animations: 'disabled' });
    await f.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await f.keyboard.press('p');
    await pia.page.locator('.paused-banner').waitFor();
    // The key toggles by the console's own view: press again once that view has paused too.
    await f.locator('.paused-banner').waitFor();
    await f.keyboard.press('p');
    await pia.page.locator('.paused-banner').waitFor({ state: 'detached' });
    await f.keyboard.press('d');
    await expect.poll(() => f.getByRole('tab', { name: 'Dice' }).getAttribute('aria-selected')).toBe('true');
    await expect
      .poll(() => f.evaluate(() => document.activeElement?.id))
      .toBe(await f.getByLabel('Roll for').getAttribute('id'));
    // Typing into a field is typing, not a shortcut.
    await f.keyboard.type('p');
    expect(await f.locator('.paused-banner').count()).toBe(0);
    await f.getByLabel('Roll for').fill('');
  });

  it('puts the code, the QR code, the narration and the vote tally on the big screen', async () => {
    await choice(pia.page, FIRST_CHOICE).getByRole('button', { name: 'Vote for this' }).click();
    const s = screen.page;
    await choice(s, FIRST_CHOICE).getByText('1 vote').waitFor();
    expect(await choice(s, 'Check the API and load balancer').textContent()).toContain('0 votes');
    await s.locator('.big-join-corner').getByText(joinCode).waitFor();
    expect(await s.locator('.big-join-corner svg.qr-code').isVisible()).toBe(true);
    expect(await s.locator('.big-scene h2').textContent()).toContain('Support is drowning');
    expect(await s.locator('.big-scene .narration').textContent()).toContain('#incidents');
    for (const part of [
      '.big-join-corner',
      '.big-scene .narration',
      'li.choice',
      '.big-grid .dashboards',
      '.big-timeline',
    ])
      expect(await inViewport(s.locator(part).first(), SIZES.projector), part).toBe(true);
    // Nobody scrolls a projector: the whole board fits the screen, the newest timeline lines with it.
    expect(await s.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(SIZES.projector.height);
    // The back of the room reads the narration and the choices in large type.
    const size = (selector: string) =>
      s
        .locator(selector)
        .first()
        .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(await size('.big-scene .narration')).toBeGreaterThanOrEqual(24);
    expect(await size('.choice-label')).toBeGreaterThanOrEqual(24);
    // The charts' axes are drawn at their box's font size, and they take the height under the story
    // down to the foot of the board rather than leave it empty.
    expect(await size('.big-dash .metric-plot')).toBeGreaterThanOrEqual(16);
    const bottom = (selector: string) =>
      s
        .locator(selector)
        .first()
        .evaluate((el) => el.getBoundingClientRect().bottom);
    expect(await bottom('.big-dash .panel')).toBeGreaterThan((await bottom('.big-world .big-timeline')) - 4);
    expect(
      await s
        .locator('.big-dash .metric-plot canvas')
        .first()
        .evaluate((el) => el.getBoundingClientRect().height),
    ).toBeGreaterThan(170);
    expect(await seriousViolations(s)).toEqual([]);
    await shootSizes(s, 'big-screen');
  });

  it('shows a page in the tab title and a badge, readable in full before it is acknowledged', async () => {
    const f = facilitator.page;
    await f.locator('body').click({ position: { x: 5, y: 300 } });
    await f.keyboard.press('r');
    const p = pia.page;
    await p.locator('.page-alerts').getByText('PAGE [SEV2] raised by Support').waitFor();
    await expect.poll(() => p.title()).toBe('(1) Paged · The TTL Trap · Chaos Quest');
    await f.locator('.sheet-waiting').getByText('Not acknowledged since 09:42 · On-call SRE').waitFor();
    expect(await p.locator('.page-badge').textContent()).toContain('1 page to acknowledge');
    // Nothing of the text is cut: its box is as tall as its content.
    const text = p.locator('.page-alert p');
    expect(await text.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
    expect(await text.textContent()).toContain('Support bridge: #inc-connectivity');
    expect(await p.getByLabel('Sound and vibration for pages').isChecked()).toBe(false);
    expect(await seriousViolations(p)).toEqual([]);
    await p.screenshot({ path: `${ARTIFACTS}/screens-player-paged-phone-viewport.png`, animations: 'disabled' });

    await p.getByRole('button', { name: 'Acknowledge page' }).click();
    await expect.poll(() => p.title()).toBe('The TTL Trap · Chaos Quest');
    // The page moves into the feed, marked new until it has been on screen a moment.
    await p.locator('.inject-feed .inject.fresh').getByText('PAGE [SEV2] raised by Support').waitFor();
    await p.locator('.inject-feed .inject.fresh').waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => f.locator('.sheet-waiting').textContent()).not.toContain('· On-call SRE');
    // The drawings stay legible at every size: no text under 12 px (a narrow screen pans instead).
    for (const viewport of Object.values(SIZES)) {
      await p.setViewportSize(viewport);
      expect(await smallestDrawnText(p, '.system-diagram svg'), `${viewport.width} px`).toBeGreaterThanOrEqual(11.99);
    }
    await p.setViewportSize(SIZES.phone);
    // On a phone the role card sits below the feed: the role's name at the top opens it in view.
    await p.evaluate(() => window.scrollTo(0, 0));
    const card = p.locator('.role-card');
    expect(await card.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await p.getByRole('button', { name: 'You: On-call SRE' }).click();
    expect(await card.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    await expect.poll(() => inViewport(card.locator('summary'), SIZES.phone)).toBe(true);
    await card.locator('summary').click();
    await p.evaluate(() => window.scrollTo(0, 0));
    await shootSizes(p, 'player');
    expect(await seriousViolations(lee.page)).toEqual([]);
    await shootSizes(lee.page, 'player-dark');
  });

  it('reveals a hidden roll when the facilitator says so; a natural 20 and a natural 1 are moments, with their narration', async () => {
    const f = facilitator.page;
    await f.getByRole('tab', { name: 'Dice' }).click();
    await f.getByLabel('Roll for').fill('Does the cache survive?');
    await f.getByLabel('Target').fill('15');
    await f.getByLabel('Table dice').fill('20');
    await f.getByLabel('Keep it hidden until I reveal it').check();
    await f.getByRole('button', { name: 'Roll', exact: true }).click();
    // Kept from the table: once a later change has reached the big screen, it still shows no roll.
    await f.locator('.hidden-rolls').getByText('Only you see “Does the cache survive?”').waitFor();
    const clock = await screen.page.locator('.clock-time').textContent();
    await f.getByRole('button', { name: '+1 min' }).click();
    await expect.poll(() => screen.page.locator('.clock-time').textContent()).not.toBe(clock);
    expect(await screen.page.locator('.roll-card').count()).toBe(0);
    expect(await pia.page.locator('.roll-card').count()).toBe(0);
    await f.getByRole('button', { name: 'Reveal to the table' }).click();
    for (const who of [facilitator, pia, screen]) {
      const card = who.page.locator('.roll-card.critical-success');
      await card.waitFor();
      expect(await card.locator('.roll-verdict').textContent()).toBe('Critical success');
      expect(await card.textContent()).toContain('against 15');
    }
    await screen.page.screenshot({ path: `${ARTIFACTS}/screens-big-screen-critical-wide.png`, animations: 'disabled' });

    await f.getByLabel('Jump to').selectOption({ label: 'Calling the ISPs' });
    await f.getByRole('button', { name: 'Go', exact: true }).click();
    // A roll from an earlier scene is history: the timeline keeps it, the story column lets it go.
    await screen.page.locator('.big-scene h2').getByText('Calling the ISPs').waitFor();
    expect(await screen.page.locator('.roll-card').count()).toBe(0);
    expect(await pia.page.locator('.roll-card').count()).toBe(0);
    const noc = choice(f, 'Escalate through our transit provider');
    await noc.getByLabel('Table dice (optional)').fill('1');
    await noc.getByRole('button', { name: 'Apply' }).click();
    const told = 'No answer from either. The queue position is 14.';
    for (const who of [pia, screen]) {
      const card = who.page.locator('.roll-card.critical-failure');
      await card.waitFor();
      expect(await card.locator('.roll-verdict').textContent()).toBe('Critical failure');
      // The roll entered this scene: the scene's lead-in tells its outcome, once.
      await who.page.locator('.lead-in').getByText(told).waitFor();
      expect(await card.locator('.roll-narration').count()).toBe(0);
    }
    await f.locator('.scene-card .lead-in').getByText(told).waitFor();
    // Five choices, a long narration and the roll: the projector still shows one whole screen, the
    // verdict and the dashboards on it.
    const s = screen.page;
    expect(await s.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(SIZES.projector.height);
    for (const part of ['.big-story .roll-verdict', '.big-scene .narration', '.big-grid .dashboards', 'li.choice'])
      expect(await inViewport(s.locator(part).last(), SIZES.projector), part).toBe(true);
    // Under the system graph and the whole escalation path, the room still reads the newest timeline lines.
    expect(await readableTimelineLines(s)).toBeGreaterThanOrEqual(2);
    // Five long choices stay in large type: each is as tall as its label, with no empty injects panel under them.
    const zoom = await s.locator('.big-team > div').evaluate((e) => Number((e as HTMLElement).style.zoom || 1));
    expect(zoom).toBeGreaterThanOrEqual(0.8);
    expect(await seriousViolations(screen.page)).toEqual([]);
    await shootSizes(screen.page, 'big-screen-roll');
    await shootSizes(pia.page, 'player-roll');
  });

  it('checks the debrief on every screen, and the metrics', async () => {
    const f = facilitator.page;
    await f.getByRole('tab', { name: 'End' }).click();
    await f
      .getByLabel('Closing narration (optional)')
      .fill('The queue never moves; the team renames around the cache.');
    await f.getByRole('button', { name: 'End the quest…' }).click();
    await f.getByRole('button', { name: /End now/ }).click();
    await f.locator('.outcome-banner').getByText('The queue never moves').waitFor();
    await pia.page.getByLabel('New action item').fill('Lower the TTL before any DNS change');
    await pia.page.getByRole('button', { name: 'Add', exact: true }).click();
    await screen.page.locator('.big-action-items').getByText('Lower the TTL before any DNS change').waitFor();
    expect(await screen.page.locator('.big-screen').textContent()).toContain('The queue never moves');
    // The game is over: no countdown to a level nobody will page now.
    const director = screen.page.locator('.escalation li').filter({ hasText: 'Director of Platform' });
    expect(await director.locator('.escalation-after').textContent()).toBe('not reached');
    for (const [who, name] of [
      [facilitator, 'debrief-console'],
      [pia, 'debrief-player'],
      [screen, 'debrief-big-screen'],
    ] as const) {
      expect(await seriousViolations(who.page)).toEqual([]);
      await shootSizes(who.page, name);
    }
    for (const viewport of Object.values(SIZES)) {
      await pia.page.setViewportSize(viewport);
      expect(await smallestDrawnText(pia.page, '.scenario-map svg'), `${viewport.width} px`).toBeGreaterThanOrEqual(
        11.99,
      );
      // The milestone line is laid out at its panel's width, so its labels are not scaled down with it.
      await expect
        .poll(() => smallestDrawnText(pia.page, '.milestone-strip svg'), { message: `${viewport.width} px` })
        .toBeGreaterThanOrEqual(11.99);
    }
    await pia.page.setViewportSize(SIZES.phone);
    // The phone's debrief fits its width.
    // (The charts follow a resize a frame later, so this waits for the layout to settle.)
    await expect.poll(() => overflowing(pia.page)).toEqual([]);
    expect(await pia.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIZES.phone.width);

    // The whole scenario is wider than the debrief's column on a laptop: it opens legible and
    // scrolls, and "Fit" shows all of it (it used to stop at the drawn size and still scroll).
    await f.setViewportSize(SIZES.laptop);
    const map = f.locator('.map-panel .scenario-map');
    const fit = map.getByRole('button', { name: 'Fit' });
    const whole = () =>
      map
        .locator('.zoom-scroll')
        .evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1);
    await expect.poll(whole).toBe(false);
    expect(await fit.getAttribute('aria-pressed')).toBe('false');
    await fit.click();
    await expect.poll(whole).toBe(true);
    expect(await fit.getAttribute('aria-pressed')).toBe('true');
    await map.screenshot({ path: `${ARTIFACTS}/screens-debrief-path-fit-laptop.png`, animations: 'disabled' });
    await map.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(whole).toBe(false);
    expect(await fit.getAttribute('aria-pressed')).toBe('false');

    await f.getByRole('link', { name: 'Metrics' }).click();
    await f.locator('.metrics-count').waitFor();
    // The one run never reached the figure shown: a sentence says so, where an empty grid had a time axis of years.
    await f.locator('.trend-chart').getByText('No run has reached it yet, so there is no line to draw.').waitFor();
    expect(await f.locator('.trend-chart canvas').count()).toBe(0);
    expect(await seriousViolations(f)).toEqual([]);
    await shootSizes(f, 'metrics');
  });

  it('opened no dialog and logged no errors anywhere', () => {
    expect(people().flatMap((p) => p.dialogs)).toEqual([]);
    expect(people().flatMap((p) => p.errors)).toEqual([]);
  });
});
