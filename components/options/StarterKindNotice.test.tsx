// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mountTab } from './testing';
import { StarterKindNotice } from './StarterKindNotice';
import type { TemplateLibrary } from '@/lib/domain/templates/types';
import type { LibraryRecord } from '@/lib/storage/library';
import { STARTER_LIBRARY } from '@/lib/domain/templates/starter';
import { STARTER_KINDS } from '@/lib/domain/templates/starter-kinds';
import { upgradeStarter } from '@/lib/domain/templates/starter-upgrade';
import { newStarterReplies, STARTER_ADDED } from '@/lib/domain/templates/starter-additions';
import { provideBundledData } from '@/lib/storage/bundled';

provideBundledData({ 'starter-library': STARTER_LIBRARY });
vi.mock('@/lib/browser', () => ({ browser: {} }));

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal('confirm', () => true);
});

/** The notice over `lib`, with a worker that removes the kind as lib/messaging/handlers/core.ts does. */
async function noticeOver(lib: TemplateLibrary) {
  let stored: LibraryRecord = { v: 2, ...structuredClone(lib), updatedAt: 5 };
  let mark: unknown = STARTER_ADDED.length;
  const tab = await mountTab(
    <StarterKindNotice />,
    {
      getLibrary: () => stored,
      removeStarterKind: ({ kind }: { kind: 'clothing' }) => {
        const up = upgradeStarter(stored, STARTER_LIBRARY, mark, undefined, kind);
        if (up.library) stored = { v: 2, ...up.library, updatedAt: 6 };
        mark = up.applied;
        return up;
      },
    },
    { notify: ['removeStarterKind'] },
  );
  return { ...tab, stored: () => stored, mark: () => mark };
}

describe('the note on the clothing-only starter replies', () => {
  it('names them; one action removes the unedited ones, keeps an edited one, and says where the backup is', async () => {
    const lib = structuredClone(STARTER_LIBRARY);
    lib.templates.find((t) => t.id === 'size-chart')!.body = '亲，详情页有每个规格的尺寸，按您家里的空间量一下再选。';
    const { q, click, stored, mark } = await noticeOver(lib);
    const text = q('[data-kf="starter-kind"]')!.textContent!;
    expect(text).toContain('这些起始话术按服装店编写');
    expect(text).toContain('推荐尺码');
    expect(text).toContain('您改过的 1 条（对照尺码表）会保留');

    await click('[data-kf="starter-kind-remove"]');

    const ids = stored().templates.map((t) => t.id);
    expect(ids).not.toContain('size-recommend');
    expect(ids).not.toContain('product-material');
    expect(ids).toContain('size-chart');
    expect(ids).toContain('product-verify');
    expect(stored().templates).toHaveLength(STARTER_LIBRARY.templates.length - STARTER_KINDS.clothing.length + 1);
    expect(q('[data-kf="starter-kind-remove"]')).toBeNull();
    expect(q('[data-kf="starter-kind-status"]')!.textContent).toContain(`已删除 ${STARTER_KINDS.clothing.length - 1} 条服装类起始话术`);
    // The welcomes are no longer of the kind: this removal took none, so none is ever offered back.
    expect(mark()).toEqual({ lists: STARTER_ADDED.length, without: ['clothing'], settled: ['welcome-new', 'welcome-returning'] });
  });

  it('is not shown once the shop said it sells clothes, nor for a library without those replies', async () => {
    const none: TemplateLibrary = { groups: ['自定义'], templates: [{ id: 'a', title: '问好', body: '您好', group: '自定义', scenarios: ['greeting'] }] };
    expect((await noticeOver(none)).q('[data-kf="starter-kind"]')).toBeNull();
    const { q, click } = await noticeOver(STARTER_LIBRARY);
    await click('[data-kf="starter-kind-keep"]');
    expect(q('[data-kf="starter-kind"]')).toBeNull();
  });
});

describe('an update after the clothing starter replies were removed', () => {
  it('never adds one back, even when a later list brings one', () => {
    const later = [...STARTER_ADDED, ['size-model', 'welcome-night']];
    const lib = { ...STARTER_LIBRARY, templates: STARTER_LIBRARY.templates.filter((t) => !['size-model', 'welcome-night'].includes(t.id)) };
    const kept = newStarterReplies(lib, STARTER_LIBRARY, STARTER_ADDED.length, later, undefined, new Set(STARTER_KINDS.clothing));
    expect(kept.added).toEqual(['welcome-night']);
    const up = upgradeStarter(lib, STARTER_LIBRARY, { lists: STARTER_ADDED.length, without: ['clothing'] });
    expect(up.added).toEqual([]);
    expect(up.applied).toEqual({ lists: STARTER_ADDED.length, without: ['clothing'] });
  });

  it('every tagged id is a starter reply', () => {
    const ids = new Set(STARTER_LIBRARY.templates.map((t) => t.id));
    expect(STARTER_KINDS.clothing.filter((id) => !ids.has(id))).toEqual([]);
  });
});
