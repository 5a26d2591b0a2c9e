/**
 * The manifest version of a build (wxt.config.ts). Chrome keeps an extension's registered service
 * worker, its cached script and all, across a browser restart unless the manifest's version
 * changed, and runs `runtime.onInstalled` (reason `update`, where the upgrade steps run:
 * lib/background/welcome.ts) only then; a store or CRX update needs a higher version too. Every
 * build was "0.1.0" until 2026-12-05 (QA pass P, defect 1), so an agent who replaced the files and
 * restarted kept the old worker: the new pages' verbs answered "unknown message" and no upgrade ran.
 *
 * So the version grows with the code and is the same for every build of one commit:
 * major.minor from package.json, the patch the number of commits behind HEAD
 * (`git rev-list --count HEAD`) — package.json's own patch is not used. `version_name` adds the
 * short commit id for people (Chrome shows it in chrome://extensions; WXT leaves it out for Firefox).
 * A checkout without its history (a source archive, a shallow clone, whose count would be wrong)
 * builds package.json's version and says so at build time: such a build is not seen as an update.
 */
import { execFileSync } from 'node:child_process';

/** Chrome: one to four dot-separated integers, each 0–65535, no leading zeros. */
const PART_MAX = 65535;

export interface GitState {
  /** Commits reachable from HEAD. */
  count: number;
  /** HEAD's short commit id. */
  sha: string;
}

export interface BuildVersion {
  version: string;
  versionName: string;
  /** Why the version does not follow the commits, for the build's output; absent when it does. */
  warning?: string;
}

const isPart = (s: string | undefined) => s !== undefined && /^(0|[1-9]\d{0,4})$/.test(s) && Number(s) <= PART_MAX;

/** The version of a build from package.json's `version` and the checkout's git state (null: no history). */
export function buildVersion(packageVersion: string, git: GitState | null): BuildVersion {
  const [major, minor] = packageVersion.split(/[.+-]/);
  if (!isPart(major) || !isPart(minor)) throw new Error(`package.json version "${packageVersion}" does not start with major.minor (integers up to ${PART_MAX})`);
  const fallback = `${major}.${minor}.0`;
  if (!git) {
    return {
      version: fallback,
      versionName: fallback,
      warning: `no git history here: the manifest version is ${fallback}, the same as every other build without it — Chrome will not see this build as an update of one with the same version (reload the extension in chrome://extensions after replacing its files)`,
    };
  }
  if (!Number.isInteger(git.count) || git.count < 1 || git.count > PART_MAX) {
    return { version: fallback, versionName: fallback, warning: `the commit count ${git.count} does not fit a manifest version part (1–${PART_MAX}): the manifest version is ${fallback}` };
  }
  const version = `${major}.${minor}.${git.count}`;
  return { version, versionName: `${version}-${git.sha}` };
}

/** The git state of the checkout at `cwd`; null when there is no history to count (no git, not a repository, shallow). */
export function readGit(cwd: string): GitState | null {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    if (git('rev-parse', '--is-shallow-repository') === 'true') return null;
    return { count: Number(git('rev-list', '--count', 'HEAD')), sha: git('rev-parse', '--short=7', 'HEAD') };
  } catch {
    return null;
  }
}
