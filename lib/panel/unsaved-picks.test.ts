import { describe, expect, it, vi } from 'vitest';
import { Store } from './store';
import type { PanelController, PanelState } from './controller';
import type { FeatureHost } from './features';
import type { Template } from '../domain/templates/types';

vi.mock('../browser', () => ({ browser: {} }));
const sent: { verb: string; req: unknown }[] = [];
let full = true;
vi.mock('../messaging/client', async (orig) => {
  const { CallError } = await orig<typeof import('../messaging/client')>();
  return {
    CallError,
    onDataChanged: () => () => {},
    call: async (verb: string, req: unknown) => {
      if (full) throw new CallError('quota', 'QuotaExceededError');
      sent.push({ verb, req });
    },
  };
});
const { learn, MAX_KEPT } = await import('./unsaved-picks');

const template = (n: number): Template => ({ id: `tpl-${n}`, title: `回复${n}`, body: '亲，好的', group: '售后', scenarios: ['return'] });

describe('what insertions taught while the disk is full', () => {
  it('is kept in the page’s memory up to its bound, the oldest given up past it and said; the rest is saved once there is room', async () => {
    const store = new Store<PanelState>({
      buyerMessages: ['这件不想要了可以退吗'], buyer: '米粒妈妈', buyerId: null, scenarioOverride: null,
      classification: { top: ['return'], scores: [], confident: true, evidence: {} }, notice: null, settings: { shop: { locale: 'zh-CN' } },
    } as unknown as PanelState);
    const host = { controller: { store } as unknown as PanelController, adapter: { platform: 'demo' }, platform: 'demo' } as unknown as FeatureHost;
    const settle = () => vi.waitFor(() => expect(store.get().notice).not.toBeNull());

    // Each insertion teaches three records: the usage count, the pick, the buyer's line.
    const insertions = MAX_KEPT / 3 + 2;
    for (let n = 0; n < insertions; n++) learn(host, template(n));
    await settle();
    expect(store.get().notice).toEqual({ kind: 'warn', text: expect.stringContaining('没能保存（存储空间已满）') });
    await vi.waitFor(() => expect(store.get().notice?.text).toContain('较早的一部分没能保存，已放弃'));

    full = false;
    learn(host, template(99));
    await vi.waitFor(() => expect(store.get().notice?.text).toContain('已补上'));
    expect(sent).toHaveLength(MAX_KEPT);
    // The oldest went: the first insertions' usage counts are not among what was saved, the last ones are.
    const usage = sent.filter((x) => x.verb === 'recordUsage').map((x) => (x.req as { templateId: string }).templateId);
    expect(usage).not.toContain('tpl-0');
    expect(usage).toContain('tpl-99');
    expect(usage).toContain(`tpl-${insertions - 1}`);
  });
});
