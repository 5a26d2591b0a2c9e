// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ShopSettingsForm } from './ShopSettingsForm';
import { check, type } from '../remarks/testing';
import { mountTab, settingsStore } from './testing';
import { registerMessages, setLocale } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';

registerMessages(options);
afterEach(() => setLocale('zh-CN'));

async function setup() {
  const store = settingsStore({ shop: { agentName: '小美', shopName: '橙子旗舰店', cutoff: '16:00' }, shopCues: { bargain: ['包邮吗'] } });
  const tab = await mountTab(<ShopSettingsForm />, store.replies);
  const value = (sel: string) => (tab.q(sel) as HTMLInputElement).value;
  return { ...tab, ...store, value };
}

describe('shop settings', () => {
  it('keeps what is being typed when the panel remembers it was collapsed (another section of the settings)', async () => {
    const { q, value, changed, elsewhere } = await setup();
    type(q('input[name="shopName"]'), '橙子旗舰店（新）');
    type(q('input[name="agentName"]'), '小美-夜班');
    type(q('input[data-cue="size-fit"]'), '穿多大,啥码');
    elsewhere({ panel: { collapsed: true } });
    await changed();
    expect(value('input[name="shopName"]')).toBe('橙子旗舰店（新）');
    expect(value('input[name="agentName"]')).toBe('小美-夜班');
    expect(value('input[data-cue="size-fit"]')).toBe('穿多大,啥码');
    expect(q('[data-kf="changed-elsewhere"]')).toBeNull();
  });

  it('follows a change made elsewhere while nothing was typed', async () => {
    const { value, changed, elsewhere } = await setup();
    elsewhere({ shop: { shopName: '另一个店' } });
    await changed();
    expect(value('input[name="shopName"]')).toBe('另一个店');
  });

  it('when the shop settings change elsewhere under an edit: keeps it, names what changed, and merges the fields not touched here', async () => {
    const { q, value, changed, elsewhere, click, submit, patchSettings } = await setup();
    type(q('input[name="agentName"]'), '小美-夜班');
    elsewhere({ shop: { shopName: '橙子旗舰店（新）', cutoff: '17:00' } });
    await changed();
    expect(value('input[name="agentName"]')).toBe('小美-夜班');
    expect(value('input[name="shopName"]')).toBe('橙子旗舰店');
    expect(q('[data-kf="changed-elsewhere"]')?.textContent).toContain('这些设置刚在别处被修改并保存了');
    expect(q('[data-kf="changed-fields"]')?.textContent).toBe('别处改动的项：店铺名称、截单时间');
    // Saving now would put back the old shop name and cut-off: it says so instead.
    await submit();
    expect(patchSettings).not.toHaveBeenCalled();
    expect(q('[data-kf="status"]')?.textContent).toContain('会覆盖别处刚保存的修改');
    await click('[data-kf="draft-merge"]');
    expect(value('input[name="agentName"]')).toBe('小美-夜班');
    expect(value('input[name="shopName"]')).toBe('橙子旗舰店（新）');
    expect(value('input[name="cutoff"]')).toBe('17:00');
    await submit();
    expect(patchSettings).toHaveBeenCalledWith({
      shop: { agentName: '小美-夜班', shopName: '橙子旗舰店（新）', cutoff: '17:00', locale: 'zh-CN' },
      shopCues: { bargain: ['包邮吗'] },
    });
    expect(q('[data-kf="status"]')?.textContent).toBe('已保存');
  });

  it('loads the version saved elsewhere on request, dropping what was typed', async () => {
    const { q, value, changed, elsewhere, click } = await setup();
    type(q('input[name="agentName"]'), '小美-夜班');
    elsewhere({ shop: { agentName: '阿杰' } });
    await changed();
    await click('[data-kf="draft-load"]');
    expect(value('input[name="agentName"]')).toBe('阿杰');
    expect(q('[data-kf="changed-elsewhere"]')).toBeNull();
  });

  it('saves the cue phrases split into a list, and then follows what was stored', async () => {
    const { q, value, submit, patchSettings, changed } = await setup();
    type(q('input[data-cue="size-fit"]'), '穿多大,啥码');
    await submit();
    expect(patchSettings.mock.calls[0]![0].shopCues).toEqual({ bargain: ['包邮吗'], 'size-fit': ['穿多大', '啥码'] });
    await changed();
    expect(value('input[data-cue="size-fit"]')).toBe('穿多大，啥码');
    expect(q('[data-kf="changed-elsewhere"]')).toBeNull();
  });

  it('takes the cut-off as shops write it, saves it as HH:MM and confirms it; says what it did not understand and saves nothing', async () => {
    const { q, submit, patchSettings } = await setup();
    type(q('input[name="cutoff"]'), '傍晚5点半');
    expect(q('[data-kf="cutoff-understood"]')?.textContent).toBe('将保存为 17:30。 ');
    await submit();
    expect(patchSettings.mock.calls[0]![0]).toMatchObject({ shop: { cutoff: '17:30' }, setup: { cutoff: true } });
    type(q('input[name="cutoff"]'), '四点多');
    expect(q('[data-kf="cutoff-understood"]')).toBeNull();
    await submit();
    expect(patchSettings).toHaveBeenCalledTimes(1);
    expect(q('[data-kf="status"]')?.textContent).toBe('没看懂截单时间“四点多”，没有保存：请写成 16:00、16点、下午4点 或 4:30pm');
    const cases: [string, string][] = [['下午4点', '16:00'], ['16点', '16:00'], ['4:30pm', '16:30']];
    for (const [typed, saved] of cases) {
      type(q('input[name="cutoff"]'), typed);
      await submit();
      expect([typed, patchSettings.mock.calls.at(-1)![0].shop!.cutoff]).toEqual([typed, saved]);
    }
  });

  it('labels the cue phrases by situation in the interface language', async () => {
    setLocale('en');
    const { q } = await setup();
    const label = q('input[data-cue="size-fit"]')!.closest('label')!.querySelector('span')!.textContent;
    expect(label).toBe('Size & fit');
  });
  it('shows the dates box empty with an example that reads as one (例：), in either language', async () => {
    const { q, value } = await setup();
    expect(value('textarea[name="noShipDates"]')).toBe('');
    expect(q('textarea[name="noShipDates"]')!.getAttribute('placeholder')).toBe('例：2027-02-05 ~ 2027-02-12');
    setLocale('en');
    const en = await setup();
    expect(en.q('textarea[name="noShipDates"]')!.getAttribute('placeholder')).toBe('e.g. 2027-02-05 ~ 2027-02-12');
  });
  // A bare 16:00 in an emptied cut-off box passed for a value already filled in.
  it('shows an emptied cut-off box with an example that reads as one (例：16:00), in either language', async () => {
    const { q } = await setup();
    type(q('input[name="cutoff"]'), '');
    expect(q('input[name="cutoff"]')!.getAttribute('placeholder')).toBe('例：16:00');
    setLocale('en');
    const en = await setup();
    expect(en.q('input[name="cutoff"]')!.getAttribute('placeholder')).toBe('e.g. 16:00');
  });
  it('saves the weekdays and dates the shop does not ship, and shows them again as saved', async () => {
    const { q, submit, patchSettings, changed, value } = await setup();
    expect(q('[data-kf="no-ship-weekdays"]')?.textContent).toContain('周一周二周三周四周五周六周日');
    check(q('input[data-weekday="0"]'), true);
    check(q('input[data-weekday="6"]'), true);
    type(q('textarea[name="noShipDates"]'), '2027-01-01\n2027/2/5 至 2027/2/12');
    await submit();
    expect(patchSettings.mock.calls[0]![0].shop).toMatchObject({ noShip: { weekdays: [0, 6], dates: [{ from: '2027-01-01', to: '2027-01-01' }, { from: '2027-02-05', to: '2027-02-12' }] } });
    expect(q('[data-kf="status"]')?.textContent).toBe('已保存');
    await changed();
    expect(value('textarea[name="noShipDates"]')).toBe('2027-01-01\n2027-02-05 ~ 2027-02-12');
    expect((q('input[data-weekday="6"]') as HTMLInputElement).checked).toBe(true);
    expect((q('input[data-weekday="1"]') as HTMLInputElement).checked).toBe(false);
    // Unticked and emptied: the shop ships every day again.
    check(q('input[data-weekday="0"]'), false);
    check(q('input[data-weekday="6"]'), false);
    type(q('textarea[name="noShipDates"]'), '');
    await submit();
    expect(patchSettings.mock.calls[1]![0].shop!.noShip).toEqual({ weekdays: [], dates: [] });
  });

  it('says which date it did not understand, a range backwards, or no day left to ship, and saves nothing', async () => {
    const { q, submit, patchSettings, value } = await setup();
    type(q('textarea[name="noShipDates"]'), '2027-02-05 至 2027-02-12\n春节');
    await submit();
    expect(q('[data-kf="status"]')?.textContent).toBe('没看懂不发货日期“春节”，没有保存：请写成 2027-01-01 或 2027-02-05 ~ 2027-02-12');
    // What was typed stays to be corrected.
    expect(value('textarea[name="noShipDates"]')).toBe('2027-02-05 至 2027-02-12\n春节');
    type(q('textarea[name="noShipDates"]'), '2027-02-12 至 2027-02-05');
    await submit();
    expect(q('[data-kf="status"]')?.textContent).toBe('不发货日期“2027-02-12 至 2027-02-05”的结束早于开始，没有保存：请先写开始日期');
    type(q('textarea[name="noShipDates"]'), '');
    for (const d of [0, 1, 2, 3, 4, 5, 6]) check(q(`input[data-weekday="${d}"]`), true);
    await submit();
    expect(q('[data-kf="status"]')?.textContent).toBe('一周七天都勾了不发货，就没有能发货的日子了，没有保存：请至少留一天发货');
    expect(patchSettings).not.toHaveBeenCalled();
  });

  it('speaks English to an English-speaking owner', async () => {
    setLocale('en');
    const { q, submit } = await setup();
    expect(q('[data-kf="no-ship-weekdays"]')?.textContent).toContain('MonTueWedThuFriSatSun');
    type(q('textarea[name="noShipDates"]'), '2027-02-05 ~ 2028-02-12');
    await submit();
    expect(q('[data-kf="status"]')?.textContent).toBe('The range “2027-02-05 ~ 2028-02-12” is 373 days, more than two months, nothing was saved: check the year, or split it up');
  });
});
