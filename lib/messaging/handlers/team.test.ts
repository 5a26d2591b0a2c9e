/** The supervisor's decisions: checked before the server is asked; the library changes only when it agrees. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../browser', () => ({
  browser: {
    storage: { local: { set: vi.fn(async () => {}), get: vi.fn(async () => ({})) }, onChanged: { addListener: vi.fn(), removeListener: vi.fn() } },
    runtime: { id: 'ext', getURL: (p = '') => `chrome-extension://ext/${p.replace(/^\//, '')}` },
  },
}));
const ask = vi.fn();
vi.mock('../../background/team', async (orig) => ({
  ...(await orig<typeof import('../../background/team')>()),
  askTeamPage: (req: unknown) => ask(req),
  syncTeamNow: vi.fn(async () => ({ state: 'synced', pending: 0 })),
}));

const { dispatch } = await import('../dispatch');
const { saveLibrary, loadLibrary } = await import('../../storage/library');
import type { Template } from '../../domain/templates/types';

const tpl = (id: string, title: string, body: string): Template => ({ id, title, body, group: '售后', scenarios: [] });
const proposal = (template: unknown) => ({ id: 'proposal:小王:t9:ab', template, by: '小王', at: 1 });

function pageAnswers(review: unknown, decide: unknown) {
  ask.mockImplementation(async (req: { op: string }) => (req.op === 'review' ? { ok: true, value: { proposals: [review], conflicts: [] } } : req.op === 'decide' ? decide : { ok: false, kind: 'server', message: req.op }));
}
const decide = (payload: unknown) => dispatch({ kf: 'teamDecideProposal', payload }, 'extension-page');

beforeEach(async () => {
  ask.mockReset();
  await saveLibrary({ groups: ['售后'], templates: [tpl('t1', '退货', '旧')] });
});

describe('teamDecideProposal', () => {
  it('accepted: the reply joins the library after the server took the decision', async () => {
    pageAnswers(proposal(tpl('t9', '换货运费', '运费我们出')), { ok: true, value: {} });
    const r = await decide({ id: 'proposal:小王:t9:ab', accepted: true });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, value: { ok: true } });
    expect(ask).toHaveBeenCalledWith({ op: 'decide', id: 'proposal:小王:t9:ab', accepted: true, reason: undefined });
    expect((await loadLibrary()).templates.map((t) => t.title)).toEqual(['退货', '换货运费']);
  });

  it('refused by the server: the refusal comes back as data and the library is unchanged', async () => {
    pageAnswers(proposal(tpl('t9', '换货运费', '运费我们出')), { ok: false, kind: 'forbidden', message: 'only the supervisor edits the library' });
    expect(await decide({ id: 'proposal:小王:t9:ab', accepted: true })).toMatchObject({ ok: true, value: { ok: false, error: 'forbidden', message: 'only the supervisor edits the library' } });
    expect((await loadLibrary()).templates.map((t) => t.title)).toEqual(['退货']);
  });

  it('a proposal the library would not take is not decided at all', async () => {
    pageAnswers(proposal({ id: '__proto__', title: '', body: 'x', group: '售后', scenarios: [] }), { ok: true, value: {} });
    expect(await decide({ id: 'proposal:小王:t9:ab', accepted: true })).toMatchObject({ ok: true, value: { ok: false, error: 'invalid' } });
    expect(ask).not.toHaveBeenCalledWith(expect.objectContaining({ op: 'decide' }));
  });

  it('a proposal no longer waiting (decided elsewhere) is said as such, accepted or declined, and nothing is written', async () => {
    pageAnswers({ ...proposal(tpl('t9', 'x', 'y')), id: 'proposal:小王:t9:other' }, { ok: true, value: {} });
    for (const accepted of [true, false]) {
      expect(await decide({ id: 'proposal:小王:t9:ab', accepted })).toMatchObject({ ok: true, value: { ok: false, error: 'gone', message: 'proposal:小王:t9:ab' } });
    }
    expect(ask).not.toHaveBeenCalledWith(expect.objectContaining({ op: 'decide' }));
    expect((await loadLibrary()).templates.map((t) => t.title)).toEqual(['退货']);
  });

  it('declined with a reason; a bad payload is refused before anything runs', async () => {
    pageAnswers(proposal(tpl('t9', 'x', 'y')), { ok: true, value: {} });
    expect(await decide({ id: 'proposal:小王:t9:ab', accepted: false, reason: '重复了' })).toMatchObject({ ok: true, value: { ok: true } });
    expect(ask).toHaveBeenCalledWith({ op: 'decide', id: 'proposal:小王:t9:ab', accepted: false, reason: '重复了' });
    ask.mockClear();
    for (const payload of [{ id: 'p', accepted: 'yes' }, { accepted: true }, { id: 'p', accepted: false, reason: 'x'.repeat(201) }]) {
      expect(await decide(payload)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(ask).not.toHaveBeenCalled();
    expect((await loadLibrary()).templates.map((t) => t.title)).toEqual(['退货']);
  });
});

describe('teamPropose', () => {
  const propose = (template: unknown) => dispatch({ kf: 'teamPropose', payload: { template } }, 'extension-page');
  const untitled = { id: 't9', title: '', body: '运费我们出', group: '售后', scenarios: [] };

  it('says why a reply cannot be proposed in the interface’s language, and never asks the team page', async () => {
    const { patchSettings } = await import('../../storage/settings');
    try {
      await patchSettings({ shop: { locale: 'zh-CN' } });
      expect(await propose(untitled)).toEqual({ ok: true, value: { ok: false, error: 'invalid', message: '第 1 条话术（id "t9"）：标题为空' } });
      await patchSettings({ shop: { locale: 'en' } });
      expect(await propose(untitled)).toEqual({ ok: true, value: { ok: false, error: 'invalid', message: 'reply 1 (id "t9"): the title is empty' } });
      expect(ask).not.toHaveBeenCalled();
    } finally {
      await patchSettings({ shop: { locale: 'zh-CN' } });
    }
  });

  it('sends a reply the library takes to the team page', async () => {
    ask.mockResolvedValue({ ok: true, value: 'proposal:小王:t9:ab' });
    expect(await propose(tpl('t9', '换货运费', '运费我们出'))).toMatchObject({ ok: true, value: { ok: true, value: { id: 'proposal:小王:t9:ab' } } });
    expect(ask).toHaveBeenCalledWith({ op: 'propose', template: expect.objectContaining({ id: 't9', title: '换货运费', body: '运费我们出' }) });
  });
});

describe('teamResolveRulesConflict', () => {
  it('checks the chosen rule set before the team page is asked; a valid one goes to the page', async () => {
    const { PRESET_A, cloneRuleSet } = await import('../../domain/remarks');
    ask.mockResolvedValue({ ok: true, value: null });
    const twice = cloneRuleSet(PRESET_A);
    twice.flags.yellow = { ...twice.flags.yellow, title: twice.flags.red.title };
    const bad = await dispatch({ kf: 'teamResolveRulesConflict', payload: { ruleSet: twice } }, 'extension-page');
    expect(bad).toMatchObject({ ok: true, value: { ok: false, error: 'invalid' } });
    expect(ask).not.toHaveBeenCalled();
    const good = await dispatch({ kf: 'teamResolveRulesConflict', payload: { ruleSet: cloneRuleSet(PRESET_A) } }, 'extension-page');
    expect(good).toMatchObject({ ok: true, value: { ok: true } });
    expect(ask).toHaveBeenCalledWith({ op: 'resolveRules', ruleSet: PRESET_A });
  });

  it('says why the chosen rule set is refused in the interface’s language', async () => {
    const { PRESET_A, cloneRuleSet } = await import('../../domain/remarks');
    const { patchSettings } = await import('../../storage/settings');
    const twice = cloneRuleSet(PRESET_A);
    twice.flags.yellow = { ...twice.flags.yellow, title: twice.flags.red.title };
    const message = async () => ((await dispatch({ kf: 'teamResolveRulesConflict', payload: { ruleSet: twice } }, 'extension-page')) as { value: { message: string } }).value.message;
    try {
      await patchSettings({ shop: { locale: 'en' } });
      expect(await message()).toBe('flags.yellow.title: title "已核对可发货" is also used by flags.red.');
      await patchSettings({ shop: { locale: 'zh-CN' } });
      expect(await message()).toMatch(/^flags\.yellow\.title：[^A-Za-z]*已核对可发货[^A-Za-z]*flags\.red[^A-Za-z]*$/);
    } finally {
      await patchSettings({ shop: { locale: 'zh-CN' } });
    }
  });

  it('is refused to a seller page', async () => {
    const r = await dispatch({ kf: 'teamResolveRulesConflict', payload: { ruleSet: {} } }, 'content-script');
    expect(r.ok).toBe(false);
    expect(ask).not.toHaveBeenCalled();
  });
});

describe('teamResolveSiteConflict', () => {
  it('takes a taught page of that origin or null (forgotten); anything else never reaches the team page', async () => {
    ask.mockResolvedValue({ ok: true, value: null });
    const origin = 'https://kf.two.example';
    const site = { v: 1, origin, name: '客服台', url: `${origin}/chat`, fields: { chatInput: [{ css: 'textarea' }] }, createdAt: 1, updatedAt: 2 };
    const send = (payload: unknown) => dispatch({ kf: 'teamResolveSiteConflict', payload }, 'extension-page');
    expect(await send({ origin: 'javascript:alert(1)', site: null })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await send({ origin, site: { ...site, origin: 'https://other.example' } })).toMatchObject({ ok: true, value: { ok: false, error: 'site-invalid', message: origin } });
    expect(ask).not.toHaveBeenCalled();
    expect(await send({ origin, site: null })).toMatchObject({ ok: true, value: { ok: true } });
    expect(ask).toHaveBeenLastCalledWith({ op: 'resolveSite', origin, site: null });
    expect(await send({ origin, site })).toMatchObject({ ok: true, value: { ok: true } });
    expect(ask).toHaveBeenLastCalledWith({ op: 'resolveSite', origin, site: expect.objectContaining({ origin, name: '客服台' }) });
  });
});
