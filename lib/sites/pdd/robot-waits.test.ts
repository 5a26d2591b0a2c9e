// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { beijing, loadFixture } from '../testing';
import { onComputerZone } from '../../domain/testing';
import { readWaiting } from './read';
import { MAX, pddWaiting } from './robot-waits';

const URL_CHAT = 'https://mms.pinduoduo.com/chat-merchant/index.html#/';
const OPEN = '7205118833';
/** The open buyer's last question (能不能今天就发出去), by its row id. */
const ASKED = 1796040605000;
const NOW = beijing(2026, 11, 30, 20, 20);
const ROBOT_TEXT = '您好，小助手在呢，仓库今天会尽快安排';

const list = () => document.querySelector('#msgListContainer > ul.msg-list')!;
const boxes = (uid: string) => [...document.querySelectorAll<HTMLElement>(`.chat-item-box[data-random^="${uid}-"]`)];
const keys = (read: ReturnType<typeof pddWaiting>) => read(document, NOW).map((w) => w.key).sort();

/** A message row cloned from the fixture's own: the robot's (`cs-item callback`) or a person's on the shop side. */
function pushShop(robot: boolean, text: string) {
  const row = [...list().children].find((li) => li.querySelector(robot ? '.cs-item.callback' : '.cs-item:not(.callback)'))!.cloneNode(true) as Element;
  row.id = `middlePanel_list_${ASKED + list().children.length * 1000}`;
  row.querySelector('p.msg-content-box')!.textContent = text;
  list().append(row);
}

/** What the page does after the robot's reply: the buyer's rows unmarked, showing the robot's text. */
function robotAnswers() {
  pushShop(true, ROBOT_TEXT);
  for (const box of boxes(OPEN)) {
    box.querySelectorAll('.chat-unreply-time, .chat-unreply-over-time').forEach((m) => m.remove());
    box.querySelector('.chat-message-content')!.textContent = ROBOT_TEXT;
  }
}

/** The agent opens another conversation: `active` moves, the header and the messages follow. */
function switchTo(uid: string, messages: string) {
  for (const box of document.querySelectorAll('.chat-item-box')) box.classList.toggle('active', box.getAttribute('data-random')!.startsWith(`${uid}-`));
  document.querySelector('.chatWindowHeader .base-info .name')!.textContent = boxes(uid)[0]!.querySelector('.nickname-span')!.textContent;
  list().innerHTML = messages;
}
const template = (uid: string) => document.querySelector<HTMLTemplateElement>(`template[data-conversation="${uid}"]`)!.innerHTML;

describe('Pinduoduo: a buyer only the platform robot answered stays in 等待中 for the page session', () => {
  onComputerZone('America/Los_Angeles');

  it('is listed after the list drops their marker, from their question’s time, also once the agent opened someone else; a person’s reply seen ends it', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    const read = pddWaiting();
    expect(keys(read)).toEqual(['5931407726', '6620034417', OPEN]);
    robotAnswers();
    // The list alone no longer has them (what the clock showed before).
    expect(readWaiting(document, NOW).map((w) => w.key)).not.toContain(OPEN);
    expect(read(document, NOW).find((w) => w.key === OPEN)).toEqual({ key: OPEN, buyer: 'S*******n', since: ASKED });
    const theirs = list().innerHTML;
    switchTo('5931407726', template('5931407726'));
    expect(keys(read)).toEqual(['5931407726', '6620034417', OPEN]);
    // Back to them: the agent answers, and then they are answered, here and after leaving again.
    switchTo(OPEN, theirs);
    pushShop(false, '亲，今天下午就能发出');
    expect(keys(read)).not.toContain(OPEN);
    switchTo('5931407726', template('5931407726'));
    expect(keys(read)).not.toContain(OPEN);
  });

  it('a buyer the robot did not answer, or whom a person answered last, is not added: the list’s own marker decides', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    const read = pddWaiting();
    for (const box of boxes(OPEN)) box.querySelectorAll('.chat-unreply-time').forEach((m) => m.remove());
    expect(keys(read)).not.toContain(OPEN);
    // The robot's reply before a person's answer (the fixture's first question) counts for nothing.
    pushShop(false, '亲，今天能发');
    pushShop(true, ROBOT_TEXT);
    expect(keys(read)).not.toContain(OPEN);
  });

  it('forgets them when their row shows something new we did not see (a reply from another client), when the row leaves the list, or once the list marks them again', () => {
    for (const change of ['answered elsewhere', 'row gone', 'marked again'] as const) {
      loadFixture('pdd-chat.html', URL_CHAT);
      const read = pddWaiting();
      robotAnswers();
      expect(keys(read)).toContain(OPEN);
      switchTo('5931407726', template('5931407726'));
      if (change === 'answered elsewhere') for (const box of boxes(OPEN)) box.querySelector('.chat-message-content')!.textContent = '亲，已经安排今天发了';
      if (change === 'row gone') for (const box of boxes(OPEN)) box.closest('li')!.remove();
      if (change === 'marked again') boxes(OPEN)[0]!.querySelector('.chat-time')!.insertAdjacentHTML('beforeend', '<p class="chat-unreply-time">50秒后超时</p>');
      const listed = read(document, NOW).filter((w) => w.key === OPEN);
      expect(listed.length, change).toBe(change === 'marked again' ? 1 : 0);
      // Not kept either: once the page's marker goes again, nothing of ours brings them back.
      boxes(OPEN)[0]?.querySelector('.chat-unreply-time')?.remove();
      expect(keys(read), change).not.toContain(OPEN);
    }
  });

  it(`keeps at most ${MAX} buyers, the oldest seen go first`, () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    const read = pddWaiting();
    robotAnswers();
    const conversation = list().innerHTML;
    const all = document.querySelector('.all-chat-list .chat-list')!;
    const uids = Array.from({ length: MAX + 5 }, (_, i) => String(8000000000 + i));
    for (const uid of uids) {
      all.insertAdjacentHTML('beforeend', `<li class="chat-item"><div class="chat-item-box" data-random="${uid}-0-all"><div class="chat-info"><span class="nickname-span">买家${uid.slice(-2)}</span><p class="chat-message-content">${ROBOT_TEXT}</p></div></div></li>`);
      switchTo(uid, conversation);
      read(document, NOW);
    }
    const kept = keys(read).filter((k) => k.startsWith('8'));
    expect(kept).toEqual(uids.slice(-MAX).sort());
  });
});
