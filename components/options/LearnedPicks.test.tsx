// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { LearnedPicks } from './LearnedPicks';
import { check } from '../remarks/testing';
import { flush, mountTab } from './testing';
import { CallError } from '@/lib/messaging/client';
import { registerMessages } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import type { LearnedSummary } from '@/lib/messaging/protocol-learned';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import { onComputerZone } from '@/lib/domain/testing';

registerMessages(options);

const summary: LearnedSummary = {
  enabled: true,
  count: 2,
  cap: 5000,
  perScenario: { repair: 1, invoice: 1 },
  latest: [
    { id: 'b', at: Date.UTC(2026, 10, 2, 6, 50), text: '烤箱门关不严 电话#', scenario: 'repair', templateId: 't-repair', source: 'insert' },
    { id: 'a', at: Date.UTC(2026, 10, 1), text: '<img src=x onerror=alert(1)>能开专票吗', scenario: 'invoice', templateId: null, source: 'chip' },
  ],
};

const setup = () =>
  mountTab(<LearnedPicks />, {
    getLearned: () => structuredClone(summary),
    getLibrary: () => ({ templates: [{ id: 't-repair', title: '保修说明', body: '', group: 'g', scenarios: ['repair'] }] }),
    forgetLearned: () => ({ deleted: 1 }),
    patchSettings: () => ({}),
    getSettings: () => DEFAULT_APP_SETTINGS,
  });

describe('the 学习记录 tab', () => {
  it('a full disk at 导入 (refused at its safety copy, before any pick is written) says nothing was imported and what to do', async () => {
    const m = await mountTab(<LearnedPicks />, {
      getLearned: () => structuredClone(summary),
      getLibrary: () => ({ templates: [] }),
      getSettings: () => DEFAULT_APP_SETTINGS,
      importLearned: () => {
        throw new CallError('quota', 'The quota has been exceeded.');
      },
    });
    const input = m.q('[data-kf="learned-import"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['{"kind": "kf-learned", "v": 1, "picks": []}'], 'learned.json')] });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    // Before: 操作失败：存储空间已满.
    expect(m.q('[data-kf="learned-message"]')!.textContent).toBe('没能导入：存储空间已满。没有导入任何内容，现有学习记录未改动；请腾出磁盘空间或稍等片刻后再导入一次这个文件。');
  });

  it('shows counts per situation and the latest pairs, buyer text as text', async () => {
    const { q, m } = await setup();
    expect(q('[data-kf="learned-count"]')!.textContent).toBe('已学习 2 条');
    expect(q('[data-kf="learned-per-scenario"]')!.textContent).toContain('保修维修 1');
    const rows = [...m.root.querySelectorAll('[data-kf="learned-latest"] tbody tr')].map((r) => r.textContent);
    expect(rows[0]).toContain('烤箱门关不严');
    expect(rows[0]).toContain('保修说明');
    expect(rows[1]).toContain('（仅更正场景）');
    expect(m.root.querySelector('img')).toBeNull();
  });

  it('forgets one pair, and everything only after a confirmation', async () => {
    const { call, click, q } = await setup();
    await click('[data-pick-id="a"] [data-kf="learned-forget"]');
    expect(call).toHaveBeenCalledWith('forgetLearned', { ids: ['a'] });
    await click('[data-kf="learned-forget-all"]');
    expect(call).not.toHaveBeenCalledWith('forgetLearned', { all: true });
    expect(q('[data-kf="learned-confirm-all"]')!.textContent).toContain('2');
    await click('[data-kf="learned-forget-all-confirm"]');
    expect(call).toHaveBeenCalledWith('forgetLearned', { all: true });
  });

  it('turns learning off', async () => {
    const { call, q } = await setup();
    await act(async () => check(q('[data-kf="learning-enabled"]'), false));
    expect(call).toHaveBeenCalledWith('patchSettings', { privacy: { learnFromPicks: false } });
  });

  it('says after an import how many picks were new, how many repeated copies were skipped, and that the data from before was backed up (restorable under 备份)', async () => {
    const importLearned = vi.fn(() => ({ ok: true, count: 3, duplicates: 2, backedUp: true }));
    const m = await mountTab(<LearnedPicks />, { getLearned: () => structuredClone(summary), getLibrary: () => ({ templates: [] }), getSettings: () => DEFAULT_APP_SETTINGS, importLearned });
    const input = m.q('[data-kf="learned-import"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['{"kind": "kf-learned", "v": 1, "picks": []}'], 'learned.json')] });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(importLearned).toHaveBeenCalled();
    expect(m.q('[data-kf="learned-message"]')!.textContent).toBe('已导入 3 条新记录。 文件中 2 条重复，已跳过。 导入前的数据已备份，可在「备份」页恢复。');
  });

  it('says in Chinese that a cut-off file is not valid JSON, and imports nothing', async () => {
    const { call, q } = await setup();
    const input = q('[data-kf="learned-import"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['{"kind": "kf-learned", "v": 1, "picks": [{"id": "a", "te'], 'learned.json')] });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    const text = q('[data-kf="learned-message"]')!.textContent!;
    expect(text).toMatch(/文件不是有效的 JSON：可能.*截断.*没有导入任何内容/);
    expect(text).not.toMatch(/Unexpected|position|SyntaxError/);
    expect(call).not.toHaveBeenCalledWith('importLearned', expect.anything());
  });

  it('says in Chinese, with the reason in words, that learning could not be turned off and is still on; the box stays ticked', async () => {
    const { q } = await mountTab(<LearnedPicks />, {
      getLearned: () => structuredClone(summary),
      getLibrary: () => ({ templates: [] }),
      getSettings: () => DEFAULT_APP_SETTINGS,
      patchSettings: () => {
        throw new CallError('quota', 'The quota has been exceeded.');
      },
    });
    await act(async () => check(q('[data-kf="learning-enabled"]'), false));
    await flush();
    const text = q('[data-kf="learned-message"]')!.textContent!;
    expect(text).toBe('没能关闭学习：存储空间已满。学习仍然开着；请腾出磁盘空间或稍等片刻后再点一次。');
    expect((q('[data-kf="learning-enabled"]') as HTMLInputElement).checked).toBe(true);
  });

  it('says a forget that failed midway may have forgotten some, and why; the counts are loaded again', async () => {
    const getLearned = vi.fn(() => structuredClone(summary));
    const { click, q } = await mountTab(<LearnedPicks />, {
      getLearned,
      getLibrary: () => ({ templates: [] }),
      getSettings: () => DEFAULT_APP_SETTINGS,
      forgetLearned: () => {
        throw new CallError('unavailable', 'message channel closed');
      },
    });
    await click('[data-pick-id="a"] [data-kf="learned-forget"]');
    await flush();
    expect(q('[data-kf="learned-message"]')!.textContent).toBe(
      '没能忘记完：扩展后台暂时没有响应，请稍后再试。可能已忘记了一部分（上面的数字是现在的）；请腾出磁盘空间或稍等片刻后再点一次，本机备份中的也会一并删除。',
    );
    expect(getLearned).toHaveBeenCalledTimes(2);
  });

  describe('on a computer in Los Angeles', () => {
    onComputerZone('America/Los_Angeles');

    it('dates each pair in shop time, as the popup and the remarks do', async () => {
      const { q } = await setup();
      // 06:50 UTC: 14:50 in Beijing, 22:50 the day before in Los Angeles.
      expect(q('[data-pick-id="b"] td:nth-child(4)')!.textContent).toBe('2026-11-02 14:50');
    });
  });
});
