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
