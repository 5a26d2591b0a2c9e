/**
 * Every verb a seller page may call, walked with malformed payloads: each is answered `invalid`
 * naming the field, and nothing is written (no data area announced, every read verb answers as
 * before, no prototype touched).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

const announced: string[] = [];
vi.mock('../browser', () => ({
  browser: {
    storage: { local: { set: vi.fn(async (x: Record<string, unknown>) => void announced.push(...Object.keys(x))) } },
    runtime: { id: 'ext', getURL: () => 'chrome-extension://ext/' },
    scripting: { executeScript: vi.fn(async () => []) },
  },
}));

const { dispatch, pageSchemas } = await import('./dispatch');

const PAGE = { tabId: 1, url: 'http://127.0.0.1:5173/chat' };
const ORIGIN = 'http://127.0.0.1:5173';

/** A payload each page verb accepts (the walk below breaks it one field at a time). */
const VALID: Record<string, unknown> = {
  getPanelLibrary: undefined,
  getLibraryInitials: undefined,
  getSettings: undefined,
  getUsage: undefined,
  getRuleSet: undefined,
  patchSettings: { panel: { collapsed: true } },
  recordUsage: { templateId: 'greeting-1', scenario: 'greeting' },
  openOptions: { tab: 'shop' },
  getCustomer: { platform: 'demo', nickname: '小鹿乱撞0521', seen: true },
  patchCustomer: { platform: 'demo', nickname: '小鹿乱撞0521', patch: { note: '喜欢宽松', sizes: { heightCm: 165 }, tags: ['VIP'] }, append: { preferences: '黑色' } },
  addCustomerEvent: { platform: 'demo', nickname: '小鹿乱撞0521', kind: 'note', text: '问过尺码', ref: 'x1' },
  addFollowup: { kind: 'inquiry', buyer: '小鹿乱撞0521', platform: 'demo', note: '问了没拍', scenarios: ['size-fit'] },
  takePendingSuggestion: { buyer: '小鹿乱撞0521', platform: 'demo' },
  remindedUnpaid: { buyer: '小鹿乱撞0521', buyerId: 'u1', platform: 'demo', templateId: 'pay-remind', undo: 1765000000000 },
  handoverTargets: undefined,
  keepPromiseDraft: { key: 'u1\n小鹿乱撞0521', draft: '{"buyer":"小鹿乱撞0521","buyerId":"u1","note":"明天告诉她到货日"}' },
  promiseDrafts: undefined,
  reportOrders: { platform: 'demo', orders: [{ orderId: '2026112300001', buyer: '小鹿乱撞0521', status: 'unpaid', flag: 'gray', remark: '' }] },
  recordRemark: { platform: 'demo', orderId: '2026112300001', buyer: '小鹿乱撞0521', flag: 'red', text: '【改价】x' },
  getTaughtSite: { origin: ORIGIN },
  saveTaughtSite: { origin: ORIGIN, name: 'demo', url: `${ORIGIN}/chat`, fields: { chatInput: [{ css: '#reply' }] } },
  loadFeature: { name: 'remarks' },
  getGuardConfig: undefined,
  recordAnsweredWait: { platform: 'demo', conversation: 'k3j2h1', since: Date.now() - 60_000, at: Date.now() },
  suggestSignals: { message: '快递到哪了', buyer: '小鹿乱撞0521' },
  learnPick: { message: '快递到哪了', buyer: '小鹿乱撞0521', scenario: 'tracking', templateId: 'tracking-1', source: 'insert' },
};

const HUGE = 'x'.repeat(1_000_000);

/** Everything a read verb shows, to prove a refused call wrote nothing. */
async function snapshot(): Promise<string> {
  const reads: [string, unknown][] = [
    ['getLibrary', undefined],
    ['getSettings', undefined],
    ['getUsage', undefined],
    ['getRuleSet', undefined],
    ['listCustomers', {}],
    ['listFollowups', undefined],
    ['listRemarkOverrides', undefined],
    ['listTaughtSites', undefined],
  ];
  const out: unknown[] = [];
  for (const [verb, payload] of reads) {
    const r = await dispatch({ kf: verb, payload }, 'extension-page');
    // listFollowups carries the clock; the rest is data.
    out.push(r.ok && verb === 'listFollowups' ? { ...(r.value as object), now: 0 } : r);
  }
  return JSON.stringify(out);
}

/** Malformed variants of a valid payload: [what, payload, the field the answer must name]. */
function malformed(verb: string, valid: unknown): [string, unknown, string][] {
  const cases: [string, unknown, string][] = [];
  const proto = JSON.parse('{"__proto__": {"polluted": "yes"}}') as Record<string, unknown>;
  if (valid === undefined) {
    cases.push(['a payload where none is expected', { x: 1 }, verb], ['a __proto__ payload', proto, verb]);
    return cases;
  }
  const v = valid as Record<string, unknown>;
  cases.push(['not an object', 'text', verb], ['a list', [v], verb], ['null', null, verb]);
  cases.push(['a __proto__ key', { ...v, ...proto }, `${verb}.__proto__`]);
  cases.push(['a constructor key', { ...v, constructor: { prototype: { polluted: 'yes' } } }, `${verb}.constructor`]);
  for (const [k, x] of Object.entries(v)) {
    const wrong = typeof x === 'string' ? 12345 : typeof x === 'number' || typeof x === 'boolean' ? 'text' : 'text';
    cases.push([`${k} of the wrong type`, { ...v, [k]: wrong }, `${verb}.${k}`]);
    if (typeof x === 'string') cases.push([`${k} a huge string`, { ...v, [k]: HUGE }, `${verb}.${k}`]);
    if (x && typeof x === 'object' && !Array.isArray(x)) {
      cases.push([`${k} with a __proto__ key`, { ...v, [k]: { ...(x as object), ...proto } }, `${verb}.${k}.__proto__`]);
      const inner = Object.entries(x as object).find(([, y]) => typeof y === 'string');
      if (inner) cases.push([`${k}.${inner[0]} a huge string`, { ...v, [k]: { ...(x as object), [inner[0]]: HUGE } }, `${verb}.${k}.${inner[0]}`]);
    }
    if (Array.isArray(x) && x.length) {
      cases.push([`${k} with a wrong item`, { ...v, [k]: [42] }, `${verb}.${k}[0]`]);
    }
  }
  const required = ['platform', 'nickname', 'templateId', 'kind', 'text', 'buyer', 'orderId', 'origin', 'name', 'orders', 'fields', 'panel', 'flag'];
  for (const k of Object.keys(v)) {
    // platform may be omitted where the page's own is meant (addFollowup, takePendingSuggestion)
    if (!required.includes(k) || (k === 'platform' && (verb === 'addFollowup' || verb === 'takePendingSuggestion' || verb === 'remindedUnpaid'))) continue;
    if (verb === 'recordRemark' && k === 'buyer') continue;
    const { [k]: _drop, ...rest } = v;
    cases.push([`${k} missing`, rest, `${verb}.${k}`]);
  }
  return cases;
}

describe('page-callable verbs refuse malformed payloads', () => {
  let before = '';
  beforeAll(async () => {
    before = await snapshot();
  });

  it('has a sample for every page-callable verb', () => {
    expect(Object.keys(VALID).sort()).toEqual(Object.keys(pageSchemas).sort());
  });

  for (const [verb, valid] of Object.entries(VALID)) {
    it(`${verb}: every malformed payload is invalid, naming the field; nothing written`, async () => {
      announced.length = 0;
      for (const [what, payload, field] of malformed(verb, valid)) {
        const r = await dispatch({ kf: verb, payload }, 'content-script', PAGE);
        expect(r, `${verb}: ${what}`).toMatchObject({ ok: false, error: { code: 'invalid' } });
        const message = (r as { error: { message: string } }).error.message;
        expect(message.startsWith(field), `${verb}: ${what} → ${message}`).toBe(true);
        expect(message.length, 'the answer does not echo huge input').toBeLessThan(300);
      }
      expect(announced).toEqual([]);
      expect(await snapshot()).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });
  }

  it('accepts the valid samples (the walk above starts from payloads that work)', async () => {
    for (const [verb, valid] of Object.entries(VALID)) {
      const r = await dispatch({ kf: verb, payload: valid }, 'content-script', PAGE);
      expect(r.ok || (r as { error: { code: string } }).error.code !== 'invalid', `${verb}: ${JSON.stringify(r)}`).toBe(true);
    }
  });

  it('binds platforms and origins to the sending page', async () => {
    const other = [
      ['addFollowup', { kind: 'inquiry', buyer: 'b', platform: 'taobao' }, 'addFollowup.platform'],
      ['takePendingSuggestion', { buyer: 'b', platform: 'jd' }, 'takePendingSuggestion.platform'],
      ['reportOrders', { platform: 'taobao', orders: [] }, 'reportOrders.platform'],
      ['recordRemark', { ...(VALID.recordRemark as object), platform: 'pdd' }, 'recordRemark.platform'],
      ['getCustomer', { platform: 'taobao', nickname: 'b' }, 'getCustomer.platform'],
      ['getTaughtSite', { origin: 'https://example.com' }, 'getTaughtSite.origin'],
    ] as const;
    for (const [verb, payload, field] of other) {
      const r = await dispatch({ kf: verb, payload }, 'content-script', PAGE);
      expect(r, verb).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining(field) } });
    }
  });

  it('gives a page that leaves the platform out its own console', async () => {
    const r = await dispatch({ kf: 'addFollowup', payload: { kind: 'inquiry', buyer: '无平台买家' } }, 'content-script', PAGE);
    expect(r).toMatchObject({ ok: true, value: { platform: 'demo', buyer: '无平台买家' } });
  });
});
