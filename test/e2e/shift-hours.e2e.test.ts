/**
 * The shop lead sets the shift hours on day one (walk4): in a Chromium whose own language is English,
 * an <input type="time"> shows and takes hours the browser's way (04:00 PM), even in the Chinese
 * options page. The hours are text boxes, shown as the shop writes them (24-hour, 16:00); the lead
 * types them as they say them (16:00, 下午4点, 4:00 PM), and an hour of either half of the day is asked.
 */
import { describe, expect, it } from 'vitest';
import { callFromExtensionPage } from './pages';
import { extensionSuite } from './suite';

// The lead's Chromium speaks English (the options page is in Chinese all the same): its time inputs are 12-hour.
const s = extensionSuite({ page: 'none', launch: { args: ['--lang=en-US'] } });
type Settings = { followups: { dayShift: { start: string; end: string } } };

/** The 跟进 tab of the options page. */
async function followupsTab() {
  await s.ext.goto(s.ext.url().replace(/#.*$/, '') + '#followups');
  await s.ext.reload();
  const form = s.ext.locator('[data-kf="followup-settings"]');
  await form.locator('input[name="dayEnd"]').waitFor();
  return form;
}

/**
 * What a field shows the lead, as Chromium's accessibility tree has it (what a screen reader reads
 * too): its text, and the parts of a time input (Hours, Minutes, AM/PM) if it is one.
 */
async function shownIn(selector: string): Promise<{ text: string; parts: string[] }> {
  const cdp = await s.h.context.newCDPSession(s.ext);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { node } = await cdp.send('DOM.describeNode', { nodeId });
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const field = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
    if (!field) throw new Error(`${selector} is not in the accessibility tree`);
    let text = '';
    const parts: string[] = [];
    const walk = (n: (typeof nodes)[number]) => {
      for (const id of n.childIds ?? []) {
        const child = byId.get(id);
        if (!child) continue;
        if (child.role?.value === 'StaticText') text += String(child.name?.value ?? '');
        if (child.role?.value === 'spinbutton') parts.push(String(child.name?.value ?? ''));
        walk(child);
      }
    };
    walk(field);
    return { text, parts };
  } finally {
    await cdp.detach();
  }
}

/** Types `text` into a field as the lead does: click, select what is there, type. */
async function typeInto(field: ReturnType<typeof s.ext.locator>, text: string) {
  await field.click();
  await s.ext.keyboard.press('Control+A');
  await s.ext.keyboard.type(text);
}

describe('the shift hours in a Chromium set to English', () => {
  it('take 16:00 typed as 16:00, show 8:30 saved as 08:30, and accept a shift past midnight', async () => {
    await callFromExtensionPage(s.ext, 'patchSettings', { followups: { dayShift: { start: '08:00', end: '20:00' } } });
    const form = await followupsTab();
    const start = form.locator('input[name="dayStart"]');
    const end = form.locator('input[name="dayEnd"]');
    expect(await shownIn('input[name="dayEnd"]')).toEqual({ text: '20:00', parts: [] });
    // A box the size of a time (as the cut-off's), not a whole row's line of text.
    for (const box of [start, end]) expect(await box.evaluate((e) => e.getBoundingClientRect().width)).toSatisfy((w: number) => w >= 90 && w <= 200);
    await typeInto(end, '16:00');
    await typeInto(start, '8:30');
    expect(await shownIn('input[name="dayEnd"]')).toEqual({ text: '16:00', parts: [] });
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.locator('[data-kf="status"]').textContent()).toBe('已保存');
    expect((await callFromExtensionPage<Settings>(s.ext, 'getSettings')).followups.dayShift).toEqual({ start: '08:30', end: '16:00' });
    expect(await shownIn('input[name="dayStart"]')).toEqual({ text: '08:30', parts: [] });

    await typeInto(start, '22:00');
    await typeInto(end, '08:00');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.locator('[data-kf="status"]').textContent()).toBe('已保存');
    expect((await callFromExtensionPage<Settings>(s.ext, 'getSettings')).followups.dayShift).toEqual({ start: '22:00', end: '08:00' });
  });

  it('take 4:00 PM typed, show it as 16:00 once left and save 16:00; ask whether 4:00 is 04:00 or 16:00 and save nothing', async () => {
    await callFromExtensionPage(s.ext, 'patchSettings', { followups: { dayShift: { start: '08:00', end: '20:00' } } });
    const form = await followupsTab();
    const start = form.locator('input[name="dayStart"]');
    const end = form.locator('input[name="dayEnd"]');
    await typeInto(end, '4:00');
    await start.click();
    expect(await end.inputValue()).toBe('4:00');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.locator('[data-kf="status"]').textContent()).toBe('没有保存：“白班结束”的「4:00」是 04:00 还是 16:00？请写 04:00 或 16:00。');
    expect(await end.inputValue()).toBe('4:00');
    expect((await callFromExtensionPage<Settings>(s.ext, 'getSettings')).followups.dayShift).toEqual({ start: '08:00', end: '20:00' });

    await typeInto(end, '4:00 PM');
    await start.click();
    expect(await shownIn('input[name="dayEnd"]')).toEqual({ text: '16:00', parts: [] });
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.locator('[data-kf="status"]').textContent()).toBe('已保存');
    expect((await callFromExtensionPage<Settings>(s.ext, 'getSettings')).followups.dayShift).toEqual({ start: '08:00', end: '16:00' });
  });
});
