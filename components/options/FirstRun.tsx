import type { ComponentChildren } from 'preact';
import { useLoaded } from './OptionsContext';
import type { ShopSettings } from '@/lib/domain/templates/types';
import { registerMessages, t } from '@/lib/i18n';
import { firstRun } from '@/lib/i18n/messages/first-run';

registerMessages(firstRun);

/** The shop or the agent's name is still empty: every reply with {店铺} or {客服} would ask for it. */
export function needsFirstRun(shop: Pick<ShopSettings, 'shopName' | 'agentName'>): boolean {
  return !shop.shopName.trim() || !shop.agentName.trim();
}

/**
 * The first-run checklist at the top of 店铺设置: the shop name, the agent's name, the shift hours
 * and which consoles the helper works on. Shown on the page a fresh install opens
 * (options.html?welcome#shop, lib/background/welcome.ts) and whenever a name is still empty; the
 * ticks follow what is saved. The links switch tabs (the page follows its address's hash).
 */
export function FirstRun() {
  const { value: settings } = useLoaded('getSettings', ['settings']);
  if (!settings) return null;
  const { shopName, agentName } = settings.shop;
  if (!new URLSearchParams(location.search).has('welcome') && !needsFirstRun(settings.shop)) return null;
  const { start, end } = settings.followups.dayShift;
  return (
    <section class="kf-card kf-first-run" data-kf="first-run">
      <h2>{t('firstRun.title')}</h2>
      <ol>
        <Step kf="shop-name" done={!!shopName.trim()}>
          <strong>{t('firstRun.shopName')}</strong>：{shopName.trim() ? t('firstRun.filled', { value: shopName }) : t('firstRun.shopNameTodo')}
        </Step>
        <Step kf="agent-name" done={!!agentName.trim()}>
          <strong>{t('firstRun.agentName')}</strong>：{agentName.trim() ? t('firstRun.filled', { value: agentName }) : t('firstRun.agentNameTodo')}
        </Step>
        <Step kf="shifts">
          {t('firstRun.shifts', { start, end })} <a href="#followups" data-kf="first-run-shifts-link">{t('firstRun.shiftsLink')}</a>
        </Step>
        <Step kf="consoles">
          {t('firstRun.consoles')} <a href="#sites" data-kf="first-run-consoles-link">{t('firstRun.consolesLink')}</a>
        </Step>
      </ol>
      {!needsFirstRun(settings.shop) && <p class="kf-ok" data-kf="first-run-done">{t('firstRun.done')}</p>}
    </section>
  );
}

/** One line of the checklist: ✓ once done; ○ still to do; • for what is there to read or change. */
function Step(props: { kf: string; done?: boolean; children: ComponentChildren }) {
  const mark = props.done === undefined ? '•' : props.done ? '✓' : '○';
  return (
    <li data-kf={`first-run-${props.kf}`} data-done={props.done === undefined ? undefined : String(props.done)}>
      <span class={props.done ? 'kf-ok' : undefined} aria-hidden="true">{mark}</span> {props.children}
    </li>
  );
}
