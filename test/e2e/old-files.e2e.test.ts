/**
 * Files made before an update, brought in after it (QA pass P, defects 3 and 4), in Chromium with the
 * built extension: a backup restored or a library file imported no longer brings back the starter
 * wordings the update retracted as false, and a buyers file exported before the buyer was joined to
 * the console's id no longer adds a second record of them.
 */
import { describe, expect, it } from 'vitest';
import { callFromExtensionPage, cardReady, openDemoChat } from './pages';
import { buyerNotesSuite } from './suite';
import { STARTER_REWORDS } from '../../lib/domain/templates/starter-rewords';

const s = buyerNotesSuite();

type Lib = { groups: string[]; templates: { id: string; title: string; body: string }[]; reworded?: { ids: string[]; from?: string } };

/** The starter as this build ships it, and as an older version stored it: 催付 and 退款时效 in their retracted words, 七天无理由 retracted but edited by the agent. */
async function libraries(): Promise<{ starter: Lib; old: Lib; body: (lib: Lib, id: string) => string }> {
  const page = await s.h.openExtensionPage('options.html#import');
  const starter = await page.evaluate(async () => (await fetch('/data/starter-library.json')).json() as Promise<Lib>);
  await page.close();
  const old: Lib = {
    groups: starter.groups,
    templates: starter.templates.map((t) =>
      t.id === 'pay-remind' || t.id === 'refund-time' ? { ...t, body: STARTER_REWORDS[t.id]![0]! } : t.id === 'return-7day' ? { ...t, body: `${STARTER_REWORDS[t.id]![0]!}（本店：定制款除外）` } : t,
    ),
  };
  return { starter, old, body: (lib, id) => lib.templates.find((t) => t.id === id)!.body };
}

async function rewordedNotice(): Promise<string> {
  const page = await s.h.openExtensionPage('options.html#templates');
  const notice = page.locator('[data-kf="starter-reworded"]');
  await notice.waitFor();
  const text = (await notice.textContent())!;
  await page.close();
  return text;
}

describe('a library from before an update', () => {
  it('备份 → 恢复 of a backup made then: untouched replies in a retracted wording come back in today’s, the edited one as written, and 话术库 says so', async () => {
    const { starter, old, body } = await libraries();
    await callFromExtensionPage(s.ext, 'saveLibrary', old);
    const { id } = await callFromExtensionPage<{ id: string }>(s.ext, 'createBackup');
    await callFromExtensionPage(s.ext, 'saveLibrary', { groups: starter.groups, templates: starter.templates });

    const page = await s.h.openExtensionPage('options.html#backups');
    const row = page.locator(`[data-kf="backup-row"][data-id="${id}"]`);
    await row.locator('[data-kf="backup-restore"]').click();
    await row.locator('[data-kf="backup-restore-confirm"]').click();
    await expect.poll(() => page.locator('[data-kf="backup-message"]').textContent()).toMatch(/^已恢复 .* 的备份。$/);
    await page.close();

    const lib = await callFromExtensionPage<Lib>(s.ext, 'getLibrary');
    expect(body(lib, 'pay-remind')).toBe(body(starter, 'pay-remind'));
    expect(body(lib, 'refund-time')).toBe(body(starter, 'refund-time'));
    expect(body(lib, 'return-7day')).toBe(body(old, 'return-7day'));
    expect(await rewordedNotice()).toContain('恢复的备份是更新前做的，其中 2 条内置话术还是旧的说法（有的说得不准或不妥当），已换成现在的说法：');
  });

  it('导入 of a library file exported then: the counts see no change in those replies, and the merged library has today’s wording', async () => {
    const { starter, old, body } = await libraries();
    await callFromExtensionPage(s.ext, 'saveLibrary', { groups: starter.groups, templates: starter.templates });
    const page = await s.h.openExtensionPage('options.html#import');
    const file = { format: 'kefu-library', version: 1, exportedAt: 1, ...old };
    await page.locator('[data-kf="import-file"]').setInputFiles({ name: 'old-library.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const confirm = page.locator('[data-kf="import-confirm"]');
    // Only the agent's edited reply differs from the library here.
    await expect.poll(() => confirm.textContent()).toContain('1 条与现有话术内容不同');
    await page.locator('[data-kf="import-merge"]').click();
    await expect.poll(() => page.locator('[data-kf="import-result"]').textContent()).toContain('已合并');
    await page.close();

    const lib = await callFromExtensionPage<Lib>(s.ext, 'getLibrary');
    expect(body(lib, 'pay-remind')).toBe(body(starter, 'pay-remind'));
    expect(body(lib, 'refund-time')).toBe(body(starter, 'refund-time'));
    expect(body(lib, 'return-7day')).toBe(body(old, 'return-7day'));
    expect(await rewordedNotice()).toContain('导入的文件是更新前导出的，其中 2 条内置话术还是旧的说法（有的说得不准或不妥当），已按现在的说法导入：');
  });
});

describe('a buyers file from before the buyer was joined to the console id', () => {
  it('客户档案 → 导入 merges the file’s record into the joined buyer (one buyer after), its newer note masked', async () => {
    const who = { platform: 'demo', nickname: '小鹿乱撞0521' };
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...who, patch: { note: '地址常变' } });
    // The export as taken then: the buyer under the nickname-only key.
    const { items } = await callFromExtensionPage<{ items: { key: string; updatedAt: number; note: string }[] }>(s.ext, 'exportCustomers', {});
    expect(items.map((c) => c.key)).toEqual(['demo:小鹿乱撞0521']);
    // Edited on another machine later, which never saw the id: a phone number in clear.
    const file = { format: 'kefu-customers', version: 2, exportedAt: Date.now(), customers: [{ ...items[0]!, note: '地址常变，手机 13900001111', updatedAt: Date.now() + 60_000 }] };

    // The agent opens the buyer's chat: the console shows the id, and the record joins it.
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
    await cardReady(s.page, '小鹿乱撞0521');
    const keys = async () => (await callFromExtensionPage<{ items: { key: string }[] }>(s.ext, 'exportCustomers', {})).items.map((c) => c.key);
    await expect.poll(keys).toEqual(['demo#u-1001']);

    const options = await s.h.openExtensionPage('options.html#customers');
    await options.locator('[data-kf="customers-total"]').waitFor();
    await options.locator('[data-kf="customers-import-file"]').setInputFiles({ name: 'old-customers.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect.poll(() => options.locator('[data-kf="customers-import-result"]').textContent()).toContain('新增 0 位客户，更新 1 位');
    await options.close();
    expect(await keys()).toEqual(['demo#u-1001']);
    const joined = await callFromExtensionPage<{ note: string }>(s.ext, 'getCustomer', { ...who, buyerId: 'u-1001' });
    expect(joined.note).toMatch(/^地址常变，手机 139\*+1111$/);
  });
});
