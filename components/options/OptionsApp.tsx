import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { TemplateEditor } from './TemplateEditor';
import { ShopSettingsForm } from './ShopSettingsForm';
import { ImportExport } from './ImportExport';
import { UsageStats } from './UsageStats';
import { FollowupSettings } from './FollowupSettings';
import { RemarkRules } from './RemarkRules';
import { TaughtSites } from './TaughtSites';
import { Customers } from './Customers';
import { Backups } from './Backups';
import { GuardSettings } from './GuardSettings';
import { LearnedPicks } from './LearnedPicks';
import { TeamSettings } from './TeamSettings';
import { t } from '@/lib/i18n';

export interface OptionsTab {
  id: string;
  labelKey: string;
  component: ComponentType;
}

/** Tabs of the options page; features add theirs here. */
export const OPTIONS_TABS: OptionsTab[] = [
  { id: 'templates', labelKey: 'options.templates', component: TemplateEditor },
  { id: 'shop', labelKey: 'options.shopSettings', component: ShopSettingsForm },
  { id: 'usage', labelKey: 'options.usage', component: UsageStats },
  { id: 'learned', labelKey: 'learned.tab', component: LearnedPicks },
  { id: 'followups', labelKey: 'followups.options.tab', component: FollowupSettings },
  { id: 'remark-rules', labelKey: 'options.remarkRules', component: RemarkRules },
  { id: 'guard', labelKey: 'options.guard', component: GuardSettings },
  { id: 'sites', labelKey: 'sites.tab', component: TaughtSites },
  { id: 'customers', labelKey: 'customers.tab', component: Customers },
  { id: 'import', labelKey: 'options.importExport', component: ImportExport },
  { id: 'backups', labelKey: 'backups.tab', component: Backups },
  { id: 'team', labelKey: 'team.tab', component: TeamSettings },
];

export function OptionsApp(props: { tabs?: OptionsTab[]; initial?: string }) {
  const tabs = props.tabs ?? OPTIONS_TABS;
  const [active, setActive] = useState(props.initial && tabs.some((x) => x.id === props.initial) ? props.initial : tabs[0]!.id);
  const Current = tabs.find((x) => x.id === active)!.component;
  return (
    <div class="kf-options">
      <header>
        <h1>{t('app.name')} · {t('options.heading')}</h1>
        <p class="kf-help">{t('options.privacyNote')}</p>
      </header>
      <nav class="kf-tabs" role="tablist">
        {tabs.map((x) => (
          <button
            role="tab"
            aria-selected={x.id === active}
            data-tab={x.id}
            class={x.id === active ? 'kf-on' : ''}
            onClick={() => {
              setActive(x.id);
              history.replaceState(null, '', `#${x.id}`);
            }}
          >
            {t(x.labelKey)}
          </button>
        ))}
      </nav>
      <main>
        <Current />
      </main>
    </div>
  );
}
