import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESET_A, PRESET_B, cloneRuleSet, isoDate, updateField, type RemarkFact } from '../../domain/remarks';

vi.mock('../../browser', () => ({
  browser: { storage: { local: { set: vi.fn(async () => {}) } }, runtime: { id: 'ext', getURL: () => 'chrome-extension://ext/' } },
}));

const { dispatch } = await import('../dispatch');
/** A content script's page on the demo console (the browser's sender URL). */
const DEMO_PAGE = { tabId: 1, url: 'http://127.0.0.1:5173/orders' };
const { remarkFactSinks } = await import('./rules');
const { db } = await import('../../storage/db');
const { browser } = await import('../../browser');

const today = isoDate(Date.now(), 480);
const inDays = (n: number) => isoDate(Date.now() + n * 86_400_000, 480);
const ok = <T>(r: { ok: boolean; value?: unknown }) => {
  expect(r).toMatchObject({ ok: true });
  return r.value as T;
};

let received: { facts: RemarkFact[]; ctx: { orderId: string; buyerId?: string; origin: string; overridden: boolean } }[] = [];
remarkFactSinks.push(async (facts, ctx) => {
  received.push({ facts, ctx });
});

beforeEach(async () => {
  received = [];
  await db.del('meta', 'remarkRules');
  await db.del('meta', 'remarkOverrides');
  await dispatch({ kf: 'patchSettings', payload: { shop: { agentName: '小美' } } }, 'extension-page');
  vi.mocked(browser.storage.local.set).mockClear();
});

const purple = (text: string, override?: unknown) => ({
  kf: 'recordRemark',
  payload: { platform: 'demo', orderId: '3930018273645518290', buyer: '南风知我意2019', flag: 'purple', text, ...(override ? { override } : {}) },
});

describe('remark rule set verbs', () => {
  it('gives a seller page the rule set but only lets extension pages change it', async () => {
    expect(ok(await dispatch({ kf: 'getRuleSet', payload: undefined }, 'content-script', DEMO_PAGE))).toEqual(PRESET_A);
    const r = await dispatch({ kf: 'saveRuleSet', payload: PRESET_B }, 'content-script', DEMO_PAGE);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ok(await dispatch({ kf: 'saveRuleSet', payload: PRESET_B }, 'extension-page'));
    expect(ok(await dispatch({ kf: 'getRuleSet', payload: undefined }, 'content-script', DEMO_PAGE))).toEqual(PRESET_B);
    expect(browser.storage.local.set).toHaveBeenCalledWith({ 'kf:rev:rules': expect.any(Number) });
  });

  it('refuses an invalid rule set with the entry named, and keeps the old one', async () => {
    const bad = cloneRuleSet(PRESET_B) as unknown as { flags: { red: { fields: { label: string }[] } } };
    bad.flags.red.fields[0]!.label = '快递:公司';
    const r = await dispatch({ kf: 'saveRuleSet', payload: bad }, 'extension-page');
    // The first field, counted from 1 as the agent counts.
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('flags.red.fields[1].label') } });
    expect(ok(await dispatch({ kf: 'getRuleSet', payload: undefined }, 'extension-page'))).toEqual(PRESET_A);
  });
});

describe('recordRemark', () => {
  it('turns a saved purple remark into a ship-by date for the follow-up sinks', async () => {
    const r = ok<{ facts: number; overrideRecorded: boolean }>(
      await dispatch(purple(`【延迟发货】可发货日:${inDays(3)}｜原因:缺货｜小美 ${today}`), 'content-script', DEMO_PAGE),
    );
    expect(r).toEqual({ facts: 1, overrideRecorded: false });
    expect(received).toHaveLength(1);
    expect(received[0]!.facts[0]).toMatchObject({ kind: 'ship-promised', date: inDays(3), orderId: '3930018273645518290', buyer: '南风知我意2019' });
    expect(received[0]!.ctx).toMatchObject({ origin: 'saved', overridden: false });
    expect(ok(await dispatch({ kf: 'listRemarkOverrides', payload: undefined }, 'extension-page'))).toEqual([]);
  });

  it('records an override with the reason, the problems, the agent from the settings and the time', async () => {
    const before = Date.now();
    const r = ok<{ overrideRecorded: boolean }>(
      await dispatch(purple('缺货，晚点发', { reason: '买家同意等，日期未定', problems: [{ code: 'missing-field', message: '缺少可发货日' }] }), 'content-script', DEMO_PAGE),
    );
    expect(r.overrideRecorded).toBe(true);
    const list = ok<{ at: number }[]>(await dispatch({ kf: 'listRemarkOverrides', payload: undefined }, 'extension-page'));
    expect(list).toEqual([
      expect.objectContaining({
        orderId: '3930018273645518290', flag: 'purple', agent: '小美', reason: '买家同意等，日期未定', text: '缺货，晚点发',
        problems: [{ code: 'missing-field', message: '缺少可发货日' }],
      }),
    ]);
    expect(list[0]!.at).toBeGreaterThanOrEqual(before);
    expect(received[0]!.ctx.overridden).toBe(true);
  });

  it('stores the override with phone and ID numbers masked, as notes are, unless the shop turned masking off', async () => {
    const phone = '13912345678';
    const override = { reason: `买家让改，电话${phone}`, problems: [{ code: 'phone', message: `电话“${phone}”不是收件人的` }] };
    await dispatch(purple(`改电话 ${phone} 小美`, override), 'content-script', DEMO_PAGE);
    const [saved] = ok<{ text: string; reason: string; problems: { message: string }[] }[]>(await dispatch({ kf: 'listRemarkOverrides', payload: undefined }, 'extension-page'));
    expect(JSON.stringify(saved)).not.toContain(phone);
    expect(saved).toMatchObject({ text: '改电话 139****5678 小美', reason: '买家让改，电话139****5678' });
    await dispatch({ kf: 'patchSettings', payload: { privacy: { maskPii: false, retentionDays: 0 } } }, 'extension-page');
    await dispatch(purple(`改电话 ${phone} 小美`, override), 'content-script', DEMO_PAGE);
    const [latest] = ok<{ text: string }[]>(await dispatch({ kf: 'listRemarkOverrides', payload: undefined }, 'extension-page'));
    expect(latest!.text).toBe(`改电话 ${phone} 小美`);
  });

  it('masks, once at an update, the entries stored before the log was masked — live and in the backups — and not while the shop keeps numbers', async () => {
    const { upgradePrivacyAtStart: maskOverridesAtUpdate } = await import('./data');
    const phone = '13812345678';
    // As an older version stored it (v1, no masking): the remark, the reason and a problem quote the phone.
    const old = { at: 1, platform: 'demo', orderId: '3930018273645518290', buyer: '南风知我意2019', flag: 'purple', agent: '小美', reason: `买家要求改成${phone}`, problems: [{ code: 'phone', message: `电话“${phone}”不是收件人的` }], text: `改电话 ${phone}` };
    await db.set('meta', 'remarkOverrides', { v: 1, items: [old] });
    await db.del('meta', 'privacy:remasked');
    const listed = async () => JSON.stringify(ok(await dispatch({ kf: 'listRemarkOverrides', payload: undefined }, 'extension-page')));
    // The shop keeps numbers: nothing changes, and the first worker start with masking on looks again.
    await dispatch({ kf: 'patchSettings', payload: { privacy: { maskPii: false, retentionDays: 0 } } }, 'extension-page');
    await maskOverridesAtUpdate();
    expect(await listed()).toContain(phone);
    await dispatch({ kf: 'patchSettings', payload: { privacy: { maskPii: true, retentionDays: 0 } } }, 'extension-page');
    const backup = ok<{ id: string }>(await dispatch({ kf: 'createBackup', payload: undefined }, 'extension-page'));
    await maskOverridesAtUpdate();
    expect(await listed()).not.toContain(phone);
    const [saved] = ok<{ text: string; reason: string; problems: { message: string }[] }[]>(await dispatch({ kf: 'listRemarkOverrides', payload: undefined }, 'extension-page'));
    expect(saved).toMatchObject({ text: '改电话 138****5678', reason: '买家要求改成138****5678', problems: [{ message: '电话“138****5678”不是收件人的' }] });
    const snap = await db.get<{ stores: { meta: [string, unknown][] } }>('backups', backup.id);
    expect(JSON.stringify(snap!.stores.meta.find(([k]) => k === 'remarkOverrides'))).not.toContain(phone);
    // Once: what the shop stores later (masking turned off meanwhile) is the shop's choice, left as it is.
    await db.set('meta', 'remarkOverrides', { v: 1, items: [old] });
    await maskOverridesAtUpdate();
    expect(await listed()).toContain(phone);
  });

  it('does not let a seller page read the override log', async () => {
    expect(await dispatch({ kf: 'listRemarkOverrides', payload: undefined }, 'content-script', DEMO_PAGE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses an override without a reason, and a malformed order, writing nothing', async () => {
    for (const bad of [
      purple('x', { reason: '   ', problems: [] }),
      purple('x', { reason: '主管同意了', problems: 'none' }),
      { kf: 'recordRemark', payload: { ...purple('x').payload, orderId: '<img>' } },
      { kf: 'recordRemark', payload: { ...purple('x').payload, flag: 'pink' } },
    ]) {
      expect(await dispatch(bad, 'content-script', DEMO_PAGE)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(ok(await dispatch({ kf: 'listRemarkOverrides', payload: undefined }, 'extension-page'))).toEqual([]);
    expect(received).toEqual([]);
  });

  it('fails when a sink could not write (a full disk), after giving the others their facts; a retry with the first time logs the override once', async () => {
    let full = true;
    const diskSink = async () => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    remarkFactSinks.unshift(diskSink);
    try {
      const saved = purple(`【延迟发货】可发货日:${inDays(3)}｜原因:缺货｜小美 ${today}`, { reason: '主管同意', problems: [{ code: 'x', message: 'x' }] });
      const retry = { ...saved, payload: { ...saved.payload, at: Date.now() - 60_000 } };
      expect(await dispatch(retry, 'content-script', DEMO_PAGE)).toMatchObject({ ok: false, error: { code: 'quota' } });
      expect(received.map((x) => x.facts.length)).toEqual([1]);
      full = false;
      ok(await dispatch(retry, 'content-script', DEMO_PAGE));
      const list = ok<{ at: number }[]>(await dispatch({ kf: 'listRemarkOverrides', payload: undefined }, 'extension-page'));
      expect(list.map((o) => o.at)).toEqual([retry.payload.at]);
    } finally {
      remarkFactSinks.splice(remarkFactSinks.indexOf(diskSink), 1);
    }
  });

  it('reads the remark with the shop’s own edited rules', async () => {
    // The shop renamed the purple title: the old title is no longer the purple rule.
    const edited = cloneRuleSet(PRESET_A);
    edited.flags.purple.title = '缺货待发';
    ok(await dispatch({ kf: 'saveRuleSet', payload: edited }, 'extension-page'));
    await dispatch(purple(`【缺货待发】可发货日:${inDays(2)}｜小美 ${today}`), 'content-script', DEMO_PAGE);
    expect(received[0]!.facts[0]).toMatchObject({ kind: 'ship-promised', date: inDays(2) });
  });
});

describe('reportOrders feeds the same sinks', () => {
  it('parses each reported row once: a green remark becomes a pending return, a purple one a ship-by date', async () => {
    const row = (orderId: string, flag: string, remark: string) => ({ orderId, buyer: '星辰大海ing', status: 'paid', flag, remark });
    ok(
      await dispatch(
        {
          kf: 'reportOrders',
          payload: {
            platform: 'demo',
            orders: [
              row('3925561829304718265', 'green', `【退换货】类型:退货｜原因:不喜欢｜小美 ${today}`),
              row('3925561829304718266', 'purple', `【延迟发货】可发货日:${inDays(5)}｜小美 ${today}`),
              row('3925561829304718267', 'gray', ''),
            ],
          },
        },
        'content-script',
        DEMO_PAGE,
      ),
    );
    expect(received.map((x) => x.ctx.origin)).toEqual(['seen', 'seen', 'seen']);
    expect(received[0]!.facts.map((f) => f.kind)).toContain('return-pending');
    expect(received[1]!.facts).toEqual([expect.objectContaining({ kind: 'ship-promised', date: inDays(5), orderId: '3925561829304718266' })]);
    expect(received[2]!.facts).toEqual([]);
  });

  it('passes on the buyer id a row or a saved remark names, so its follow-ups meet the buyer in chat', async () => {
    const remark = `【延迟发货】可发货日:${inDays(2)}｜小美 ${today}`;
    const order = { orderId: '302906652310', buyer: 'jd_2c8d41f3', buyerId: 'jd_2c8d41f3', status: 'paid', flag: 'purple', remark };
    ok(await dispatch({ kf: 'reportOrders', payload: { platform: 'demo', orders: [order, { ...order, orderId: '302906652311', buyerId: undefined }] } }, 'content-script', DEMO_PAGE));
    ok(await dispatch({ kf: 'recordRemark', payload: { ...purple(remark).payload, buyerId: 'u-7781' } }, 'content-script', DEMO_PAGE));
    expect(received.map((x) => x.ctx.buyerId)).toEqual(['jd_2c8d41f3', undefined, 'u-7781']);
    // An id that cannot be one is refused like any malformed field, and nothing is delivered.
    received = [];
    expect(await dispatch({ kf: 'recordRemark', payload: { ...purple(remark).payload, buyerId: '' } }, 'content-script', DEMO_PAGE)).toMatchObject({ ok: false });
    expect(received).toEqual([]);
  });

  // JD's order list shows no flag: the adapter reports a placeholder flag with flagUnknown. Before, the
  // page schema refused the whole report, and the parser took any flag it did not know as gray.
  const JD_ORDERS_PAGE = { tabId: 2, url: 'https://shop.jd.com/jdm/trade/orders/order-list?tabType=waitOut' };
  const jdRow = (orderId: string, remark: string, extra: Record<string, unknown> = {}) => ({ orderId, buyer: 'jd_2c8d41f3', status: 'paid', flag: 'gray', flagUnknown: true, remark, ...extra });

  it('a JD row whose flag the list does not show is read as "flag unknown", never as a gray (无效订单) order', async () => {
    const note = `客户要求周末送｜小美 ${today}`;
    ok(await dispatch({ kf: 'reportOrders', payload: { platform: 'jd', orders: [jdRow('302906652310', note), jdRow('302906652311', `【延迟发货】可发货日:${inDays(3)}｜小美 ${today}`)] } }, 'content-script', JD_ORDERS_PAGE));
    expect(received.map((x) => x.ctx.orderId)).toEqual(['302906652310', '302906652311']);
    // Taken as gray, a signed note without a title was an invalid order.
    expect(received[0]!.facts.map((f) => f.kind)).not.toContain('invalid-order');
    expect(received[1]!.facts).toEqual([expect.objectContaining({ kind: 'ship-promised', date: inDays(3) })]);
  });

  it('a remark the list could not read is not delivered as "no remark" (its facts stay as they were)', async () => {
    ok(await dispatch({ kf: 'reportOrders', payload: { platform: 'jd', orders: [jdRow('302906652312', '', { unread: ['remark'] })] } }, 'content-script', JD_ORDERS_PAGE));
    expect(received).toEqual([]);
  });

  it('parses a flag value it does not know as not read, not gray', async () => {
    const { parseSeenOrders } = await import('./orders');
    const { orders } = parseSeenOrders({ platform: 'jd', orders: [{ orderId: '302906652313', buyer: 'b', status: 'paid', flag: 'orange', remark: '' }, { orderId: '302906652314', buyer: 'b', status: 'paid', flag: 'red', remark: '' }] });
    expect(orders[0]).toMatchObject({ flagUnknown: true });
    expect(orders[1]).toMatchObject({ flag: 'red' });
    expect(orders[1]!.flagUnknown).toBeUndefined();
  });

  it('gives no fact for a ship date that is not a date', async () => {
    await dispatch(
      { kf: 'reportOrders', payload: { platform: 'demo', orders: [{ orderId: '3930018273645518290', buyer: 'b', status: 'paid', flag: 'purple', remark: '缺货，晚点发' }] } },
      'content-script',
      DEMO_PAGE,
    );
    expect(received[0]!.facts.filter((f) => f.kind === 'ship-promised')).toEqual([]);
  });
});

describe('library export/import carries the rule set', () => {
  it('exports the rule set and imports it back', async () => {
    ok(await dispatch({ kf: 'saveRuleSet', payload: PRESET_B }, 'extension-page'));
    const file = ok<Record<string, unknown>>(await dispatch({ kf: 'exportLibrary', payload: undefined }, 'extension-page'));
    expect(file.remarkRules).toEqual(PRESET_B);
    await db.del('meta', 'remarkRules');
    expect(ok(await dispatch({ kf: 'importLibrary', payload: { json: file } }, 'extension-page'))).toMatchObject({ ok: true });
    expect(ok(await dispatch({ kf: 'getRuleSet', payload: undefined }, 'extension-page'))).toEqual(PRESET_B);
  });

  it('rejects the whole import when the rule set is broken, naming the entry, and changes nothing', async () => {
    const file = ok<Record<string, unknown>>(await dispatch({ kf: 'exportLibrary', payload: undefined }, 'extension-page'));
    const libBefore = ok(await dispatch({ kf: 'getLibrary', payload: undefined }, 'extension-page'));
    const broken = updateField(cloneRuleSet(PRESET_B), 'purple', 0, { type: 'colour' as never });
    const r = ok<{ ok: boolean; errors: string[] }>(
      await dispatch({ kf: 'importLibrary', payload: { json: { ...file, templates: [], remarkRules: broken } } }, 'extension-page'),
    );
    expect(r.ok).toBe(false);
    // The first field, counted from 1, in the Chinese interface's words only.
    expect(r.errors.join('\n')).toContain('remarkRules.flags.purple.fields[1].type：');
    expect(r.errors.join('\n')).not.toMatch(/unknown type|[（(]remarkRules/);
    expect(ok(await dispatch({ kf: 'getLibrary', payload: undefined }, 'extension-page'))).toEqual(libBefore);
    expect(ok(await dispatch({ kf: 'getRuleSet', payload: undefined }, 'extension-page'))).toEqual(PRESET_A);
    // The shop's interface in English: the same problem in English alone.
    ok(await dispatch({ kf: 'patchSettings', payload: { shop: { locale: 'en' } } }, 'extension-page'));
    const en = ok<{ ok: boolean; errors: string[] }>(
      await dispatch({ kf: 'importLibrary', payload: { json: { ...file, templates: [], remarkRules: broken } } }, 'extension-page'),
    );
    ok(await dispatch({ kf: 'patchSettings', payload: { shop: { locale: 'zh-CN' } } }, 'extension-page'));
    expect(en.errors.join('\n')).toContain('remarkRules.flags.purple.fields[1].type: ');
    expect(en.errors.join('\n')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('imports an older file without a rule set and keeps the shop’s rules', async () => {
    ok(await dispatch({ kf: 'saveRuleSet', payload: PRESET_B }, 'extension-page'));
    const r = ok<{ ok: boolean }>(await dispatch({ kf: 'importLibrary', payload: { json: { format: 'kefu-library', version: 1, groups: [], templates: [] } } }, 'extension-page'));
    expect(r.ok).toBe(true);
    expect(ok(await dispatch({ kf: 'getRuleSet', payload: undefined }, 'extension-page'))).toEqual(PRESET_B);
  });
});
