import { useState } from 'preact/hooks';
import type { LibraryRecord } from '@/lib/storage/library';
import { registerMessages, t } from '@/lib/i18n';
import { starterOrdersMessages } from '@/lib/i18n/messages/starter-orders';

registerMessages(starterOrdersMessages);

/** The update whose notice the agent closed (its `reworded.at`), in this page's localStorage. */
export const REWORDED_SEEN_KEY = 'kf-starter-reworded-seen';

/**
 * Tells the agent which starter replies an update gave a corrected wording (upgradeStarterLibrary in
 * the worker: only copies the agent never edited), or which a restored backup or an imported library
 * file brought back in the old wording and were given today's (`from`). Shown until closed, or until
 * the library is saved again (a save carries no `reworded`).
 */
export function StarterRewordedNotice(props: { lib: LibraryRecord }) {
  const news = props.lib.reworded;
  const [seen, setSeen] = useState(() => localStorage.getItem(REWORDED_SEEN_KEY));
  if (!news || seen === String(news.at)) return null;
  const titles = news.ids.map((id) => props.lib.templates.find((x) => x.id === id)?.title).filter(Boolean);
  if (!titles.length) return null;
  const close = () => {
    try {
      localStorage.setItem(REWORDED_SEEN_KEY, String(news.at));
    } catch {
      // Storage refused: hidden for this visit only.
    }
    setSeen(String(news.at));
  };
  return (
    <div class="kf-notice" role="status" data-kf="starter-reworded">
      <p class="kf-warn-text">{t(news.from ? `starterReworded.${news.from}` : 'starterReworded.notice', { n: titles.length, titles: titles.join('、') })}</p>
      <div class="kf-actions">
        <button class="kf-link" data-kf="starter-reworded-dismiss" onClick={close}>
          {t('starterReworded.dismiss')}
        </button>
      </div>
    </div>
  );
}
