import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../e2e/harness';

/** Size of the content script as shipped (dependencies included), plain and gzipped. */
export async function benchContentSize(): Promise<Record<string, number>> {
  const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const files: string[] = (manifest.content_scripts ?? []).flatMap((c: { js?: string[] }) => c.js ?? []);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = await readFile(join(EXTENSION_DIR, f));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  // Chunks a content script imports at run time (lazy pinyin data) are listed separately.
  const chunks = await readdir(join(EXTENSION_DIR, 'chunks')).catch(() => [] as string[]);
  // What a chat page loads after the panel is up (lib/panel/features.ts): the suggestion engine, the
  // guard's rules, the page fit with the reply clock and 等待中 list (every panel requests it as it
  // starts) and (once a buyer is open) the follow-up actions. Order pages load the fit script only.
  let chatFeaturesGz = 0;
  for (const f of ['suggest-feature.js', 'guard-feature.js', 'fit-feature.js', 'followups-feature.js']) chatFeaturesGz += gzipSync(await readFile(join(EXTENSION_DIR, f)), { level: 9 }).length;
  return { content_js_bytes: raw, content_js_gzip_bytes: gz, chat_page_features_gzip_bytes: chatFeaturesGz, extension_chunk_files: chunks.length };
}
