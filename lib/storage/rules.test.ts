import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESET_A, PRESET_B, checkRemark, cloneRuleSet, updateField } from '../domain/remarks';
import { db } from './db';
import { migrate } from './versioned';
import {
  MAX_OVERRIDES, RULES_SCHEMA, RuleSetInvalid, addRemarkOverride, applyTeamRuleSet, listRemarkOverrides, loadRuleSet, loadRuleSetRecord, saveRuleSet,
  type RemarkOverride,
} from './rules';
import { setLocalChangeListener } from './changes';

const override = (i: number): RemarkOverride => ({
  at: 1_700_000_000_000 + i,
  platform: 'demo',
  orderId: `39300182736455${String(i).padStart(5, '0')}`,
  buyer: '南风知我意2019',
  flag: 'purple',
  agent: '小美',
  reason: `买家要求 ${i}`,
  problems: [{ code: 'missing-field', message: '缺少可发货日' }],
  text: '缺货，晚点发',
});

beforeEach(async () => {
  await db.del('meta', 'remarkRules');
  await db.del('meta', 'remarkOverrides');
});

describe('remark rule set storage', () => {
  it('starts with convention A', async () => {
    expect(await loadRuleSet()).toEqual(PRESET_A);
  });

  it('keeps the shop’s edited rule set', async () => {
    const edited = updateField(cloneRuleSet(PRESET_A), 'purple', 1, { required: true });
    await saveRuleSet(edited);
    const loaded = await loadRuleSet();
    expect(loaded.flags.purple.fields[1]!.required).toBe(true);
    expect(loaded.convention).toBe('custom');
  });

  it('refuses an invalid rule set and keeps the previous one', async () => {
    await saveRuleSet(PRESET_B);
    const broken = cloneRuleSet(PRESET_A) as unknown as { flags: { purple: { fields: { type: string }[] } } };
    broken.flags.purple.fields[0]!.type = 'colour';
    await expect(saveRuleSet(broken)).rejects.toBeInstanceOf(RuleSetInvalid);
    // The first field, counted from 1 as the agent counts.
    await expect(saveRuleSet(broken)).rejects.toThrow(/flags\.purple\.fields\[1\]\.type/);
    expect((await loadRuleSet()).convention).toBe('B');
  });

  it('reads a bare rule set stored before the record was versioned', () => {
    expect(migrate(cloneRuleSet(PRESET_B), RULES_SCHEMA).ruleSet).toEqual(PRESET_B);
    expect(migrate({ v: 1, ruleSet: PRESET_B, updatedAt: 5 }, RULES_SCHEMA)).toEqual({ v: 1, ruleSet: PRESET_B, updatedAt: 5 });
  });

  it('does not silently replace a damaged stored rule set with a preset', async () => {
    await db.set('meta', 'remarkRules', { v: 1, ruleSet: { flags: 3 } });
    await expect(loadRuleSet()).rejects.toThrow(/damaged/);
  });
});

describe('remark overrides log', () => {
  it('lists overrides newest first', async () => {
    await addRemarkOverride(override(1));
    await addRemarkOverride(override(2));
    const list = await listRemarkOverrides();
    expect(list.map((o) => o.reason)).toEqual(['买家要求 2', '买家要求 1']);
    expect(list[0]).toMatchObject({ agent: '小美', flag: 'purple', problems: [{ code: 'missing-field' }] });
  });

  it('keeps both when two tabs record at the same moment', async () => {
    await Promise.all([addRemarkOverride(override(1)), addRemarkOverride(override(2))]);
    expect(await listRemarkOverrides()).toHaveLength(2);
  });

  it(`keeps only the newest ${MAX_OVERRIDES}`, async () => {
    const many = Array.from({ length: MAX_OVERRIDES }, (_, i) => override(i));
    await db.set('meta', 'remarkOverrides', { v: 1, items: many });
    await addRemarkOverride(override(MAX_OVERRIDES));
    const list = await listRemarkOverrides();
    expect(list).toHaveLength(MAX_OVERRIDES);
    expect(list[0]!.reason).toBe(`买家要求 ${MAX_OVERRIDES}`);
    expect(list.at(-1)!.reason).toBe('买家要求 1');
  });

  it('drops damaged entries of a stored log', async () => {
    await db.set('meta', 'remarkOverrides', { v: 1, items: [override(1), null, { reason: 3 }] });
    expect(await listRemarkOverrides()).toHaveLength(1);
  });
});

describe('remark rules in team mode', () => {
  it("reports the agent's own save for the team, and keeps an edit made here later than the shop's unless told to follow the shop", async () => {
    const reported: string[] = [];
    setLocalChangeListener(async (area) => void reported.push(area));
    try {
      await saveRuleSet({ ...cloneRuleSet(PRESET_B), name: '本机' }, 200);
      expect(reported).toEqual(['rules']);
      expect(await applyTeamRuleSet({ ...cloneRuleSet(PRESET_B), name: '店里旧版' }, 100, false)).toBe(false);
      expect((await loadRuleSet()).name).toBe('本机');
      expect(await applyTeamRuleSet({ ...cloneRuleSet(PRESET_B), name: '店里新版' }, 300, false)).toBe(true);
      expect(await loadRuleSetRecord()).toMatchObject({ updatedAt: 300, ruleSet: { name: '店里新版' } });
      expect(await applyTeamRuleSet({ ...cloneRuleSet(PRESET_A), name: '店里' }, 50, true)).toBe(true);
      expect((await loadRuleSet()).name).toBe('店里');
      // Team imports are not reported back.
      expect(reported).toEqual(['rules']);
    } finally {
      setLocalChangeListener(null);
    }
  });
});


describe('a rule set stored before a preset default was corrected', () => {
  /**
   * Convention B as a shop that picked it before 2026-12-05 has it stored, written out as it was: the
   * yellow flag's 改价金额 was required.
   */
  const storedB = () => ({
    v: 1,
    updatedAt: 1_764_000_000_000,
    ruleSet: {
      ...cloneRuleSet(PRESET_B),
      flags: {
        ...cloneRuleSet(PRESET_B).flags,
        yellow: {
          title: '改价', meaning: '普通改价', intent: 'price-change', inUse: true, tag: '改价', aliases: ['修改价格', '优惠'],
          fields: [
            { key: 'discount', label: '改价金额', type: 'money', required: true, aliases: ['优惠', '优惠金额', '改价'], limit: 'agent-discount', help: '超过客服权限须主管同意' },
            { key: 'supervisor', label: '主管同意', type: 'agent', required: false, aliases: ['主管', '主管批准', '主管审批'], help: '超出客服权限时填写同意的主管姓名' },
          ],
        },
      },
    },
  });

  /** The store module as a worker that has just started sees it (the upgrade runs once per worker life). */
  const started = async () => {
    vi.resetModules();
    return import('./rules');
  };
  const plainPriceChange = (ruleSet: Parameters<typeof checkRemark>[1]['ruleSet']) =>
    checkRemark('改价 小美 2026-12-05', { ruleSet, flag: 'yellow', today: '2026-12-05', agent: '小美' });

  beforeEach(async () => {
    await db.del('meta', 'remarkRules:defaults');
  });

  it("takes the price change without an amount at the next start, once, and keeps when it was saved", async () => {
    await db.set('meta', 'remarkRules', storedB());
    const store = await started();
    const loaded = await store.loadRuleSet();
    expect(loaded.flags.yellow.fields[0]!.required).toBe(false);
    expect(plainPriceChange(loaded)).toEqual([]);
    // Written back with the marker; not an edit of the shop's.
    expect((await db.get<{ ruleSet: typeof loaded; updatedAt: number }>('meta', 'remarkRules'))!).toMatchObject({ updatedAt: 1_764_000_000_000, ruleSet: PRESET_B });
    expect(await db.get('meta', 'remarkRules:defaults')).toBe(1);
    // Once: a shop that makes the amount required after the update keeps it.
    await store.saveRuleSet(storedB().ruleSet);
    expect((await (await started()).loadRuleSet()).flags.yellow.fields[0]!.required).toBe(true);
  });

  it("leaves a shop's own edit of that field as it is", async () => {
    const edited = storedB();
    edited.ruleSet.flags.yellow.fields[0]!.help = '写明改了多少';
    edited.ruleSet.convention = 'custom';
    await db.set('meta', 'remarkRules', edited);
    const loaded = await (await started()).loadRuleSet();
    expect(loaded.flags.yellow.fields[0]).toMatchObject({ required: true, help: '写明改了多少' });
  });

  it('writes nothing for a shop still on the default set', async () => {
    await (await started()).loadRuleSetRecord();
    expect(await db.get('meta', 'remarkRules')).toBeUndefined();
  });
});
