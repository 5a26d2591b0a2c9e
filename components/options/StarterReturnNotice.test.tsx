// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SEEN_KEY } from './StarterAddedNotice';
import { RETURN_KEY } from './StarterReturnNotice';
import { libraryTab } from './testing';
import type { TemplateLibrary } from '@/lib/domain/templates/types';
import { STARTER_LIBRARY } from '@/lib/domain/templates/starter';
import { STARTER_ADDED } from '@/lib/domain/templates/starter-additions';
import { STARTER_KINDS } from '@/lib/domain/templates/starter-kinds';
import { STARTER_REWORDS } from '@/lib/domain/templates/starter-rewords';
import { upgradeStarter } from '@/lib/domain/templates/starter-upgrade';
import { provideBundledData } from '@/lib/storage/bundled';
import { registerMessages } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';

registerMessages(options);
provideBundledData({ 'starter-library': STARTER_LIBRARY });

vi.mock('@/lib/browser', () => ({ browser: {} }));

const WELCOMES = ['welcome-new', 'welcome-returning'];
/** The clothing kind as versions before 2026-12-06 listed it: the two welcomes with it. */
const OLD_CLOTHING = [...WELCOMES, ...STARTER_KINDS.clothing];

/** A library after 删除服装类起始话术 in such a version: every reply of that list gone, welcomes too. */
const removedByOldVersion = (): TemplateLibrary => ({
  groups: [...STARTER_LIBRARY.groups],
  templates: structuredClone(STARTER_LIBRARY.templates.filter((t) => !OLD_CLOTHING.includes(t.id))),
});
/** What that version's worker kept in `meta` 'starter-added' (the kind removed, nothing settled). */
const OLD_MARK = { lists: STARTER_ADDED.length, without: ['clothing'] };
/** The library its safety copy (备份 删除服装类起始话术前) holds: the starter as an install stored it then. */
const copyBefore = (): TemplateLibrary => ({
  groups: [...STARTER_LIBRARY.groups],
  templates: STARTER_LIBRARY.templates.map((t) => (STARTER_REWORDS[t.id] ? { ...t, body: STARTER_REWORDS[t.id]![0]! } : { ...t })),
});
const welcome = (id: string) => STARTER_LIBRARY.templates.find((t) => t.id === id)!;

async function editorOver(lib: TemplateLibrary, role?: 'agent' | 'supervisor', worker: { mark?: unknown; copy?: TemplateLibrary } = { mark: OLD_MARK }) {
  const tab = await libraryTab(lib, role, worker);
  return { ...tab, notice: () => tab.q('[data-kf="starter-return"]') };
}

beforeEach(() => localStorage.clear());

describe('the welcomes an earlier removal of the clothing replies took with it', () => {
  it('are offered back by name and why, from the worker’s mark with this page’s localStorage empty; 加回来 saves both once, in the 欢迎问候 group where they were', async () => {
    const { notice, click, saves, stored, q, mark } = await editorOver(removedByOldVersion());
    // This page holds no record of the removal (the 内置话术新增 record, which it wrote, names no welcome).
    for (const id of WELCOMES) expect(JSON.parse(localStorage.getItem(SEEN_KEY) ?? '[]')).not.toContain(id);
    expect(notice()!.textContent).toContain('之前删除服装类起始话术时，新客欢迎、老客欢迎 也被一起删掉了');
    expect(notice()!.textContent).toContain('任何店铺都能用');

    await click('[data-kf="starter-return-add"]');

    expect(saves).toHaveLength(1);
    const ids = stored().templates.map((t) => t.id);
    for (const id of WELCOMES) expect(stored().templates.find((t) => t.id === id)).toEqual(welcome(id));
    // Back at the top of 欢迎问候, ahead of the welcomes that stayed.
    expect(ids.slice(0, 3)).toEqual(['welcome-new', 'welcome-returning', 'welcome-busy']);
    // None of the clothing replies comes back with them.
    for (const id of STARTER_KINDS.clothing) expect(ids).not.toContain(id);
    expect(q('[data-kf="status"]')!.textContent).toBe('已加回 2 条欢迎语。');
    expect(notice()).toBeNull();
    // Settled in the worker's mark, not only here.
    expect(mark()).toEqual({ ...OLD_MARK, settled: WELCOMES });
  });

  it('once added, a welcome the shop deletes afterwards is not offered again, though this page’s localStorage was cleared', async () => {
    const first = await editorOver(removedByOldVersion());
    await first.click('[data-kf="starter-return-add"]');
    first.m.unmount();
    localStorage.clear();

    const later = await editorOver(removedByOldVersion(), undefined, { mark: first.mark() });
    expect(later.q('[data-kf="template-table"]')).not.toBeNull();
    expect(later.notice()).toBeNull();
  });

  it('declined, stays away and saves nothing, though this page’s localStorage was cleared', async () => {
    const first = await editorOver(removedByOldVersion());
    await first.click('[data-kf="starter-return-dismiss"]');
    expect(first.notice()).toBeNull();
    expect(first.saves).toHaveLength(0);
    expect(JSON.parse(localStorage.getItem(RETURN_KEY)!).sort()).toEqual([...WELCOMES].sort());
    expect(first.mark()).toEqual({ ...OLD_MARK, settled: WELCOMES });
    first.m.unmount();
    localStorage.clear();

    const again = await editorOver(removedByOldVersion(), undefined, { mark: first.mark() });
    expect(again.q('[data-kf="template-table"]')).not.toBeNull();
    expect(again.notice()).toBeNull();
  });

  it('offers only the one the removal took: an edited welcome it kept, and then deleted by hand, stays deleted', async () => {
    // The removal kept the edited 老客欢迎; the library held it here, and the shop deleted it since.
    const kept = await editorOver({ ...removedByOldVersion(), templates: [{ ...welcome('welcome-returning'), body: '欢迎回来～' }, ...removedByOldVersion().templates] });
    expect(kept.notice()!.textContent).toContain('新客欢迎 也被一起删掉了');
    expect(kept.notice()!.textContent).not.toContain('老客欢迎');
    kept.m.unmount();
    localStorage.clear();

    const later = await editorOver(removedByOldVersion(), undefined, { mark: kept.mark() });
    expect(later.notice()!.textContent).not.toContain('老客欢迎');
  });

  it('reads the removal’s safety copy: a welcome it held edited, or no longer held, was not taken and is not offered', async () => {
    const copy = copyBefore();
    copy.templates = copy.templates.filter((t) => t.id !== 'welcome-new');
    copy.templates.find((t) => t.id === 'welcome-returning')!.body = '欢迎回来～';
    const tab = await editorOver(removedByOldVersion(), undefined, { mark: OLD_MARK, copy });
    expect(tab.q('[data-kf="template-table"]')).not.toBeNull();
    expect(tab.notice()).toBeNull();
    expect(tab.mark()).toEqual({ ...OLD_MARK, settled: WELCOMES });

    // The copy as that removal took it, both welcomes untouched (in their wording of then): both offered.
    const both = await editorOver(removedByOldVersion(), undefined, { mark: OLD_MARK, copy: copyBefore() });
    expect(both.notice()!.textContent).toContain('新客欢迎、老客欢迎');
  });

  it('is not shown where no removal took them: welcomes the shop deleted by hand, or a removal by this version', async () => {
    const byHand = await editorOver(removedByOldVersion(), undefined, { mark: STARTER_ADDED.length });
    expect(byHand.q('[data-kf="template-table"]')).not.toBeNull();
    expect(byHand.notice()).toBeNull();
    byHand.m.unmount();

    // This version's removal takes no welcome and settles them: deleted by hand afterwards, they stay deleted.
    const mark = upgradeStarter(structuredClone(STARTER_LIBRARY), STARTER_LIBRARY, STARTER_ADDED.length, undefined, 'clothing').applied;
    expect(mark).toEqual({ lists: STARTER_ADDED.length, without: ['clothing'], settled: WELCOMES });
    const now = await editorOver(removedByOldVersion(), undefined, { mark });
    expect(now.q('[data-kf="template-table"]')).not.toBeNull();
    expect(now.notice()).toBeNull();
  });

  it('hands the worker what this page answered before the worker kept it: cleared afterwards, nothing is offered again', async () => {
    localStorage.setItem(RETURN_KEY, JSON.stringify(WELCOMES));
    const first = await editorOver(removedByOldVersion());
    expect(first.notice()).toBeNull();
    expect(first.mark()).toEqual({ ...OLD_MARK, settled: WELCOMES });
    first.m.unmount();
    localStorage.clear();

    const again = await editorOver(removedByOldVersion(), undefined, { mark: first.mark() });
    expect(again.q('[data-kf="template-table"]')).not.toBeNull();
    expect(again.notice()).toBeNull();
  });

  it('an agent in team mode, whose library follows the shop’s, is not offered them; a supervisor is', async () => {
    const agent = await editorOver(removedByOldVersion(), 'agent');
    expect(agent.q('[data-kf="propose-template"]')).not.toBeNull();
    expect(agent.notice()).toBeNull();
    agent.m.unmount();

    const supervisor = await editorOver(removedByOldVersion(), 'supervisor');
    expect(supervisor.notice()!.textContent).toContain('新客欢迎、老客欢迎');
  });
});
