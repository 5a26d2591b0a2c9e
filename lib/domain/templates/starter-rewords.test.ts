import { describe, expect, it } from 'vitest';
import { STARTER_LIBRARY } from './starter';
import { STARTER_REWORDS, rewordStarter } from './starter-rewords';
import { STARTER_ADDED } from './starter-additions';
import { upgradeStarter } from './starter-upgrade';
import type { TemplateLibrary } from './types';

/** A library as shops stored it before 2026-12-03: the starter with the old wordings. */
const stored = (): TemplateLibrary => ({
  groups: [...STARTER_LIBRARY.groups],
  templates: STARTER_LIBRARY.templates.map((t) => (STARTER_REWORDS[t.id] ? { ...t, body: STARTER_REWORDS[t.id]![0]! } : { ...t })),
});
const body = (lib: TemplateLibrary, id: string) => lib.templates.find((t) => t.id === id)!.body;

describe('rewordStarter: the corrected starter wording for libraries stored before it', () => {
  it('gives untouched copies of every reworded reply the new text, and says which', () => {
    const r = rewordStarter(stored(), STARTER_LIBRARY, 1_000)!;
    // Library order: the 2026-12-03 and 12-05 corrections, and the 2026-12-06 supervisor's read.
    expect(r.reworded).toEqual({ ids: STARTER_LIBRARY.templates.filter((t) => STARTER_REWORDS[t.id]).map((t) => t.id), at: 1_000 });
    expect(r.reworded.ids).toEqual(expect.arrayContaining(['stock-available', 'order-confirm-postage', 'pay-remind', 'pay-hesitate', 'cancel-shipped', 'return-7day', 'refund-time', 'welcome-new', 'welcome-busy', 'welcome-night', 'stock-low']));
    // The busy-hours welcome an install stored with 亲 and a 马上 answer follows the new wording, and
    // so does the night-shift welcome stored opening with 亲.
    expect(body(r, 'welcome-busy')).toBe(body(STARTER_LIBRARY, 'welcome-busy'));
    expect(body(r, 'welcome-night')).toBe(body(STARTER_LIBRARY, 'welcome-night'));
    expect(body(r, 'welcome-night')).toMatch(/^您好/);
    expect(body(r, 'pay-remind')).toBe('亲，看到您拍下的宝贝还没付款哦～{付款发货}，早付款早收到，有什么疑问也可以问我～');
    expect(body(r, 'stock-available')).toContain('{付款发货}');
    expect(body(r, 'pay-remind')).not.toContain('{截单时间}');
    // Everything else is as stored.
    expect(r.templates.filter((t) => !r.reworded.ids.includes(t.id))).toEqual(stored().templates.filter((t) => !r.reworded.ids.includes(t.id)));
  });

  it('leaves a copy the agent edited as the agent wrote it, and keeps the agent’s title and code on an untouched one', () => {
    const lib = stored();
    lib.templates.find((t) => t.id === 'pay-remind')!.body = '亲，今天{截单时间}前付款就能发哦，我们家的招牌款～';
    const stock = lib.templates.find((t) => t.id === 'stock-available')!;
    stock.title = '现货（我们的）';
    stock.code = 'xh';
    const r = rewordStarter(lib, STARTER_LIBRARY, 1)!;
    expect(r.reworded.ids).toEqual(STARTER_LIBRARY.templates.filter((t) => STARTER_REWORDS[t.id] && t.id !== 'pay-remind').map((t) => t.id));
    expect(body(r, 'pay-remind')).toBe('亲，今天{截单时间}前付款就能发哦，我们家的招牌款～');
    expect(r.templates.find((t) => t.id === 'stock-available')).toMatchObject({ title: '现货（我们的）', code: 'xh', body: body(STARTER_LIBRARY, 'stock-available') });
  });

  it('finds nothing in a new library, in a library already updated, or where the agent deleted the replies', () => {
    expect(rewordStarter(STARTER_LIBRARY, STARTER_LIBRARY, 1)).toBeNull();
    expect(rewordStarter(rewordStarter(stored(), STARTER_LIBRARY, 1)!, STARTER_LIBRARY, 2)).toBeNull();
    const lib = stored();
    lib.templates = lib.templates.filter((t) => !STARTER_REWORDS[t.id]);
    expect(rewordStarter(lib, STARTER_LIBRARY, 1)).toBeNull();
  });

  it('says what brought the old wordings in when it was not the update: a restored backup or an imported file', () => {
    expect(rewordStarter(stored(), STARTER_LIBRARY, 3, 'restore')!.reworded).toMatchObject({ at: 3, from: 'restore' });
    expect(rewordStarter(stored(), STARTER_LIBRARY, 3, 'import')!.reworded.from).toBe('import');
    expect(rewordStarter(stored(), STARTER_LIBRARY, 3)!.reworded).not.toHaveProperty('from');
  });

  it('every reworded id is a starter reply whose current text differs from each old one', () => {
    for (const [id, old] of Object.entries(STARTER_REWORDS)) {
      const now = body(STARTER_LIBRARY, id);
      for (const b of old) expect(now, id).not.toBe(b);
    }
  });
});

describe('a supervisor promised at an hour the reply is true at (after-sales walk, 2026-12-07)', () => {
  // 上报主管 said 主管今天之内会亲自联系您: sent at 02:00 that is a day nobody has started, at 23:40 twenty minutes.
  it('no starter reply promises a supervisor or a colleague "today" (今天之内)', () => {
    const today = STARTER_LIBRARY.templates.filter((t) => /今天之内|今日之内|当天之内/.test(t.body)).map((t) => t.title);
    expect(today).toEqual([]);
  });

  it('上报主管 and 超过三天的质量问题 say what happens to a report made at night', () => {
    for (const id of ['complaint-escalate', 'quality-late']) {
      expect(body(STARTER_LIBRARY, id)).toMatch(/上班时间/);
      expect(body(STARTER_LIBRARY, id)).toMatch(/夜里.*第二天上午/);
    }
  });

  it('a stored untouched copy of the old wording is given the new one', () => {
    const r = rewordStarter(stored(), STARTER_LIBRARY, 1)!;
    expect(r.reworded.ids).toEqual(expect.arrayContaining(['complaint-escalate', 'quality-late']));
    expect(body(r, 'complaint-escalate')).toBe(body(STARTER_LIBRARY, 'complaint-escalate'));
    expect(body(r, 'complaint-escalate')).not.toContain('今天之内');
  });
});

describe('已催仓库 names the day it leaves in shop time (walk, 2026-12-07, second round)', () => {
  it('a stored untouched copy of 您的订单今天优先处理 is given the new wording; an edited one is kept', () => {
    const r = rewordStarter(stored(), STARTER_LIBRARY, 1)!;
    expect(r.reworded.ids).toContain('delay-urged');
    expect(body(r, 'delay-urged')).toBe(body(STARTER_LIBRARY, 'delay-urged'));
    expect(body(r, 'delay-urged')).toContain('{发货日}');
    expect(body(r, 'delay-urged')).not.toContain('今天');
    const edited = stored();
    edited.templates.find((t) => t.id === 'delay-urged')!.body = '亲，仓库今天就给您发，放心～';
    expect(body(rewordStarter(edited, STARTER_LIBRARY, 1)!, 'delay-urged')).toBe('亲，仓库今天就给您发，放心～');
  });
});

describe('差评之前先解决 asks what happened before promising anything (walk, 2026-12-07, second round)', () => {
  const threat = () => body(STARTER_LIBRARY, 'review-threat');
  it('admits no fault it has not checked, gives the buyer no free pick of remedies, and keeps to the agent’s own reach', () => {
    expect(threat()).toMatch(/权利/);
    expect(threat()).not.toMatch(/确实是我们|我们没做好|我们的问题|我们的失误/);
    expect(threat()).not.toMatch(/您选|选一个|补发、换货|退款/);
    // What happened, with a photo; the shop's rules decide, the supervisor what is beyond the agent.
    expect(threat()).toMatch(/什么情况|什么问题/);
    expect(threat()).toMatch(/照片/);
    expect(threat()).toMatch(/售后规定/);
    expect(threat()).toMatch(/主管/);
    expect(threat()).not.toMatch(/今天|马上给您办/);
  });

  it('a library that added the first wording with the update of 2026-12-07 gets the new one at the next update; an edited copy stays', () => {
    const withOld = stored();
    expect(body(withOld, 'review-threat')).toMatch(/^亲，先消消气，这次确实是我们没做好/);
    // The machine has had every STARTER_ADDED list: nothing is added, the untouched copy is reworded.
    const up = upgradeStarter(withOld, STARTER_LIBRARY, STARTER_ADDED.length, undefined, undefined, 5);
    expect(up.added).toEqual([]);
    expect(up.library!.reworded!.ids).toContain('review-threat');
    expect(body(up.library!, 'review-threat')).toBe(threat());
    const edited = stored();
    edited.templates.find((t) => t.id === 'review-threat')!.body = '亲，先别急着评价，我们店里一定给您处理好～';
    const kept = upgradeStarter(edited, STARTER_LIBRARY, STARTER_ADDED.length, undefined, undefined, 5);
    expect(body(kept.library!, 'review-threat')).toBe('亲，先别急着评价，我们店里一定给您处理好～');
    // A library that never had it gets today's wording when the update adds it.
    const without = { groups: [...STARTER_LIBRARY.groups], templates: STARTER_LIBRARY.templates.filter((t) => t.id !== 'review-threat') };
    const added = upgradeStarter(without, STARTER_LIBRARY, STARTER_ADDED.findIndex((l) => l.includes('review-threat')), undefined, undefined, 5);
    expect(added.added).toEqual(['review-threat']);
    expect(body(added.library!, 'review-threat')).toBe(threat());
  });
});
