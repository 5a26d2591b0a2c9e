/**
 * An extension update and starter replies added since a library was stored: before,
 * a stored library gained them only if the agent opened 话术库 and clicked 全部加上, so an agent who
 * installed earlier never had 退款进度（先查订单）or 多发了商品 on the cards. The update adds them
 * once; one the agent deleted never comes back (a second update, a restarted worker), an edited one
 * keeps the agent's text, an agent in team mode gets none (the shop's library). A library from before
 * the count was kept gets none of the lists older versions offered in 话术库 (the agent may have
 * deleted or declined them), only later ones.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const team = { role: null as null | 'agent' | 'supervisor' };
vi.mock('../../browser', () => ({
  browser: {
    storage: {
      local: {
        set: vi.fn(async () => {}),
        get: vi.fn(async () => (team.role ? { 'kf:team': { server: 'http://127.0.0.1:5984', shop: 'demo', user: 'xiaowang', role: team.role } } : {})),
      },
    },
    runtime: { id: 'ext', getURL: () => 'chrome-extension://ext/' },
  },
}));

type Tpl = { id: string; title: string; body: string; group: string; scenarios: string[]; code?: string };
type Lib = { groups: string[]; templates: Tpl[] };

const { STARTER_LIBRARY } = await import('../../domain/templates/starter');
const { STARTER_ADDED, LISTS_BEFORE_COUNT } = await import('../../domain/templates/starter-additions');
const LATER = STARTER_ADDED.flat();
/** The lists older versions offered in 话术库 (known to a library from before the count), and the later ones. */
const OFFERED_BEFORE = STARTER_ADDED.slice(0, LISTS_BEFORE_COUNT).flat();
const SINCE = STARTER_ADDED.slice(LISTS_BEFORE_COUNT).flat();
const FUTURE = ['bye-not-yet', 'bye-after-sale'];
const EDITED = '亲，退款我这边看到已经处理啦，您留意一下到账，我们自己写的话～';

/**
 * A worker as it starts: fresh modules (no caches), the same IndexedDB. `future`: a list as a later
 * version's STARTER_ADDED would end with (two starter replies no list names yet stand in for it).
 */
async function worker(future?: string[]) {
  vi.resetModules();
  if (future) ((await import('../../domain/templates/starter-additions')).STARTER_ADDED as string[][]).push(future);
  const { registerWorkerExtras } = await import('../../background/extras');
  const { WORKER_EXTRAS } = await import('../../background/extras-modules');
  registerWorkerExtras(WORKER_EXTRAS);
  const { provideBundledData } = await import('../../storage/bundled');
  const { BUNDLED_DATA } = await import('../../storage/bundled-assets');
  provideBundledData(BUNDLED_DATA);
  const { dispatch } = await import('../dispatch');
  const { upgradeStarterLibrary } = await import('./core');
  const { db } = await import('../../storage/db');
  const library = async () => ((await dispatch({ kf: 'getLibrary', payload: undefined }, 'extension-page')) as { value: Lib }).value;
  const save = async (lib: Lib) => expect((await dispatch({ kf: 'saveLibrary', payload: lib }, 'extension-page')).ok).toBe(true);
  return { upgrade: upgradeStarterLibrary, library, save, db };
}

/**
 * The stored record of a library saved by a version from before any of the later replies (and, as a
 * later version would see it, without `without`): v1, no updatedAt, no count kept.
 */
function oldRecord({ without = [] as string[] } = {}): unknown {
  const templates = STARTER_LIBRARY.templates
    .filter((t) => !LATER.includes(t.id) && !without.includes(t.id))
    .map(({ orders: _orders, ...t }) => (t.id === 'refund-done' ? { ...t, body: EDITED } : t));
  return { v: 1, groups: [...STARTER_LIBRARY.groups], templates };
}

const ids = (lib: Lib) => lib.templates.map((t) => t.id);
const body = (lib: Lib, id: string) => lib.templates.find((t) => t.id === id)?.body;
const starterBody = (id: string) => STARTER_LIBRARY.templates.find((t) => t.id === id)!.body;

beforeEach(async () => {
  team.role = null;
  const { db } = await worker();
  await db.del('library', 'library');
  await db.del('meta', 'starter-added');
});

describe('an update adds the starter replies new since the library was stored', () => {
  it('a library from before the count was kept gets back none that earlier versions offered: deleted or declined, they stay away', async () => {
    // Before, the first update after the count existed added 延迟发货(先查订单), 合并发货… to a
    // library whose agent had deleted them or clicked 不再提示 on the options page's offer.
    let w = await worker();
    await w.db.set('library', 'library', oldRecord());
    await w.upgrade();
    let lib = await w.library();
    for (const id of OFFERED_BEFORE) expect(ids(lib), id).not.toContain(id);
    // Lists added after those are added, once (2026-12-05, QA pass T: exchange status, 仅退款, a refund short).
    for (const id of SINCE) expect(body(lib, id), id).toBe(starterBody(id));
    expect(body(lib, 'refund-done')).toBe(EDITED);
    expect(await w.db.get('meta', 'starter-added')).toBe(STARTER_ADDED.length);
    // The options page's offer is still how they are added (its own record of dismissals decides).
    const { starterAdditions } = await import('../../domain/templates/starter-additions');
    expect(starterAdditions(lib as never, STARTER_LIBRARY, []).map((t) => t.id).sort()).toEqual([...OFFERED_BEFORE].sort());

    w = await worker();
    await w.upgrade();
    lib = await w.library();
    for (const id of OFFERED_BEFORE) expect(ids(lib), id).not.toContain(id);
  });

  it('a list added after that is added once to such a library, keeps an edited reply, and never brings back a deleted one', async () => {
    let w = await worker(FUTURE);
    await w.db.set('library', 'library', oldRecord({ without: FUTURE }));
    expect(ids(await w.library())).not.toContain('bye-not-yet');

    await w.upgrade();
    let lib = await w.library();
    for (const id of FUTURE) expect(body(lib, id), id).toBe(starterBody(id));
    for (const id of OFFERED_BEFORE) expect(ids(lib), id).not.toContain(id);
    // Among its neighbours, not at the end, as in the starter.
    const at = ids(STARTER_LIBRARY).indexOf('bye-not-yet');
    expect(ids(lib).indexOf('bye-not-yet')).toBe(ids(lib).indexOf(ids(STARTER_LIBRARY)[at - 1]!) + 1);
    expect(body(lib, 'refund-done')).toBe(EDITED);
    expect(await w.db.get('meta', 'starter-added')).toBe(STARTER_ADDED.length + 1);

    // Run again: nothing changes.
    const once = JSON.stringify(lib.templates);
    await w.upgrade();
    expect(JSON.stringify((await w.library()).templates)).toBe(once);

    // The agent deletes the pair; a restarted worker and the next update: still not back, the edit stands.
    await w.save({ groups: lib.groups, templates: lib.templates.filter((t) => !FUTURE.includes(t.id)) });
    w = await worker(FUTURE);
    await w.upgrade();
    lib = await w.library();
    for (const id of FUTURE) expect(ids(lib)).not.toContain(id);
    expect(body(lib, 'refund-done')).toBe(EDITED);
  });

  it('a library that had a later update (holds one of its replies) does not get that update’s deleted ones', async () => {
    const w = await worker(FUTURE);
    const rec = oldRecord({ without: FUTURE }) as Lib;
    rec.templates.push(structuredClone(STARTER_LIBRARY.templates.find((t) => t.id === 'bye-not-yet')!) as Tpl);
    await w.db.set('library', 'library', rec);
    await w.upgrade();
    const lib = await w.library();
    expect(ids(lib)).toContain('bye-not-yet');
    expect(ids(lib)).not.toContain('bye-after-sale');
    expect(await w.db.get('meta', 'starter-added')).toBe(STARTER_ADDED.length + 1);
  });

  it('a library stored by the version before 发货地 gets it once, beside 到货时间; deleted, it stays away', async () => {
    // 2026-12-06: where the goods ship from (从哪里发货) had no starter reply of its own.
    const list = STARTER_ADDED.findIndex((l) => l.includes('ship-from'));
    expect(list).toBeGreaterThanOrEqual(LISTS_BEFORE_COUNT);
    let w = await worker();
    const rec = { v: 1, groups: [...STARTER_LIBRARY.groups], templates: STARTER_LIBRARY.templates.filter((t) => t.id !== 'ship-from').map((t) => (t.id === 'ship-arrival' ? { ...t, body: '一般两三天就到，我们自己的话～' } : t)) };
    await w.db.set('library', 'library', rec);
    await w.db.set('meta', 'starter-added', list);
    await w.upgrade();
    let lib = await w.library();
    expect(body(lib, 'ship-from')).toBe(starterBody('ship-from'));
    expect(ids(lib).indexOf('ship-from')).toBe(ids(lib).indexOf('ship-arrival') + 1);
    expect(body(lib, 'ship-arrival')).toBe('一般两三天就到，我们自己的话～');
    expect(lib.templates).toHaveLength(STARTER_LIBRARY.templates.length);
    expect(await w.db.get('meta', 'starter-added')).toBe(STARTER_ADDED.length);

    await w.save({ groups: lib.groups, templates: lib.templates.filter((t) => t.id !== 'ship-from') });
    w = await worker();
    await w.upgrade();
    lib = await w.library();
    expect(ids(lib)).not.toContain('ship-from');
  });

  it('a library stored by the version before 支付方式 gets it once, after 打消顾虑; deleted, it stays away', async () => {
    // 2026-12-06: which ways of paying the shop takes (能用花呗吗) had no starter reply; the reminders led.
    const list = STARTER_ADDED.findIndex((l) => l.includes('pay-methods'));
    expect(list).toBeGreaterThanOrEqual(LISTS_BEFORE_COUNT);
    let w = await worker();
    await w.db.set('library', 'library', { v: 1, groups: [...STARTER_LIBRARY.groups], templates: STARTER_LIBRARY.templates.filter((t) => t.id !== 'pay-methods') });
    await w.db.set('meta', 'starter-added', list);
    await w.upgrade();
    let lib = await w.library();
    expect(body(lib, 'pay-methods')).toBe(starterBody('pay-methods'));
    expect(ids(lib).indexOf('pay-methods')).toBe(ids(lib).indexOf('pay-hesitate') + 1);
    expect(await w.db.get('meta', 'starter-added')).toBe(STARTER_ADDED.length);

    await w.save({ groups: lib.groups, templates: lib.templates.filter((t) => t.id !== 'pay-methods') });
    w = await worker();
    await w.upgrade();
    lib = await w.library();
    expect(ids(lib)).not.toContain('pay-methods');
  });

  it('a library stored by the version before 送货上门与驿站 gets it once, after 快递到不了; deleted, it stays away', async () => {
    // 2026-12-06 (night): whether the parcel comes to the door (能不能送上门) had no starter reply; 默认快递 led.
    const list = STARTER_ADDED.findIndex((l) => l.includes('courier-door'));
    expect(list).toBeGreaterThanOrEqual(LISTS_BEFORE_COUNT);
    let w = await worker();
    await w.db.set('library', 'library', { v: 1, groups: [...STARTER_LIBRARY.groups], templates: STARTER_LIBRARY.templates.filter((t) => t.id !== 'courier-door') });
    await w.db.set('meta', 'starter-added', list);
    await w.upgrade();
    let lib = await w.library();
    expect(body(lib, 'courier-door')).toBe(starterBody('courier-door'));
    expect(ids(lib).indexOf('courier-door')).toBe(ids(lib).indexOf('courier-unreachable') + 1);
    expect(await w.db.get('meta', 'starter-added')).toBe(STARTER_ADDED.length);

    await w.save({ groups: lib.groups, templates: lib.templates.filter((t) => t.id !== 'courier-door') });
    w = await worker();
    await w.upgrade();
    lib = await w.library();
    expect(ids(lib)).not.toContain('courier-door');
  });

  it('a fresh install notes that it has them all: deleted afterwards, the next update does not add them', async () => {
    let w = await worker();
    await w.upgrade();
    expect(await w.db.get('library', 'library')).toBeUndefined();
    const lib = await w.library();
    await w.save({ groups: lib.groups, templates: lib.templates.filter((t) => !['refund-check', 'extra-item'].includes(t.id)) });
    w = await worker();
    await w.upgrade();
    expect(ids(await w.library())).not.toContain('refund-check');
    expect(ids(await w.library())).not.toContain('extra-item');
  });

  it('an agent in team mode gets none (the shop’s library; the supervisor’s machine adds them)', async () => {
    team.role = 'agent';
    const w = await worker();
    await w.db.set('library', 'library', oldRecord());
    await w.upgrade();
    expect(ids(await w.library())).not.toContain('refund-check');
    expect(await w.db.get('meta', 'starter-added')).toBeUndefined();
  });
});

describe('the welcomes an earlier 删除服装类起始话术 took, offered back from the worker’s records (checkStarterReturn)', () => {
  const WELCOMES = ['welcome-new', 'welcome-returning'];
  const OLD_MARK = { lists: STARTER_ADDED.length, without: ['clothing'] };
  beforeEach(async () => (await worker()).db.clear('backups'));
  const ask = async (answered?: string[]) => {
    const { dispatch } = await import('../dispatch');
    const r = (await dispatch({ kf: 'checkStarterReturn', payload: answered ? { answered } : {} }, 'extension-page')) as { ok: boolean; value: { ids: string[] } };
    expect(r.ok).toBe(true);
    return r.value.ids;
  };

  it('a removal by a version before 2026-12-06 (its mark, its safety copy) has its untouched welcomes offered once; answered, the mark keeps it', async () => {
    const w = await worker();
    // The safety copy that removal took: the welcomes as stored then, 老客欢迎 edited (the removal kept it).
    const before = { v: 2, groups: [...STARTER_LIBRARY.groups], templates: STARTER_LIBRARY.templates.map((t) => (t.id === 'welcome-returning' ? { ...t, body: '欢迎回来～' } : t)), updatedAt: 1 };
    await w.db.set('library', 'library', before);
    const { takeSnapshot } = await import('../../storage/backup');
    await takeSnapshot('before-starter-removal');
    // What it left: neither welcome (the shop deleted the edited one by hand since), the kind marked removed.
    await w.db.set('library', 'library', { ...before, templates: before.templates.filter((t) => !WELCOMES.includes(t.id)), updatedAt: 2 });
    await w.db.set('meta', 'starter-added', OLD_MARK);

    expect(await ask()).toEqual(['welcome-new']);
    expect(await w.db.get('meta', 'starter-added')).toEqual({ ...OLD_MARK, settled: ['welcome-returning'] });
    expect(await ask(['welcome-new'])).toEqual([]);
    expect(await w.db.get('meta', 'starter-added')).toEqual({ ...OLD_MARK, settled: WELCOMES });
    // An update keeps what is settled.
    await w.upgrade();
    expect(await w.db.get('meta', 'starter-added')).toEqual({ ...OLD_MARK, settled: WELCOMES });
  });

  it('with no safety copy kept, the welcomes missing are offered; none where no removal is recorded, or for a removal by this version', async () => {
    let w = await worker();
    await w.db.set('library', 'library', oldRecord({ without: WELCOMES }));
    expect(await ask()).toEqual([]);
    await w.db.set('meta', 'starter-added', OLD_MARK);
    expect(await ask()).toEqual(WELCOMES);

    // This version's removal: a library still holding its welcomes, then deleted by hand.
    await w.db.del('meta', 'starter-added');
    await w.db.set('library', 'library', oldRecord());
    w = await worker();
    await w.upgrade('clothing');
    const mark = await w.db.get<{ without: string[]; settled: string[] }>('meta', 'starter-added');
    expect(mark).toMatchObject({ without: ['clothing'], settled: WELCOMES });
    const lib = await w.library();
    await w.save({ groups: lib.groups, templates: lib.templates.filter((t) => !WELCOMES.includes(t.id)) });
    expect(await ask()).toEqual([]);
  });

  it('refuses answered ids that are not a list of ids', async () => {
    await worker();
    const { dispatch } = await import('../dispatch');
    const r = (await dispatch({ kf: 'checkStarterReturn', payload: { answered: 'welcome-new' } }, 'extension-page')) as { ok: boolean };
    expect(r.ok).toBe(false);
  });
});
