import { fnv1a } from '../hash';

/**
 * Telling apart two buyers behind one masked nickname (`S*******n`) where the agent sees them: the
 * panel's buyer line and 等待中 list, the card, the popup's follow-ups, the options page's 客户档案.
 * The console's id is what keeps them apart (README.md, "Buyer identity"), but the console shows no
 * id, so the tag is four base-36 characters of a hash of it (the reply clock's `fnv1a`, already in
 * the content script): stable for one buyer everywhere, different for two (about 1 in 1.7 million
 * that two share one), and it tells nothing of the id itself. Unmasked names need
 * none (they are the buyer's own), nor buyers without an id (there is nothing to tell them by).
 * Kept apart from identity.ts so the content script takes only this.
 */
export function buyerTag(nickname: string | null | undefined, buyerId: string | null | undefined): string | null {
  if (!buyerId || !nickname || !/[*＊]/.test(nickname)) return null;
  return fnv1a(buyerId).slice(-4).padStart(4, '0');
}

/** The name with its tag where it has one (`S*******n · 3f2a`), for a title, a tooltip or a line of text. */
export function buyerLabel(nickname: string, buyerId: string | null | undefined): string {
  const tag = buyerTag(nickname, buyerId);
  return tag ? `${nickname} · ${tag}` : nickname;
}
