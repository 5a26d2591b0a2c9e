import { describe, expect, it } from 'vitest';
import { AREAS, countAreas, isSetupFile, readAllData, setupSettingsHere, shopSetupFile, type Here } from './all-data';
import { DEFAULT_APP_SETTINGS, normaliseSettings, type AppSettings } from '../storage/settings';

const NOW = Date.UTC(2026, 11, 7, 5);
const library = { format: 'kefu-library', version: 1, updatedAt: NOW, groups: [], templates: [{ id: 't1', title: '发货时间', body: '今天{截单时间}前付款当天发' }] };

/** The lead agent's settings: the shop's set-up, and what is theirs alone. */
const lead: AppSettings = normaliseSettings({
  ...DEFAULT_APP_SETTINGS,
  shop: { agentName: '阿绿', shopName: '青禾家居', cutoff: '14:30', noShip: { weekdays: [0], dates: [] }, locale: 'en' },
  panel: { collapsed: true },
  shopCues: { 'shipping-time': ['几号到'] },
  privacy: { maskPii: false, retentionDays: 30, learnFromPicks: false },
  followups: { unpaidAfterMinutes: 45, dayShift: { start: '09:00', end: '21:30' }, notifyBeforeCutoffMinutes: 20, notify: true },
});
const BUYER_SECTIONS = ['customers', 'buyerNames', 'followups', 'learned', 'usage', 'replyClock', 'remarkOverrides', 'reminded'];
const emptyHere: Here = { customers: [], buyerNames: [], followups: [], learned: [], remarkOverrides: [], usage: { v: 1, templates: {} }, replyClock: { v: 1, days: {} }, reminded: [] };

describe('导出店铺设置: what the file holds', () => {
  it('holds the library and the shop-wide settings, and not one buyer section', () => {
    const file = shopSetupFile(library, lead, NOW);
    expect(Object.keys(file).sort()).toEqual(['exportedAt', 'format', 'library', 'scope', 'settings', 'version']);
    for (const s of BUYER_SECTIONS) expect(file).not.toHaveProperty(s);
    expect(file.library).toEqual(library);
    expect(file.settings).toEqual({
      v: 1,
      shop: { shopName: '青禾家居', cutoff: '14:30', noShip: { weekdays: [0], dates: [] } },
      shopCues: { 'shipping-time': ['几号到'] },
      followups: lead.followups,
      replyClock: lead.replyClock,
      setup: lead.setup,
    });
  });

  it('is read by 导入全部数据 as it is, a set-up file, with nothing to count in any buyer area', () => {
    const json = JSON.parse(JSON.stringify(shopSetupFile(library, lead, NOW)));
    expect(isSetupFile(json)).toBe(true);
    const r = readAllData(json, 'zh-CN', NOW);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    for (const s of BUYER_SECTIONS) expect(r.data).not.toHaveProperty(s);
    const counts = countAreas(r.data, emptyHere);
    expect(AREAS.map((a) => counts[a].file)).toEqual(AREAS.map(() => 0));
  });

  it('carries no name of the agent, no privacy choice, no panel state, and nothing settings may hold later (a team password)', () => {
    const withSecret = { ...lead, team: { server: 'https://kefu.example.cn', password: 'hunter2-团队' }, sync: { token: 'abc.def' } } as unknown as AppSettings;
    const text = JSON.stringify(shopSetupFile(library, withSecret, NOW));
    for (const secret of ['阿绿', 'hunter2', 'kefu.example.cn', 'abc.def', 'maskPii', 'retentionDays', 'collapsed', 'locale']) expect(text).not.toContain(secret);
  });

  it('a file without the mark is not a set-up file (导出全部数据 keeps its meaning)', () => {
    expect(isSetupFile({ format: 'kefu-all-data', version: 1, library })).toBe(false);
    expect(isSetupFile(null)).toBe(false);
  });
});

describe('导入 a set-up file: the settings written', () => {
  const colleague: AppSettings = normaliseSettings({
    ...DEFAULT_APP_SETTINGS,
    shop: { agentName: '小周', shopName: '旧店名', cutoff: '16:00', noShip: { weekdays: [6], dates: [] }, locale: 'zh-CN' },
    panel: { collapsed: false },
    privacy: { maskPii: true, retentionDays: 0, learnFromPicks: true },
  });

  it('takes the shop’s cut-off, no-ship days, shifts and clock, and keeps this machine’s agent name, language, privacy and panel', () => {
    const file = shopSetupFile(library, lead, NOW).settings as Record<string, unknown>;
    const s = normaliseSettings(setupSettingsHere(colleague, file));
    expect(s.shop).toEqual({ agentName: '小周', shopName: '青禾家居', cutoff: '14:30', noShip: { weekdays: [0], dates: [] }, locale: 'zh-CN' });
    expect(s.privacy).toEqual(colleague.privacy);
    expect(s.panel).toEqual(colleague.panel);
    expect(s.followups).toEqual(lead.followups);
    expect(s.shopCues).toEqual(lead.shopCues);
    expect(s.setup!.cutoff).toBe(true);
  });

  it('a shop that ships every day clears the no-ship days here', () => {
    const everyDay = normaliseSettings({ ...lead, shop: { ...lead.shop, noShip: undefined } });
    const s = normaliseSettings(setupSettingsHere(colleague, shopSetupFile(library, everyDay, NOW).settings as Record<string, unknown>));
    expect(s.shop.noShip).toBeUndefined();
  });
});

describe('导入 a set-up file that holds buyer data (edited by hand)', () => {
  it('is refused whole, naming the buyer sections, in the shop’s language', () => {
    const json = { ...shopSetupFile(library, lead, NOW), customers: { format: 'kefu-customers', version: 2, exportedAt: NOW, customers: [] }, followups: { v: 2, items: [] } };
    const r = readAllData(json, 'zh-CN', NOW);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors.join('\n')).toBe('这个文件标明是「店铺设置」，却含有买家数据（客户档案、跟进），可能被改动过，没有导入任何内容。请让同事用「导出店铺设置」重新保存一份。');
    const en = readAllData(json, 'en', NOW);
    expect(en.ok ? '' : en.errors.join('\n')).toBe('This file says it is a shop set-up, yet it holds buyer data (buyer notes, follow-ups); it may have been edited, and nothing was imported. Ask for a new one saved with “Export shop set-up”.');
  });
});
