/** The team configuration is read once per worker, except after a failed read. */
import { expect, it, vi } from 'vitest';

const get = vi.fn();
vi.mock('../browser', () => ({
  browser: {
    storage: { local: { get: (k: string) => get(k), set: vi.fn(async () => {}) }, onChanged: { addListener: vi.fn(), removeListener: vi.fn() } },
    runtime: { id: 'ext', getURL: (p = '') => `chrome-extension://ext/${p}` },
  },
}));
const { loadTeamConfig } = await import('./team');
const { TEAM_CONFIG_KEY } = await import('../team/config');

it('reads the configuration again after a failed read, then keeps what it read', async () => {
  const cfg = { server: 'http://127.0.0.1:5984', shop: 'demo', user: 'xiaowang', role: 'agent', shift: 'night' };
  get.mockRejectedValueOnce(new Error('IO error: disk full'));
  get.mockResolvedValue({ [TEAM_CONFIG_KEY]: cfg });
  await expect(loadTeamConfig()).rejects.toThrow('disk full');
  await expect(loadTeamConfig()).resolves.toMatchObject({ shop: 'demo', shift: 'night' });
  await loadTeamConfig();
  expect(get).toHaveBeenCalledTimes(2);
});
