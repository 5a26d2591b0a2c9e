import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { main } from './team';
import { startTeamServer, type TeamServer } from '../test/team/server';

// Each test makes a dozen requests to a real server: the unit default of 5 s is too short on a
// loaded 2-core machine (a run beside a build timed out once).
vi.setConfig({ testTimeout: 30_000 });

let server: TeamServer;
beforeAll(async () => {
  server = await startTeamServer();
}, 600_000);
afterAll(async () => {
  await server?.stop();
});

async function run(args: string[], env: Record<string, string | undefined> = { KF_TEAM_ADMIN: server.admin.user, KF_TEAM_ADMIN_PASSWORD: server.admin.password }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

it('npm run team: init, add an agent, list members; running it again says nothing to change', async () => {
  const base = ['--server', server.url, '--shop', 'cli-shop'];
  const first = await run(['init', ...base]);
  expect(first.code).toBe(0);
  expect(first.out).toContain('created database kf-cli-shop-buyers');
  expect((await run(['init', ...base])).out).toEqual(['nothing to change 无需更改']);
  expect((await run(['add-agent', ...base, '--user', 'a1', '--password', 'pw1'])).out).toEqual(['created user a1 as agent', 'published the member list of cli-shop (1)']);
  expect((await run(['members', ...base])).out).toEqual(['agent\ta1']);
  expect((await run(['purge', ...base, '--days', '90'])).out).toEqual(['nothing to change 无需更改']);
});

it('explains bad usage and missing admin credentials with exit code 2, a refusal with 1', async () => {
  expect((await run(['add-agent', '--server', server.url, '--shop', 'cli-shop'])).code).toBe(2);
  const days = await run(['purge', '--server', server.url, '--shop', 'cli-shop', '--days', 'soon']);
  expect(days.code).toBe(2);
  expect(days.err.join('\n')).toMatch(/--days/);
  const noAdmin = await run(['init', '--server', server.url, '--shop', 'cli-shop'], {});
  expect(noAdmin.code).toBe(2);
  expect(noAdmin.err.join('\n')).toMatch(/KF_TEAM_ADMIN/);
  const refused = await run(['init', '--server', server.url, '--shop', 'cli-shop'], { KF_TEAM_ADMIN: 'kfadmin', KF_TEAM_ADMIN_PASSWORD: 'nope' });
  expect(refused.code).toBe(1);
});

it('members of a shop that is not set up: says so and exits 1 (not an empty list)', async () => {
  const r = await run(['members', '--server', server.url, '--shop', 'nosuchshop']);
  expect(r.code).toBe(1);
  expect(r.err.join('\n')).toMatch(/shop nosuchshop is not set up.*run init/);
  expect(r.out).toEqual([]);
});

it('add-agent on the only supervisor warns that the shop would have no supervisor and changes nothing without --no-supervisor', async () => {
  const base = ['--server', server.url, '--shop', 'solo-shop'];
  expect((await run(['init', ...base])).code).toBe(0);
  expect((await run(['add-supervisor', ...base, '--user', 'boss', '--password', 'pw'])).code).toBe(0);
  const refused = await run(['add-agent', ...base, '--user', 'boss']);
  expect(refused.code).toBe(2);
  expect(refused.err.join('\n')).toMatch(/only supervisor of solo-shop.*--no-supervisor/s);
  expect((await run(['members', ...base])).out).toEqual(['supervisor\tboss']);
  const forced = await run(['add-agent', ...base, '--user', 'boss', '--no-supervisor']);
  expect(forced.code).toBe(0);
  expect((await run(['members', ...base])).out).toEqual(['agent\tboss']);
});
