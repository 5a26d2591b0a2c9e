import { afterEach, expect, it } from 'vitest';
import { registerMessages, setLocale } from '../i18n';
import { team } from '../i18n/messages/team';
import { teamStatusText } from './status-text';

registerMessages(team);
afterEach(() => setLocale('zh-CN'));

it('says 离线 alone when nothing waits, and how many wait when something does (both languages)', () => {
  expect(teamStatusText({ state: 'offline', pending: 0 })).toBe('离线');
  expect(teamStatusText({ state: 'offline', pending: 3 })).toBe('离线（3 条待同步）');
  setLocale('en');
  expect(teamStatusText({ state: 'offline', pending: 0 })).toBe('Offline');
  expect(teamStatusText({ state: 'offline', pending: 3 })).toBe('Offline (3 waiting to sync)');
});

it('says 正在退出团队模式… while the leave deletes the replicas (both languages)', () => {
  expect(teamStatusText({ state: 'leaving', pending: 0 })).toBe('正在退出团队模式…');
  setLocale('en');
  expect(teamStatusText({ state: 'leaving', pending: 0 })).toBe('Leaving team mode…');
});

it('a member removed from the shop is told who can add them back: whoever set up the server, not the 主管 (both languages)', () => {
  expect(teamStatusText({ state: 'removed', pending: 2, message: 'myshop' })).toBe(
    '你已不是店铺 myshop 的成员（已被移出），重新登录也不会成功。2 条待同步的记录不会再上传，只留在这台电脑上：可以 退出团队模式 后继续在本机使用，或请搭建服务器的人重新把你加入店铺（npm run team -- add-agent）。',
  );
  setLocale('en');
  expect(teamStatusText({ state: 'removed', pending: 1, message: 'myshop' })).toBe(
    'You are no longer a member of shop myshop (you were removed); signing in again will not work. 1 record waiting to sync will not be sent and stays on this machine only: leave team mode to keep working on this machine, or ask whoever set up the server to add you to the shop again (npm run team -- add-agent).',
  );
});
