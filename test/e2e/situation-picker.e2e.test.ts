/**
 * The 更改 (change situation) list from the keyboard, with real key presses, as QA did it. Escape
 * closes the list and gives the focus back to 更改 (the list stayed open, the focus in it). The list
 * is one Tab stop (it was 25: a situation up to 26 Tabs away): Tab enters it on the situation shown,
 * the arrow keys, Home and End move in it, Enter or Space picks, and the focus goes back to the chat
 * box at its caret, where the agent types on or presses Alt+1 (it went to the chip just chosen, and
 * before that nowhere).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { chatInput, demo, evaluateInPanel, inPanel, openDemoChat, panelFocus } from './pages';
import { extensionSuite } from './suite';

const s = extensionSuite({});

beforeEach(async () => {
  await openDemoChat(s.page, s.h.demoUrl);
  // The list's keys come with the suggest feature script, fetched with the chat page's first read.
  await inPanel(s.page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
  await chatInput(s.page).click();
});

const change = () => inPanel(s.page, '[data-kf="change-situation"]');
const options = () => inPanel(s.page, '.kf-chip-option');
/** The situation of the list's button that has the focus (null: the focus is not on one). */
const focusedOption = () =>
  evaluateInPanel(s.page, (roots) => {
    const el = roots.find((r) => r.activeElement)?.activeElement;
    return el?.classList.contains('kf-chip-option') ? el.getAttribute('data-scenario') : null;
  });
/** The list's situations in their order, and the ones that are a Tab stop. */
const listed = () =>
  evaluateInPanel(s.page, (roots) => {
    const all = roots.flatMap((r) => [...r.querySelectorAll<HTMLElement>('.kf-chip-option')]);
    return { all: all.map((el) => el.getAttribute('data-scenario')!), stops: all.filter((el) => el.tabIndex === 0).map((el) => el.getAttribute('data-scenario')) };
  });
/** The button drawn in the row below (dir 1) or above (-1) `from`, nearest to it sideways. */
const drawnNext = (from: string, dir: 1 | -1) =>
  evaluateInPanel(
    s.page,
    (roots, [id, d]) => {
      const all = roots.flatMap((r) => [...r.querySelectorAll<HTMLElement>('.kf-chip-option')]).map((el) => ({ id: el.getAttribute('data-scenario'), r: el.getBoundingClientRect() }));
      const here = all.find((b) => b.id === id)!.r;
      const mid = (r: DOMRect) => r.left + r.width / 2;
      const rows = [...new Set(all.map((b) => b.r.top))].sort((a, b) => a - b);
      const row = rows[rows.indexOf(here.top) + d];
      return all.filter((b) => b.r.top === row).sort((a, b) => Math.abs(mid(a.r) - mid(here)) - Math.abs(mid(b.r) - mid(here)))[0]?.id ?? null;
    },
    [from, dir] as const,
  );
const chatFocused = () => s.page.evaluate(() => !!document.activeElement?.matches('.chat-editor .chat-input'));
const focusOnOption = () => evaluateInPanel(s.page, (roots) => !!roots.find((r) => r.activeElement)?.activeElement?.classList.contains('kf-chip-option'));

describe('the 更改 situation list', () => {
  it('closes on Escape from a chip, opened from the keyboard, and gives the focus back to 更改', async () => {
    await change().focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => options().count()).toBeGreaterThan(20);
    await s.page.keyboard.press('Tab');
    expect(await focusOnOption()).toBe(true);
    await s.page.keyboard.press('Escape');
    await expect.poll(() => options().count()).toBe(0);
    expect(await panelFocus(s.page)).toBe('change-situation');
    expect(await change().getAttribute('aria-expanded')).toBe('false');
    // The keys are back where they were: Enter opens the list again.
    await s.page.keyboard.press('Enter');
    await expect.poll(() => options().count()).toBeGreaterThan(20);
  });

  it('is a labelled group of buttons and one Tab stop: arrows, Home and End move, Enter picks and the keys go back to the chat box', async () => {
    await s.page.keyboard.type('亲');
    const shown = await evaluateInPanel(s.page, (roots) => roots.map((r) => r.querySelector('[data-kf="situation"] [data-kf="chip"]')).find(Boolean)?.getAttribute('data-scenario') ?? null);
    await change().focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => options().count()).toBeGreaterThan(20);
    const list = inPanel(s.page, '[data-kf="situation-list"]');
    expect(await list.getAttribute('role')).toBe('group');
    expect(await list.getAttribute('aria-label')).toBe('选择情境');
    expect(await evaluateInPanel(s.page, (roots) => roots.some((r) => r.querySelector('[role="listbox"]')))).toBe(false);
    const { all, stops } = await listed();
    // One Tab stop, on the situation shown above the list (else the first).
    const start = shown && all.includes(shown) ? shown : all[0]!;
    expect(stops).toEqual([start]);
    await s.page.keyboard.press('Tab');
    expect(await focusedOption()).toBe(start);

    await s.page.keyboard.press('Home');
    expect(await focusedOption()).toBe(all[0]);
    await s.page.keyboard.press('ArrowRight');
    expect(await focusedOption()).toBe(all[1]);
    await s.page.keyboard.press('ArrowLeft');
    await s.page.keyboard.press('ArrowLeft');
    expect(await focusedOption()).toBe(all.at(-1)); // round the start
    await s.page.keyboard.press('End');
    expect(await focusedOption()).toBe(all.at(-1));
    await s.page.keyboard.press('Home');
    // ↓ goes to the row drawn below, the button nearest sideways; ↑ comes back.
    const below = await drawnNext(all[0]!, 1);
    expect(below).toBeTruthy();
    expect(below).not.toBe(all[1]);
    await s.page.keyboard.press('ArrowDown');
    expect(await focusedOption()).toBe(below);
    const belowThat = await drawnNext(below!, 1);
    await s.page.keyboard.press('ArrowDown');
    expect(await focusedOption()).toBe(belowThat);
    await s.page.keyboard.press('ArrowUp');
    await s.page.keyboard.press('ArrowUp');
    expect(await focusedOption()).toBe(all[0]);
    await s.page.keyboard.press('ArrowUp'); // the first row: stays
    expect(await focusedOption()).toBe(all[0]);

    // Tab leaves the list at once; Shift+Tab comes back to the button the arrows reached.
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('Tab');
    expect(await focusedOption()).toBeNull();
    expect(await options().count()).toBeGreaterThan(20);
    await s.page.keyboard.press('Shift+Tab');
    expect(await focusedOption()).toBe(below);

    await s.page.keyboard.press('Enter');
    await expect.poll(() => options().count()).toBe(0);
    expect(await inPanel(s.page, '[data-kf="situation"] [data-kf="chip"]').getAttribute('data-scenario')).toBe(below);
    // The keys are back in the chat box, at its caret: typing goes on there, and Alt+1 inserts the
    // first reply for the situation picked.
    expect(await panelFocus(s.page)).toBeNull();
    expect(await chatFocused()).toBe(true);
    await s.page.keyboard.type('好');
    expect(await demo.draft(s.page)).toBe('亲好');
    const first = (await inPanel(s.page, '[data-kf="suggestions"] .kf-tpl-body').first().textContent())!;
    await s.page.keyboard.press('Alt+1');
    if (first.includes('【')) {
      // The first reply for the situation picked has fill-ins left (shown as 【活动内容】): Alt+1
      // opens its form with the first fill-in taking the typing; Escape gives the box back as it was.
      await inPanel(s.page, '[data-kf="fill"]').waitFor();
      await s.page.keyboard.press('Escape');
      await expect.poll(() => inPanel(s.page, '[data-kf="fill"]').count()).toBe(0);
      expect(await demo.draft(s.page)).toBe('亲好');
    } else {
      await expect.poll(() => demo.draft(s.page)).toBe(`亲好${first}`);
    }
    expect(await demo.sent(s.page)).toBe(0);
  });

  it('Space picks too; opened again, the list’s Tab stop is the situation picked', async () => {
    await change().focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => options().count()).toBeGreaterThan(20);
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('End');
    const last = await focusedOption();
    await s.page.keyboard.press('Space');
    await expect.poll(() => options().count()).toBe(0);
    expect(await chatFocused()).toBe(true);
    await change().focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => options().count()).toBeGreaterThan(20);
    expect((await listed()).stops).toEqual([last]);
    expect(await inPanel(s.page, `.kf-chip-option[data-scenario="${last}"]`).getAttribute('aria-current')).toBe('true');
    await s.page.keyboard.press('Tab');
    expect(await focusedOption()).toBe(last);
  });

  it('closes on Escape after a click on 更改', async () => {
    await change().click();
    await expect.poll(() => options().count()).toBeGreaterThan(20);
    await s.page.keyboard.press('Tab');
    expect(await focusOnOption()).toBe(true);
    await s.page.keyboard.press('Escape');
    await expect.poll(() => options().count()).toBe(0);
    expect(await panelFocus(s.page)).toBe('change-situation');
  });
});
