/**
 * Team sync between simulated machines (PouchDB memory replicas, stores in memory with the same
 * semantics as lib/storage) through a real pouchdb-server on loopback, with session-cookie logins.
 */
import { describe, expect, it } from 'vitest';
import { dbName } from './names';
import { teamShop } from '../../test/team/shop';
import { nodeTeamSync, sessionFetch } from '../../test/team/pouch-node';
import { MemoryStores, complete, addFollowupNote } from '../../test/team/memory-stores';
import { emptyDirty } from './local-stores';
import { deletionRef } from './docs';
import { customerKey, makeEvent, replacedNow } from '../domain/customers';
import { forgetFollowups } from '../domain/customers/forget';
import { reopen, snooze, type Followup } from '../domain/followups';
import type { Template } from '../domain/templates/types';
import { PRESET_A, PRESET_B, cloneRuleSet } from '../domain/remarks';
import { appendEvent, applyPatch, newCustomer } from '../domain/customers';
import { dirtyOf } from './local-stores';
import { storageStores } from './storage-bridge';
import { getCustomer } from '../storage/customers';
import { loadFollowups } from '../storage/followups';
import { loadPicks } from '../storage/learned';
import { patchSettings } from '../storage/settings';

const SHOP = 'sync-shop';
const t = teamShop(SHOP);
const { machine, adminAuth } = t;

const T0 = Date.UTC(2026, 11, 1, 2, 0);
const canonicalName = (r: { flags: { red: { meaning: string }; yellow: { meaning: string } } }) => `${r.flags.red.meaning}|${r.flags.yellow.meaning}`;
const tpl = (id: string, body: string): Template => ({ id, title: `标题${id}`, body, group: '售后', scenarios: [] });
const item = (id: string): Followup => ({
  v: 2, id, kind: 'manual', title: '回访：小明', reason: '答应今天回复', buyer: '小明', platform: 'demo',
  createdAt: T0, dueAt: T0 + 3_600_000, status: 'open', source: 'manual',
});

describe('team sync through pouchdb-server', { timeout: 60_000 }, () => {
  it("a supervisor's new reply reaches two agents", async () => {
    const boss = machine('boss');
    const [x, y] = [machine('a1'), machine('a2')];
    // With the order states it fits (Template.orders): the agents' ranking needs them too.
    const reply: Template = { ...tpl('t-new', '亲，已为您登记，明天发出'), orders: ['paid'] };
    boss.stores.saveTemplate(reply);
    await boss.sync.syncOnce();
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    for (const m of [x, y]) expect(m.stores.lib.templates).toEqual([reply]);
    expect(x.stores.lib.groups).toEqual(['售后']);
  });

  it("the server refuses an agent's reply edit that reaches it by replication; a proposal goes through", async () => {
    const agent = machine('a1');
    const boss = machine('boss');
    await agent.sync.syncOnce();
    await agent.sync.local.library.put({ _id: 'tpl:t-new', _rev: (await agent.sync.local.library.get('tpl:t-new'))._rev, type: 'template', template: tpl('t-new', '改掉'), by: 'a1', at: T0 });
    const proposalId = await agent.sync.propose(tpl('t-prop', '新话术建议'));
    const report = await agent.sync.syncOnce();
    expect(report.denied).toBe(1);
    const onServer = await fetch(`${t.server.url}/${dbName(SHOP, 'library')}/tpl:t-new`, { headers: { authorization: adminAuth() } }).then((r) => r.json());
    expect(onServer.template.body).toBe('亲，已为您登记，明天发出');
    await boss.sync.syncOnce();
    expect((await boss.sync.proposals()).map((p) => [p.id, p.template.body, p.by])).toEqual([[proposalId, '新话术建议', 'a1']]);
  });

  it('the supervisor decides a proposal on the server; the agent sees the decision; an agent cannot decide', async () => {
    const agent = machine('a2');
    const boss = machine('boss');
    const id = await agent.sync.propose(tpl('t-prop2', '亲，换货的运费我们出'));
    await agent.sync.syncOnce();
    await boss.sync.syncOnce();
    expect((await boss.sync.proposals({ decided: false })).map((p) => p.id)).toContain(id);
    // An agent's attempt is refused by the server's role check, in words, and changes nothing.
    await expect(agent.sync.decideProposal(id, { accepted: true })).rejects.toMatchObject({ kind: 'forbidden' });
    const decided = await boss.sync.decideProposal(id, { accepted: false, reason: '  运费规则下月才改  ' });
    expect(decided.decision).toMatchObject({ accepted: false, reason: '运费规则下月才改', by: 'boss' });
    expect((await boss.sync.proposals({ decided: false })).map((p) => p.id)).not.toContain(id);
    await agent.sync.syncOnce();
    const mine = await agent.sync.proposals({ by: 'a2' });
    expect(mine.map((p) => [p.template.body, p.decision?.accepted, p.decision?.reason])).toEqual([['亲，换货的运费我们出', false, '运费规则下月才改']]);
  });

  it('every member reads the member list the provisioning command keeps', async () => {
    const agent = machine('a1');
    await agent.sync.syncOnce();
    expect((await agent.sync.members()).map((m) => `${m.name}:${m.role}`).sort()).toEqual(['a1:agent', 'a2:agent', 'boss:supervisor']);
  });

  it("an agent's note reaches the other agents' buyer cards", async () => {
    const [x, y] = [machine('a1'), machine('a2')];
    x.stores.addNote('小明', '要M码，不要黑色', T0);
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    const card = y.stores.customerMap.get(customerKey('demo', '小明'))!;
    expect(card.history.map((e) => e.text)).toContain('要M码，不要黑色');
  });

  it("a colleague's note stored unmasked by an older version reaches this machine's card and follow-ups masked", async () => {
    // The colleague's version saved the words as typed (no masking): written into its stores directly.
    const x = machine('a1');
    const key = customerKey('demo', '晚风吹过');
    let c = applyPatch(newCustomer('demo', '晚风吹过', T0), { note: '老客户，手机 139 8765 4321', addressNote: '收件人：陈美玲' }, T0, { maskPii: false });
    c = appendEvent(c, makeEvent('note', T0 + 1, '加了微信 chen_ml2026，发票发 meiling88@163.com，订单 4023118765432190 已发'));
    x.stores.customerMap.set(key, c);
    x.stores.putFollowup({ ...item('manual:old-unmasked'), buyer: '晚风吹过', title: '回电：座机 0571-86543210', note: '她说打 13987654321 也行' });
    await x.stores.putBackDirty(dirtyOf('customers', [key]));
    await x.sync.syncOnce();

    // This machine runs on the extension's own stores, as the team page does.
    const y = t.keep(nodeTeamSync({ server: t.server.url, shop: SHOP, user: 'a2', role: 'agent', password: 'a2-pw', prefix: t.prefix(), stores: storageStores(async () => {}) }));
    await y.syncOnce();
    const card = (await getCustomer(key))!;
    expect(card.note).toBe('老客户，手机 139****4321');
    expect(card.addressNote).toBe('收件人：陈**');
    expect(card.history.map((e) => e.text)).toEqual(['加了微信 ch***，发票发 me***@163.com，订单 4023118765432190 已发']);
    const f = (await loadFollowups()).find((i) => i.id === 'manual:old-unmasked')!;
    expect([f.title, f.note]).toEqual(['回电：座机 0571-****3210', '她说打 139****4321 也行']);
  });

  it("a colleague's learned picks stored with numbers and e-mails in clear by an older version are stored masked here, as picks made here are; as they came while masking is off", async () => {
    const x = machine('a1');
    const current = x.stores.learn('几时能发货呀', '小明', 'shipping-time', null, T0);
    // The colleague's version kept the words of these picks as typed: written into its stores directly.
    const clear = { ...current, id: 'old-clear-1', text: '我电话 13987654321 邮箱 lanlan.w@163.com 快点发货' };
    const numberOnly = { ...current, id: 'old-clear-2', text: '13987654321' };
    for (const p of [clear, numberOnly]) x.stores.pickMap.set(p.id, p);
    await x.stores.putBackDirty(dirtyOf('learned', [clear.id, numberOnly.id]));
    await x.sync.syncOnce();

    const y = t.keep(nodeTeamSync({ server: t.server.url, shop: SHOP, user: 'a2', role: 'agent', password: 'a2-pw', prefix: t.prefix(), stores: storageStores(async () => {}) }));
    await y.syncOnce();
    const here = new Map((await loadPicks()).map((p) => [p.id, p]));
    expect(here.get(clear.id)).toEqual({ ...clear, text: '我电话 邮箱 快点发货' });
    expect(here.get(current.id)).toEqual(current);
    // Nothing of it left to learn from: not stored.
    expect(here.has(numberOnly.id)).toBe(false);

    await patchSettings({ privacy: { maskPii: false } });
    try {
      const later = { ...clear, id: 'old-clear-3' };
      x.stores.pickMap.set(later.id, later);
      await x.stores.putBackDirty(dirtyOf('learned', [later.id]));
      await x.sync.syncOnce();
      await y.syncOnce();
      expect((await loadPicks()).find((p) => p.id === later.id)).toEqual(later);
    } finally {
      await patchSettings({ privacy: { maskPii: true } });
      // The shop's picks are counted by the tests below: these are forgotten for the team.
      x.stores.forgetPicks([...x.stores.pickMap.keys()]);
      await x.sync.syncOnce();
    }
  });

  it("notes that arrive before their buyer's profile reach the card once the profile comes, also for a buyer this machine already has", async () => {
    const key = customerKey('demo', '小红帽');
    // Another machine's push stopped between batches: its notes are on the server, its profile not.
    const early = [makeEvent('note', T0, '先到的备注一'), makeEvent('note', T0 + 1, '先到的备注二')];
    for (const event of early) {
      const r = await fetch(`${t.server.url}/${dbName(SHOP, 'buyers')}/${encodeURIComponent(`ev:${key}:${event.id}`)}`, {
        method: 'PUT',
        headers: { authorization: adminAuth(), 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'event', key, event, by: 'a2' }),
      });
      expect(r.ok).toBe(true);
    }
    // This agent writes a note for the same buyer while a round is running (after the export).
    class WritesDuringRound extends MemoryStores {
      override async takeDirty() {
        const d = await super.takeDirty();
        if (!this.customerMap.has(key)) this.addNote('小红帽', '本机备注', T0 + 2);
        return d;
      }
    }
    const x = machine('a1', undefined, new WritesDuringRound());
    await x.sync.syncOnce();
    await x.sync.syncOnce();
    const y = machine('a2');
    await y.sync.syncOnce();
    for (const m of [x, y]) {
      expect(m.stores.customerMap.get(key)!.history.map((e) => e.text).sort()).toEqual(['先到的备注一', '先到的备注二', '本机备注']);
    }
  });

  it('conflicting offline edits to one buyer profile merge with every field kept, on both machines', async () => {
    const [x, y] = [machine('a1'), machine('a2')];
    x.stores.patchCustomer('小红', { note: '老客户' }, T0);
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    // Both offline: different fields, and the same field (note) edited on both.
    x.stores.patchCustomer('小红', { sizes: { heightCm: 165, weightKg: 50 }, note: '先写的备注' }, T0 + 60_000);
    x.stores.addNote('小红', '夜班：答应补发赠品', T0 + 60_000);
    y.stores.patchCustomer('小红', { preferences: '喜欢浅色', tags: ['回头客'], note: '后写的备注' }, T0 + 120_000);
    y.stores.addNote('小红', '白班：已改地址', T0 + 120_000);
    await x.sync.syncOnce();
    await y.sync.syncOnce(); // pushes a conflicting revision, pulls x's, merges
    await x.sync.syncOnce();
    const key = customerKey('demo', '小红');
    for (const m of [x, y]) {
      const c = m.stores.customerMap.get(key)!;
      expect(c).toMatchObject({ sizes: { heightCm: 165, weightKg: 50 }, preferences: '喜欢浅色', tags: ['回头客'], note: '后写的备注' });
      expect(c.history.map((e) => e.text).sort()).toEqual(['夜班：答应补发赠品', '白班：已改地址']);
    }
    // An agent may not remove a losing revision on the server (validate.ts): the conflict waits
    // for the supervisor's machine, which settles it with the same merge.
    expect((await x.sync.remote.buyers.get(`buyer:${key}`, { conflicts: true }))._conflicts).toHaveLength(1);
    const boss = machine('boss');
    await boss.sync.syncOnce();
    expect(boss.stores.customerMap.get(key)).toMatchObject({ preferences: '喜欢浅色', note: '后写的备注' });
    const doc = await x.sync.remote.buyers.get(`buyer:${key}`, { conflicts: true });
    expect(doc._conflicts).toBeUndefined();
  });

  it("a field edited on two machines offline: the later edit wins, and the machine whose text it replaced is told, with that text; a field only one machine edited tells no one", async () => {
    const [x, y] = [machine('a1'), machine('a2')];
    x.stores.patchCustomer('小青', { preferences: '只穿棉的', note: '老地址' }, T0);
    for (const m of [x, y]) await m.sync.syncOnce();
    // Offline on both: the same field (preferences) on each; note and sizes each on one machine only.
    x.stores.patchCustomer('小青', { preferences: '王写：不要黑色', sizes: { heightCm: 170 } }, T0 + 60_000);
    y.stores.patchCustomer('小青', { preferences: '李写：只要黑色', note: '新地址' }, T0 + 120_000);
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    const key = customerKey('demo', '小青');
    const [cx, cy] = [x.stores.customerMap.get(key)!, y.stores.customerMap.get(key)!];
    for (const c of [cx, cy]) expect(c).toMatchObject({ preferences: '李写：只要黑色', note: '新地址', sizes: { heightCm: 170 } });
    expect(cx.replaced).toEqual({ preferences: { text: '王写：不要黑色', at: T0 + 120_000 } });
    expect(cy.replaced).toBeUndefined();
    // The supervisor's machine settles the conflict on the server; nobody else is told anything.
    const boss = machine('boss');
    await boss.sync.syncOnce();
    await y.sync.syncOnce();
    expect(boss.stores.customerMap.get(key)!.replaced).toBeUndefined();
    expect(y.stores.customerMap.get(key)!.replaced).toBeUndefined();
    // Nothing of it is sent: the notice is this machine's.
    const onServer = await x.sync.remote.buyers.get(`buyer:${key}`);
    expect(JSON.stringify((onServer as { customer: unknown }).customer)).not.toContain('replaced');
    // Editing the field again (here or anywhere) ends the notice.
    expect(replacedNow(x.stores.customerMap.get(key)!)).toEqual([{ field: 'preferences', text: '王写：不要黑色' }]);
    x.stores.patchCustomer('小青', { preferences: '黑色以外都行' }, T0 + 180_000);
    expect(replacedNow(x.stores.customerMap.get(key)!)).toEqual([]);
  });

  it("the same, when another machine merged the two versions first: the machine whose text lost still learns it", async () => {
    const [x, y, boss] = [machine('a1'), machine('a2'), machine('boss')];
    x.stores.patchCustomer('小蓝', { addressNote: '放门卫' }, T0);
    for (const m of [x, y, boss]) await m.sync.syncOnce();
    x.stores.patchCustomer('小蓝', { addressNote: '王写：放快递柜' }, T0 + 60_000);
    y.stores.patchCustomer('小蓝', { addressNote: '李写：送到家' }, T0 + 120_000);
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    await boss.sync.syncOnce(); // merges and removes the losing revision on the server
    await x.sync.syncOnce();
    const key = customerKey('demo', '小蓝');
    expect(x.stores.customerMap.get(key)).toMatchObject({ addressNote: '李写：送到家', replaced: { addressNote: { text: '王写：放快递柜', at: T0 + 120_000 } } });
    expect(boss.stores.customerMap.get(key)!.replaced).toBeUndefined();
  });

  it('a follow-up closed on one machine and snoozed on another ends closed on both, with both notes', async () => {
    const [x, y] = [machine('a1'), machine('a2')];
    x.stores.putFollowup(item('manual:fu1'));
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    x.stores.changeFollowup('manual:fu1', (f) => addFollowupNote(complete(f, T0 + 5_000, '已回复'), '买家满意'));
    y.stores.changeFollowup('manual:fu1', (f) => addFollowupNote(snooze(f, T0 + 86_400_000), '明天再问'));
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    for (const m of [x, y]) {
      const f = m.stores.followupMap.get('manual:fu1')!;
      expect(f.status).toBe('done');
      expect(f.closedReason).toBe('已回复');
      expect(f.note!.split('\n').sort()).toEqual(['买家满意', '明天再问']);
    }
  });

  it('a follow-up reopened on one machine after a colleague closed it on another, before they synced, ends open on both', async () => {
    const [x, y] = [machine('a1'), machine('a2')];
    x.stores.putFollowup(item('manual:fu-re'));
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    // The colleague closes it at +5 s; here it was closed at +3 s and reopened at +10 s (not finished after all).
    x.stores.changeFollowup('manual:fu-re', (f) => complete(f, T0 + 5_000, '已回复'));
    y.stores.changeFollowup('manual:fu-re', (f) => reopen(complete(f, T0 + 3_000), T0 + 10_000));
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    for (const m of [x, y]) expect(m.stores.followupMap.get('manual:fu-re')).toMatchObject({ status: 'open', reopenedAt: T0 + 10_000 });
    // Closed again afterwards: closed everywhere.
    x.stores.changeFollowup('manual:fu-re', (f) => complete(f, T0 + 20_000, '已回复'));
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    expect(y.stores.followupMap.get('manual:fu-re')).toMatchObject({ status: 'done', closedAt: T0 + 20_000 });
  });

  it('the agent who closed an item a colleague then reopened with a new date is told who reopened it, until they act on it', async () => {
    const [x, y, boss] = [machine('a1'), machine('a2'), machine('boss')];
    x.stores.putFollowup(item('manual:fu-back'));
    x.stores.putFollowup(item('manual:fu-both'));
    for (const m of [x, y, boss]) await m.sync.syncOnce();
    // Synced in between: closed here, reopened by the colleague later, due on a new day.
    x.stores.changeFollowup('manual:fu-back', (f) => complete(f, T0 + 5_000, '已回复'));
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    y.stores.changeFollowup('manual:fu-back', (f) => ({ ...reopen(f, T0 + 60_000), dueAt: T0 + 2 * 86_400_000 }));
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    await boss.sync.syncOnce();
    expect(x.stores.followupMap.get('manual:fu-back')).toMatchObject({ status: 'open', dueAt: T0 + 2 * 86_400_000 });
    expect(await x.sync.reopened()).toEqual([{ id: 'manual:fu-back', at: T0 + 60_000, by: 'a2' }]);
    // Not the reopener, not a bystander; and nothing said of a snooze (doneOver).
    expect(await y.sync.reopened()).toEqual([]);
    expect(await boss.sync.reopened()).toEqual([]);
    expect(await x.sync.doneOver()).toEqual([]);

    // Before either synced: closed here at +5 s while the colleague reopened at +10 s — in either order of rounds.
    x.stores.changeFollowup('manual:fu-both', (f) => complete(f, T0 + 5_000, '已回复'));
    y.stores.changeFollowup('manual:fu-both', (f) => reopen(complete(f, T0 + 3_000), T0 + 10_000));
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    expect(x.stores.followupMap.get('manual:fu-both')!.status).toBe('open');
    // The server never had it done, so no status change names the colleague: said as 同事 (no `by`).
    expect((await x.sync.reopened()).find((d) => d.id === 'manual:fu-both')).toEqual({ id: 'manual:fu-both', at: T0 + 10_000 });
    expect(await y.sync.reopened()).toEqual([]);

    // Acted on in the popup: gone, and the next rounds do not bring it back; the other notice stays.
    expect(await x.sync.reopened({ drop: 'manual:fu-back' })).toEqual([{ id: 'manual:fu-both', at: T0 + 10_000 }]);
    await x.sync.syncOnce();
    expect(await x.sync.reopened()).toEqual([{ id: 'manual:fu-both', at: T0 + 10_000 }]);
    // The two lists of this machine's notices are kept apart: clearing one leaves the other.
    await x.sync.doneOver({ clear: true });
    expect(await x.sync.reopened()).toHaveLength(1);
    // Closed again (from the panel, say, not the popup's row): no longer true, the notice goes.
    x.stores.changeFollowup('manual:fu-both', (f) => complete(f, T0 + 90_000, '已回复'));
    await x.sync.syncOnce();
    expect(await x.sync.reopened()).toEqual([]);
  });

  it('a reopen notice whose item was reopened again since goes in the round that sees it, brought by a colleague or made here', async () => {
    const [x, y] = [machine('a1'), machine('a2')];
    x.stores.putFollowup(item('manual:fu-again'));
    x.stores.putFollowup(item('manual:fu-promise'));
    for (const m of [x, y]) await m.sync.syncOnce();
    for (const id of ['manual:fu-again', 'manual:fu-promise']) x.stores.changeFollowup(id, (f) => complete(f, T0 + 5_000, '已回复'));
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    for (const id of ['manual:fu-again', 'manual:fu-promise']) y.stores.changeFollowup(id, (f) => reopen(f, T0 + 60_000));
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    expect((await x.sync.reopened()).map((d) => [d.id, d.at])).toEqual([
      ['manual:fu-again', T0 + 60_000],
      ['manual:fu-promise', T0 + 60_000],
    ]);

    // The colleague closes it and reopens it again before this machine syncs: it arrives open, as it was
    // here, with another reopenedAt. The close was theirs, so nothing new is said, and the old notice goes.
    y.stores.changeFollowup('manual:fu-again', (f) => reopen(complete(f, T0 + 70_000), T0 + 80_000));
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    expect(x.stores.followupMap.get('manual:fu-again')).toMatchObject({ status: 'open', reopenedAt: T0 + 80_000 });
    expect((await x.sync.reopened()).map((d) => d.id)).toEqual(['manual:fu-promise']);

    // Given a new date here without a close (a purple remark saved through the panel stores it as a
    // reopen): the export's round drops that notice.
    x.stores.changeFollowup('manual:fu-promise', (f) => ({ ...f, dueAt: T0 + 3 * 86_400_000, reopenedAt: T0 + 90_000, promisedAt: T0 + 90_000 }));
    await x.sync.syncOnce();
    expect(await x.sync.reopened()).toEqual([]);
  });

  it("a notice goes with its item: deleted here, deleted by a colleague, or missing (pruned), from both lists, in the round that sees it", async () => {
    const [x, y] = [machine('a1'), machine('a2')];
    const ids = ['manual:gone-here', 'manual:gone-there', 'manual:gone-pruned', 'manual:stays'];
    for (const id of ids) x.stores.putFollowup({ ...item(id), buyer: id.slice(7), title: `回访：${id.slice(7)}` });
    x.stores.putFollowup({ ...item('manual:over-here'), buyer: '小删', title: '回访：小删' });
    x.stores.putFollowup({ ...item('manual:over-pruned'), buyer: '小旧', title: '回访：小旧' });
    for (const m of [x, y]) await m.sync.syncOnce();
    // Closed here, reopened by the colleague: four reopen notices; snoozed here, closed there: two done-over notices.
    for (const id of ids) x.stores.changeFollowup(id, (f) => complete(f, T0 + 5_000, '已回复'));
    for (const id of ['manual:over-here', 'manual:over-pruned']) x.stores.changeFollowup(id, (f) => snooze(f, T0 + 86_400_000));
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    for (const id of ids) y.stores.changeFollowup(id, (f) => reopen(f, T0 + 60_000));
    for (const id of ['manual:over-here', 'manual:over-pruned']) y.stores.changeFollowup(id, (f) => complete(f, T0 + 70_000, '已回复'));
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    expect((await x.sync.reopened()).map((d) => d.id).sort()).toEqual([...ids].sort());
    expect((await x.sync.doneOver()).map((d) => d.id).sort()).toEqual(['manual:over-here', 'manual:over-pruned']);

    // 客户档案 → 删除 here (the buyer's items with it), the colleague's 删除 of another buyer, and an item
    // gone from the store with nothing said to the team (the retention purge, a done item pruned).
    // (Buyers with no profile: only their follow-ups are deleted, so the shop's buyer deletions stay as other tests count them.)
    x.stores.deleteFollowups(['manual:gone-here', 'manual:over-here'], Date.now());
    y.stores.deleteFollowups(['manual:gone-there'], Date.now());
    await y.sync.syncOnce();
    x.stores.followupMap.delete('manual:gone-pruned');
    x.stores.followupMap.delete('manual:over-pruned');
    await x.sync.syncOnce();
    expect(x.stores.followupMap.has('manual:gone-there')).toBe(false);
    expect(await x.sync.reopened()).toEqual([{ id: 'manual:stays', at: T0 + 60_000, by: 'a2' }]);
    // Nothing of the deleted buyers' items stays in this machine's notices (the done-over ones held title and buyer).
    expect(await x.sync.doneOver()).toEqual([]);
    const told = JSON.stringify(await x.sync.local.followups.get('_local/kf-told'));
    for (const gone of ['小删', '小旧', 'gone-']) expect(told, gone).not.toContain(gone);
    // A drop of items with no notice writes nothing.
    const rev = (await x.sync.local.followups.get('_local/kf-told'))._rev;
    await x.sync.drop(['manual:none']);
    expect((await x.sync.local.followups.get('_local/kf-told'))._rev).toBe(rev);
  });

  it("a buyer deleted with their open work kept anonymous (here or by a colleague) leaves no name in this machine's notices: a done-over notice names the item as it is kept; a reopen notice, which names no one, stays", async () => {
    const [x, y] = [machine('a1'), machine('a2')];
    // 客户档案 → 删除 keeping the open items (lib/domain/customers/forget.ts), as the worker does to the stores.
    const deleteKeeping = (m: { stores: MemoryStores }, nickname: string) => {
      const buyer = { platform: 'demo', nickname, buyerId: null, key: customerKey('demo', nickname) };
      const { del, put } = forgetFollowups([...m.stores.followupMap.values()], { buyers: [buyer] }, 'keep', T0 + 100_000);
      for (const f of put) m.stores.changeFollowup(f.id, () => f);
      if (del.length) m.stores.deleteFollowups(del, Date.now());
      return put.map((f) => f.id);
    };
    x.stores.putFollowup({ ...item('manual:kept-here'), buyer: '小丽', title: '回访：小丽' });
    x.stores.putFollowup({ ...item('manual:kept-there'), buyer: '小芳', title: '回访：小芳' });
    x.stores.putFollowup({ ...item('manual:kept-closed'), buyer: '小丽', title: '给小丽补发' });
    for (const m of [x, y]) await m.sync.syncOnce();
    // Snoozed here and closed by the colleague: two done-over notices, each with the buyer's name.
    // Closed here and reopened by the colleague: a reopen notice.
    for (const id of ['manual:kept-here', 'manual:kept-there']) x.stores.changeFollowup(id, (f) => snooze(f, T0 + 86_400_000));
    x.stores.changeFollowup('manual:kept-closed', (f) => complete(f, T0 + 5_000, '已回复'));
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    for (const id of ['manual:kept-here', 'manual:kept-there']) y.stores.changeFollowup(id, (f) => complete(f, T0 + 60_000, '已回复'));
    y.stores.changeFollowup('manual:kept-closed', (f) => reopen(f, T0 + 60_000));
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    expect((await x.sync.doneOver()).map((d) => [d.id, d.buyer, d.title])).toEqual([
      ['manual:kept-here', '小丽', '回访：小丽'],
      ['manual:kept-there', '小芳', '回访：小芳'],
    ]);
    // Not done after all: the colleague reopens both, so they are work still owed when the buyers are deleted.
    for (const id of ['manual:kept-here', 'manual:kept-there']) y.stores.changeFollowup(id, (f) => reopen(f, T0 + 70_000));
    await y.sync.syncOnce();
    await x.sync.syncOnce();

    // 小丽 deleted here, 小芳 by the colleague, the open items kept anonymous (same ids: they named no one).
    expect(deleteKeeping(x, '小丽').sort()).toEqual(['manual:kept-closed', 'manual:kept-here']);
    expect(deleteKeeping(y, '小芳')).toEqual(['manual:kept-there']);
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    for (const id of ['manual:kept-here', 'manual:kept-there']) {
      expect(x.stores.followupMap.get(id)).toMatchObject({ status: 'open', title: '回访：某买家' });
      expect(x.stores.followupMap.get(id)!.buyer).toBeUndefined();
    }
    expect(await x.sync.doneOver()).toEqual([
      { id: 'manual:kept-here', kind: 'manual', title: '回访：某买家', by: 'a2', until: T0 + 86_400_000 },
      { id: 'manual:kept-there', kind: 'manual', title: '回访：某买家', by: 'a2', until: T0 + 86_400_000 },
    ]);
    expect(await x.sync.reopened()).toEqual([{ id: 'manual:kept-closed', at: T0 + 60_000, by: 'a2' }]);
    const told = JSON.stringify(await x.sync.local.followups.get('_local/kf-told'));
    for (const name of ['小丽', '小芳']) expect(told, name).not.toContain(name);
    // A later round leaves them so.
    await x.sync.syncOnce();
    expect((await x.sync.doneOver()).map((d) => d.buyer)).toEqual([undefined, undefined]);
  });

  it('the agent whose snooze lost to a colleague closing the item is told who closed it, once; the closer and a bystander are not', async () => {
    // At about the same time: both change the item before either has the other's change.
    const [x, y, boss] = [machine('a1'), machine('a2'), machine('boss')];
    x.stores.putFollowup(item('manual:fu2'));
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    await boss.sync.syncOnce();
    x.stores.changeFollowup('manual:fu2', (f) => complete(f, T0 + 5_000, '已回复'));
    y.stores.changeFollowup('manual:fu2', (f) => snooze(f, T0 + 86_400_000));
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    expect(y.stores.followupMap.get('manual:fu2')!.status).toBe('done');
    expect(await y.sync.doneOver()).toEqual([{ id: 'manual:fu2', kind: 'manual', title: '回访：小明', buyer: '小明', by: 'a1', until: T0 + 86_400_000 }]);
    // Once: the next rounds do not say it again, and once read it is gone.
    await y.sync.syncOnce();
    expect(await y.sync.doneOver()).toHaveLength(1);
    expect(await y.sync.doneOver({ clear: true })).toEqual([]);
    await y.sync.syncOnce();
    expect(await y.sync.doneOver()).toEqual([]);
    await x.sync.syncOnce();
    await boss.sync.syncOnce();
    expect(await x.sync.doneOver()).toEqual([]);
    expect(await boss.sync.doneOver()).toEqual([]);

    // The snooze sent first, the close after it (the closer saw it or not): the snoozer is told too.
    x.stores.putFollowup(item('manual:fu3'));
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    y.stores.changeFollowup('manual:fu3', (f) => snooze(f, T0 + 7_200_000));
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    await boss.sync.syncOnce();
    x.stores.changeFollowup('manual:fu3', (f) => complete(f, T0 + 6_000, '已回复'));
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    await boss.sync.syncOnce();
    expect((await y.sync.doneOver()).map((d) => [d.id, d.by])).toEqual([['manual:fu3', 'a1']]);
    expect(await boss.sync.doneOver()).toEqual([]);
  });

  it('a reply edited on two machines shows the supervisor both versions, and the choice settles it everywhere', async () => {
    const [b1, b2] = [machine('boss'), machine('boss')];
    await b1.sync.syncOnce();
    await b2.sync.syncOnce();
    const base = b1.stores.lib.templates.find((t) => t.id === 't-new')!;
    b1.stores.saveTemplate({ ...base, body: '版本一：明天上午发出' });
    b2.stores.saveTemplate({ ...base, body: '版本二：48小时内发出' });
    await b1.sync.syncOnce();
    await b2.sync.syncOnce();
    await b1.sync.syncOnce();
    const conflicts = await b1.sync.templateConflicts();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.versions.map((v) => v.template.body).sort()).toEqual(['版本一：明天上午发出', '版本二：48小时内发出']);
    expect((await b2.sync.templateConflicts())[0]!.versions).toHaveLength(2);

    await b1.sync.resolveTemplateConflict({ ...base, body: '版本二：48小时内发出' });
    await b1.sync.syncOnce();
    await b2.sync.syncOnce();
    const agent = machine('a1');
    await agent.sync.syncOnce();
    for (const m of [b1, b2, agent]) {
      expect(await m.sync.templateConflicts()).toEqual([]);
      expect(m.stores.lib.templates.find((t) => t.id === 't-new')!.body).toBe('版本二：48小时内发出');
    }
  });

  it('two supervisor machines joining with the same starter reply: one version, nothing for the supervisor to choose', async () => {
    const [b1, b2] = [machine('boss'), machine('boss')];
    const starter = tpl('t-starter', '欢迎光临，有什么可以帮您？');
    for (const m of [b1, b2]) m.stores.lib = { groups: ['售后'], templates: [starter], updatedAt: 1 };
    await b1.sync.syncOnce({ firstJoin: true });
    await b2.sync.syncOnce({ firstJoin: true });
    await b1.sync.syncOnce();
    for (const m of [b1, b2]) {
      expect(await m.sync.templateConflicts()).toEqual([]);
      expect(m.stores.lib.templates.filter((t) => t.id === 't-starter')).toEqual([starter]);
    }
    const onServer = await fetch(`${t.server.url}/${dbName(SHOP, 'library')}/tpl:t-starter?conflicts=true`, { headers: { authorization: adminAuth() } }).then((r) => r.json());
    expect(onServer._conflicts).toBeUndefined();
  });

  it("the supervisor's remark rules reach every agent; an agent's rules write is refused by the server, and its own edit stays local until the shop's next change", async () => {
    const boss = machine('boss');
    const [x, y] = [machine('a1'), machine('a2')];
    const shopRules = { ...cloneRuleSet(PRESET_B), name: '本店规则：黄=改价' };
    boss.stores.saveRules(shopRules, T0);
    await boss.sync.syncOnce();
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    for (const m of [x, y]) expect(m.stores.ruleRecord.ruleSet.name).toBe('本店规则：黄=改价');

    // Through the agent's replica (what a modified extension would do): the server refuses it.
    const doc = await x.sync.local.library.get('rules');
    await x.sync.local.library.put({ ...doc, ruleSet: { ...shopRules, name: '代理改的' }, by: 'a1', at: T0 + 1 });
    expect((await x.sync.syncOnce()).denied).toBe(1);
    const onServer = await fetch(`${t.server.url}/${dbName(SHOP, 'library')}/rules`, { headers: { authorization: adminAuth() } }).then((r) => r.json());
    expect(onServer.ruleSet.name).toBe('本店规则：黄=改价');
    // Straight to the server with the agent's session: refused too.
    const direct = await sessionFetch(t.server.url, 'a1', 'a1-pw')(`${t.server.url}/${dbName(SHOP, 'library')}/rules`, {
      method: 'PUT', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...onServer, ruleSet: { ...shopRules, name: '代理改的' }, by: 'a1' }),
    });
    expect(direct.status).toBe(403);

    // The agent's own edit is not sent; the supervisor's next change replaces it.
    y.stores.saveRules({ ...cloneRuleSet(PRESET_A), name: '我自己的' }, T0 + 2);
    expect((await y.sync.syncOnce()).exported).toBe(0);
    expect(y.stores.ruleRecord.ruleSet.name).toBe('我自己的');
    boss.stores.saveRules({ ...shopRules, name: '本店规则 第二版' }, T0 + 3);
    await boss.sync.syncOnce();
    await y.sync.syncOnce();
    expect(y.stores.ruleRecord.ruleSet.name).toBe('本店规则 第二版');
  });

  it('rules edited offline on two supervisor machines keep both versions for the supervisor; the per-colour choice settles them on every replica', async () => {
    const [b1, b2] = [machine('boss'), machine('boss')];
    await b1.sync.syncOnce();
    await b2.sync.syncOnce();
    const shop = b1.stores.ruleRecord.ruleSet;
    const one = cloneRuleSet(shop);
    one.flags.red = { ...one.flags.red, meaning: '红旗：一号机改的说明' };
    const two = cloneRuleSet(shop);
    two.flags.yellow = { ...two.flags.yellow, meaning: '黄旗：二号机改的说明' };
    b1.stores.saveRules(one, T0 + 10);
    b2.stores.saveRules(two, T0 + 20);
    // Both edited while offline; both come back and sync, each twice (the other's version arrives).
    await b2.sync.syncOnce();
    await b1.sync.syncOnce();
    await b2.sync.syncOnce();
    for (const m of [b1, b2]) {
      const c = await m.sync.rulesConflict();
      expect(c?.versions.map((v) => [v.ruleSet.flags.red.meaning, v.ruleSet.flags.yellow.meaning])).toEqual([
        ['红旗：一号机改的说明', shop.flags.yellow.meaning],
        [shop.flags.red.meaning, '黄旗：二号机改的说明'],
      ]);
      expect(c!.versions.map((v) => v.by)).toEqual(['boss', 'boss']);
    }
    // An agent meanwhile follows one version — the same on every machine — and cannot settle it.
    const agent = machine('a1');
    await agent.sync.syncOnce();
    const winner = await b1.sync.local.library.get('rules');
    expect(canonicalName(agent.stores.ruleRecord.ruleSet)).toBe(canonicalName(winner.ruleSet));
    expect((await agent.sync.rulesConflict())!.versions).toHaveLength(2);

    // The supervisor takes red from the first version and yellow from the second.
    const merged = cloneRuleSet(one);
    merged.flags.yellow = two.flags.yellow;
    await b2.sync.resolveRulesConflict(merged);
    await b2.sync.syncOnce();
    await b1.sync.syncOnce();
    await agent.sync.syncOnce();
    for (const m of [b1, b2, agent]) {
      expect(await m.sync.rulesConflict()).toBeNull();
      expect(m.stores.ruleRecord.ruleSet.flags.red.meaning).toBe('红旗：一号机改的说明');
      expect(m.stores.ruleRecord.ruleSet.flags.yellow.meaning).toBe('黄旗：二号机改的说明');
    }
    const onServer = await fetch(`${t.server.url}/${dbName(SHOP, 'library')}/rules?conflicts=true`, { headers: { authorization: adminAuth() } }).then((r) => r.json());
    expect(onServer._conflicts).toBeUndefined();
    expect(onServer.ruleSet.flags.yellow.meaning).toBe('黄旗：二号机改的说明');
  });

  it("a page taught by the supervisor reaches the agents and leaves when the supervisor forgets it; an agent's taught page stays on that machine", async () => {
    const boss = machine('boss');
    const [x, y] = [machine('a1'), machine('a2')];
    const picks = { origin: 'https://im.shop.example', name: '本店客服台', url: 'https://im.shop.example/chat', fields: { chatInput: [{ css: 'textarea.reply' }], buyerName: [{ label: '买家' }] } };
    boss.stores.teachSite(picks, T0);
    x.stores.teachSite({ ...picks, origin: 'https://other.example', url: 'https://other.example/' }, T0);
    await boss.sync.syncOnce();
    const report = await x.sync.syncOnce();
    await y.sync.syncOnce();
    expect(report.exported).toBe(0);
    expect([...x.stores.siteMap.keys()].sort()).toEqual(['https://im.shop.example', 'https://other.example']);
    expect(y.stores.siteMap.get('https://im.shop.example')).toMatchObject({ name: '本店客服台', fields: picks.fields });
    expect(y.stores.siteMap.has('https://other.example')).toBe(false);

    // An agent's site document sent by replication is refused.
    await x.sync.local.library.put({ _id: 'site:https://other.example', type: 'site', origin: 'https://other.example', site: x.stores.siteMap.get('https://other.example'), by: 'a1', at: T0 });
    expect((await x.sync.syncOnce()).denied).toBe(1);

    boss.stores.forgetSite('https://im.shop.example');
    await boss.sync.syncOnce();
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    expect(y.stores.siteMap.size).toBe(0);
    expect([...x.stores.siteMap.keys()]).toEqual(['https://other.example']);
  });

  it('a taught page changed on one supervisor machine and forgotten on another keeps both versions until the supervisor chooses', async () => {
    const [b1, b2] = [machine('boss'), machine('boss')];
    const agent = machine('a2');
    const origin = 'https://kf.two.example';
    const picks = { origin, name: '二号客服台', url: `${origin}/chat`, fields: { chatInput: [{ css: 'textarea.reply' }] } };
    b1.stores.teachSite(picks, T0);
    for (const m of [b1, b2, agent]) await m.sync.syncOnce();
    expect(b2.stores.siteMap.get(origin)?.name).toBe('二号客服台');

    b1.stores.teachSite({ ...picks, fields: { chatInput: [{ css: 'div.editor' }] } }, T0 + 10);
    b2.stores.forgetSite(origin);
    for (const m of [b1, b2, b1]) await m.sync.syncOnce();
    for (const m of [b1, b2]) {
      const c = await m.sync.siteConflicts();
      expect(c.map((x) => x.origin)).toEqual([origin]);
      expect(c[0]!.versions.map((v) => v.site?.fields.chatInput?.[0]).sort()).toEqual([{ css: 'div.editor' }, undefined]);
    }
    // The supervisor keeps the re-taught page.
    const chosen = (await b2.sync.siteConflicts())[0]!.versions.find((v) => v.site)!.site!;
    await b2.sync.resolveSiteConflict(origin, chosen);
    for (const m of [b2, b1, agent]) await m.sync.syncOnce();
    for (const m of [b1, b2, agent]) {
      expect(await m.sync.siteConflicts()).toEqual([]);
      expect(m.stores.siteMap.get(origin)?.fields.chatInput).toEqual([{ css: 'div.editor' }]);
    }
  });

  it("every member's learned picks reach the others, masked; forged or deleted picks are refused; the supervisor's forget removes a pick for the team", async () => {
    const boss = machine('boss');
    const [x, y] = [machine('a1'), machine('a2')];
    const pick = x.stores.learn('我电话13812345678，地址能改到杭州吗', '小明', 'address-change', 'tpl-addr', T0);
    y.stores.learn('几时发货呀', '小红', 'shipping-time', null, T0 + 1);
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    await boss.sync.syncOnce();
    for (const m of [x, y, boss]) expect([...m.stores.pickMap.values()].map((p) => p.scenario).sort()).toEqual(['address-change', 'shipping-time']);
    const onServer = await fetch(`${t.server.url}/${dbName(SHOP, 'picks')}/pick:${pick.id}`, { headers: { authorization: adminAuth() } }).then((r) => r.json());
    expect(onServer.by).toBe('a1');
    expect(JSON.stringify(onServer)).not.toContain('13812345678');
    expect(JSON.stringify(onServer)).not.toContain('小明');

    // A pick signed with another member's name, and an agent's change or delete of a pick: refused.
    const forged = { ...pick, id: 'forged-1', text: '伪造' };
    await x.sync.local.picks.put({ _id: 'pick:forged-1', type: 'pick', pick: forged, by: 'a2' });
    const theirs = await x.sync.local.picks.get(`pick:${[...x.stores.pickMap.keys()].find((id) => id !== pick.id)}`);
    await x.sync.local.picks.put({ ...theirs, pick: { ...theirs.pick, text: '改掉' } });
    expect((await x.sync.syncOnce()).denied).toBe(2);

    const yPick = [...y.stores.pickMap.values()].find((p) => p.id !== pick.id)!;
    boss.stores.forgetPicks([yPick.id]);
    await boss.sync.syncOnce();
    await y.sync.syncOnce();
    expect(y.stores.pickMap.has(yPick.id)).toBe(false);
    expect((await fetch(`${t.server.url}/${dbName(SHOP, 'picks')}/pick:${yPick.id}`, { headers: { authorization: adminAuth() } })).status).toBe(404);
  });

  it("an agent's forget reaches every replica and the pick never comes back; the server deletes it; a marker on someone else's pick is refused", async () => {
    const boss = machine('boss');
    const [x, y] = [machine('a1'), machine('a2')];
    const mine = x.stores.learn('我的地址写错了，能改成上海吗', '小李', 'address-change', null, T0);
    const theirs = y.stores.learn('能开发票吗', '小周', 'invoice', null, T0 + 1);
    for (const m of [x, y, x, boss]) await m.sync.syncOnce();
    for (const m of [x, y, boss]) expect(m.stores.pickMap.has(mine.id) && m.stores.pickMap.has(theirs.id)).toBe(true);
    const firstRev = (await y.sync.local.picks.get(`pick:${mine.id}`))._rev;

    // 学习记录 → 忘记 on agent x: its own pick is forgotten for the team, the other only here.
    x.stores.forgetPicks([mine.id, theirs.id]);
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    expect(y.stores.pickMap.has(mine.id)).toBe(false);
    expect(y.stores.pickMap.has(theirs.id)).toBe(true);
    // The words are gone from y's replica, also the old revision (compacted).
    await expect(y.sync.local.picks.get(`pick:${mine.id}`, { rev: firstRev })).rejects.toMatchObject({ status: 404 });
    const marker = await fetch(`${t.server.url}/${dbName(SHOP, 'picks')}/pick:${mine.id}`, { headers: { authorization: adminAuth() } }).then((r) => r.json());
    expect(marker).toMatchObject({ type: 'forgotten', by: 'a1' });
    expect(JSON.stringify(marker)).not.toContain('上海');

    // It does not come back: y offers it again (an old backup restored), the round takes it away.
    await y.stores.addPicks([mine]);
    y.stores.putBackDirty({ ...emptyDirty(), picks: [mine.id] });
    await y.sync.syncOnce();
    expect(y.stores.pickMap.has(mine.id)).toBe(false);

    // The supervisor's round deletes the marked document on the server.
    await boss.sync.syncOnce();
    expect(boss.stores.pickMap.has(mine.id)).toBe(false);
    expect((await fetch(`${t.server.url}/${dbName(SHOP, 'picks')}/pick:${mine.id}`, { headers: { authorization: adminAuth() } })).status).toBe(404);
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    expect(x.stores.pickMap.has(mine.id) || y.stores.pickMap.has(mine.id)).toBe(false);

    // A marker on someone else's pick: refused by the server, through the replica or directly.
    const doc = await x.sync.local.picks.get(`pick:${theirs.id}`);
    await x.sync.local.picks.put({ _id: doc._id, _rev: doc._rev, type: 'forgotten', by: 'a1', at: T0 });
    expect((await x.sync.syncOnce()).denied).toBe(1);
    const onServer = await fetch(`${t.server.url}/${dbName(SHOP, 'picks')}/pick:${theirs.id}`, { headers: { authorization: adminAuth() } }).then((r) => r.json());
    expect(onServer.type).toBe('pick');
    const direct = await sessionFetch(t.server.url, 'a1', 'a1-pw')(`${t.server.url}/${dbName(SHOP, 'picks')}/pick:${theirs.id}`, {
      method: 'PUT', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ _id: onServer._id, _rev: onServer._rev, type: 'forgotten', by: 'a1', at: T0 }),
    });
    expect(direct.status).toBe(403);
    expect((await direct.json()).reason).toContain('only the member who made a pick');
  });

  it("an agent's deleted buyer — profile, notes and follow-up — leaves the server and every replica and never comes back; a buyer met again is new", async () => {
    const [x, y] = [machine('a1'), machine('a2')];
    const key = customerKey('demo', '小删');
    const buyersDb = `${t.server.url}/${dbName(SHOP, 'buyers')}`;
    const onServer = (db: string, id: string) => fetch(`${db}/${encodeURIComponent(id)}`, { headers: { authorization: adminAuth() } });
    x.stores.patchCustomer('小删', { note: '身份证 11010519491231002X 的买家' }, T0);
    x.stores.addNote('小删', '要退货，地址北京', T0 + 1);
    y.stores.putFollowup({ ...item('manual:del1'), buyer: '小删', title: '回访：小删' });
    for (const m of [x, y, x]) await m.sync.syncOnce();
    expect(y.stores.customerMap.has(key) && x.stores.followupMap.has('manual:del1')).toBe(true);
    const noteIds = (await x.sync.local.buyers.allDocs({ startkey: `ev:${key}:`, endkey: `ev:${key}:\ufff0` })).rows.map((r) => r.id);
    expect(noteIds).toHaveLength(1);

    // 客户档案 → 删除 on x, with the buyer's follow-up.
    const deletedAt = Date.now();
    x.stores.deleteBuyer('小删', ['manual:del1'], deletedAt);
    const report = await x.sync.syncOnce();
    expect(report.denied).toBe(0);
    await y.sync.syncOnce();
    expect(y.stores.customerMap.has(key)).toBe(false);
    expect(y.stores.followupMap.has('manual:del1')).toBe(false);
    // On the server: the profile, the note and the item deleted (no words in their current revision), the deletion signed.
    for (const [db, id] of [[buyersDb, `buyer:${key}`], [buyersDb, noteIds[0]!], [`${t.server.url}/${dbName(SHOP, 'followups')}`, 'fu:manual:del1']] as const) {
      expect((await onServer(db, id)).status, id).toBe(404);
      const row = (await fetch(`${db}/_all_docs?keys=${encodeURIComponent(JSON.stringify([id]))}`, { headers: { authorization: adminAuth() } }).then((r) => r.json())).rows[0];
      expect(row.value, id).toMatchObject({ deleted: true });
    }
    // The deletion is signed and dated, and names the buyer by a reference only (nothing of the key or the name).
    const dels = (await fetch(`${buyersDb}/_all_docs?include_docs=true&startkey="del:"&endkey="del:\ufff0"`, { headers: { authorization: adminAuth() } }).then((r) => r.json())).rows.map((r: { doc: unknown }) => r.doc);
    expect(dels).toEqual([expect.objectContaining({ type: 'deletion', of: await deletionRef(SHOP, `buyer:${key}`), at: deletedAt, by: 'a1' })]);
    expect(JSON.stringify(dels)).not.toMatch(/小删|demo:/);
    expect((await onServer(buyersDb, `del:buyer:${key}`)).status).toBe(404);

    // Rounds later neither machine gets it back; deleting it again changes nothing (idempotent).
    x.stores.deleteBuyer('小删', ['manual:del1'], deletedAt);
    for (const m of [x, y, x]) expect((await m.sync.syncOnce()).denied).toBe(0);
    for (const m of [x, y]) expect(m.stores.customerMap.has(key) || m.stores.followupMap.has('manual:del1')).toBe(false);

    // The buyer writes again later: a new record, which reaches the colleague.
    y.stores.addNote('小删', '又来问尺码', deletedAt + 60_000);
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    expect(x.stores.customerMap.get(key)!.history.map((e) => e.text)).toEqual(['又来问尺码']);
  });

  it("an agent deleting a buyer leaves a colleague's note to its author's machine, which deletes it on the server; nothing is refused", async () => {
    const [x, y] = [machine('a1'), machine('a2')];
    const key = customerKey('demo', '小共');
    const buyersDb = `${t.server.url}/${dbName(SHOP, 'buyers')}`;
    y.stores.addNote('小共', '李记：周末才在家', T0);
    for (const m of [y, x]) await m.sync.syncOnce();
    const [noteId] = (await x.sync.local.buyers.allDocs({ startkey: `ev:${key}:`, endkey: `ev:${key}:\ufff0` })).rows.map((r) => r.id);
    x.stores.deleteBuyer('小共', [], Date.now());
    expect((await x.sync.syncOnce()).denied).toBe(0);
    expect(x.stores.customerMap.has(key)).toBe(false);
    // The author's machine takes the deletion and deletes its own note for the shop.
    expect((await y.sync.syncOnce()).denied).toBe(0);
    expect(y.stores.customerMap.has(key)).toBe(false);
    expect((await fetch(`${buyersDb}/${encodeURIComponent(noteId!)}`, { headers: { authorization: adminAuth() } })).status).toBe(404);
    await x.sync.syncOnce();
    expect(x.stores.customerMap.has(key)).toBe(false);
  });

  it("a deleted buyer's words leave every machine's replica: no earlier revision of the profile, a note or the follow-up still holds them", async () => {
    const [x, y] = [machine('a1'), machine('a2')];
    const key = customerKey('demo', '小压缩');
    x.stores.patchCustomer('小压缩', { note: '手机 13912345678，住在三号楼' }, T0);
    x.stores.addNote('小压缩', '换货寄回 上海某路 8 号', T0 + 1);
    y.stores.addNote('小压缩', '同事记：只收顺丰', T0 + 2);
    y.stores.putFollowup({ ...item('manual:cmp1'), buyer: '小压缩', title: '回访：小压缩', reason: '等顺丰单号' });
    for (const m of [x, y, x, y]) await m.sync.syncOnce();
    // Every revision this replica ever held of the documents, read back (a compacted one is gone).
    const everyRevision = async (m: ReturnType<typeof machine>): Promise<string> => {
      const found: unknown[] = [];
      for (const area of ['buyers', 'followups'] as const) {
        const db = m.sync.local[area];
        const ids = (await db.changes({ since: 0 })).results.map((r) => r.id).filter((id) => !id.startsWith('del:') && !id.startsWith('_design/'));
        for (const id of ids) {
          for (const leaf of (await db.get(id, { revs: true, open_revs: 'all' })) as { ok?: { _revisions: { start: number; ids: string[] } } }[]) {
            const revs = leaf.ok?._revisions;
            for (const [i, hash] of (revs?.ids ?? []).entries()) found.push(await db.get(id, { rev: `${revs!.start - i}-${hash}` }).catch(() => null));
          }
        }
      }
      return JSON.stringify(found);
    };
    const WORDS = ['三号楼', '上海某路', '只收顺丰', '等顺丰单号'];
    for (const m of [x, y]) for (const words of WORDS) expect(await everyRevision(m), words).toContain(words);

    x.stores.deleteBuyer('小压缩', ['manual:cmp1'], Date.now());
    await x.sync.syncOnce();
    // y's round takes the deletion (and deletes its own note for the shop); x's next round gets that.
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    expect(y.stores.customerMap.has(key)).toBe(false);
    for (const m of [x, y]) {
      const left = await everyRevision(m);
      // (The tombstones' ids still name the buyer: lib/team/README.md, "What the server still reveals".)
      for (const words of WORDS) expect(left, words).not.toContain(words);
    }
  });

  it("joining again with an empty replica (leaving deletes it) sends nothing of a colleague's under this user's name: nothing refused", async () => {
    const x = machine('a1');
    const y = machine('a2');
    y.stores.addNote('小重加', '同事记：下午三点后联系', T0);
    y.stores.putFollowup({ ...item('manual:rejoin1'), buyer: '小重加', title: '回访：小重加' });
    x.stores.addNote('小重加', '我记：要发票', T0 + 1);
    for (const m of [x, y, x]) await m.sync.syncOnce();
    expect(x.stores.customerMap.get(customerKey('demo', '小重加'))!.history).toHaveLength(2);
    // The same stores, a new replica: what a rejoin after 退出团队模式 finds.
    const again = machine('a1', undefined, x.stores);
    const report = await again.sync.syncOnce({ firstJoin: true });
    expect(report.refused).toEqual([]);
    expect(report.denied).toBe(0);
    await y.sync.syncOnce();
    expect(y.stores.customerMap.get(customerKey('demo', '小重加'))!.history.map((e) => e.text).sort()).toEqual(['同事记：下午三点后联系', '我记：要发票'].sort());
  });

  it("a colleague's offline edit of a buyer deleted meanwhile does not bring the buyer back, on any machine or the server", async () => {
    const [x, y, z] = [machine('a1'), machine('a2'), machine('a2')];
    const key = customerKey('demo', '小离线');
    x.stores.addNote('小离线', '第一条', T0);
    for (const m of [x, y, z]) await m.sync.syncOnce();
    // y is offline: it notes the buyer while x deletes them (the note is older than the deletion).
    y.stores.addNote('小离线', '离线时记的', T0 + 5);
    x.stores.deleteBuyer('小离线', [], Date.now());
    await x.sync.syncOnce();
    // y comes back: its round sends its note (the deletion is not in its replica yet), then meets the deletion.
    await y.sync.syncOnce();
    expect(y.stores.customerMap.has(key)).toBe(false);
    for (const m of [x, z, y, x, z]) await m.sync.syncOnce();
    for (const m of [x, y, z]) expect(m.stores.customerMap.has(key), m.prefix).toBe(false);
    const profile = await fetch(`${t.server.url}/${dbName(SHOP, 'buyers')}/${encodeURIComponent(`buyer:${key}`)}`, { headers: { authorization: adminAuth() } });
    expect(profile.status).toBe(404);
    const notes = await fetch(`${t.server.url}/${dbName(SHOP, 'buyers')}/_all_docs?${new URLSearchParams({ startkey: JSON.stringify(`ev:${key}:`), endkey: JSON.stringify(`ev:${key}:\ufff0`) })}`, { headers: { authorization: adminAuth() } }).then((r) => r.json());
    expect(notes.rows).toEqual([]);
  });

  it('a deletion written before deletion references (naming the buyer) is still honoured, and a later deletion of that buyer is written without the name', async () => {
    const [x, y] = [machine('a1'), machine('a2')];
    const key = customerKey('demo', '小旧删');
    const buyersDb = `${t.server.url}/${dbName(SHOP, 'buyers')}`;
    x.stores.addNote('小旧删', '旧版本时记的', T0);
    for (const m of [x, y]) await m.sync.syncOnce();
    expect(y.stores.customerMap.has(key)).toBe(true);
    // An older version of the extension on a third machine deleted the buyer (its document on the server as it wrote it).
    const deletedAt = Date.now();
    const put = await sessionFetch(t.server.url, 'a2', 'a2-pw')(`${buyersDb}/_bulk_docs`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs: [{ _id: `del:buyer:${key}`, type: 'deletion', of: `buyer:${key}`, at: deletedAt, by: 'a2' }] }),
    }).then((r) => r.json());
    expect(put[0].ok).toBe(true);
    for (const m of [x, y]) await m.sync.syncOnce();
    for (const m of [x, y]) expect(m.stores.customerMap.has(key), m.prefix).toBe(false);
    // x, offline before it pulled the deletion, would send an older note: it does not come back.
    x.stores.addNote('小旧删', '离线时记的', T0 + 5);
    for (const m of [x, y, x]) await m.sync.syncOnce();
    for (const m of [x, y]) expect(m.stores.customerMap.has(key), m.prefix).toBe(false);
    // The buyer came back and is deleted again here: a document by reference, with the later time.
    y.stores.addNote('小旧删', '又来了', deletedAt + 60_000);
    await y.sync.syncOnce();
    y.stores.deleteBuyer('小旧删', [], deletedAt + 120_000);
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    expect(x.stores.customerMap.has(key)).toBe(false);
    const ref = await deletionRef(SHOP, `buyer:${key}`);
    const byRef = await fetch(`${buyersDb}/${encodeURIComponent(`del:${ref}`)}`, { headers: { authorization: adminAuth() } }).then((r) => r.json());
    expect(byRef).toMatchObject({ type: 'deletion', of: ref, at: deletedAt + 120_000, by: 'a2' });
  });

  it("the server refuses a deletion signed with someone else's name, and an agent's plain deletion of a buyer", async () => {
    const x = machine('a1');
    const key = customerKey('demo', '小签名');
    x.stores.addNote('小签名', '备注', T0);
    await x.sync.syncOnce();
    const doc = await x.sync.local.buyers.get(`buyer:${key}`);
    const put = (body: unknown) =>
      sessionFetch(t.server.url, 'a1', 'a1-pw')(`${t.server.url}/${dbName(SHOP, 'buyers')}/_bulk_docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ docs: [body] }) }).then((r) => r.json());
    expect((await put({ _id: `del:buyer:${key}`, type: 'deletion', of: `buyer:${key}`, at: T0, by: 'a2' }))[0].error).toBe('forbidden');
    expect((await put({ _id: doc._id, _rev: doc._rev, _deleted: true }))[0].error).toBe('forbidden');
    expect((await put({ _id: doc._id, _rev: doc._rev, _deleted: true, kfDeleted: true, by: 'a2' }))[0].error).toBe('forbidden');
  });

  it('a restarted machine resumes from its checkpoints: nothing is pulled twice', async () => {
    const stores = new MemoryStores();
    const first = machine('a2', 'restart-', stores);
    await first.sync.syncOnce();
    const before = await first.sync.pending();
    await first.sync.close();
    const again = machine('a2', 'restart-', stores);
    const report = await again.sync.syncOnce();
    expect(before).toBe(0);
    expect(report.pulled).toBe(0);
    expect(report.imported).toBe(0);
  });

  it('a round cut off after taking the queue (the team page closed mid-export) leaves its notes for the next page', async () => {
    const key = customerKey('demo', '小断');
    let hang = true;
    let cutOff = false;
    class ClosesMidExport extends MemoryStores {
      override async customers(keys: readonly string[]) {
        // The page is gone: this round never goes on.
        if (hang) {
          cutOff = true;
          return new Promise<never>(() => {});
        }
        return super.customers(keys);
      }
    }
    const stores = new ClosesMidExport();
    stores.addNote('小断', '关页前记的', T0);
    const first = machine('a1', 'cut-', stores);
    t.drop(first.sync); // it never finishes: nothing to close
    void first.sync.syncOnce();
    // The round has taken the queue and stopped in the export (not merely not started yet).
    await expect.poll(() => cutOff).toBe(true);
    expect(await stores.countDirty()).toBe(1);
    hang = false;
    const again = nodeTeamSync({ server: t.server.url, shop: SHOP, user: 'a1', prefix: 'cut-', stores });
    await again.syncOnce();
    expect(await again.pending()).toBe(0);
    await again.close();
    const y = machine('a2');
    await y.sync.syncOnce();
    expect(y.stores.customerMap.get(key)!.history.map((e) => e.text)).toEqual(['关页前记的']);
  });

  it("what the live pull wrote just before it reported it is not counted as waiting, when the server is asked; a local write is", async () => {
    const [w, r] = [machine('a1'), machine('a2')];
    await w.sync.syncOnce();
    await r.sync.syncOnce();
    w.stores.addNote('小赶', '刚好在一轮结束时到的', T0);
    expect((await w.sync.syncOnce()).pending).toBe(0);
    // What the live pull does before its 'change' event: the documents are in the replica already.
    await r.sync.local.buyers.replicate.from(r.sync.remote.buyers);
    expect(await r.sync.pending()).toBeGreaterThan(0);
    expect(await r.sync.pending({ askServer: true })).toBe(0);
    await r.sync.local.followups.put({ _id: 'fu:only-here', type: 'followup', by: 'a2', at: T0 });
    expect(await r.sync.pending({ askServer: true })).toBe(1);
  });

  it('offline: work stays local and counts as pending; it all arrives once the server is back', async () => {
    const [x, y] = [machine('a1'), machine('a2')];
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    await t.server.halt();
    try {
      x.stores.addNote('小刚', '断网时记的', T0);
      await expect(x.sync.syncOnce()).rejects.toMatchObject({ kind: 'offline' });
      expect(await x.sync.pending()).toBeGreaterThanOrEqual(2);
    } finally {
      await t.server.restart();
    }
    await x.sync.syncOnce();
    expect(await x.sync.pending()).toBe(0);
    await y.sync.syncOnce();
    expect(y.stores.customerMap.get(customerKey('demo', '小刚'))!.history.map((e) => e.text)).toEqual(['断网时记的']);
  });
});
