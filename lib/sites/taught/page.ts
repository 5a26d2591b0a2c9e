/**
 * What a taught site keeps of the page it was taught on (its name in the options page, and where
 * 重新教 opens), without the buyer who was open while teaching: a taught site is exported, backed up
 * and shared with the team, and no buyer's deletion reaches it, so it must name none. The picker
 * (lib/teach/picker.ts `teachPage`) runs it with the open buyer's name; every read of a stored,
 * imported or team site (record.ts `validatePicks`) runs it again without one, so a site an older
 * version saved with `document.title` and `location.href` as they were is read without them.
 */

/** Non-ASCII (a nickname in Chinese) or a run of 5+ digits (an id): a path segment or title part that holds data, not a page. */
const HOLDS_DATA = /[^\x20-\x7e]|\d{5,}/;

/**
 * The title without `buyer` (when given) and any 5+-digit run (an id, an order), else the host; the
 * address without its query and fragment, its path cut at the first segment that names the buyer
 * or holds data (HOLDS_DATA) — the demo's /chat/tb_8834729_88 is kept as /chat. Idempotent: what it
 * returns comes back unchanged. null: `href` is not an address.
 */
export function pageWithoutBuyer(href: string, title: string, buyer = ''): { name: string; url: string } | null {
  let at: URL;
  try {
    at = new URL(href);
  } catch {
    return null;
  }
  const path: string[] = [];
  for (const seg of at.pathname.split('/').slice(1)) {
    let plain = seg;
    try {
      plain = decodeURIComponent(seg);
    } catch {
      // A malformed escape: judged as written.
    }
    if ((buyer && plain.includes(buyer)) || HOLDS_DATA.test(plain)) break;
    path.push(seg);
  }
  const name = (buyer ? title.split(buyer).join(' ') : title).replace(/\d{5,}/g, ' ').replace(/\s+/g, ' ').trim();
  return { name: /[^\s\p{P}]/u.test(name) ? name : at.host, url: `${at.origin}/${path.join('/')}` };
}
