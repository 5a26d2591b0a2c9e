// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { MyProposals, TeamReview } from './TeamReview';
import { type } from '../remarks/testing';
import { flush, mountTab } from './testing';
import { registerMessages, setLocale } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import { team } from '@/lib/i18n/messages/team';
import type { Template } from '@/lib/domain/templates/types';
import { PRESET_A, cloneRuleSet, type RuleSet } from '@/lib/domain/remarks';

registerMessages(options);
registerMessages(team);

const tpl = (id: string, title: string, body: string): Template => ({ id, title, body, group: '售后', scenarios: [] });
const AT = Date.UTC(2026, 11, 1, 2, 0);

const setup = (replies: Record<string, (payload: any) => unknown>, component = <TeamReview />) => mountTab(component, replies);

const library = () => ({ groups: ['售后'], templates: [tpl('t-old', '退货运费', '旧的说法')], updatedAt: 1 });

describe('options → 团队, supervisor review', () => {
  it("shows an agent's proposal as text and accepts it", async () => {
    const review = { proposals: [{ id: 'proposal:小王:t9:ab', template: tpl('t9', '换货说明', '<b>亲</b>，换货运费我们出'), by: '小王', at: AT }], conflicts: [] };
    const { q, call, click } = await setup({
      getLibrary: library,
      teamReview: () => ({ ok: true, value: review }),
      teamDecideProposal: () => ({ ok: true, value: null }),
    });
    expect(q('[data-kf="proposal-by"]')!.textContent).toContain('小王 提议');
    expect(q('[data-kf="reply-body"]')!.textContent).toBe('<b>亲</b>，换货运费我们出');
    expect(q('[data-kf="reply-body"] b')).toBeNull();
    await click('[data-kf="proposal-accept"]');
    expect(call).toHaveBeenCalledWith('teamDecideProposal', { id: 'proposal:小王:t9:ab', accepted: true });
    expect(q('[data-kf="review-message"]')!.textContent).toBe('已采纳「换货说明」，它已加入团队话术库。');
  });

  it('says when an accepted proposal replaces a reply of the same id, and declines with the reason', async () => {
    const review = { proposals: [{ id: 'proposal:小王:t-old:cd', template: tpl('t-old', '退货运费', '新的说法'), by: '小王', at: AT }], conflicts: [] };
    const { q, call, click } = await setup({ getLibrary: library, teamReview: () => ({ ok: true, value: review }), teamDecideProposal: () => ({ ok: true, value: null }) });
    expect(q('[data-kf="proposal"]')!.textContent).toContain('采纳后会替换话术库里的「退货运费」');
    type(q('[data-kf="proposal-reason"]'), ' 运费规则下月才改 ');
    await click('[data-kf="proposal-reject"]');
    expect(call).toHaveBeenCalledWith('teamDecideProposal', { id: 'proposal:小王:t-old:cd', accepted: false, reason: '运费规则下月才改' });
  });

  it('keeps a decline reason longer than 200 characters whole, says by how much it is over and declines nothing until it is shortened', async () => {
    const review = { proposals: [{ id: 'proposal:小王:t-old:cd', template: tpl('t-old', '退货运费', '新的说法'), by: '小王', at: AT }], conflicts: [] };
    const { q, call, click } = await setup({ getLibrary: library, teamReview: () => ({ ok: true, value: review }), teamDecideProposal: () => ({ ok: true, value: null }) });
    const reason = () => q('[data-kf="proposal-reason"]') as HTMLInputElement;
    const long = '运费规则下个月才调整，先别改'.repeat(16); // 224 characters
    expect(reason().hasAttribute('maxlength')).toBe(false);
    type(reason(), long);
    expect((q('[data-kf="proposal-reject"]') as HTMLButtonElement).disabled).toBe(true);
    await click('[data-kf="proposal-reject"]');
    expect(call).not.toHaveBeenCalledWith('teamDecideProposal', expect.anything());
    expect(reason().value).toBe(long);
    expect(q('[data-kf="proposal-reason-too-long"]')?.textContent).toBe('最多 200 字，现在 224 字（多 24 字）。文字都还在，缩短后才能保存。');
    type(reason(), long.slice(0, 200));
    await click('[data-kf="proposal-reject"]');
    expect(call).toHaveBeenCalledWith('teamDecideProposal', { id: 'proposal:小王:t-old:cd', accepted: false, reason: long.slice(0, 200) });
  });

  it("puts the server's refusal into words", async () => {
    const review = { proposals: [{ id: 'proposal:a:t1:01', template: tpl('t1', '标题', '内容'), by: 'a', at: AT }], conflicts: [] };
    const { q, click } = await setup({
      getLibrary: library,
      teamReview: () => ({ ok: true, value: review }),
      teamDecideProposal: () => ({ ok: false, error: 'forbidden', message: 'only the supervisor edits the library and the remark rules' }),
    });
    await click('[data-kf="proposal-accept"]');
    const text = q('[data-kf="review-message"]')!.textContent!;
    expect(text).toContain('服务器拒绝了：只有主管能修改团队话术库');
    expect(text).toContain('only the supervisor edits the library');
    expect(q('[data-kf="review-message"]')!.className).toBe('kf-bad');
  });

  it('shows both versions of a reply edited on two machines side by side; one is chosen, or a merge is saved', async () => {
    const conflict = {
      id: 't-old',
      versions: [
        { rev: '3-a', template: tpl('t-old', '退货运费', '版本一：运费我们出'), by: '店长', at: AT },
        { rev: '3-b', template: tpl('t-old', '退货运费', '版本二：质量问题运费我们出'), by: '店长', at: AT + 60_000 },
      ],
    };
    const { q, m, call, click } = await setup({
      getLibrary: library,
      teamReview: () => ({ ok: true, value: { proposals: [], conflicts: [conflict] } }),
      teamResolveConflict: () => ({ ok: true, value: null }),
    });
    const versions = [...m.root.querySelectorAll('[data-kf="conflict-version"]')].map((v) => v.querySelector('[data-kf="reply-body"]')!.textContent);
    expect(versions).toEqual(['版本一：运费我们出', '版本二：质量问题运费我们出']);
    await act(async () => (m.root.querySelectorAll('[data-kf="conflict-choose"]')[1] as HTMLElement).click());
    await flush();
    expect(call).toHaveBeenCalledWith('teamResolveConflict', { template: conflict.versions[1]!.template });

    await act(async () => (m.root.querySelectorAll('[data-kf="conflict-edit"]')[0] as HTMLElement).click());
    type(q('[data-kf="conflict-merge"] textarea'), '质量问题运费我们出，其他情况买家承担 ');
    await act(async () => (q('[data-kf="conflict-merge"]') as HTMLFormElement).requestSubmit());
    await flush();
    expect(call).toHaveBeenCalledWith('teamResolveConflict', { template: { ...conflict.versions[0]!.template, body: '质量问题运费我们出，其他情况买家承担' } });
    expect(q('[data-kf="review-message"]')!.textContent).toBe('「退货运费」已统一为选定的内容。');
  });

  it('keeps a merged reply pasted longer than 2000 characters whole and saves nothing until it is shortened', async () => {
    const conflict = { id: 't-old', versions: [{ rev: '3-a', template: tpl('t-old', '退货运费', '版本一'), by: '店长', at: AT }, { rev: '3-b', template: tpl('t-old', '退货运费', '版本二'), by: '店长', at: AT }] };
    const { q, m, call } = await setup({ getLibrary: library, teamReview: () => ({ ok: true, value: { proposals: [], conflicts: [conflict] } }), teamResolveConflict: () => ({ ok: true, value: null }) });
    await act(async () => (m.root.querySelectorAll('[data-kf="conflict-edit"]')[0] as HTMLElement).click());
    const body = () => q('[data-kf="conflict-merge"] textarea') as HTMLTextAreaElement;
    const long = '质量问题运费我们出，其他情况买家承担。'.repeat(110); // 2090 characters
    expect(body().hasAttribute('maxlength')).toBe(false);
    type(body(), long);
    await act(async () => (q('[data-kf="conflict-merge"]') as HTMLFormElement).requestSubmit());
    await flush();
    expect(call).not.toHaveBeenCalledWith('teamResolveConflict', expect.anything());
    expect(body().value).toBe(long);
    expect(q('[data-kf="merge-body-too-long"]')?.textContent).toBe('最多 2000 字，现在 2090 字（多 90 字）。文字都还在，缩短后才能保存。');
    expect((q('[data-kf="conflict-save"]') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('options → 团队, remark rules edited on two machines', () => {
  const base = cloneRuleSet(PRESET_A);
  const one = cloneRuleSet(base);
  one.flags.red = { ...one.flags.red, meaning: '<b>一号机</b>：地址改了要写新地址' };
  const two = cloneRuleSet(base);
  two.flags.yellow = { ...two.flags.yellow, meaning: '二号机：改价要写主管' };
  two.limits = { ...two.limits, agentDiscountYuan: 30 };
  const conflict = { versions: [{ rev: '4-a', ruleSet: one, by: '店长', at: AT }, { rev: '4-b', ruleSet: two, by: '店长', at: AT + 60_000 }] };

  it('shows only the parts that differ, side by side as text, and saves the per-colour choice', async () => {
    const { q, m, call, click } = await setup({
      getLibrary: library,
      teamReview: () => ({ ok: true, value: { proposals: [], conflicts: [], rules: conflict } }),
      teamResolveRulesConflict: () => ({ ok: true, value: null }),
    });
    const parts = [...m.root.querySelectorAll('[data-kf="rules-part"]')].map((p) => (p as HTMLElement).dataset.part);
    expect(parts).toEqual(['red', 'yellow', 'other']);
    expect([...m.root.querySelectorAll('[data-kf="rules-part-same"]')].map((p) => p.textContent)).toContain('灰旗：各版本相同');
    const red = [...q('[data-part="red"]')!.querySelectorAll('[data-kf="rules-part-text"] p')].map((p) => p.textContent);
    expect(red).toContain('<b>一号机</b>：地址改了要写新地址');
    expect(q('[data-part="red"] b')).toBeNull();
    expect(q('[data-part="other"]')!.textContent).toContain('客服让价上限 30 元');

    // Red from version 1 (the default), yellow from version 2, the rest from version 1.
    await act(async () => (q('[data-part="yellow"]')!.querySelectorAll('[data-kf="rules-part-choose"]')[1] as HTMLElement).click());
    await click('[data-kf="rules-resolve"]');
    const sent = (call.mock.calls.find((c) => c[0] === 'teamResolveRulesConflict')![1] as { ruleSet: RuleSet }).ruleSet;
    expect(sent.flags.red.meaning).toBe('<b>一号机</b>：地址改了要写新地址');
    expect(sent.flags.yellow.meaning).toBe('二号机：改价要写主管');
    expect(sent.limits.agentDiscountYuan).toBe(base.limits.agentDiscountYuan);
    expect(q('[data-kf="review-message"]')!.textContent).toBe('备注规则已统一为你选定的内容。');
  });

  it('says in words when the chosen combination is not a valid rule set, and nothing is saved', async () => {
    const { q, click } = await setup({
      getLibrary: library,
      teamReview: () => ({ ok: true, value: { proposals: [], conflicts: [], rules: conflict } }),
      teamResolveRulesConflict: () => ({ ok: false, error: 'invalid', message: '标题「延迟发货」重复' }),
    });
    await click('[data-kf="rules-resolve"]');
    expect(q('[data-kf="review-message"]')!.textContent).toBe('这样组合出的规则不成立，没有保存：标题「延迟发货」重复');
    expect(q('[data-kf="review-message"]')!.className).toBe('kf-bad');
    expect(q('[data-kf="rules-conflict"]')).not.toBeNull();
  });

  describe('in English', () => {
    afterEach(() => setLocale('zh-CN'));

    it('names the built-in records and flag titles in English, as the remark messages do, and a shop’s own title as written', async () => {
      setLocale('en');
      const own = cloneRuleSet(two);
      own.records['quality-exchange'] = { ...own.records['quality-exchange'], title: '质量问题换货单' };
      const { q } = await setup({
        getLibrary: library,
        teamReview: () => ({ ok: true, value: { proposals: [], conflicts: [], rules: { versions: [conflict.versions[0]!, { ...conflict.versions[1]!, ruleSet: own }] } } }),
      });
      const [first, second] = [...q('[data-part="other"]')!.querySelectorAll('[data-kf="rules-part-text"]')].map((p) => p.textContent!);
      expect(first).toContain('After-sale records: Quality exchange, Non-quality exchange, Return, Compensation');
      expect(first).not.toMatch(/【/);
      expect(second).toContain('After-sale records: 【质量问题换货单】, Non-quality exchange');
      // A flag's title (Details changed), not 【信息变更】.
      const yellow = q('[data-part="yellow"] [data-kf="rules-part-text"] strong')!.textContent;
      expect(yellow).toBe('Details changed');
    });
  });
});

describe('options → 团队, a taught page changed on two machines', () => {
  it('shows each version as text, one of them forgotten, and sends the chosen one', async () => {
    const origin = 'https://kf.two.example';
    const site = { v: 1 as const, origin, name: '<i>二号</i>客服台', url: `${origin}/chat`, fields: { chatInput: [{ css: 'div.editor' }] }, createdAt: AT, updatedAt: AT };
    const sites = [{ origin, versions: [{ rev: '3-a', site, by: '店长', at: AT }, { rev: '3-b', site: null, by: '店长', at: AT + 1 }] }];
    const { q, m, call } = await setup({
      getLibrary: library,
      teamReview: () => ({ ok: true, value: { proposals: [], conflicts: [], rules: null, sites } }),
      teamResolveSiteConflict: () => ({ ok: true, value: null }),
    });
    const versions = [...m.root.querySelectorAll('[data-kf="site-version"]')];
    expect(versions).toHaveLength(2);
    expect(versions[0]!.querySelector('[data-kf="site-name"]')!.textContent).toBe('<i>二号</i>客服台');
    expect(versions[0]!.querySelector('i')).toBeNull();
    expect(versions[0]!.querySelector('[data-kf="site-field"]')!.textContent).toBe('聊天输入框：css=div.editor');
    expect(versions[1]!.querySelector('[data-kf="site-forgotten"]')!.textContent).toContain('忘记了这个页面');
    await act(async () => (versions[1]!.querySelector('[data-kf="site-choose"]') as HTMLElement).click());
    await flush();
    expect(call).toHaveBeenCalledWith('teamResolveSiteConflict', { origin, site: null });
    expect(q('[data-kf="review-message"]')!.textContent).toBe(`${origin} 已统一为选定的版本。`);
  });
});

describe('options → 团队, refusals of the handlers themselves in words', () => {
  it('a proposal decided meanwhile, and a version that is not a taught page of its origin', async () => {
    const origin = 'https://kf.two.example';
    const site = { v: 1 as const, origin, name: '二号客服台', url: `${origin}/chat`, fields: { chatInput: [{ css: 'div.editor' }] }, createdAt: AT, updatedAt: AT };
    const review = { proposals: [{ id: 'proposal:a:t1:01', template: tpl('t1', '标题', '内容'), by: 'a', at: AT }], conflicts: [], rules: null, sites: [{ origin, versions: [{ rev: '3-a', site, by: '店长', at: AT }, { rev: '3-b', site: null, by: '店长', at: AT + 1 }] }] };
    const { q, m, click } = await setup({
      getLibrary: library,
      teamReview: () => ({ ok: true, value: review }),
      teamDecideProposal: () => ({ ok: false, error: 'gone', message: 'proposal:a:t1:01' }),
      teamResolveSiteConflict: () => ({ ok: false, error: 'site-invalid', message: origin }),
    });
    await click('[data-kf="proposal-reject"]');
    expect(q('[data-kf="review-message"]')!.textContent).toBe('这条提议已不在待审核列表里（可能已在另一台电脑上处理过），没有做任何改动。');
    await act(async () => (m.root.querySelector('[data-kf="site-choose"]') as HTMLElement).click());
    await flush();
    expect(q('[data-kf="review-message"]')!.textContent).toBe(`选定的版本不是 ${origin} 的有效教学页面，没有保存。`);
    expect(q('[data-kf="review-message"]')!.className).toBe('kf-bad');
  });
});

describe('options → 团队, an agent’s proposals', () => {
  it('lists each proposal with the decision and the reason', async () => {
    const mine = [
      { id: 'p1', template: tpl('t1', '换货说明', 'x'), by: '小王', at: AT },
      { id: 'p2', template: tpl('t2', '包邮说明', 'y'), by: '小王', at: AT, decision: { accepted: false, reason: '和现有话术重复', by: '店长', at: AT } },
      { id: 'p3', template: tpl('t3', '催付', 'z'), by: '小王', at: AT, decision: { accepted: true, by: '店长', at: AT } },
    ];
    const { m } = await setup({ teamMyProposals: () => ({ ok: true, value: mine }) }, <MyProposals />);
    const rows = [...m.root.querySelectorAll('[data-kf="my-proposal-state"]')].map((r) => r.textContent);
    expect(rows).toEqual(['等待主管审核', '店长 未采纳：和现有话术重复', '店长 已采纳']);
  });
});
