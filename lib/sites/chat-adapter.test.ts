// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture, renameEveryClass } from './testing';
import { douyinAdapter, jdAdapter, kuaishouAdapter, pddAdapter } from './index';
import { probePage } from './probe';
import { SiteElementMissing, type SiteAdapter } from './types';
import * as PDD from './pdd/selectors';
import * as JD from './jd/selectors';
import * as DOUYIN from './douyin/selectors';
import * as KS from './kuaishou/selectors';

/** A console's new build, as the QA pass served it: one class (or tag) renamed throughout the page. */
const rename = (pairs: [string, string][]) => (html: string) => pairs.reduce((h, [from, to]) => h.split(from).join(to), html);

interface Drift {
  name: string;
  adapter: SiteAdapter;
  fixture: string;
  change: [string, string][];
  /** The selector constant the page check names. */
  missing: string;
}

const DRIFTS: Drift[] = [
  { name: 'Pinduoduo, buyer side renamed', adapter: pddAdapter, fixture: 'pdd-chat.html', change: [['class="buyer-item"', 'class="buyer-item-v2"']], missing: 'BUYER_SIDE' },
  { name: 'Pinduoduo, text holder renamed', adapter: pddAdapter, fixture: 'pdd-chat.html', change: [['class="msg-content-box"', 'class="msg-text"']], missing: 'MESSAGE_TEXT' },
  { name: 'JD 咚咚, buyer side renamed', adapter: jdAdapter, fixture: 'jd-dongdong.html', change: [['class="message_left"', 'class="message-left"']], missing: 'BUYER_SIDE' },
  { name: 'JD 咚咚, text holder renamed', adapter: jdAdapter, fixture: 'jd-dongdong.html', change: [['class="message__content"', 'class="message-content"']], missing: 'MESSAGE_TEXT' },
  { name: 'Douyin, buyer bubble renamed', adapter: douyinAdapter, fixture: 'douyin-chat.html', change: [['messageNotMe', 'messageNotMine']], missing: 'BUYER_BUBBLE' },
  // (Douyin has no text-holder case: a bubble without <pre> is read by its own text, as eCan reads the live page.)
  { name: 'Kuaishou, buyer side renamed', adapter: kuaishouAdapter, fixture: 'kuaishou-chat.html', change: [['__notMe', '__notMine']], missing: 'BUYER_SIDE' },
  // Both sides renamed: nothing can be told apart, which is not "nobody wrote".
  { name: 'JD 咚咚, both sides renamed', adapter: jdAdapter, fixture: 'jd-dongdong.html', change: [['message_right', 'message-right'], ['message_left', 'message-left']], missing: 'SHOP_SIDE' },
];

// The rows themselves renamed, the list and the input kept: no row matches at all. Before, that read
// as an empty conversation (暂无明确诉求, nobody waiting). With the text holders renamed too, the
// list (where the console has a stable one) still shows rows nothing reads.
DRIFTS.push(
  { name: 'Pinduoduo, rows renamed', adapter: pddAdapter, fixture: 'pdd-chat.html', change: [['class="onemsg"', 'class="one-msg"']], missing: 'MESSAGE_ROW' },
  { name: 'Pinduoduo, rows and text holders renamed', adapter: pddAdapter, fixture: 'pdd-chat.html', change: [['class="onemsg"', 'class="one-msg"'], ['class="msg-content-box"', 'class="msg-text"']], missing: 'MESSAGE_ROW' },
  { name: 'JD 咚咚, rows renamed', adapter: jdAdapter, fixture: 'jd-dongdong.html', change: [['class="message"', 'class="msg-row"']], missing: 'MESSAGE' },
  { name: 'JD 咚咚, rows and text holders renamed', adapter: jdAdapter, fixture: 'jd-dongdong.html', change: [['class="message"', 'class="msg-row"'], ['message__content', 'msg-text']], missing: 'MESSAGE' },
  { name: 'Douyin, message wrapper hook renamed', adapter: douyinAdapter, fixture: 'douyin-chat.html', change: [['qa-message-warpper', 'qa-message-wrapper']], missing: 'MESSAGE' },
  { name: 'Douyin (second hash generation), message wrapper hook renamed', adapter: douyinAdapter, fixture: 'douyin-chat-v2.html', change: [['qa-message-warpper', 'qa-message-wrapper']], missing: 'MESSAGE' },
  { name: 'Kuaishou, rows renamed', adapter: kuaishouAdapter, fixture: 'kuaishou-chat.html', change: [['LayoutDefaultWrapper_msgMain', 'LayoutDefaultWrapper_msgRow']], missing: 'MESSAGE_ROW' },
);

/** Each console's rows and sides, and its shop side as a new build renames it (with the constant the check names). */
const SIDES = [
  ['Pinduoduo', pddAdapter, 'pdd-chat.html', PDD.MESSAGE_ROW, PDD.BUYER_SIDE, PDD.SHOP_SIDE, ['cs-item', 'cs-msg-item'], 'SHOP_SIDE'],
  ['JD 咚咚', jdAdapter, 'jd-dongdong.html', JD.MESSAGE, JD.BUYER_SIDE, JD.SHOP_SIDE, ['message_right', 'message-right'], 'SHOP_SIDE'],
  // Douyin's shop side has two marks, the bubble's messageIsMe and its row's right-to-left layout: both go.
  ['Douyin', douyinAdapter, 'douyin-chat.html', DOUYIN.MESSAGE, DOUYIN.BUYER_BUBBLE, DOUYIN.SHOP_BUBBLE, ['row-reverse;"><div class="messageIsMe', 'column;"><div class="messageMine'], 'SHOP_BUBBLE'],
  ['Douyin (second hash generation)', douyinAdapter, 'douyin-chat-v2.html', DOUYIN.MESSAGE, DOUYIN.BUYER_BUBBLE, DOUYIN.SHOP_BUBBLE, ['row-reverse;"><div class="messageIsMe', 'column;"><div class="messageMine'], 'SHOP_BUBBLE'],
  ['Kuaishou', kuaishouAdapter, 'kuaishou-chat.html', KS.MESSAGE_ROW, KS.BUYER_SIDE, KS.SHOP_SIDE, ['__isMine', '__mine'], 'SHOP_SIDE'],
] as const;

// The shop's side renamed: the buyer's rows still read, the shop's answers match nothing, and the
// buyer would look still waiting (the reply clock running, 待回复) although the shop answered.
for (const [name, adapter, fixture, , , , renamed, missing] of SIDES) DRIFTS.push({ name: `${name}, shop side renamed`, adapter, fixture, change: [[...renamed]], missing });

const removeRows = (rows: string, side: string) => {
  for (const row of Array.from(document.querySelectorAll(rows))) if (row.querySelector(side) || row.matches(side)) row.remove();
};

describe('a chat console whose message rows can no longer be read (layout changed)', () => {
  for (const d of DRIFTS) {
    it(`${d.name}: says it could not read (${d.missing}) instead of "the shop answered" or "nobody wrote"`, () => {
      loadFixture(d.fixture, undefined, rename(d.change));
      let thrown: unknown;
      try {
        d.adapter.readMessages(document, 50);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(SiteElementMissing);
      expect((thrown as SiteElementMissing).element).toBe(d.missing);
      // The page check shows the messages read as failed, not a green line with a count beside a missing selector.
      const line = probePage(d.adapter, document).find((l) => l.what === 'messages')!;
      expect(line.ok).toBe(false);
      expect(line.missing).toContain(d.missing);
    });
  }

  it('a conversation the shop began (only the shop has written, e.g. a 催付 reminder) reads as the shop speaking last, not as a changed layout', () => {
    for (const [, adapter, fixture, rows, buyer] of SIDES) {
      loadFixture(fixture);
      removeRows(rows, buyer);
      const read = adapter.readMessages(document, 50);
      expect(read.length, fixture).toBeGreaterThan(0);
      expect(read.every((m) => m.from === 'agent'), fixture).toBe(true);
    }
  });

  it('a conversation only the buyer has written in (nobody answered yet) reads as the buyer waiting, with its system notices and time lines, not as a changed layout', () => {
    for (const [, adapter, fixture, rows, buyer, shop] of SIDES) {
      loadFixture(fixture);
      removeRows(rows, shop);
      // A time line standing alone between the buyer's messages (a row whose side holds no text).
      const said = Array.from(document.querySelectorAll(rows)).find((r) => r.querySelector(buyer))!;
      const separator = said.cloneNode(true) as Element;
      separator.querySelector(buyer)!.remove();
      said.after(separator);
      const read = adapter.readMessages(document, 50);
      expect(read.length, fixture).toBeGreaterThan(0);
      expect(read.every((m) => m.from === 'buyer'), fixture).toBe(true);
      expect(probePage(adapter, document).find((l) => l.what === 'messages')!.ok, fixture).toBe(true);
    }
  });

  it('the shop side renamed is caught whatever the tail shows: the last message the buyer\'s, or a short read', () => {
    for (const [, adapter, fixture, , , , renamed] of SIDES) {
      loadFixture(fixture, undefined, (h) => h.split(renamed[0]).join(renamed[1]));
      for (const limit of [1, 2, 50]) expect(() => adapter.readMessages(document, limit), `${fixture} ${limit}`).toThrow(SiteElementMissing);
    }
  });

  it('the unchanged pages still read, and a conversation of only system notices is not a failure', () => {
    for (const [adapter, fixture] of [[pddAdapter, 'pdd-chat.html'], [jdAdapter, 'jd-dongdong.html'], [douyinAdapter, 'douyin-chat.html'], [kuaishouAdapter, 'kuaishou-chat.html']] as const) {
      loadFixture(fixture);
      expect(adapter.readMessages(document, 50).some((m) => m.from === 'buyer'), fixture).toBe(true);
    }
    loadFixture('pdd-chat.html');
    for (const row of Array.from(document.querySelectorAll('#msgListContainer li.onemsg'))) if (!row.querySelector('[class*="system-msg"]')) row.remove();
    expect(pddAdapter.readMessages(document, 50)).toEqual([]);
  });
});

/** Each console's page, its message rows emptied as a new conversation shows them (nothing said yet). */
const EMPTY = [
  [pddAdapter, 'pdd-chat.html', PDD.MESSAGE_ROW],
  [jdAdapter, 'jd-dongdong.html', JD.MESSAGE],
  [douyinAdapter, 'douyin-chat.html', DOUYIN.MESSAGE],
  [douyinAdapter, 'douyin-chat-v2.html', DOUYIN.MESSAGE],
  [kuaishouAdapter, 'kuaishou-chat.html', KS.MESSAGE_ROW],
] as const;

describe('a conversation with no message yet', () => {
  it('reads as nothing said, not as a changed layout: the list is empty (a system notice outside the rows stays)', () => {
    for (const [adapter, fixture, rows] of EMPTY) {
      loadFixture(fixture);
      for (const row of Array.from(document.querySelectorAll(rows))) row.remove();
      expect(adapter.readMessages(document, 50), fixture).toEqual([]);
    }
  });

  it('a list showing only a load-more line, a loading line or a time divider is still an empty conversation', () => {
    for (const [adapter, fixture, rows, list, lines] of [
      [pddAdapter, 'pdd-chat.html', PDD.MESSAGE_ROW, PDD.MESSAGE_LIST, ['<li class="load-more">查看更多消息</li>', '<li>今天 20:05</li>', '<li class="load-more">查看更多消息</li><li><span>今天 20:05</span></li>']],
      [jdAdapter, 'jd-dongdong.html', JD.MESSAGE, JD.MESSAGE_LIST, ['<div>加载中…</div>', '<div class="time-line">昨天 09:12</div>']],
    ] as const) {
      for (const line of lines) {
        loadFixture(fixture);
        for (const row of Array.from(document.querySelectorAll(rows))) row.remove();
        document.querySelector(list)!.insertAdjacentHTML('beforeend', line);
        expect(adapter.readMessages(document, 50), `${fixture} ${line}`).toEqual([]);
      }
    }
  });

  it('a text holder elsewhere on the page (a quick-phrase preview, a notice) is not a message row', () => {
    for (const [adapter, fixture, rows, holder] of [
      [douyinAdapter, 'douyin-chat.html', DOUYIN.MESSAGE, '<aside><pre>亲，在的</pre></aside>'],
      [douyinAdapter, 'douyin-chat-v2.html', DOUYIN.MESSAGE, '<aside style="display:flex;flex-direction:row"><pre>亲，在的</pre></aside>'],
      [kuaishouAdapter, 'kuaishou-chat.html', KS.MESSAGE_ROW, '<aside><div class="kwaishop-cs-LayoutDefaultWrapper_msgBody">常用语：亲，在的</div></aside>'],
      [jdAdapter, 'jd-dongdong.html', JD.MESSAGE, '<aside><div class="message__content">常用语：亲，在的</div></aside>'],
      [pddAdapter, 'pdd-chat.html', PDD.MESSAGE_ROW, '<aside><p class="msg-content-box">常用语：亲，在的</p></aside>'],
    ] as const) {
      loadFixture(fixture);
      for (const row of Array.from(document.querySelectorAll(rows))) row.remove();
      document.body.insertAdjacentHTML('beforeend', holder);
      expect(adapter.readMessages(document, 50), fixture).toEqual([]);
    }
  });
});

/**
 * Each console at its chat address with every hook its page kind rests on renamed (a redesign), a
 * path of the same console that is no chat page, and the hooks the rename takes.
 */
const REDESIGNS = [
  [pddAdapter, 'pdd-chat.html', 'https://mms.pinduoduo.com/chat-merchant/index.html#/', 'https://mms.pinduoduo.com/chat-merchant/index.html#/setting', [['chat-item-box', 'chat-item-wrap'], ['class="onemsg"', 'class="one-msg"'], ['id="replyTextarea"', 'id="replyBox"']]],
  [jdAdapter, 'jd-dongdong.html', 'https://dongdong.jd.com/', 'https://dongdong.jd.com/setting.html', [['t-alluser-wrap', 't-users'], ['t-chat-scroll', 't-chat-list'], ['EditorContent', 'Editor']]],
  [douyinAdapter, 'douyin-chat.html', 'https://im.jinritemai.com/pc_seller_v2/main/workspace', 'https://im.jinritemai.com/pc_seller_v2/main/setting', [['data-qa-id', 'data-qa-x']]],
  [kuaishouAdapter, 'kuaishou-chat.html', 'https://im.kwaixiaodian.com/workbench', 'https://im.kwaixiaodian.com/setting', [['SessionBaseCard', 'SessionCard'], ['LayoutDefaultWrapper_msgMain', 'LayoutDefaultWrapper_msgRow'], ['ql-editor', 'ql-edit']]],
] as const;

describe('a console redesigned so that none of its hooks match', () => {
  it('at the console\'s chat address, a page that drew a text box is still its chat page (so its reads fail and the panel says so)', () => {
    for (const [adapter, fixture, chat, , change] of REDESIGNS) {
      loadFixture(fixture, chat);
      expect(adapter.pageKind(document), fixture).toBe('chat');
      loadFixture(fixture, chat, rename(change.map(([a, b]) => [a, b])));
      expect(adapter.pageKind(document), `${fixture} renamed`).toBe('chat');
      expect(() => adapter.findChatInput(document), fixture).toThrow(SiteElementMissing);
    }
  });

  it('elsewhere on the console (settings), or before the page drew a text box (still loading), it is no chat page', () => {
    for (const [adapter, fixture, chat, other, change] of REDESIGNS) {
      loadFixture(fixture, other, rename(change.map(([a, b]) => [a, b])));
      expect(adapter.pageKind(document), `${fixture} at ${other}`).toBe('unknown');
      loadFixture(fixture, chat, rename(change.map(([a, b]) => [a, b])));
      for (const box of Array.from(document.querySelectorAll('textarea, [contenteditable]'))) box.remove();
      expect(adapter.pageKind(document), `${fixture} loading`).toBe('unknown');
    }
  });
});

describe('a console redesigned with every class renamed (ids, data attributes and styles kept)', () => {
  /**
   * What the panel makes of a page (lib/panel/controller.ts, components/Panel.tsx): on a chat page, the
   * chat box not found or the messages not read raise the page-changed notice (检查页面 / 教会这个页面).
   */
  const noticeOf = (adapter: SiteAdapter) => {
    if (adapter.pageKind(document) !== 'chat') return 'no chat page';
    const said: string[] = [];
    try {
      adapter.findChatInput(document);
    } catch (err) {
      if (err instanceof SiteElementMissing) said.push('chat box not found');
    }
    try {
      adapter.readMessages(document, 10);
    } catch (err) {
      if (err instanceof SiteElementMissing) said.push(`messages not read (${err.element})`);
    }
    return said.join('; ') || 'silent';
  };

  it('every chat console says the page changed, none reads it as an empty conversation', () => {
    const said = REDESIGNS.map(([adapter, fixture, chat]) => {
      loadFixture(fixture, chat);
      expect(noticeOf(adapter), `${fixture} as served`).toBe('silent');
      loadFixture(fixture, chat, renameEveryClass);
      return [fixture, noticeOf(adapter)];
    });
    loadFixture('douyin-chat-v2.html', REDESIGNS[2][2], renameEveryClass);
    said.push(['douyin-chat-v2.html', noticeOf(douyinAdapter)]);
    expect(Object.fromEntries(said)).toEqual({
      // Its ids survive: the chat box is still found, and the rows by their own ids (MESSAGE_ROW_MARK).
      'pdd-chat.html': 'messages not read (MESSAGE_ROW)',
      // The side elements keep their ids (MESSAGE_MARK): not an empty conversation beside the lost chat box.
      'jd-dongdong.html': 'chat box not found; messages not read (MESSAGE)',
      // The data-qa-id hooks survive: the rows are found, their sides are not (a pre in a right-to-left row is).
      'douyin-chat.html': 'messages not read (BUYER_BUBBLE)',
      'douyin-chat-v2.html': 'messages not read (BUYER_BUBBLE)',
      'kuaishou-chat.html': 'chat box not found',
    });
  });

  it('Kuaishou, whose live editor is Quill’s own (its classes are Quill’s, not the console’s): a chat box beside no card and no row is a changed page', () => {
    const chat = REDESIGNS[3][2];
    loadFixture('kuaishou-chat.html', chat, (html) => renameEveryClass(html).replace(/class="[^"]*"(\s+contenteditable)/, 'class="ql-editor"$1'));
    expect(kuaishouAdapter.findChatInput(document).className).toBe('ql-editor');
    expect(() => kuaishouAdapter.readMessages(document, 10)).toThrow(expect.objectContaining({ element: 'MESSAGE_ROW' }));
    // A conversation opened with nothing said yet (its card listed) is none.
    loadFixture('kuaishou-chat.html', chat);
    for (const row of Array.from(document.querySelectorAll(KS.MESSAGE_ROW))) row.remove();
    expect(kuaishouAdapter.readMessages(document, 10)).toEqual([]);
  });
});
