/**
 * A follow-up's notes are a running log (calls, promises) and are never cut (lib/domain/followups/
 * notes.ts). QA L added six notes to one to-do: the popup and the handover CSV had lost the first two
 * lines, the kept text starting mid-line — the item kept only its last 2,000 characters. Now every
 * note stays whole, and one that no longer fits the item's 5,000 is refused whole in the popup (N),
 * saying how much room is left and what to do instead.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, openPopup } from './pages';
import { extensionSuite } from './suite';

const FIRST = '第一次回电：没人接，晚上再打';
/** One call record of about 500 characters (the popup's longest note), numbered. */
const record = (i: number) => `第${i}次回电：` + '买家说在开会，让我过一会儿再打过去确认退款金额。'.repeat(30).slice(0, 490);

let popup: Page;
let id: string;

const s = extensionSuite({ page: 'none' });
beforeAll(async () => {
  const item = await callFromExtensionPage<{ id: string }>(s.ext, 'addFollowup', { kind: 'manual', title: '回访王女士', note: FIRST, dueAt: Date.now() - 60_000 });
  id = item.id;
  // Ten more records: 5,000 characters less a few, far past the 2,000 the item used to keep.
  for (let i = 2; i <= 11; i++) await callFromExtensionPage(s.ext, 'updateFollowup', { id, action: 'note', text: record(i) });
  popup = await openPopup(s.h);
});

const row = () => popup.locator('[data-kf="followup"]', { hasText: '回访王女士' }).first();
const notes = () => row().locator('[data-kf="followup-note"]').textContent();

describe('notes on one follow-up', () => {
  it('keeps the first note of a long log, and refuses a note that does not fit with the room left, losing nothing', async () => {
    // 4,986 characters stored (14 + ten records and their line breaks): 13 left for one more note.
    await expect.poll(notes).toContain(FIRST);
    expect((await notes())!.startsWith(FIRST)).toBe(true);
    await row().click();
    await popup.keyboard.press('n');
    const input = row().locator('[data-kf="note-input"]');
    const late = '第十二次回电：答应明天上午十点前把退款办好';
    await popup.keyboard.insertText(late);
    await expect
      .poll(() => row().locator('[data-kf="notes-full"]').textContent())
      .toBe(`这项跟进的备注合计最多 5000 个字，只剩 13 个字的位置，这条有 ${late.length} 个字，没有保存，前面的备注都还在。请缩短这条；要接着记，请把这项标为完成（D），再新建一项跟进。`);
    await input.press('Enter');
    expect(await input.inputValue()).toBe(late);
    expect((await notes())!.startsWith(FIRST)).toBe(true);
    expect(await notes()).not.toContain('第十二次');
    // Shortened to fit (12 characters), it is saved after every earlier note.
    await input.fill('第十二次：明早十点前退款');
    await expect.poll(() => row().locator('[data-kf="notes-full"]').count()).toBe(0);
    await input.press('Enter');
    await expect.poll(notes).toContain('第十二次：明早十点前退款');
    const saved = (await notes())!;
    expect(saved.startsWith(FIRST)).toBe(true);
    expect(saved.endsWith('第十二次：明早十点前退款')).toBe(true);
    // The handover CSV has the whole log too.
    const { csv } = await callFromExtensionPage<{ csv: string }>(s.ext, 'exportFollowupsCsv');
    expect(csv).toContain(FIRST);
    expect(csv).toContain(record(2));
  });

  it('says at once, on N, that a full item takes no more notes', async () => {
    // 4,999 characters now: no room for a line break and one more character.
    expect((await notes())!.length).toBe(4999);
    await row().click();
    await popup.keyboard.press('n');
    await expect
      .poll(() => row().locator('[data-kf="notes-full"]').textContent())
      .toBe('这项跟进的备注已满（合计最多 5000 个字），前面的备注都还在，新的备注存不下。要接着记，请把这项标为完成（D），再新建一项跟进。');
  });
});
