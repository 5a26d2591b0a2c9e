// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { OptionsContext, type OptionsApi } from './OptionsContext';
import { LearnedPicks } from './LearnedPicks';
import { check, mount } from '../remarks/testing';
import { registerMessages } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import type { LearnedSummary } from '@/lib/messaging/protocol-learned';

registerMessages(options);

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const summary: LearnedSummary = {
  enabled: true,
  count: 2,
  cap: 5000,
  perScenario: { repair: 1, invoice: 1 },
  latest: [
    { id: 'b', at: Date.UTC(2026, 10, 2), text: '烤箱门关不严 电话#', scenario: 'repair', templateId: 't-repair', source: 'insert' },
    { id: 'a', at: Date.UTC(2026, 10, 1), text: '<img src=x onerror=alert(1)>能开专票吗', scenario: 'invoice', templateId: null, source: 'chip' },
  ],
};

async function setup() {
  const call = vi.fn(async (verb: string) => {
    if (verb === 'getLearned') return structuredClone(summary);
    if (verb === 'getLibrary') return { templates: [{ id: 't-repair', title: '保修说明', body: '', group: 'g', scenarios: ['repair'] }] };
    if (verb === 'forgetLearned') return { deleted: 1 };
    if (verb === 'patchSettings') return {};
    throw new Error(verb);
  });
  const api = { call, onChanged: () => () => {} } as unknown as OptionsApi;
  const m = mount(
    <OptionsContext.Provider value={api}>
      <LearnedPicks />
    </OptionsContext.Provider>,
  );
  cleanup = m.unmount;
  await flush();
  const q = (sel: string) => m.root.querySelector(sel);
  const click = async (sel: string) => {
    await act(async () => (q(sel) as HTMLElement).click());
    await flush();
  };
  return { q, m, call, click };
}

describe('the 学习记录 tab', () => {
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
});
