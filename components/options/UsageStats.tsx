import { useMemo } from 'preact/hooks';
import { useLoaded } from './OptionsContext';
import { own } from '@/lib/domain/own';
import { isScenarioId } from '@/lib/domain/scenarios';
import { scenarioLabel } from '../ScenarioChips';
import type { Template } from '@/lib/domain/templates/types';
import type { TemplateUsage } from '@/lib/storage/usage';
import { t } from '@/lib/i18n';
import { formatWall } from '@/lib/domain/time';
import { useShopZone } from './useShopZone';

export interface UsageRow {
  template: Template;
  usage: TemplateUsage;
}

/** Templates by use, most used first; never-used ones count as 0 and come last. */
export function usageRows(templates: Template[], usage: Record<string, TemplateUsage>): UsageRow[] {
  return templates
    .map((template) => ({ template, usage: own(usage, template.id) ?? { count: 0, lastUsed: 0, byScenario: {} } }))
    .sort((a, b) => b.usage.count - a.usage.count || b.usage.lastUsed - a.usage.lastUsed || a.template.title.localeCompare(b.template.title, 'zh'));
}

/** The situation a reply was used for most, in the interface's language. */
export function topScenario(u: TemplateUsage): string {
  const best = Object.entries(u.byScenario).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0];
  if (!best) return '';
  // In the interface's language; an id this version does not know (a newer export) shows as written.
  return isScenarioId(best[0]) ? scenarioLabel(best[0]) : best[0];
}

/** Which replies the agents use most and least (from the insertions recorded on this machine). */
export function UsageStats() {
  const { value: lib } = useLoaded('getLibrary', ['library']);
  const { value: usage } = useLoaded('getUsage', ['usage']);
  // Last use in shop time, as the popup and the remarks show times.
  const zone = useShopZone();
  const rows = useMemo(() => (lib && usage ? usageRows(lib.templates, usage.templates) : []), [lib, usage]);
  if (!lib || !usage) return <p>{t('options.loading')}</p>;
  const total = rows.reduce((n, r) => n + r.usage.count, 0);
  const most = rows.filter((r) => r.usage.count > 0).slice(0, 10);
  const least = [...rows].reverse().slice(0, 10);
  const table = (list: UsageRow[], kf: string) => (
    <table class="kf-table" data-kf={kf}>
      <thead>
        <tr>
          <th>{t('options.title')}</th>
          <th>{t('options.group')}</th>
          <th>{t('options.usageCount')}</th>
          <th>{t('options.usageScenario')}</th>
          <th>{t('options.usageLast')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((r) => (
          <tr data-template-id={r.template.id}>
            <td>{r.template.title}</td>
            <td>{r.template.group}</td>
            <td>{r.usage.count}</td>
            <td>{topScenario(r.usage)}</td>
            <td>{r.usage.lastUsed ? formatWall(r.usage.lastUsed, zone) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section class="kf-card" data-kf="usage-stats">
      <h2>{t('options.usage')}</h2>
      <p class="kf-help">{t('options.usageHelp', { total })}</p>
      <h3>{t('options.usageMost')}</h3>
      {most.length ? table(most, 'usage-most') : <p class="kf-help">{t('options.usageNone')}</p>}
      <h3>{t('options.usageLeast')}</h3>
      {table(least, 'usage-least')}
    </section>
  );
}
