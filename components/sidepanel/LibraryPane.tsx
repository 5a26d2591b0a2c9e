import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { imeKey } from '../ime-key';
import './library-pane.css';
import { useSidePanelApi } from './SidePanelContext';
import type { TargetInfo } from '@/lib/teach/page-api';
import type { LibraryRecord } from '@/lib/storage/library';
import { DEFAULT_APP_SETTINGS, shopZone, type AppSettings } from '@/lib/storage/settings';
import type { UsageRecord } from '@/lib/storage/usage';
import type { Template } from '@/lib/domain/templates/types';
import { renderTemplate } from '@/lib/domain/templates/variables';
import { attachInitials, buildTemplateIndex, classify, rankTemplates, searchTemplates } from '@/lib/domain/suggest';
import { registerMessages, setLocale, t, type Locale } from '@/lib/i18n';
import { nameThePage } from '@/lib/i18n/page';
import { sites } from '@/lib/i18n/messages/sites';
import { outdated } from '@/lib/i18n/messages/outdated';
import { reasonText } from '@/lib/messaging/reason';
import { isPaymentReminder } from '@/lib/domain/followups/payment-reply';
import { guardPromptMessages } from '@/lib/i18n/messages/guard-prompt';
import { platformOfUrl } from '@/lib/sites/urls';
import { EMPTY_GUARD_CONFIG, guardPlatformOf, type GuardFinding } from '@/lib/domain/guard/types';
import { loadGuardEngine } from '@/lib/domain/guard/engine';
import { GuardFindings } from '../GuardFindings';

registerMessages(sites);
// The chat panel's words for a held copy, its categories and severities: one wording for both.
registerMessages(guardPromptMessages);

/** The fill-ins the agent gave (an empty one is not given). */
const given = (fills: Record<string, string>) => Object.fromEntries(Object.entries(fills).filter(([, v]) => v.trim() !== ''));
/** Stands for the buyer while an insertion's fill-ins are asked here: the page fills {买家} with whom it shows. */
const IN_PAGE = '{买家}';
// A background older than this page (an update not reloaded) is named, with what to do.
registerMessages(outdated);

/** A copy the compliance guard holds until the agent decides (仍然复制 / 取消). */
interface HeldCopy {
  template: Template;
  text: string;
  findings: GuardFinding[];
}

interface Pending {
  template: Template;
  mode: 'insert' | 'copy';
  missing: string[];
  fills: Record<string, string>;
  warned: boolean;
}

/**
 * The template library next to any tab: paste the buyer's message for suggestions, search, browse
 * by group; a click inserts into the tab when its content script can take it, else copies to the
 * clipboard with the variables filled. Reusable: the side panel and the popup both embed it.
 * Everything shown from the buyer or the library is rendered as text.
 */
/** `onLocale`: the interface language as the load set it, for the side panel's header around the pane. */
export function LibraryPane(props: { target: TargetInfo | null; onLocale?: (locale: Locale) => void }) {
  const api = useSidePanelApi();
  const [library, setLibrary] = useState<LibraryRecord | null>(null);
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [usage, setUsage] = useState<UsageRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [held, setHeld] = useState<HeldCopy | null>(null);
  /** Warnings on the reply just copied (never held, as in the chat panel). */
  const [warned, setWarned] = useState<GuardFinding[]>([]);
  // A copy held for one tab and buyer is not copied for another (its {买家} was rendered for the first;
  // the chat panel drops a held reply at a buyer switch too): the agent uses the reply again if she wants it.
  const heldFor = `${props.target?.tabId ?? ''}\u0000${props.target?.status?.buyer ?? ''}`;
  const heldForFirst = useRef(heldFor);
  useEffect(() => {
    if (heldForFirst.current === heldFor) return;
    heldForFirst.current = heldFor;
    // `held` as of the render that saw the switch.
    if (!held) return;
    setHeld(null);
    setStatus(t('side.guard.droppedSwitch'));
  }, [heldFor]);

  useEffect(() => {
    const load = () =>
      Promise.all([api.call('getLibrary'), api.call('getSettings'), api.call('getUsage')]).then(
        ([lib, set, use]) => {
          setLocale(set.shop.locale);
          props.onLocale?.(set.shop.locale);
          nameThePage('app.name');
          setLibrary(lib);
          setSettings(set);
          setUsage(use);
          setError(null);
        },
        (e: Error) => setError(t('side.loadFailed', { reason: reasonText(e) })),
      );
    void load();
    return api.onChanged(['library', 'settings', 'usage'], () => void load());
  }, [api]);

  const index = useMemo(() => {
    if (!library) return null;
    const idx = buildTemplateIndex(library.templates);
    // Pinyin initials (cf → 催付) come precomputed with the library, as in the in-page panel.
    if (library.initials) attachInitials(idx, library.initials);
    return idx;
  }, [library]);

  const suggestions = useMemo(() => {
    if (!index || !pasted.trim()) return [];
    const lines = pasted.split(/\n+/).map((l) => l.trim()).filter(Boolean).slice(-4);
    const classification = classify(lines, { shopCues: settings?.shopCues });
    if (!classification.top.length) return [];
    return rankTemplates(index, { classification, text: lines.at(-1) ?? '', usage: usage?.templates }, 5).map((r) => r.template);
  }, [index, pasted, settings, usage]);

  const results = useMemo(() => (index && query.trim() ? searchTemplates(index, query, 30).map((h) => h.template) : []), [index, query]);

  const canInsert = !!props.target?.status?.canInsert && props.target.tabId !== null;
  const groups = library?.groups ?? [];
  const shownGroup = group ?? groups[0];

  /**
   * A reply rendered here: for a copy, with the buyer the served tab shows at that moment (`buyer`, asked
   * again at the copy: the last look's nickname is stale after a switch inside the chat). For an
   * insertion only to ask its fill-ins: the page renders it ({买家} from what it shows then).
   */
  const render = (template: Template, fills: Record<string, string>, buyer: string | null) =>
    renderTemplate(
      template.body,
      {
        buyer: buyer ?? undefined,
        agentName: settings?.shop.agentName ?? '',
        shopName: settings?.shop.shopName ?? '',
        now: new Date(),
        cutoff: settings?.shop.cutoff ?? '16:00',
        zone: shopZone(settings ?? DEFAULT_APP_SETTINGS),
        // As in the chat panel: until the owner confirmed the cut-off, it is asked, never promised.
        cutoffUnconfirmed: !settings?.setup?.cutoff,
      },
      given(fills),
    );

  /** The buyer the served tab's chat shows now (asked of the tab again); null: none, or no tab of ours. */
  const buyerNow = async (): Promise<string | null> => {
    const tabId = props.target?.tabId ?? null;
    if (tabId === null) return null;
    const now = await api.target().catch(() => null);
    return now?.tabId === tabId ? (now.status?.buyer ?? null) : null;
  };

  /**
   * Inserted, the reply goes the chat page's own way: the tab renders it for the buyer it shows, asks
   * what is still missing in its panel, runs its checks (the compliance guard holds it there with its
   * words and why), counts and learns it and marks a 催付 as its own click does. Copied (or not taken
   * there), it is rendered here for the buyer the tab shows now and passes the compliance guard as the
   * chat panel's 复制 does: a 'block' finding holds it here with the words and why until 仍然复制 or 取消
   * (nothing on the clipboard before); warnings are shown under the copy, never hold it.
   */
  const deliver = async (template: Template, fills: Record<string, string>, mode: 'insert' | 'copy') => {
    // Another reply used: a copy held before is dropped (never copied behind the agent's back).
    setHeld(null);
    setWarned([]);
    if (mode === 'insert' && canInsert) {
      const r = await api.insert(props.target!.tabId!, { templateId: template.id, fills: given(fills) }).catch(() => null);
      if (r?.ok) {
        if (r.held) setStatus(t('side.held'));
        else if (r.asked) setStatus(t('side.asked'));
        else setStatus(t(isPaymentReminder(template) ? 'side.insertedRemind' : 'side.inserted'));
        return;
      }
    }
    const text = render(template, fills, await buyerNow()).text;
    const findings = await guardCheck(text);
    if (findings.some((f) => f.severity === 'block')) {
      setStatus(null);
      setWarned([]);
      setHeld({ template, text, findings });
      return;
    }
    await copyOut(template, text, findings);
  };

  /**
   * The chat panel's compliance check of a copy, here: the shop's guard settings and money limits asked
   * of the worker by the guard feature script's own loader (unreadable limits: the default ones;
   * unreadable settings: every built-in rule, where the page's guard gives up), the platform of the
   * served tab's address, else the generic rules.
   * (The popup's library tab, which embeds this pane, is loaded lazily: the matcher comes with it.)
   */
  const guardCheck = async (text: string): Promise<GuardFinding[]> => {
    let platform: string | null = null;
    try {
      platform = props.target?.url ? platformOfUrl(new URL(props.target.url)) : null;
    } catch {
      platform = null;
    }
    return (await loadGuardEngine(api.call, guardPlatformOf(platform), () => EMPTY_GUARD_CONFIG)).check(text);
  };

  /** Onto the clipboard; counted, and a 催付 reply reminds the served chat's buyer. */
  const copyOut = async (template: Template, text: string, findings: GuardFinding[]) => {
    setWarned(findings);
    try {
      await api.copy(text);
      setStatus(t('side.copied', { preview: text.length > 40 ? `${text.slice(0, 40)}…` : text }));
    } catch {
      setStatus(t('side.copyFailed'));
      return;
    }
    const scenario = template.scenarios[0] ?? null;
    void api.call('recordUsage', { templateId: template.id, scenario }).catch(() => {});
    if (isPaymentReminder(template)) void reminded(template);
  };

  const copyAnyway = () => {
    const h = held;
    setHeld(null);
    if (h) void copyOut(h.template, h.text, []);
  };

  const dropHeld = () => {
    setHeld(null);
    setStatus(t('side.guard.dropped'));
  };

  /**
   * A 催付 reply copied here reminds the buyer of the served tab's chat, as the chat panel's own copy
   * does: the tab marks them (never this pane: it knows the tab only by the nickname of its last look,
   * stale after a switch inside the chat and shared by namesakes), and this line says whom, or that
   * nobody was marked — no tab, no panel of ours there, no buyer open in its chat. (Inserted, the page's
   * panel marks it itself.)
   */
  const reminded = async (template: Template) => {
    const done = t('side.done.copied');
    const tabId = props.target?.tabId ?? null;
    const r = tabId === null ? null : await api.remindedHere(tabId, { templateId: template.id, copied: true }).catch(() => null);
    if (!r?.buyer) setStatus(t('side.remindNone', { done }));
    else if (r.marked) setStatus(t('side.remindFor', { done, buyer: r.buyer }));
    else setStatus(t('side.remindFailed', { done, buyer: r.buyer, reason: r.error ?? t('side.remindStale') }));
  };

  /** What the fill-ins ask of this pane: an insertion leaves {买家} to the page (a stand-in name here). */
  const ask = async (template: Template, fills: Record<string, string>, mode: 'insert' | 'copy') =>
    render(template, fills, mode === 'insert' && canInsert ? IN_PAGE : await buyerNow()).missing;

  const use = async (template: Template, mode: 'insert' | 'copy') => {
    const missing = await ask(template, {}, mode);
    if (missing.length) {
      setPending({ template, mode, missing, fills: {}, warned: false });
      return;
    }
    void deliver(template, {}, mode);
  };

  const confirmFill = async () => {
    if (!pending) return;
    const missing = await ask(pending.template, pending.fills, pending.mode);
    if (missing.length && !pending.warned) {
      setPending({ ...pending, warned: true });
      return;
    }
    setPending(null);
    void deliver(pending.template, pending.fills, pending.mode);
  };

  const row = (tpl: Template) => (
    <li class="kf-tpl" data-kf="side-tpl" data-id={tpl.id}>
      <button class="kf-tpl-main" data-kf="side-use" title={canInsert ? t('side.insert') : t('side.copy')} onClick={() => void use(tpl, canInsert ? 'insert' : 'copy')}>
        <strong>{tpl.title}</strong>
        <span class="kf-tpl-body">{tpl.body}</span>
      </button>
      <button class="kf-small" data-kf="side-copy" onClick={() => void use(tpl, 'copy')}>
        {t('side.copy')}
      </button>
    </li>
  );

  if (error) return <p class="kf-bad" role="alert">{error}</p>;
  if (!library) return <p class="kf-muted">…</p>;

  return (
    <div class="kf-pane" data-kf="library-pane">
      {status && (
        <p class="kf-status" role="status" data-kf="side-status">
          {status}
        </p>
      )}
      {held && (
        <section class="kf-guard-hold" data-kf="side-guard" role="alertdialog" aria-label={t('guard.heldCopy')}>
          <h3>{t('guard.heldCopy')}</h3>
          <GuardFindings findings={held.findings} kf="side-guard" />
          <div class="kf-actions">
            <button data-kf="side-guard-confirm" onClick={copyAnyway}>
              {t('side.guard.copyAnyway')}
            </button>
            <button class="kf-primary" data-kf="side-guard-cancel" onClick={dropHeld}>
              {t('side.cancel')}
            </button>
          </div>
        </section>
      )}
      {!held && warned.length > 0 && (
        <section class="kf-guard-note" data-kf="side-guard-warned">
          <h3>{t('side.guard.warned')}</h3>
          <GuardFindings findings={warned} kf="side-guard" />
        </section>
      )}
      {pending && (
        <form
          class="kf-fill"
          data-kf="side-fill"
          onSubmit={(e) => {
            e.preventDefault();
            void confirmFill();
          }}
        >
          <p>{t('side.fillTitle', { title: pending.template.title })}</p>
          {pending.missing.map((name, i) => (
            <label class="kf-field">
              <span>{name}</span>
              <input
                data-kf="side-fill-input"
                data-name={name}
                value={pending.fills[name] ?? ''}
                autoFocus={i === 0}
                onInput={(e) => setPending({ ...pending, fills: { ...pending.fills, [name]: (e.currentTarget as HTMLInputElement).value } })}
              />
            </label>
          ))}
          {pending.warned && (
            <p class="kf-warn" data-kf="side-fill-warning">
              {t('side.fillWarning', { names: pending.missing.filter((n) => !(pending.fills[n] ?? '').trim()).map((n) => `{${n}}`).join(' ') })}
            </p>
          )}
          <div class="kf-actions">
            <button type="submit" class="kf-primary" data-kf="side-fill-ok">
              {t('side.fillOk')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('side.cancel')}
            </button>
          </div>
        </form>
      )}
      <label class="kf-paste">
        <span>{t('side.pasteLabel')}</span>
        <textarea
          data-kf="side-paste"
          rows={3}
          placeholder={t('side.pastePlaceholder')}
          value={pasted}
          onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      {pasted.trim() !== '' && (
        <section data-kf="side-suggestions">
          <h3>{t('side.suggested')}</h3>
          {suggestions.length ? <ul class="kf-list">{suggestions.map(row)}</ul> : <p class="kf-muted">{t('side.noSuggestion')}</p>}
        </section>
      )}
      <input
        class="kf-search"
        type="search"
        data-kf="side-search"
        placeholder={t('side.search')}
        onKeyDown={imeKey}
        value={query}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
      />
      {query.trim() ? (
        results.length ? (
          <ul class="kf-list" data-kf="side-results">
            {results.map(row)}
          </ul>
        ) : (
          <p class="kf-muted">{t('side.noResults')}</p>
        )
      ) : (
        <>
          <nav class="kf-groups" data-kf="side-groups">
            {groups.map((g) => (
              <button class={g === shownGroup ? 'kf-on' : ''} onClick={() => setGroup(g)}>
                {g}
              </button>
            ))}
          </nav>
          <ul class="kf-list" data-kf="side-group-list">
            {library.templates.filter((x) => x.group === shownGroup).map(row)}
          </ul>
        </>
      )}
    </div>
  );
}
