/**
 * Provisions a shop on its CouchDB for team mode (idempotent; server-admin credentials).
 *
 *   npm run team -- init           --server https://db.example.com --shop myshop
 *   npm run team -- add-supervisor --server … --shop myshop --user 店长 --password …
 *   npm run team -- add-agent      --server … --shop myshop --user 小王 --password …
 *     (on the shop's only supervisor: refused unless --no-supervisor, the shop would have none)
 *   npm run team -- remove         --server … --shop myshop --user 小王
 *   npm run team -- members        --server … --shop myshop
 *   npm run team -- purge          --server … --shop myshop [--days 90]   (picks, and deleted buyers' tombstones)
 *     (deletes learned picks their authors forgot, and with --days those older than that; compacts)
 *
 * The admin comes from $KF_TEAM_ADMIN and $KF_TEAM_ADMIN_PASSWORD (never from the command line, where
 * it would land in the shell history). Exit codes: 0 done; 1 the server refused; 2 bad usage.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { addMember, initShop, listMembers, purgeDeletedBuyers, purgePicks, removeMember, ProvisionError, type AdminServer } from '../lib/team/provision';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `用法 usage: team init|add-agent|add-supervisor|remove|members|purge --server URL --shop ID [--user NAME] [--password PW] [--days N]
admin credentials: environment variables KF_TEAM_ADMIN and KF_TEAM_ADMIN_PASSWORD`;

export async function main(argv: string[], env: Record<string, string | undefined>, io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { server: { type: 'string' }, shop: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' }, days: { type: 'string' }, 'no-supervisor': { type: 'boolean' } },
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [cmd] = parsed.positionals;
  const { server, shop, user, password, days } = parsed.values;
  if (!cmd || !server || !shop) {
    io.err(USAGE);
    return 2;
  }
  if (!env.KF_TEAM_ADMIN || !env.KF_TEAM_ADMIN_PASSWORD) {
    io.err(`set KF_TEAM_ADMIN and KF_TEAM_ADMIN_PASSWORD to a server admin\n${USAGE}`);
    return 2;
  }
  const admin: AdminServer = { url: server, user: env.KF_TEAM_ADMIN, password: env.KF_TEAM_ADMIN_PASSWORD };
  try {
    let changes: string[];
    switch (cmd) {
      case 'init':
        changes = await initShop(admin, shop);
        break;
      case 'add-agent':
      case 'add-supervisor':
        if (!user) {
          io.err(`${cmd} needs --user\n${USAGE}`);
          return 2;
        }
        if (cmd === 'add-agent' && !parsed.values['no-supervisor']) {
          // Making the only supervisor an agent leaves nobody who may edit the library, decide
          // proposals or settle conflicts; only the admin could undo it. Asked for explicitly.
          const sups = (await listMembers(admin, shop)).filter((m) => m.role === 'supervisor');
          if (sups.length === 1 && sups[0]!.name === user) {
            io.err(`${user} is the only supervisor of ${shop}: as an agent the shop would have no supervisor (nobody edits the library or decides proposals). Add another supervisor first, or repeat with --no-supervisor to go ahead.\n${user} 是店铺 ${shop} 唯一的主管，改成客服后店铺就没有主管了。请先添加另一位主管，或加上 --no-supervisor 确认。`);
            return 2;
          }
        }
        changes = await addMember(admin, shop, user, cmd === 'add-agent' ? 'agent' : 'supervisor', password);
        break;
      case 'remove':
        if (!user) {
          io.err(`remove needs --user\n${USAGE}`);
          return 2;
        }
        changes = await removeMember(admin, shop, user);
        break;
      case 'purge': {
        const n = days === undefined ? undefined : Number(days);
        if (n !== undefined && !(Number.isInteger(n) && n > 0)) {
          io.err(`--days must be a whole number of days above 0\n${USAGE}`);
          return 2;
        }
        changes = await purgePicks(admin, shop, n === undefined ? {} : { days: n });
        // The picks' clean-up is done whatever the buyers' gives: say so before a failure of the second.
        const picks = changes;
        changes = [...picks, ...(await purgeDeletedBuyers(admin, shop).catch((err: unknown) => {
          for (const c of picks) io.out(c);
          throw err;
        }))];
        break;
      }
      case 'members':
        for (const m of await listMembers(admin, shop)) io.out(`${m.role}\t${m.name}`);
        return 0;
      default:
        io.err(`unknown command ${cmd}\n${USAGE}`);
        return 2;
    }
    for (const c of changes) io.out(c);
    if (!changes.length) io.out('nothing to change 无需更改');
    return 0;
  } catch (err) {
    if (err instanceof ProvisionError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2), process.env, { out: (l) => console.log(l), err: (l) => console.error(l) }).then((code) => process.exit(code));
}
