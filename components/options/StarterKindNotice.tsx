import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { TemplateLibrary } from '@/lib/domain/templates/types';
import { loadBundled } from '@/lib/storage/bundled';
import { useApi, useLoaded, useTeamAgent } from './OptionsContext';
import { rememberIds } from './starter-notices';
import { SEEN_KEY } from './StarterAddedNotice';
import { Said } from './Said';
import { NoticeButtons } from './NoticeButtons';
import { kindCopies, STARTER_KINDS } from '@/lib/domain/templates/starter-kinds';
import { registerMessages, t } from '@/lib/i18n';
import { starterKindMessages } from '@/lib/i18n/messages/starter-kinds';
import { reasonText } from '@/lib/messaging/reason';

registerMessages(starterKindMessages);

/** 我的店卖服装，保留: kept in this page's localStorage, as the other starter notices' dismissals. */
export const KIND_KEPT_KEY = 'kf-starter-clothing-kept';

/**
 * Tells the owner of a library still holding the clothing-only starter replies (starter-kinds.ts) that
 * they were written for a clothing shop, and removes the unedited ones in one action: the worker
 * takes a backup first and marks the kind removed, so no update adds them back. Edited copies are
 * the shop's own and stay. Not for an agent in team mode (the library is the shop's).
 * `children` (the editor) are drawn once it is known whether the note shows, so it never appears
 * above them later and pushes down a row or form the agent just opened.
 */
export function StarterKindNotice(props: { children?: ComponentChildren }) {
  const api = useApi();
  const { value: lib, error } = useLoaded('getLibrary', ['library']);
  // The starter as shipped; undefined while it is fetched, null if it cannot be (then no note).
  const [starter, setStarter] = useState<TemplateLibrary | null | undefined>(undefined);
  useEffect(() => {
    Promise.resolve()
      .then(() => loadBundled('starter-library'))
      .then(setStarter, () => setStarter(null));
  }, []);
  const agent = useTeamAgent();
  const [kept, setKept] = useState(() => localStorage.getItem(KIND_KEPT_KEY) === '1');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const status = said && (
    <Said of={said} class={said.ok ? 'kf-ok' : 'kf-bad'} kf="starter-kind-status">
      {said.text}
    </Said>
  );
  if ((!lib && !error) || starter === undefined || agent === null) return <p>{t('options.loading')}</p>;
  const { untouched, edited } = lib && starter && !agent ? kindCopies(lib, starter, 'clothing') : { untouched: [], edited: [] };
  // The editor stays the fragment's second child whether the note shows or not: its state survives.
  const under = (top: ComponentChildren) => (
    <>
      {top}
      {props.children}
    </>
  );
  if (!untouched.length || kept) return under(status);

  const remove = async () => {
    if (!confirm(t('starterKind.confirm', { n: untouched.length }))) return;
    setBusy(true);
    try {
      const r = await api.call('removeStarterKind', { kind: 'clothing' });
      // The 话术库 tab's offer of later starter replies never offers one of them either.
      rememberIds(SEEN_KEY, STARTER_KINDS.clothing);
      setSaid({ ok: true, text: t('starterKind.removed', { n: r.removed.length }) });
    } catch (err) {
      setSaid({ ok: false, text: t('starterKind.failed', { reason: reasonText(err) }) });
    }
    setBusy(false);
  };
  const keep = () => {
    try {
      localStorage.setItem(KIND_KEPT_KEY, '1');
    } catch {
      // Storage refused: hidden for this visit only.
    }
    setKept(true);
  };

  return under(
    <section class="kf-card kf-notice" data-kf="starter-kind">
      <p class="kf-warn-text">{t('starterKind.notice', { n: untouched.length, titles: untouched.map((x) => x.title).join('、') })}</p>
      <p>
        {t('starterKind.how', { n: untouched.length })}
        {edited.length > 0 && ` ${t('starterKind.keptToo', { m: edited.length, titles: edited.map((x) => x.title).join('、') })}`}
      </p>
      <NoticeButtons
        busy={busy}
        act={{ kf: 'starter-kind-remove', label: t('starterKind.remove'), onClick: () => void remove() }}
        dismiss={{ kf: 'starter-kind-keep', label: t('starterKind.dismiss'), onClick: keep }}
      />
      {status}
    </section>,
  );
}
