import { describe, expect, it } from 'vitest';
import { applyStarterConditions, starterConditionCandidates } from './starter-conditions';
import { STARTER_LIBRARY } from './starter';
import type { Template, TemplateLibrary } from './types';

const starter = (id: string) => STARTER_LIBRARY.templates.find((t) => t.id === id)!;
/** A stored copy saved before starter replies had conditions. */
const old = (id: string): Template => {
  const { orders: _orders, ...rest } = structuredClone(starter(id));
  return rest;
};
/** The whole starter library as a library saved before conditions existed stores it. */
const oldLibrary = (): TemplateLibrary => ({ groups: [...STARTER_LIBRARY.groups], templates: STARTER_LIBRARY.templates.map((t) => old(t.id)) });

describe('adding the starter order conditions to a saved library', () => {
  it('gives an unchanged old starter reply its condition (已付款确认 → paid only)', () => {
    const lib: TemplateLibrary = { groups: ['订单确认', '付款催付'], templates: [old('order-paid'), old('pay-duplicate')] };
    const r = applyStarterConditions(lib, STARTER_LIBRARY);
    expect(r.count).toBe(2);
    expect(r.ids).toEqual(['order-paid', 'pay-duplicate']);
    expect(r.library.templates).toEqual([starter('order-paid'), starter('pay-duplicate')]);
    expect(r.library.groups).toEqual(lib.groups);
  });

  it('brings a whole old starter library back to the starter library, all 39 conditions', () => {
    const r = applyStarterConditions(oldLibrary(), STARTER_LIBRARY);
    expect(r.count).toBe(STARTER_LIBRARY.templates.filter((t) => t.orders).length);
    expect(r.count).toBe(39);
    expect(r.library).toEqual(STARTER_LIBRARY);
  });

  it('is idempotent: a second run finds nothing and changes nothing', () => {
    const once = applyStarterConditions(oldLibrary(), STARTER_LIBRARY);
    const twice = applyStarterConditions(once.library, STARTER_LIBRARY);
    expect(twice.count).toBe(0);
    expect(twice.library).toEqual(once.library);
    expect(starterConditionCandidates(STARTER_LIBRARY, STARTER_LIBRARY)).toEqual([]);
  });

  it('leaves a starter reply whose text the agent edited alone', () => {
    const edited = { ...old('order-paid'), body: '收到付款啦，我们今天就安排发货～' };
    const r = applyStarterConditions({ groups: [], templates: [edited] }, STARTER_LIBRARY);
    expect(r.count).toBe(0);
    expect(r.library.templates[0]).toEqual(edited);
    expect(r.library.templates[0]).not.toHaveProperty('orders');
  });

  it("keeps the agent's own condition, even one different from the starter's", () => {
    const own = { ...old('address-change-shipped'), orders: ['shipped', 'refunding'] } as Template;
    const r = applyStarterConditions({ groups: [], templates: [own] }, STARTER_LIBRARY);
    expect(r.count).toBe(0);
    expect(r.library.templates[0]!.orders).toEqual(['shipped', 'refunding']);
  });

  it("never touches the agent's own replies, nor starter replies that have no condition", () => {
    const mine: Template = { id: 'my-reply', title: '已付款确认', body: starter('order-paid').body, group: '订单确认', scenarios: ['thanks'] };
    const plain = old('welcome-new');
    expect(starter('welcome-new').orders).toBeUndefined();
    const r = applyStarterConditions({ groups: [], templates: [mine, plain] }, STARTER_LIBRARY);
    expect(r.count).toBe(0);
    expect(r.library.templates).toEqual([mine, plain]);
  });

  it('does not change the library it was given', () => {
    const lib = oldLibrary();
    const before = structuredClone(lib);
    applyStarterConditions(lib, STARTER_LIBRARY);
    expect(lib).toEqual(before);
  });
});
