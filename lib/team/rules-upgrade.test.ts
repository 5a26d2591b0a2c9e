/**
 * The correction of old preset defaults in the remark rules (convention B's yellow asked for 改价金额;
 * lib/domain/remarks/upgrade.ts) holds in team mode: the shop's old set on the server does not undo
 * it on an agent's machine, and a supervisor's machine corrects the shop's document once.
 * Through a real pouchdb-server; the agent runs on this machine's own storage (lib/storage), so its
 * start-up correction (rulesReady) is the one the extension makes.
 */
import { describe, expect, it, vi } from 'vitest';
import { dbName } from './names';
import { teamShop } from '../../test/team/shop';
import { nodeTeamSync } from '../../test/team/pouch-node';
import { storageStores } from './storage-bridge';
import { db } from '../storage/db';
import { loadRuleSet } from '../storage/rules';
import { checkRemark, cloneRuleSet, PRESET_B, type RuleSet } from '../domain/remarks';

// The engine as it was before the correction (the machines' versions before the update): it took
// the shop's set as it came. The storage's own start-up correction is not switched (upgradeRuleRecord).
const engine = vi.hoisted(() => ({ old: false }));
vi.mock('../domain/remarks', async (actual) => {
  const m = await actual<typeof import('../domain/remarks')>();
  return { ...m, upgradeRuleSet: (rs: RuleSet) => (engine.old ? null : m.upgradeRuleSet(rs)) };
});

const SHOP = 'rules-up-shop';
const t = teamShop(SHOP);
const T0 = Date.UTC(2026, 11, 1, 2, 0);

/** Convention B as a shop stored it before 2026-12-05 (named, so the shop's set is told from the preset). */
function oldB(): RuleSet {
  const b = { ...cloneRuleSet(PRESET_B), name: '本店规则（旧版保存）' };
  b.flags.yellow.fields[0]!.required = true;
  return b;
}

/** What an agent of a convention-B shop sees when saving a plain price change with no amount. */
const plainPriceChange = (rs: RuleSet) => checkRemark('改价 小美 2026-12-05', { ruleSet: rs, flag: 'yellow', today: '2026-12-05', agent: '小美' }).map((p) => p.code);

const onServer = () => fetch(`${t.server.url}/${dbName(SHOP, 'library')}/rules?conflicts=true`, { headers: { authorization: t.adminAuth() } }).then((r) => r.json());

describe('team mode keeps the corrected remark rules', { timeout: 60_000 }, () => {
  it("an agent's pull of the shop's old set keeps the price change without an amount; the supervisor's round corrects the shop's document once", async () => {
    // The supervisor's machine, on the version before the correction, saved convention B as it was then.
    engine.old = true;
    const before = t.machine('boss');
    before.stores.saveRules(oldB(), T0);
    await before.sync.syncOnce();
    await before.sync.close();
    expect((await onServer()).ruleSet.flags.yellow.fields[0].required).toBe(true);
    engine.old = false;

    // The agent synced that set before the update; after it, the storage corrects its copy at start.
    await db.set('meta', 'remarkRules', { v: 1, ruleSet: oldB(), updatedAt: T0 });
    expect(plainPriceChange(await loadRuleSet())).toEqual([]);
    const agent = t.keep(nodeTeamSync({ server: t.server.url, shop: SHOP, user: 'a1', role: 'agent', password: 'a1-pw', prefix: t.prefix(), stores: storageStores(async () => {}) }));
    await agent.syncOnce({ firstJoin: true });
    const here = await loadRuleSet();
    expect(here.name).toBe('本店规则（旧版保存）');
    expect(plainPriceChange(here)).toEqual([]);
    // The agent wrote nothing to the shop's document (agents never send the rules).
    expect((await onServer()).ruleSet.flags.yellow.fields[0].required).toBe(true);

    // The supervisor's machine after the update (its copy corrected the same way, not an edit; the
    // rules document in its replica has nothing new to import): its next round corrects the shop's
    // document, and nothing else of it.
    before.stores.ruleRecord = { ruleSet: { ...cloneRuleSet(PRESET_B), name: '本店规则（旧版保存）' }, updatedAt: T0 };
    const after = t.machine('boss', before.prefix, before.stores);
    const r1 = await after.sync.syncOnce();
    expect(r1.pushed).toBeGreaterThan(0);
    const fixed = await onServer();
    expect(fixed._conflicts).toBeUndefined();
    expect(fixed.ruleSet).toEqual({ ...cloneRuleSet(PRESET_B), name: '本店规则（旧版保存）' });
    expect(fixed.at).toBe(T0);
    // Once: the next round sends nothing.
    expect((await after.sync.syncOnce()).pushed).toBe(0);
    expect((await onServer())._rev).toBe(fixed._rev);

    // Every machine takes it; the supervisor's own later edit still goes up as an edit.
    await agent.syncOnce();
    expect(plainPriceChange(await loadRuleSet())).toEqual([]);
    const edited = { ...cloneRuleSet(PRESET_B), name: '本店规则 第二版' };
    after.stores.saveRules(edited, T0 + 10);
    await after.sync.syncOnce();
    expect((await onServer()).ruleSet.name).toBe('本店规则 第二版');
    await agent.syncOnce();
    expect((await loadRuleSet()).name).toBe('本店规则 第二版');
  });

  it("a supervisor machine joining a shop whose set is still the old one corrects it in its first round", async () => {
    // The shop's document as an older version wrote it (the admin puts it back).
    const doc = await onServer();
    const put = await fetch(`${t.server.url}/${dbName(SHOP, 'library')}/rules`, {
      method: 'PUT', headers: { authorization: t.adminAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({ _id: 'rules', _rev: doc._rev, type: 'rules', ruleSet: oldB(), by: 'boss', at: T0 + 20 }),
    });
    expect(put.status).toBe(201);
    const boss = t.machine('boss');
    await boss.sync.syncOnce({ firstJoin: true });
    expect(plainPriceChange(boss.stores.ruleRecord.ruleSet)).toEqual([]);
    const fixed = await onServer();
    expect(fixed._conflicts).toBeUndefined();
    expect(plainPriceChange(fixed.ruleSet)).toEqual([]);
    expect(fixed.ruleSet.name).toBe('本店规则（旧版保存）');
  });
});
