// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bodyWatch, observeChat } from './observe';

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A console in miniature: a conversation list with a wait counter, the open buyer, day groups of message rows, the input. */
const PAGE = `
  <ul class="list"><li><b>买家甲</b><span class="wait">已等待1分钟</span></li></ul>
  <h1>买家甲</h1>
  <div class="log">
    <div class="day"><div class="row"><p>你好</p></div><div class="row"><i>[图片]</i></div></div>
    <div class="day"><div class="row"><p>在吗</p></div></div>
  </div>
  <textarea class="input"></textarea>`;

const reads = {
  inputSelector: '.input',
  readBuyerIdentity: (doc: Document) => ({ id: null, nickname: doc.querySelector('h1')!.textContent! }),
  rows: '.log .row',
  readRow: (row: Element) => {
    const text = row.querySelector('p')?.textContent;
    return text ? { text } : undefined;
  },
};

describe('bodyWatch: the page fit told by the running observer', () => {
  it('is told when an element under <body> comes or goes (a dialog layer), not at a message or a counter tick', async () => {
    document.body.innerHTML = PAGE;
    const ctrl = new AbortController();
    observeChat(reads, document, ctrl.signal, () => {});
    let told = 0;
    const f = () => told++;
    bodyWatch.add(f);
    try {
      document.querySelector('.wait')!.textContent = '已等待2分钟';
      document.querySelector('.log .day')!.append(Object.assign(document.createElement('div'), { className: 'row', innerHTML: '<p>在</p>' }));
      await tick();
      expect(told).toBe(0);
      const layer = document.createElement('div');
      document.body.append(layer);
      await tick();
      expect(told).toBe(1);
      layer.remove();
      await tick();
      expect(told).toBe(2);
    } finally {
      bodyWatch.delete(f);
      ctrl.abort();
    }
  });
});

describe('observeChat: the conversation observer', () => {
  let ctrl: AbortController;
  let calls: number;
  const row = (text: string) => Object.assign(document.createElement('div'), { className: 'row', innerHTML: `<p>${text}</p>` });

  beforeEach(() => {
    document.body.innerHTML = PAGE;
    ctrl = new AbortController();
    calls = 0;
    observeChat(reads, document, ctrl.signal, () => calls++);
  });
  afterEach(() => ctrl.abort());

  it('takes a list counter ticking for no change, and does not read the message rows for it', async () => {
    const rowQueries = vi.spyOn(document, 'querySelectorAll');
    const wait = document.querySelector('.wait')!;
    (wait.firstChild as Text).data = '已等待2分钟'; // as a framework updates a text binding
    await tick();
    wait.textContent = '已等待3分钟'; // the text node replaced
    await tick();
    expect(calls).toBe(0);
    expect(rowQueries.mock.calls.filter(([sel]) => sel === reads.rows)).toEqual([]);
    rowQueries.mockRestore();
  });

  it('sees a message arrive, and the same text again as another change', async () => {
    const day = document.querySelectorAll('.day')[1]!;
    day.append(row('在吗'));
    await tick();
    expect(calls).toBe(1);
    day.append(row('在吗'));
    await tick();
    expect(calls).toBe(2);
  });

  it('sees a message in a new group after the old ones, and the last message changed in place', async () => {
    const group = Object.assign(document.createElement('div'), { className: 'day' });
    group.append(row('明早九点前能发出吗'));
    document.querySelector('.log')!.append(group);
    await tick();
    expect(calls).toBe(1);
    group.querySelector('p')!.textContent = '消息已撤回';
    await tick();
    expect(calls).toBe(2);
  });

  it('sees the rows leave with the conversation, and the first message of the next one', async () => {
    document.querySelector('.log')!.replaceChildren();
    await tick();
    expect(calls).toBe(1);
    document.querySelector('.log')!.append(row('你好'));
    await tick();
    expect(calls).toBe(2);
  });

  it('sees another buyer opened; typing in the input is no change', async () => {
    const input = document.querySelector('textarea')!;
    input.value = '好的';
    input.textContent = '好的';
    await tick();
    expect(calls).toBe(0);
    document.querySelector('h1')!.textContent = '买家乙';
    await tick();
    expect(calls).toBe(1);
  });
});
