import { describe, expect, it, vi } from 'vitest';

vi.mock('../../browser', () => ({
  // get: saveLibrary asks for the team configuration (none here: not in team mode).
  browser: { storage: { local: { set: vi.fn(async () => {}), get: vi.fn(async () => ({})), remove: vi.fn(async () => {}) } }, runtime: { id: 'ext', getURL: () => 'chrome-extension://ext/' } },
}));

const { dispatch } = await import('../dispatch');
const PAGE = { tabId: 1, url: 'http://127.0.0.1:5173/chat' };

async function usage(): Promise<Record<string, { count: number }>> {
  const r = await dispatch({ kf: 'getUsage', payload: undefined }, 'extension-page');
  if (!r.ok) throw new Error(JSON.stringify(r));
  return (r.value as { templates: Record<string, { count: number }> }).templates;
}

describe('usage keyed by template id', () => {
  it('records __proto__ from an extension page as an ordinary entry and leaves Object.prototype alone', async () => {
    const r = await dispatch({ kf: 'recordUsage', payload: { templateId: '__proto__', scenario: 'greeting' } }, 'extension-page');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).lastUsed).toBeUndefined();
    expect(({} as Record<string, unknown>).count).toBeUndefined();
    expect(Object.hasOwn(await usage(), '__proto__')).toBe(true);
  });

  it('refuses __proto__ from a page: not a template id', async () => {
    const r = await dispatch({ kf: 'recordUsage', payload: { templateId: '__proto__', scenario: null } }, 'content-script', PAGE);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('recordUsage.templateId') } });
  });

  it('counts templates named constructor and toString like any other', async () => {
    for (const id of ['constructor', 'toString', 'toString']) {
      expect((await dispatch({ kf: 'recordUsage', payload: { templateId: id, scenario: null } }, 'content-script', PAGE)).ok).toBe(true);
    }
    const u = await usage();
    expect(u.constructor).toMatchObject({ count: 1 });
    expect(u.toString).toMatchObject({ count: 2 });
    expect(typeof Object.prototype.toString).toBe('function');
    expect(({}).constructor).toBe(Object);
  });

  it('imports templates with ids constructor and toString, and refuses __proto__ with a message', async () => {
    const file = (ids: string[]) => ({
      format: 'kefu-library',
      version: 1,
      groups: ['组'],
      templates: ids.map((id) => ({ id, title: `标题${id}`, body: '正文', group: '组', scenarios: ['greeting'] })),
    });
    const ok = await dispatch({ kf: 'importLibrary', payload: { json: file(['constructor', 'toString']) } }, 'extension-page');
    expect(ok).toMatchObject({ ok: true, value: { ok: true, count: 2 } });
    const lib = await dispatch({ kf: 'getLibrary', payload: undefined }, 'extension-page');
    expect(lib).toMatchObject({ ok: true, value: { initials: { constructor: expect.any(Array), toString: expect.any(Array) } } });
    const bad = await dispatch({ kf: 'importLibrary', payload: { json: file(['__proto__']) } }, 'extension-page');
    expect(bad).toMatchObject({ ok: true, value: { ok: false, errors: [expect.stringContaining('id')] } });
  });
});

describe('importing a library file', () => {
  type Lib = { groups: string[]; templates: { id: string; title: string; code?: string }[]; updatedAt: number };
  const value = <T,>(r: { ok: boolean; value?: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.value as T;
  };
  const call = async <T,>(kf: string, payload?: unknown) => value<T>(await dispatch({ kf, payload } as never, 'extension-page'));
  const starter = async () => {
    await call('saveLibrary', { groups: ['组'], templates: Array.from({ length: 103 }, (_, i) => ({ id: `s${i}`, title: `话术${i}`, body: '正文', group: '组', scenarios: ['greeting'], ...(i === 0 ? { code: 'hi' } : {}) })) });
    return call<Lib>('getLibrary');
  };
  const three = (changes: Record<string, unknown> = {}) => ({
    format: 'kefu-library',
    version: 1,
    groups: ['组'],
    templates: [
      { id: 's0', title: '话术0（新）', body: '正文', group: '组', scenarios: ['greeting'], code: 'hi' },
      { id: 's1', title: '话术1', body: '正文', group: '组', scenarios: ['greeting'] },
      { id: 'n1', title: '文件里的新话术', body: '正文', group: '组', scenarios: ['greeting'], ...changes },
    ],
  });

  it('says what a file would do without writing anything (dry run)', async () => {
    const before = await starter();
    const r = await call<{ ok: true; preview: Record<string, unknown> }>('importLibrary', { json: three(), dryRun: true });
    expect(r.preview).toMatchObject({ current: 103, incoming: 3, added: 1, updated: 1, unchanged: 1, notInFile: 101, codeClashes: [], mergeErrors: [], updatedAt: before.updatedAt });
    expect(await call<Lib>('getLibrary')).toEqual(before);
  });

  it('merges a 3-template file into a 103-template library, keeping the other 101', async () => {
    const before = await starter();
    const r = await call<{ ok: boolean; count: number }>('importLibrary', { json: three(), merge: true, baseUpdatedAt: before.updatedAt });
    expect(r).toMatchObject({ ok: true, count: 3 });
    const after = await call<Lib>('getLibrary');
    expect(after.templates).toHaveLength(104);
    expect(after.templates[0]!.title).toBe('话术0（新）');
    expect(after.templates.at(-1)!.title).toBe('文件里的新话术');
  });

  it('imports a spreadsheet (csv) the same way: counted and reported without writing, then merged after a backup', async () => {
    const before = await starter();
    const csv = '分组,标题,快捷编码,内容\r\n议价,不议价,yj,"亲，实价哦，不议价的呢"\r\n组,改过的,hi,正文\r\n,,,\r\n杂项,,,\r\n';
    const dry = await call<{ ok: true; preview: Record<string, unknown>; csv: { skipped: unknown[]; groups: unknown[] } }>('importLibrary', { csv, dryRun: true });
    // Row 3 has s0's code: it is s0, changed. Row 5 has no text.
    expect(dry.preview).toMatchObject({ current: 103, incoming: 2, added: 1, updated: 1, unchanged: 0 });
    expect(dry.csv.skipped).toEqual([{ row: 5, reason: '“内容”为空' }]);
    expect(dry.csv.groups).toEqual([{ group: '议价', scenarios: ['bargain'], count: 1 }]);
    expect(await call<Lib>('getLibrary')).toEqual(before);

    expect(await call('importLibrary', { csv, merge: true, baseUpdatedAt: before.updatedAt })).toMatchObject({ ok: true, count: 2 });
    const after = await call<Lib & { templates: { body: string; scenarios: string[] }[] }>('getLibrary');
    expect(after.templates).toHaveLength(104);
    expect(after.templates[0]).toMatchObject({ id: 's0', title: '改过的', code: 'hi' });
    expect(after.templates.at(-1)).toMatchObject({ title: '不议价', code: 'yj', body: '亲，实价哦，不议价的呢', group: '议价', scenarios: ['bargain'] });
    expect((await call<{ reason: string }[]>('listBackups'))[0]!.reason).toBe('before-import');
    // A sheet without a text column is refused, naming its columns, and writes nothing.
    const bad = await call<{ ok: false; errors: string[] }>('importLibrary', { csv: '问题,答案\n在吗,在的\n', dryRun: true });
    expect(bad.errors[0]).toContain('“问题”、“答案”');
  });

  it('files a sheet’s unknown group under the situation chosen in the preview, and refuses a choice that is no situation, writing nothing', async () => {
    const before = await starter();
    const csv = '分组,标题,内容\r\n杂项,尺码表,"亲，尺码表在详情页最下面哦"\r\n杂项,量身高,"亲，按身高体重选码就好"\r\n';
    const picked = await call<{ csv: { groups: unknown[] } }>('importLibrary', { csv, groupScenarios: { 杂项: 'size-fit' }, dryRun: true });
    expect(picked.csv.groups).toEqual([{ group: '杂项', scenarios: ['size-fit'], count: 2, picked: true }]);

    // A choice the catalogue does not have (an older page, a hand-made call): refused, and nothing written — not even a backup.
    const backups = (await call<unknown[]>('listBackups')).length;
    const bad = await call<{ ok: false; errors: string[] }>('importLibrary', { csv, groupScenarios: { 杂项: 'sizes' }, merge: true, baseUpdatedAt: before.updatedAt });
    expect(bad).toEqual({ ok: false, errors: ['分组“杂项”要归入的场景“sizes”不是已知的场景，没有导入任何内容；请重新选择场景'] });
    expect(await call<Lib>('getLibrary')).toEqual(before);
    expect(await call<unknown[]>('listBackups')).toHaveLength(backups);
    expect(await call('importLibrary', { csv, groupScenarios: ['size-fit'], merge: true, baseUpdatedAt: before.updatedAt })).toMatchObject({ ok: false, errors: [expect.stringContaining('分组的场景设置无效')] });

    expect(await call('importLibrary', { csv, groupScenarios: { 杂项: 'size-fit' }, merge: true, baseUpdatedAt: before.updatedAt })).toMatchObject({ ok: true, count: 2 });
    const after = await call<{ templates: { title: string; group: string; scenarios: string[] }[] }>('getLibrary');
    expect(after.templates.slice(-2).map((x) => [x.title, x.group, x.scenarios])).toEqual([
      ['尺码表', '杂项', ['size-fit']],
      ['量身高', '杂项', ['size-fit']],
    ]);
  });

  it('does not take an import from a seller page, with or without a group’s situation', async () => {
    const r = await dispatch({ kf: 'importLibrary', payload: { csv: '分组,内容\n杂项,亲\n', groupScenarios: { 杂项: 'size-fit' } } } as never, 'content-script', PAGE);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('takes a backup before replacing, so the 103 templates a 3-template file replaced come back from 备份', async () => {
    await starter();
    expect(await call('importLibrary', { json: three() })).toMatchObject({ ok: true, count: 3 });
    const [newest] = await call<{ id: string; reason: string }[]>('listBackups');
    expect(newest!.reason).toBe('before-import');
    await call('restoreBackup', { id: newest!.id });
    expect((await call<Lib>('getLibrary')).templates).toHaveLength(103);
  });

  it('refuses with a conflict, writing nothing, when the library changed after the counts were made', async () => {
    const before = await starter();
    await call('saveLibrary', { groups: before.groups, templates: before.templates.slice(1) });
    const r = await dispatch({ kf: 'importLibrary', payload: { json: three(), merge: true, baseUpdatedAt: before.updatedAt } }, 'extension-page');
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await call<Lib>('getLibrary')).templates).toHaveLength(102);
  });

  it('refuses a merge that would give one /code to two templates, and still allows replacing', async () => {
    const before = await starter();
    // 话术2, which the file does not mention, already uses the code the file gives its new template.
    const file = three({ code: 'n9' });
    await call('saveLibrary', { groups: before.groups, templates: before.templates.map((x) => (x.id === 's2' ? { ...x, code: 'n9' } : x)) });
    const preview = await call<{ preview: { codeClashes: unknown[]; updatedAt: number } }>('importLibrary', { json: file, dryRun: true });
    expect(preview.preview.codeClashes).toEqual([{ code: 'n9', incoming: '文件里的新话术', existing: '话术2' }]);
    const merged = await call<{ ok: boolean; errors: string[] }>('importLibrary', { json: file, merge: true, baseUpdatedAt: preview.preview.updatedAt });
    expect(merged.ok).toBe(false);
    expect((await call<Lib>('getLibrary')).templates).toHaveLength(103);
    expect(await call('importLibrary', { json: file, baseUpdatedAt: preview.preview.updatedAt })).toMatchObject({ ok: true, count: 3 });
  });
});

describe('saving the library from the editor', () => {
  it('words a refused save in the interface’s language alone (no English gloss in the Chinese interface)', async () => {
    const t = (id: string, code: string) => ({ id, title: id, body: '正文', group: '组', scenarios: ['greeting'], code });
    const r = await dispatch({ kf: 'saveLibrary', payload: { groups: ['组'], templates: [t('a', 'hi'), t('b', 'hi')] } }, 'extension-page');
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const message = (r as { error: { message: string } }).error.message;
    expect(message).toContain('简码');
    expect(message).not.toContain('duplicate code');
  });
});

describe('an extension update and the stored starter library (QA pass F: 催付 after the cut-off)', () => {
  it('gives untouched starter copies the corrected wording, keeps edited ones, and says which on the library', async () => {
    const { STARTER_LIBRARY } = await import('../../domain/templates/starter');
    const { STARTER_REWORDS } = await import('../../domain/templates/starter-rewords');
    const { saveLibrary } = await import('../../storage/library');
    const { upgradeStarterLibrary } = await import('./core');
    // A shop's library from before: the old 催付 text untouched, 有现货 reworded by the agent.
    const templates = STARTER_LIBRARY.templates.map((t) =>
      t.id === 'pay-remind' ? { ...t, body: STARTER_REWORDS['pay-remind']![0]! } : t.id === 'stock-available' ? { ...t, body: '有现货，{截单时间}前付款哦，我们自己的话' } : t,
    );
    await saveLibrary({ groups: [...STARTER_LIBRARY.groups], templates }, 5);
    await upgradeStarterLibrary();
    const r = await dispatch({ kf: 'getLibrary', payload: undefined }, 'extension-page');
    const lib = (r as { value: { templates: { id: string; body: string }[]; reworded?: { ids: string[] }; initials: Record<string, unknown> } }).value;
    const body = (id: string) => lib.templates.find((t) => t.id === id)!.body;
    expect(body('pay-remind')).toBe('亲，看到您拍下的宝贝还没付款哦～{付款发货}，早付款早收到，有什么疑问也可以问我～');
    expect(body('stock-available')).toBe('有现货，{截单时间}前付款哦，我们自己的话');
    expect(lib.reworded?.ids).toEqual(['pay-remind']);
    expect(lib.initials['pay-remind']).toBeDefined();
    // A second update finds nothing more to do and leaves the library as it is.
    const before = JSON.stringify(lib);
    await upgradeStarterLibrary();
    expect(JSON.stringify((await dispatch({ kf: 'getLibrary', payload: undefined }, 'extension-page') as { value: unknown }).value)).toBe(before);
    // The next save from the editor ends the notice.
    const saved = await dispatch({ kf: 'saveLibrary', payload: { groups: [...STARTER_LIBRARY.groups], templates: lib.templates } }, 'extension-page');
    expect((saved as { value: { reworded?: unknown } }).value.reworded).toBeUndefined();
  });
});

describe('a backup or a library file made before an update (QA pass P, defect 3: the retracted wordings came back)', () => {
  type Stored = { templates: { id: string; body: string }[]; reworded?: { ids: string[]; from?: string }; initials?: Record<string, [string, string]>; updatedAt: number };
  const get = async () => ((await dispatch({ kf: 'getLibrary', payload: undefined }, 'extension-page')) as { value: Stored }).value;
  /** The starter as an older version stored it: 催付 and 退款时效 in their old words, 有现货 old words with the agent's title. */
  async function oldLibrary() {
    const { STARTER_LIBRARY } = await import('../../domain/templates/starter');
    const { STARTER_REWORDS } = await import('../../domain/templates/starter-rewords');
    const old = (id: string) => STARTER_REWORDS[id]![0]!;
    return {
      starter: STARTER_LIBRARY,
      library: {
        groups: [...STARTER_LIBRARY.groups],
        templates: STARTER_LIBRARY.templates.map((t) =>
          t.id === 'pay-remind' || t.id === 'refund-time' ? { ...t, body: old(t.id) } : t.id === 'return-7day' ? { ...t, body: `${old(t.id)}（本店：内衣除外）` } : t,
        ),
      },
    };
  }

  it('a restore gives the backup’s untouched old wordings today’s, keeps an edited one, and the library says a restore brought them', async () => {
    const { starter, library } = await oldLibrary();
    const { saveLibrary } = await import('../../storage/library');
    await saveLibrary(library, 5);
    const snap = ((await dispatch({ kf: 'createBackup', payload: undefined }, 'extension-page')) as { value: { id: string } }).value.id;
    await saveLibrary(starter, 6);
    const r = await dispatch({ kf: 'restoreBackup', payload: { id: snap } }, 'extension-page');
    expect(r).toMatchObject({ ok: true, value: { ok: true } });
    const lib = await get();
    const body = (x: string) => lib.templates.find((t) => t.id === x)!.body;
    expect(body('pay-remind')).toBe(starter.templates.find((t) => t.id === 'pay-remind')!.body);
    expect(body('refund-time')).toBe(starter.templates.find((t) => t.id === 'refund-time')!.body);
    expect(body('return-7day')).toContain('（本店：内衣除外）');
    expect(lib.reworded).toMatchObject({ ids: ['pay-remind', 'refund-time'], from: 'restore' });
    expect(lib.initials?.['pay-remind']).toBeDefined();
  });

  it('an import (dry run and write, merged or replacing) takes the file’s untouched old wordings as today’s; the agent’s edited one stays as written', async () => {
    const { starter, library } = await oldLibrary();
    const { saveLibrary } = await import('../../storage/library');
    await saveLibrary(starter, 7);
    const file = { format: 'kefu-library', version: 1, ...library };
    const dry = (await dispatch({ kf: 'importLibrary', payload: { json: file, merge: true, dryRun: true } }, 'extension-page')) as { value: { preview: { updated: number; reworded?: string[] } } };
    // Only the reply the agent edited differs from this library: the two old wordings are no change.
    expect(dry.value.preview).toMatchObject({ updated: 1, reworded: ['pay-remind', 'refund-time'] });
    for (const merge of [true, false]) {
      await saveLibrary(starter, 8);
      expect(await dispatch({ kf: 'importLibrary', payload: { json: file, merge } }, 'extension-page')).toMatchObject({ ok: true, value: { ok: true } });
      const lib = await get();
      const body = (x: string) => lib.templates.find((t) => t.id === x)!.body;
      expect(body('pay-remind')).toBe(starter.templates.find((t) => t.id === 'pay-remind')!.body);
      expect(body('refund-time')).toBe(starter.templates.find((t) => t.id === 'refund-time')!.body);
      expect(body('return-7day')).toContain('（本店：内衣除外）');
      expect(lib.reworded).toMatchObject({ ids: ['pay-remind', 'refund-time'], from: 'import' });
    }
  });
});
