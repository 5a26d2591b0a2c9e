/**
 * A colleague's machine still on an older version sends what a local restore or import of an old
 * file would bring (2026-12-05): starter replies in a wording an update retracted as false, and buyer
 * records under a name this machine has joined to a console id. Team mode takes them as those do.
 * Through a real pouchdb-server; "this machine" runs on the extension's own stores (lib/storage),
 * as the team page does; the older machine on memory stores without the shipped starter (it takes
 * the shop's wording as sent, as versions before the rewording did).
 */
import { describe, expect, it } from 'vitest';
import { dbName } from './names';
import { teamShop } from '../../test/team/shop';
import { nodeTeamSync } from '../../test/team/pouch-node';
import { MemoryStores } from '../../test/team/memory-stores';
import { storageStores } from './storage-bridge';
import { dirtyOf } from './local-stores';
import { STARTER_LIBRARY } from '../domain/templates/starter';
import { STARTER_REWORDS } from '../domain/templates/starter-rewords';
import { loadLibrary } from '../storage/library';
import { db } from '../storage/db';
import { getCustomer, identifyBuyer } from '../storage/customers';
import { appendEvent, customerKey, makeEvent, newCustomer } from '../domain/customers';

const SHOP = 'old-records-shop';
const t = teamShop(SHOP);
const T0 = Date.UTC(2026, 11, 1, 2, 0);

const today = (id: string) => STARTER_LIBRARY.templates.find((x) => x.id === id)!.body;
const retracted = (id: string) => STARTER_REWORDS[id]![0]!;
const EDITED = '（本店：定制商品除外）';

/** The starter as the older version keeps it: 催付 in its retracted wording, 七天无理由 retracted and then edited by the supervisor. */
const oldLibrary = () => ({
  groups: [...STARTER_LIBRARY.groups],
  templates: STARTER_LIBRARY.templates.map((x) =>
    x.id === 'pay-remind' ? { ...x, body: retracted(x.id) } : x.id === 'return-7day' ? { ...x, body: retracted(x.id) + EDITED } : x,
  ),
  updatedAt: 1,
});

const onServer = (id: string) =>
  fetch(`${t.server.url}/${dbName(SHOP, 'library')}/tpl:${encodeURIComponent(id)}?conflicts=true`, { headers: { authorization: t.adminAuth() } }).then(
    (r) => r.json() as Promise<{ _rev: string; _conflicts?: string[]; template: { body: string }; by: string }>,
  );
const hereBody = async (id: string) => (await loadLibrary()).templates.find((x) => x.id === id)!.body;

describe("a colleague's records from an older version", { timeout: 90_000 }, () => {
  it("a retracted starter wording does not come back into this machine's 话术库; a supervisor's round corrects the shop's document once, and nothing goes back and forth", async () => {
    // The supervisor's machine on the older version joins with its library.
    const old = t.machine('boss');
    old.stores.lib = oldLibrary();
    await old.sync.syncOnce({ firstJoin: true });
    expect((await onServer('pay-remind')).template.body).toBe(retracted('pay-remind'));

    // An agent on this version joins: untouched copies in today's wording, the edited one as written.
    const agent = t.keep(nodeTeamSync({ server: t.server.url, shop: SHOP, user: 'a1', role: 'agent', password: 'a1-pw', prefix: t.prefix(), stores: storageStores(async () => {}) }));
    await agent.syncOnce({ firstJoin: true });
    expect(await hereBody('pay-remind')).toBe(today('pay-remind'));
    expect(await hereBody('return-7day')).toBe(retracted('return-7day') + EDITED);
    expect(await hereBody('refund-time')).toBe(today('refund-time'));
    // Agents never write the library: the shop's document is unchanged by the agent's round.
    expect((await onServer('pay-remind')).template.body).toBe(retracted('pay-remind'));

    // A second supervisor machine on this version (the same supervisor's other computer) joins.
    const now = new MemoryStores();
    now.starter = async () => structuredClone(STARTER_LIBRARY);
    const b2 = t.machine('boss', t.prefix(), now);
    await b2.sync.syncOnce();
    expect(now.lib.templates.find((x) => x.id === 'pay-remind')!.body).toBe(today('pay-remind'));
    expect(now.lib.templates.find((x) => x.id === 'return-7day')!.body).toBe(retracted('return-7day') + EDITED);
    const corrected = await onServer('pay-remind');
    expect(corrected).toMatchObject({ template: { body: today('pay-remind') }, by: 'boss' });
    expect(corrected._conflicts).toBeUndefined();
    // The edited reply is the supervisor's own text: not rewritten.
    const edited = await onServer('return-7day');
    expect(edited.template.body).toBe(retracted('return-7day') + EDITED);

    // The older machine takes the correction and sends nothing back; more rounds change nothing.
    await old.sync.syncOnce();
    expect(old.stores.lib.templates.find((x) => x.id === 'pay-remind')!.body).toBe(today('pay-remind'));
    for (let i = 0; i < 2; i++) for (const s of [b2.sync, old.sync, agent]) await s.syncOnce();
    expect((await onServer('pay-remind'))._rev).toBe(corrected._rev);
    expect((await onServer('return-7day'))._rev).toBe(edited._rev);
    expect(await hereBody('pay-remind')).toBe(today('pay-remind'));

    // The older machine writes the retracted wording once more (its own restore of an old backup):
    // one correction again, then quiet; the agent's 话术库 never shows it.
    old.stores.saveTemplate({ ...old.stores.lib.templates.find((x) => x.id === 'pay-remind')!, body: retracted('pay-remind') });
    await old.sync.syncOnce();
    const resent = await onServer('pay-remind');
    expect(resent.template.body).toBe(retracted('pay-remind'));
    await agent.syncOnce();
    expect(await hereBody('pay-remind')).toBe(today('pay-remind'));
    await b2.sync.syncOnce();
    const again = await onServer('pay-remind');
    expect(again.template.body).toBe(today('pay-remind'));
    expect(Number(again._rev.split('-')[0])).toBe(Number(resent._rev.split('-')[0]) + 1);
    for (let i = 0; i < 2; i++) for (const s of [old.sync, b2.sync, agent]) await s.syncOnce();
    expect((await onServer('pay-remind'))._rev).toBe(again._rev);
    expect(await b2.sync.templateConflicts()).toEqual([]);
    expect(old.stores.lib.templates.find((x) => x.id === 'pay-remind')!.body).toBe(today('pay-remind'));
  });

  it("the supervisor's review shows a colleague's proposal and conflicting version in today's wording, not a retracted one", async () => {
    // An agent on the older version proposes a new title for 催付; its copy still has the retracted text.
    const stale = t.machine('a1');
    await stale.sync.syncOnce({ firstJoin: true });
    const pay = STARTER_LIBRARY.templates.find((x) => x.id === 'pay-remind')!;
    await stale.sync.propose({ ...pay, title: '催付（老版本的标题）', body: retracted('pay-remind') });
    await stale.sync.syncOnce();
    // A supervisor machine on the older version joins with its own 有现货: retitled, in the retracted text.
    const stock = STARTER_LIBRARY.templates.find((x) => x.id === 'stock-available')!;
    const oldBoss = t.machine('boss');
    oldBoss.stores.lib = { groups: [...STARTER_LIBRARY.groups], templates: [{ ...stock, title: '现货（老电脑）', body: retracted('stock-available') }], updatedAt: 1 };
    await oldBoss.sync.syncOnce({ firstJoin: true });

    // The supervisor's machine on this version: options → 团队 lists both, in today's wording.
    const now = new MemoryStores();
    now.starter = async () => structuredClone(STARTER_LIBRARY);
    const boss = t.machine('boss', t.prefix(), now);
    await boss.sync.syncOnce();
    const proposal = (await boss.sync.proposals({ decided: false })).find((p) => p.by === 'a1' && p.template.id === 'pay-remind')!;
    expect(proposal.template).toMatchObject({ title: '催付（老版本的标题）', body: today('pay-remind') });
    const conflict = (await boss.sync.templateConflicts()).find((c) => c.id === 'stock-available')!;
    expect(conflict.versions.map((v) => v.template.title).sort()).toEqual([stock.title, '现货（老电脑）'].sort());
    expect(conflict.versions.map((v) => v.template.body)).toEqual([today('stock-available'), today('stock-available')]);
    // Choosing the older machine's version (as shown) puts today's wording on the server.
    await boss.sync.resolveTemplateConflict(conflict.versions.find((v) => v.template.title === '现货（老电脑）')!.template);
    await boss.sync.syncOnce();
    expect((await onServer('stock-available')).template).toMatchObject({ title: '现货（老电脑）', body: today('stock-available') });
  });

  it("a colleague's nickname-only record of a buyer joined here to a console id merges into that id's record, which goes to the team; no second record", async () => {
    // Here the buyer was seen with the console's id: the nickname-only record became the id's.
    await db.clear('customers');
    await db.clear('buyer-names');
    const nick = '海盐芝士';
    const here = t.keep(nodeTeamSync({ server: t.server.url, shop: SHOP, user: 'a2', role: 'agent', password: 'a2-pw', prefix: t.prefix(), stores: storageStores(async () => {}) }));
    const { importCustomerRecords } = await import('../storage/customers');
    await importCustomerRecords([appendEvent(newCustomer('demo', nick, T0), makeEvent('note', T0, '要开专票'))]);
    await identifyBuyer({ platform: 'demo', nickname: nick, buyerId: 'u-55' }, T0 + 1);
    const idKey = customerKey('demo', nick, 'u-55');
    expect(await db.keys('customers')).toEqual([idKey]);
    await here.syncOnce({ firstJoin: true });

    // A colleague (an older version, which never saw the id) notes the buyer by name.
    const colleague = t.machine('a1');
    const byName = appendEvent(newCustomer('demo', nick, T0), makeEvent('note', T0 + 60_000, '改地址到公司'));
    colleague.stores.customerMap.set(byName.key, byName);
    await colleague.stores.putBackDirty(dirtyOf('customers', [byName.key]));
    await colleague.sync.syncOnce();

    await here.syncOnce();
    expect(await db.keys('customers')).toEqual([idKey]);
    expect((await getCustomer(idKey))!.history.map((e) => e.text).sort()).toEqual(['改地址到公司', '要开专票']);
    // The joined record goes up: the colleague's machine gets the id's record with both notes.
    await here.syncOnce();
    await colleague.sync.syncOnce();
    expect(colleague.stores.customerMap.get(idKey)!.history.map((e) => e.text).sort()).toEqual(['改地址到公司', '要开专票']);
    // Nothing more to send either way.
    expect((await here.syncOnce()).exported).toBe(0);
    await here.syncOnce();
    expect(await db.keys('customers')).toEqual([idKey]);

    // The colleague deletes their nickname record (客户档案 → 删除): what it brought leaves the id's
    // record here — their note — while this machine's note stays; before, both stayed, and the
    // colleague's deleted note came back to them inside the id's record.
    colleague.stores.customerMap.delete(byName.key);
    await colleague.stores.putBackDirty(dirtyOf('deleted-customers', [byName.key], T0 + 120_000));
    await colleague.sync.syncOnce();
    await here.syncOnce();
    expect(await db.keys('customers')).toEqual([idKey]);
    expect((await getCustomer(idKey))!.history.map((e) => e.text)).toEqual(['要开专票']);
    // The copy sent as the id's note is gone from the server, and from the colleague's copy of the id's record.
    const notesOnServer = await fetch(`${t.server.url}/${dbName(SHOP, 'buyers')}/_all_docs?include_docs=true`, { headers: { authorization: t.adminAuth() } }).then(
      (r) => r.json() as Promise<{ rows: { doc: { type?: string; event?: { text: string } } }[] }>,
    );
    expect(notesOnServer.rows.flatMap((r) => (r.doc.type === 'event' ? [r.doc.event!.text] : []))).toEqual(['要开专票']);
    await colleague.sync.syncOnce();
    expect(colleague.stores.customerMap.get(idKey)!.history.map((e) => e.text)).toEqual(['要开专票']);
    // Settled: more rounds bring nothing back.
    for (let i = 0; i < 2; i++) for (const s of [here, colleague.sync]) await s.syncOnce();
    expect((await getCustomer(idKey))!.history.map((e) => e.text)).toEqual(['要开专票']);
  });
});
