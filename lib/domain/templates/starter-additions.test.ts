import { describe, expect, it } from 'vitest';
import { addStarterReplies, LISTS_BEFORE_COUNT, newStarterReplies, STARTER_ADDED, starterAdditions } from './starter-additions';
import { STARTER_LIBRARY } from './starter';
import type { Template, TemplateLibrary } from './types';
import { parseLibraryImport } from './validate';

const LATER = STARTER_ADDED.flat();
/** The library as an install before the later replies stored it. */
const before = (): TemplateLibrary => ({
  groups: [...STARTER_LIBRARY.groups],
  templates: structuredClone(STARTER_LIBRARY.templates.filter((t) => !LATER.includes(t.id))),
});
const ids = (list: Template[]) => list.map((t) => t.id);
const without = (lib: TemplateLibrary, ...gone: string[]): TemplateLibrary => ({ ...lib, templates: lib.templates.filter((t) => !gone.includes(t.id)) });

describe('which later starter replies a stored library is offered', () => {
  it('every starter reply added later exists in the starter, in one list only', () => {
    const starterIds = new Set(ids(STARTER_LIBRARY.templates));
    expect(LATER.filter((id) => !starterIds.has(id))).toEqual([]);
    expect(new Set(LATER).size).toBe(LATER.length);
    // The five any-stage replies of 2026-12-04 are among them.
    expect(LATER).toEqual(expect.arrayContaining(['delay-check', 'merge-ask', 'tracking-check', 'address-check', 'cancel-check']));
  });

  it('a library stored before them is offered all of them, in starter order', () => {
    const offered = starterAdditions(before(), STARTER_LIBRARY, []);
    expect(ids(offered)).toEqual(ids(STARTER_LIBRARY.templates).filter((id) => LATER.includes(id)));
    expect(offered.map((t) => t.title)).toEqual(expect.arrayContaining(['查询发货进度', '合并发货（先查订单）']));
  });

  it('a library stored with the starter of today is offered nothing', () => {
    expect(starterAdditions(structuredClone(STARTER_LIBRARY), STARTER_LIBRARY, [])).toEqual([]);
  });

  it('a reply the agent deleted is not offered again: holding any reply of an update means it had that update', () => {
    const lib = without(structuredClone(STARTER_LIBRARY), 'merge-ask', 'cancel-check');
    expect(starterAdditions(lib, STARTER_LIBRARY, [])).toEqual([]);
  });

  it('a library stored between the two updates is offered only the second', () => {
    const lib = without(structuredClone(STARTER_LIBRARY), 'tracking-check', 'address-check', 'cancel-check');
    expect(ids(starterAdditions(lib, STARTER_LIBRARY, []))).toEqual(['tracking-check', 'address-check', 'cancel-check']);
  });

  it('ids this machine has seen (dismissed, or held and then deleted) are not offered', () => {
    expect(ids(starterAdditions(before(), STARTER_LIBRARY, ['delay-check', 'merge-ask', 'address-check']))).toEqual([
      'gift-wrap',
      'size-usual',
      'pay-methods',
      'ship-from',
      'postage-region',
      'courier-door',
      'tracking-check',
      'cancel-check',
      'return-insurance',
      'return-sent',
      'exchange-check',
      'exchange-back-received',
      'exchange-back-on-way',
      'refund-check',
      'refund-only',
      'refund-amount-diff',
      'extra-item',
      'quality-fading',
      'review-threat',
    ]);
    expect(starterAdditions(before(), STARTER_LIBRARY, LATER)).toEqual([]);
  });

  it('a starter that no longer ships a listed reply offers nothing for it', () => {
    const starter = without(STARTER_LIBRARY, 'merge-ask');
    expect(ids(starterAdditions(before(), starter, []))).not.toContain('merge-ask');
  });
});

describe('adding them', () => {
  it('puts each after its starter neighbour, keeps the agent’s replies and edits, and the result imports', () => {
    const lib = before();
    const mine: Template = { id: 'my-1', title: '我的催发货', body: '亲，马上帮您催一下～', group: '发货物流', scenarios: ['delay'] };
    lib.templates.push(mine);
    const edited = lib.templates.find((t) => t.id === 'delay-urged')!;
    edited.body = '亲，已经催过啦，今天一定发出～';
    const { library, added } = addStarterReplies(lib, STARTER_LIBRARY, LATER);
    expect(added.sort()).toEqual([...LATER].sort());
    const order = ids(library.templates);
    expect(order.indexOf('delay-check')).toBe(order.indexOf('delay-urged') + 1);
    expect(order.indexOf('cancel-check')).toBe(order.indexOf('cancel-printed') + 1);
    expect(library.templates.find((t) => t.id === 'delay-urged')!.body).toBe('亲，已经催过啦，今天一定发出～');
    expect(library.templates.at(-1)).toEqual(mine);
    for (const id of LATER) expect(library.templates.find((t) => t.id === id)).toEqual(STARTER_LIBRARY.templates.find((t) => t.id === id));
    // The input is not changed.
    expect(ids(lib.templates).filter((id) => LATER.includes(id))).toEqual([]);
    expect(parseLibraryImport({ format: 'kefu-library', version: 1, ...library }).ok).toBe(true);
    // Idempotent: a second run adds nothing.
    expect(addStarterReplies(library, STARTER_LIBRARY, LATER).added).toEqual([]);
  });

  it('brings back a deleted group, and leaves off a /code another reply already uses', () => {
    const starter: TemplateLibrary = {
      groups: ['甲', '乙'],
      templates: [
        { id: 'a', title: 'A', body: '亲，A', group: '甲', scenarios: ['thanks'] },
        { id: 'b', title: 'B', body: '亲，B', group: '乙', scenarios: ['thanks'], code: 'hb' },
      ],
    };
    const lib: TemplateLibrary = { groups: ['甲'], templates: [{ id: 'mine', title: '我的', body: '亲', group: '甲', scenarios: ['thanks'], code: 'hb' }] };
    const { library } = addStarterReplies(lib, starter, ['b']);
    expect(library.groups).toEqual(['甲', '乙']);
    expect(library.templates).toEqual([lib.templates[0], { id: 'b', title: 'B', body: '亲，B', group: '乙', scenarios: ['thanks'] }]);
  });
});

describe('what an extension update adds (newStarterReplies)', () => {
  // A later version's lists: the ones shipped, and one more as a future update would add it.
  const FUTURE = [...STARTER_ADDED, ['bye-not-yet', 'bye-after-sale']];
  const ALL = FUTURE.length;
  const lib = without(before(), 'bye-not-yet', 'bye-after-sale');
  /** The lists added after the ones older versions offered (from the fourth on), as a library from before the count gets them. */
  const AFTER_COUNT = STARTER_ADDED.slice(LISTS_BEFORE_COUNT).flat();

  it('adds only the lists after the count kept, and says how many lists the library has had now', () => {
    const r = newStarterReplies(lib, STARTER_LIBRARY, STARTER_ADDED.length, FUTURE);
    expect(r.added).toEqual(['bye-after-sale', 'bye-not-yet']);
    expect(r.applied).toBe(ALL);
    expect(ids(r.library!.templates)).not.toContain('refund-check');
    expect(newStarterReplies(r.library!, STARTER_LIBRARY, r.applied, FUTURE)).toEqual({ library: null, added: [], applied: ALL });
  });

  it('without a count (a library from before it was kept), the lists earlier versions offered are known: only a later one is added, once', () => {
    // 2026-12-05, the update brought them back: the agent deleted 延迟发货(先查订单)/合并发货 or declined the offer, then updated.
    const r = newStarterReplies(lib, STARTER_LIBRARY, undefined, FUTURE);
    expect(r.added.sort()).toEqual([...AFTER_COUNT, 'bye-after-sale', 'bye-not-yet'].sort());
    for (const id of LATER.filter((x) => !AFTER_COUNT.includes(x))) expect(ids(r.library!.templates)).not.toContain(id);
    expect(r.applied).toBe(ALL);
    expect(newStarterReplies(r.library!, STARTER_LIBRARY, r.applied, FUTURE)).toEqual({ library: null, added: [], applied: ALL });
    // With today's lists: only those after the known ones come, and the count kept is all of them.
    const today = newStarterReplies(before(), STARTER_LIBRARY, undefined);
    expect(today.added.sort()).toEqual([...AFTER_COUNT].sort());
    expect(today.applied).toBe(STARTER_ADDED.length);
    // The options page still offers them (its own record of what this machine has seen decides).
    expect(ids(starterAdditions(before(), STARTER_LIBRARY, []))).toEqual(ids(STARTER_LIBRARY.templates).filter((id) => LATER.includes(id)));
  });

  it('the lists known without a count are the three older versions offered (3c40f54, 67cce23), never moved', () => {
    expect(LISTS_BEFORE_COUNT).toBe(3);
    expect(STARTER_ADDED.slice(0, LISTS_BEFORE_COUNT)).toEqual([
      ['delay-check', 'merge-ask'],
      ['tracking-check', 'address-check', 'cancel-check'],
      ['refund-check', 'extra-item'],
    ]);
  });

  it('a later list partly held had its update: its deleted ones are not added', () => {
    const partly = { ...lib, templates: [...lib.templates, structuredClone(STARTER_LIBRARY.templates.find((t) => t.id === 'bye-not-yet')!)] };
    expect(newStarterReplies(partly, STARTER_LIBRARY, STARTER_ADDED.length, FUTURE)).toEqual({ library: null, added: [], applied: ALL });
  });

  it('a fresh install (the whole starter) gets nothing and keeps the count of all lists', () => {
    expect(newStarterReplies(structuredClone(STARTER_LIBRARY), STARTER_LIBRARY, undefined, FUTURE)).toEqual({ library: null, added: [], applied: ALL });
  });

  it('an install from before 退货运费险 (ten lists had) gets it at the next update, after 质量问题运费, once', () => {
    // 2026-12-07 (starter2): 运费险怎么用 led with 非质量问题运费 (the buyer pays), wrong with the insurance on the order.
    const lastWeek = without(structuredClone(STARTER_LIBRARY), 'return-insurance');
    const r = newStarterReplies(lastWeek, STARTER_LIBRARY, 10);
    expect(r.added).toEqual(['return-insurance']);
    expect(r.applied).toBe(11);
    const order = ids(r.library!.templates);
    expect(order.indexOf('return-insurance')).toBe(order.indexOf('return-postage-shop') + 1);
    expect(r.library!.templates.find((t) => t.id === 'return-insurance')).toEqual(STARTER_LIBRARY.templates.find((t) => t.id === 'return-insurance'));
    // Deleted by the agent afterwards, it stays deleted.
    expect(newStarterReplies(without(r.library!, 'return-insurance'), STARTER_LIBRARY, r.applied)).toEqual({ library: null, added: [], applied: 11 });
  });

  it('never touches a reply the library holds, edited or not', () => {
    const edited = { ...lib, templates: lib.templates.map((t) => (t.id === 'refund-done' ? { ...t, body: '我们自己的话' } : t)) };
    const r = newStarterReplies(edited, STARTER_LIBRARY, undefined, FUTURE);
    expect(r.library!.templates.find((t) => t.id === 'refund-done')!.body).toBe('我们自己的话');
  });
});
