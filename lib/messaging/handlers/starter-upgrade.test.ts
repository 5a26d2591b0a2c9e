/**
 * An extension update and starter replies added since a library was stored (brief sugg5): before,
 * a stored library gained them only if the agent opened 话术库 and clicked 全部加上, so an agent who
 * installed earlier never had 退款进度（先查订单）or 多发了商品 on the cards. The update adds them
 * once; one the agent deleted never comes back (a second update, a restarted worker), an edited one
 * keeps the agent's text, an agent in team mode gets none (the shop's library).
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
const { STARTER_ADDED } = await import('../../domain/templates/starter-additions');
const LATER = STARTER_ADDED.flat();
const EDITED = '亲，退款我这边看到已经处理啦，您留意一下到账，我们自己写的话～';

/** A worker as it starts: fresh modules (no caches), the same IndexedDB. */
async function worker() {
  vi.resetModules();
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

/** The stored record of a library saved by a version from before any of the later replies: v1, no updatedAt, no count kept. */
function oldRecord(): unknown {
  const templates = STARTER_LIBRARY.templates
    .filter((t) => !LATER.includes(t.id))
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
  it('adds them once to an old library, keeps an edited reply, and never brings back a deleted one', async () => {
    let w = await worker();
    await w.db.set('library', 'library', oldRecord());
    expect(ids(await w.library())).not.toContain('refund-check');

    await w.upgrade();
    let lib = await w.library();
    for (const id of LATER) expect(body(lib, id), id).toBe(starterBody(id));
    expect(lib.templates).toHaveLength(STARTER_LIBRARY.templates.length);
    // Among its neighbours, not at the end: 退款进度（先查订单）before 退款到账时间, as in the starter.
    expect(ids(lib).indexOf('refund-check')).toBe(ids(lib).indexOf('refund-time') - 1);
    expect(body(lib, 'refund-done')).toBe(EDITED);

    // Run again: nothing changes.
    const once = JSON.stringify(lib.templates);
    await w.upgrade();
    expect(JSON.stringify((await w.library()).templates)).toBe(once);

    // The agent deletes one reply, and a whole update's pair.
    await w.save({ groups: lib.groups, templates: lib.templates.filter((t) => !['tracking-check', 'refund-check', 'extra-item'].includes(t.id)) });
    await w.upgrade();
    lib = await w.library();
    for (const id of ['tracking-check', 'refund-check', 'extra-item']) expect(ids(lib)).not.toContain(id);

    // A restarted worker and the next update: still not back; the edit still stands.
    w = await worker();
    await w.upgrade();
    lib = await w.library();
    for (const id of ['tracking-check', 'refund-check', 'extra-item']) expect(ids(lib)).not.toContain(id);
    expect(ids(lib)).toContain('delay-check');
    expect(body(lib, 'refund-done')).toBe(EDITED);
  });

  it('a library that had an update (holds one of its replies) does not get that update’s deleted ones', async () => {
    const w = await worker();
    const rec = oldRecord() as Lib;
    rec.templates.push(structuredClone(STARTER_LIBRARY.templates.find((t) => t.id === 'refund-check')!) as Tpl);
    await w.db.set('library', 'library', rec);
    await w.upgrade();
    const lib = await w.library();
    expect(ids(lib)).toContain('delay-check');
    expect(ids(lib)).not.toContain('extra-item');
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
