import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { TemplateEditor } from './TemplateEditor';
import { StarterKindNotice } from './StarterKindNotice';
import { ShopTab } from './ShopTab';
import { ImportExportTab } from './AllData';
import { UsageStats } from './UsageStats';
import { FollowupSettings } from './FollowupSettings';
import { RemarkRules } from './RemarkRules';
import { TaughtSites } from './TaughtSites';
import { Customers } from './Customers';
import { Backups } from './Backups';
import { GuardSettings } from './GuardSettings';
import { LearnedPicks } from './LearnedPicks';
import { TeamSettings } from './TeamSettings';
import { DirtyContext, useDirtyTabs } from './useDraft';
import { useTeamShop } from './useTeamShop';
import { useApi } from './OptionsContext';
import { ImportCutNotice } from './ImportCutNotice';
import { registerMessages, t } from '@/lib/i18n';
import { optionsDrafts } from '@/lib/i18n/messages/options-drafts';

registerMessages(optionsDrafts);

export interface OptionsTab {
  id: string;
  labelKey: string;
  component: ComponentType;
}

/** 话术库: the library editor, under the note on clothing-only starter replies while the library holds any. */
function LibraryTab() {
  return (
    <StarterKindNotice>
      <TemplateEditor />
    </StarterKindNotice>
  );
}

/** Tabs of the options page; features add theirs here. */
export const OPTIONS_TABS: OptionsTab[] = [
  { id: 'templates', labelKey: 'options.templates', component: LibraryTab },
  { id: 'shop', labelKey: 'options.shopSettings', component: ShopTab },
  { id: 'usage', labelKey: 'options.usage', component: UsageStats },
  { id: 'learned', labelKey: 'learned.tab', component: LearnedPicks },
  { id: 'followups', labelKey: 'followups.options.tab', component: FollowupSettings },
  { id: 'remark-rules', labelKey: 'options.remarkRules', component: RemarkRules },
  { id: 'guard', labelKey: 'options.guard', component: GuardSettings },
  { id: 'sites', labelKey: 'sites.tab', component: TaughtSites },
  { id: 'customers', labelKey: 'customers.tab', component: Customers },
  { id: 'import', labelKey: 'options.importExport', component: ImportExportTab },
  { id: 'backups', labelKey: 'backups.tab', component: Backups },
  { id: 'team', labelKey: 'team.tab', component: TeamSettings },
];

/** Addresses that name a tab by another word (options.html#settings is 店铺设置). */
const ALIASES: Readonly<Record<string, string>> = { settings: 'shop' };

/**
 * The options page: a tab list (arrow keys, Home and End move between tabs, as the WAI-ARIA tabs
 * pattern has it) and the tabs' panels. A panel, once shown, stays mounted while hidden, so an
 * unsaved edit survives a visit to another tab; a tab with one is marked, and closing the page
 * asks first.
 */
export function OptionsApp(props: { tabs?: OptionsTab[]; initial?: string }) {
  const tabs = props.tabs ?? OPTIONS_TABS;
  const api = useApi();
  const tabOf = (hash = '') => {
    // `tab:field` leads to a field in the tab (useAnchor).
    const name = hash.split(':')[0]!;
    const id = ALIASES[name] ?? name;
    return tabs.some((x) => x.id === id) ? id : null;
  };
  const [active, setActive] = useState(() => tabOf(props.initial) ?? tabs[0]!.id);
  // Tabs visited so far: mounted (a tab not yet opened loads nothing).
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set([active]));
  const { scope, dirtyTabs, anyDirty } = useDirtyTabs();
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const shop = useTeamShop();

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!anyDirty()) return;
      e.preventDefault();
      // Older Chromium asks only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const show = (id: string, focus = false, keepAddress = false) => {
    setActive(id);
    setVisited((v) => (v.has(id) ? v : new Set([...v, id])));
    // A link's own address stays: its field (tab:field) is focused by the tab once it is drawn.
    if (!keepAddress) history.replaceState(null, '', `#${id}`);
    if (focus) tabRefs.current.get(id)?.focus();
  };

  // The address's hash changed on an open page (a link such as #followups, the panel's 去设置, the
  // agent editing the address): show that tab, keeping the others' unsaved edits.
  useEffect(() => {
    const onHashChange = () => {
      const id = tabOf(location.hash.slice(1));
      if (id) show(id, false, location.hash.includes(':'));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const onTabKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((x) => x.id === active);
    const next =
      e.key === 'ArrowRight' ? (i + 1) % tabs.length
      : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? tabs.length - 1
      : -1;
    if (next < 0) return;
    e.preventDefault();
    show(tabs[next]!.id, true);
  };

  return (
    <div class="kf-options">
      <header>
        <h1>{t('app.name')} · {t('options.heading')}</h1>
        <p class="kf-help" data-kf="privacy-note">{shop ? t('options.privacyNoteTeam', { shop }) : t('options.privacyNote')}</p>
      </header>
      <ImportCutNotice api={api} />
      <nav class="kf-tabs" role="tablist" onKeyDown={onTabKey}>
        {tabs.map((x) => (
          <button
            key={x.id}
            ref={(el) => {
              if (el) tabRefs.current.set(x.id, el);
              else tabRefs.current.delete(x.id);
            }}
            role="tab"
            id={`kf-tab-${x.id}`}
            aria-selected={x.id === active}
            aria-controls={`kf-panel-${x.id}`}
            tabIndex={x.id === active ? 0 : -1}
            data-tab={x.id}
            data-unsaved={dirtyTabs.has(x.id) ? '' : undefined}
            class={x.id === active ? 'kf-on' : ''}
            onClick={() => show(x.id)}
          >
            {t(x.labelKey)}
            {dirtyTabs.has(x.id) && (
              <span class="kf-unsaved-dot">
                <span aria-hidden="true">•</span>
                <span class="kf-sr">{t('drafts.tabUnsaved')}</span>
              </span>
            )}
          </button>
        ))}
      </nav>
      <main>
        {tabs.filter((x) => visited.has(x.id)).map(({ id, component: Panel }) => (
          <div key={id} role="tabpanel" id={`kf-panel-${id}`} aria-labelledby={`kf-tab-${id}`} hidden={id !== active}>
            <DirtyContext.Provider value={scope(id)}>
              <Panel />
            </DirtyContext.Provider>
          </div>
        ))}
      </main>
    </div>
  );
}
