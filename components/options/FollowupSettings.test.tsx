// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import { FollowupSettings } from './FollowupSettings';
import { check, type } from '../remarks/testing';
import { mountTab, settingsStore } from './testing';
import { CallError } from '@/lib/messaging/client';
import { registerMessages, setLocale } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';

registerMessages(options);
afterEach(() => setLocale('zh-CN'));

const setup = () =>
  mountTab(<FollowupSettings />, {
    getSettings: () => structuredClone(DEFAULT_APP_SETTINGS),
    patchSettings: (patch: object) => ({ ...DEFAULT_APP_SETTINGS, ...patch }),
  });

describe('follow-up settings', () => {
  it('starts from the defaults with notifications off', async () => {
    const { q } = await setup();
    expect((q('input[name="dayStart"]') as HTMLInputElement).value).toBe('08:00');
    expect((q('input[name="dayEnd"]') as HTMLInputElement).value).toBe('20:00');
    expect((q('input[name="notify"]') as HTMLInputElement).checked).toBe(false);
  });

  it('saves the shift hours, thresholds and the notification switch together', async () => {
    const { q, call, submit } = await setup();
    type(q('input[name="dayStart"]'), '09:00');
    type(q('input[name="dayEnd"]'), '21:30');
    type(q('input[name="unpaidAfterMinutes"]'), '45');
    check(q('input[name="notify"]'), true);
    await submit();
    expect(call).toHaveBeenCalledWith('patchSettings', {
      followups: { unpaidAfterMinutes: 45, dayShift: { start: '09:00', end: '21:30' }, notifyBeforeCutoffMinutes: 30, notify: true },
    });
    expect(q('[data-kf="status"]')!.textContent).toBe('已保存');
  });

  // A refused save names the field and its rule, writes nothing and keeps what was typed.
  it.each([
    ['negative minutes', 'unpaidAfterMinutes', '-3', '没有保存：“拍下多少分钟未付款后提醒”要填 0 到 1440 之间的整数。'],
    ['an emptied box (not saved as 0)', 'notifyBeforeCutoffMinutes', '', '没有保存：“截单前多少分钟提醒”要填 0 到 720 之间的整数。'],
    ['a missing shift time', 'dayEnd', '', '没有保存：“白班结束”请填写一个时间，如 08:30、16:00、下午4点。'],
    ['the same start and end typed without 全天白班', 'dayEnd', '08:00', '没有保存：白班的开始和结束是同一个时间（08:00）。店里全天都是白班、没有夜班的，请勾选“全天白班（没有夜班）”；否则请把“白班结束”改成另一个时间。'],
  ])('refuses %s and names the field', async (_case, name, value, message) => {
    const { q, call, submit } = await setup();
    type(q(`input[name="${name}"]`), value);
    await submit();
    expect(call).not.toHaveBeenCalledWith('patchSettings', expect.anything());
    expect(q('[data-kf="status"]')!.textContent).toBe(message);
    expect((q(`input[name="${name}"]`) as HTMLInputElement).value).toBe(value);
  });

  // Chromium draws <input type="time"> in the browser's locale (04:00 PM in an English or 12-hour one):
  // the shift hours are text, shown in 24-hour time as the rest of the product writes them. A colon time
  // from 6:00 on is 24-hour writing (a shop's 8:30 is the morning).
  it('shows the shift hours in 24-hour time, with an example, and reads 8:30 or 8：30 as 08:30', async () => {
    const { q, call, submit } = await setup();
    for (const name of ['dayStart', 'dayEnd']) {
      const box = q(`input[name="${name}"]`) as HTMLInputElement;
      expect(box.type).toBe('text');
      expect(box.placeholder).toBe('例：08:30');
    }
    type(q('input[name="dayStart"]'), '8:30');
    type(q('input[name="dayEnd"]'), '21：00');
    await submit();
    expect(call).toHaveBeenCalledWith('patchSettings', expect.objectContaining({ followups: expect.objectContaining({ dayShift: { start: '08:30', end: '21:00' } }) }));
    expect(q('[data-kf="status"]')!.textContent).toBe('已保存');
    expect((q('input[name="dayStart"]') as HTMLInputElement).value).toBe('08:30');
  });

  it('accepts a day shift that runs past midnight (22:00–08:00)', async () => {
    const { q, call, submit } = await setup();
    type(q('input[name="dayStart"]'), '22:00');
    type(q('input[name="dayEnd"]'), '08:00');
    await submit();
    expect(call).toHaveBeenCalledWith('patchSettings', expect.objectContaining({ followups: expect.objectContaining({ dayShift: { start: '22:00', end: '08:00' } }) }));
    expect(q('[data-kf="status"]')!.textContent).toBe('已保存');
  });

  /** Types into a shift box and leaves it, as the lead does. */
  const typeAndLeave = (box: Element | null, value: string) => {
    type(box, value);
    act(() => {
      box!.dispatchEvent(new Event('blur'));
    });
  };

  // A lead writes the hours as they say them; each form with one meaning is taken and shown as stored.
  it.each([
    ['下午4点', '16:00'],
    ['晚上10点', '22:00'],
    ['4:00 PM', '16:00'],
    ['4:00 pm', '16:00'],
    ['16点', '16:00'],
    ['16点半', '16:30'],
    ['16：00', '16:00'],
    ['１６：００', '16:00'],
    ['傍晚6点半', '18:30'],
    ['晚上12点', '00:00'],
  ])('takes %s for the day shift’s end, shows it as %s after leaving the box, and saves that', async (typed, shown) => {
    const { q, call, submit } = await setup();
    const end = q('input[name="dayEnd"]') as HTMLInputElement;
    typeAndLeave(end, typed);
    expect(end.value).toBe(shown);
    await submit();
    expect(call).toHaveBeenCalledWith('patchSettings', expect.objectContaining({ followups: expect.objectContaining({ dayShift: { start: '08:00', end: shown } }) }));
    expect(q('[data-kf="status"]')!.textContent).toBe('已保存');
  });

  it('saves 上午9点15分 typed and not yet left as 09:15', async () => {
    const { q, call, submit } = await setup();
    type(q('input[name="dayStart"]'), '上午9点15分');
    await submit();
    expect(call).toHaveBeenCalledWith('patchSettings', expect.objectContaining({ followups: expect.objectContaining({ dayShift: { start: '09:15', end: '20:00' } }) }));
    expect((q('input[name="dayStart"]') as HTMLInputElement).value).toBe('09:15');
  });

  // An hour that may be either half of the day is asked, naming both readings: never guessed.
  it.each([
    ['4点', 'dayEnd', '白班结束', '04:00', '16:00'],
    ['8点半', 'dayEnd', '白班结束', '08:30', '20:30'],
    ['12点', 'dayStart', '白班开始', '00:00', '12:00'],
    ['4:00', 'dayEnd', '白班结束', '04:00', '16:00'],
  ])('asks whether %s in %s is the morning or the afternoon, saves nothing and keeps it', async (value, name, field, morning, evening) => {
    const { q, call, submit } = await setup();
    typeAndLeave(q(`input[name="${name}"]`), value);
    expect((q(`input[name="${name}"]`) as HTMLInputElement).value).toBe(value);
    await submit();
    expect(call).not.toHaveBeenCalledWith('patchSettings', expect.anything());
    expect(q('[data-kf="status"]')!.textContent).toBe(`没有保存：“${field}”的「${value}」是 ${morning} 还是 ${evening}？请写 ${morning} 或 ${evening}。`);
    expect((q(`input[name="${name}"]`) as HTMLInputElement).value).toBe(value);
  });

  it.each([
    ['24:00', 'dayStart', '白班开始'],
    ['0830', 'dayStart', '白班开始'],
    ['下午', 'dayEnd', '白班结束'],
  ])('refuses %s in %s with examples of a time, saves nothing and keeps it', async (value, name, field) => {
    const { q, call, submit } = await setup();
    typeAndLeave(q(`input[name="${name}"]`), value);
    await submit();
    expect(call).not.toHaveBeenCalledWith('patchSettings', expect.anything());
    expect(q('[data-kf="status"]')!.textContent).toBe(`没有保存：“${field}”请填写一个时间，如 08:30、16:00、下午4点。`);
    expect((q(`input[name="${name}"]`) as HTMLInputElement).value).toBe(value);
  });

  it('says so in English too, and takes 4:00 PM', async () => {
    setLocale('en');
    const { q, call, submit } = await setup();
    expect((q('input[name="dayStart"]') as HTMLInputElement).placeholder).toBe('e.g. 08:30');
    type(q('input[name="dayEnd"]'), '4点');
    await submit();
    expect(q('[data-kf="status"]')!.textContent).toBe('Not saved: “Day shift ends”: is “4点” 04:00 or 16:00? Write 04:00 or 16:00.');
    type(q('input[name="dayEnd"]'), '24:00');
    await submit();
    expect(q('[data-kf="status"]')!.textContent).toBe('Not saved: “Day shift ends” needs a time, e.g. 08:30, 16:00 or 4:00 PM.');
    typeAndLeave(q('input[name="dayEnd"]'), '4:00 PM');
    expect((q('input[name="dayEnd"]') as HTMLInputElement).value).toBe('16:00');
    await submit();
    expect(call).toHaveBeenCalledWith('patchSettings', expect.objectContaining({ followups: expect.objectContaining({ dayShift: { start: '08:00', end: '16:00' } }) }));
  });

  it('says in words why a save failed, and keeps what was typed', async () => {
    const { q, submit } = await mountTab(<FollowupSettings />, {
      getSettings: () => structuredClone(DEFAULT_APP_SETTINGS),
      patchSettings: () => {
        throw new CallError('quota', 'QuotaExceededError: The quota has been exceeded.');
      },
    });
    type(q('input[name="unpaidAfterMinutes"]'), '45');
    await submit();
    expect(q('[data-kf="status"]')!.textContent).toBe('保存失败：存储空间已满（填写的内容仍保留在页面上）');
    expect((q('input[name="unpaidAfterMinutes"]') as HTMLInputElement).value).toBe('45');
  });

  it('keeps what is being typed when the settings are written elsewhere (the panel collapsed), and merges a change to another field on request', async () => {
    const store = settingsStore();
    const { q, changed, click, submit } = await mountTab(<FollowupSettings />, store.replies);
    type(q('input[name="dayStart"]'), '09:00');
    type(q('input[name="unpaidAfterMinutes"]'), '45');
    store.elsewhere({ panel: { collapsed: true } });
    await changed();
    expect((q('input[name="dayStart"]') as HTMLInputElement).value).toBe('09:00');
    expect((q('input[name="unpaidAfterMinutes"]') as HTMLInputElement).value).toBe('45');
    expect(q('[data-kf="changed-elsewhere"]')).toBeNull();

    store.elsewhere({ followups: { ...DEFAULT_APP_SETTINGS.followups, notify: true, dayShift: { start: '08:00', end: '22:00' } } });
    await changed();
    expect((q('input[name="dayStart"]') as HTMLInputElement).value).toBe('09:00');
    expect(q('[data-kf="changed-fields"]')!.textContent).toBe('别处改动的项：白班结束、截单前桌面通知未付款订单');
    await click('[data-kf="draft-merge"]');
    expect((q('input[name="dayEnd"]') as HTMLInputElement).value).toBe('22:00');
    expect((q('input[name="notify"]') as HTMLInputElement).checked).toBe(true);
    await submit();
    expect(store.patchSettings).toHaveBeenCalledWith({
      followups: { unpaidAfterMinutes: 45, dayShift: { start: '09:00', end: '22:00' }, notifyBeforeCutoffMinutes: 30, notify: true },
    });
  });

  it('offers 全天白班（没有夜班）: ticked, it saves the day shift round the clock and the hours are not asked', async () => {
    const { q, call, submit } = await setup();
    const box = q('input[name="allDay"]') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.closest('label')!.textContent).toBe('全天白班（没有夜班）');
    check(box, true);
    expect((q('input[name="dayStart"]') as HTMLInputElement).disabled).toBe(true);
    expect((q('input[name="dayEnd"]') as HTMLInputElement).disabled).toBe(true);
    expect(q('[data-kf="all-day-help"]')!.textContent).toContain('没有夜班');
    await submit();
    expect(call).toHaveBeenCalledWith('patchSettings', {
      followups: { unpaidAfterMinutes: 30, dayShift: { start: '00:00', end: '00:00' }, notifyBeforeCutoffMinutes: 30, notify: false },
    });
    expect(q('[data-kf="status"]')!.textContent).toBe('已保存');
  });

  it('shows a stored round-the-clock day shift (start = end, e.g. imported 08:00–08:00) as 全天白班, and unticked it asks for hours again', async () => {
    const { q, call, submit } = await mountTab(<FollowupSettings />, {
      getSettings: () => ({ ...structuredClone(DEFAULT_APP_SETTINGS), followups: { ...DEFAULT_APP_SETTINGS.followups, dayShift: { start: '08:00', end: '08:00' } } }),
      patchSettings: (patch: object) => ({ ...DEFAULT_APP_SETTINGS, ...patch }),
    });
    expect((q('input[name="allDay"]') as HTMLInputElement).checked).toBe(true);
    check(q('input[name="allDay"]'), false);
    expect((q('input[name="dayStart"]') as HTMLInputElement).value).toBe('08:00');
    expect((q('input[name="dayEnd"]') as HTMLInputElement).value).toBe('20:00');
    expect((q('input[name="dayEnd"]') as HTMLInputElement).disabled).toBe(false);
    await submit();
    expect(call).toHaveBeenCalledWith('patchSettings', expect.objectContaining({ followups: expect.objectContaining({ dayShift: { start: '08:00', end: '20:00' } }) }));
  });
});
