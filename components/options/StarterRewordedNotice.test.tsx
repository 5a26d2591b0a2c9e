// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { PRESET_A } from '@/lib/domain/remarks/presets';
import { TemplateEditor } from './TemplateEditor';
import { REWORDED_SEEN_KEY } from './StarterRewordedNotice';
import { flush, mountTab } from './testing';
import type { LibraryRecord } from '@/lib/storage/library';
import { STARTER_LIBRARY } from '@/lib/domain/templates/starter';
import { rewordStarter, STARTER_REWORDS } from '@/lib/domain/templates/starter-rewords';
import { provideBundledData } from '@/lib/storage/bundled';
import { registerMessages } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';

registerMessages(options);
provideBundledData({ 'starter-library': STARTER_LIBRARY });
vi.mock('@/lib/browser', () => ({ browser: {} }));
beforeEach(() => localStorage.clear());

/** The 话术库 tab over the library an update reworded (as the worker stores it). */
async function tabAfterUpdate(from?: 'restore' | 'import') {
  const old = { groups: [...STARTER_LIBRARY.groups], templates: STARTER_LIBRARY.templates.map((t) => (t.id === 'pay-remind' ? { ...t, body: STARTER_REWORDS['pay-remind']![0]! } : t)) };
  const stored: LibraryRecord = { v: 2, ...rewordStarter(old, STARTER_LIBRARY, 77, from)!, updatedAt: 6 };
  const tab = await mountTab(<TemplateEditor />, {
    getLibrary: () => stored,
    getGuardConfig: () => undefined,
    getRuleSet: () => PRESET_A,
    getSettings: () => undefined,
    teamStatus: () => ({ config: null, status: { state: 'off', pending: 0 } }),
  });
  await flush();
  return { ...tab, notice: () => tab.q('[data-kf="starter-reworded"]') };
}

it('tells the agent which starter replies an update reworded and why, until closed', async () => {
  const first = await tabAfterUpdate();
  expect(first.notice()!.textContent).toContain('本次更新改了 1 条内置话术的说法：催付（截单提醒）。旧说法有的对买家说得不准（比如截单后还写着已经过去的截单时间）');
  expect(first.notice()!.textContent).toContain('您改过的话术没有改动。');
  await first.click('[data-kf="starter-reworded-dismiss"]');
  expect(first.notice()).toBeNull();
  expect(localStorage.getItem(REWORDED_SEEN_KEY)).toBe('77');
  const again = await tabAfterUpdate();
  expect(again.q('[data-kf="template-table"]')).not.toBeNull();
  expect(again.notice()).toBeNull();
});

it('says so when a restored backup or an imported file, made before the update, brought the old wording back and it was replaced', async () => {
  const restored = await tabAfterUpdate('restore');
  expect(restored.notice()!.textContent).toContain('恢复的备份是更新前做的，其中 1 条内置话术还是旧的说法（有的说得不准或不妥当），已换成现在的说法：催付（截单提醒）。您改过的话术没有改动。');
  const imported = await tabAfterUpdate('import');
  expect(imported.notice()!.textContent).toContain('导入的文件是更新前导出的，其中 1 条内置话术还是旧的说法（有的说得不准或不妥当），已按现在的说法导入：催付（截单提醒）。');
});
