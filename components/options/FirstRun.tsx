import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useApi, useLoaded } from './OptionsContext';
import type { ShopSettings } from '@/lib/domain/templates/types';
import type { SetupSteps } from '@/lib/storage/settings';
import { DEFAULT_LIMITS, ruleSetName } from '@/lib/domain/remarks/presets';
import { getLocale, registerMessages, t } from '@/lib/i18n';
import { firstRun } from '@/lib/i18n/messages/first-run';
import { reasonText } from '@/lib/messaging/reason';

registerMessages(firstRun);

/** The shop or the agent's name is still empty: every reply with {店铺} or {客服} would ask for it. */
export function needsFirstRun(shop: Pick<ShopSettings, 'shopName' | 'agentName'>): boolean {
  return !shop.shopName.trim() || !shop.agentName.trim();
}

/** The steps the owner must have done (the import is optional). */
const REQUIRED: readonly (keyof SetupSteps)[] = ['cutoff', 'remarks', 'limits'];

/**
 * The first-run checklist at the top of 店铺设置: the shop name, the agent's name, the shipping
 * cut-off, the remark convention, the money limits, the shop's own reply sheet (optional), the shift
 * hours and which consoles the helper works on. Shown on the page a fresh install opens
 * (options.html?welcome#shop, lib/background/welcome.ts) and whenever a name is empty or a step is
 * not done. A step is ticked by what the owner did — saved there, or confirmed here with its
 * button (settings.setup) — never by a value being filled in: 16:00 and 方案A are only defaults, and
 * a shop whose warehouse cuts off at 14:00 must not look set up. The links switch tabs and focus
 * the field (tab:field, OptionsApp and useAnchor).
 */
export function FirstRun() {
  const api = useApi();
  const { value: settings } = useLoaded('getSettings', ['settings']);
  const { value: ruleSet } = useLoaded('getRuleSet', ['rules']);
  const [failed, setFailed] = useState<string | null>(null);
  if (!settings) return null;
  const { shopName, agentName, cutoff } = settings.shop;
  const setup = settings.setup;
  const stepsDone = REQUIRED.every((k) => setup?.[k]);
  if (!new URLSearchParams(location.search).has('welcome') && !needsFirstRun(settings.shop) && stepsDone) return null;
  const { start, end } = settings.followups.dayShift;
  const limits = ruleSet?.limits ?? DEFAULT_LIMITS;
  const confirm = (step: keyof SetupSteps) =>
    api.call('patchSettings', { setup: { [step]: true } }).then(
      () => setFailed(null),
      (e) => setFailed(t('firstRun.confirmFailed', { reason: reasonText(e) })),
    );
  /** A step's "this is right as it is" button, while it is not done. */
  const ok = (step: keyof SetupSteps, label: string) =>
    !setup?.[step] && (
      <button type="button" class="kf-link" data-kf={`first-run-${step}-confirm`} onClick={() => void confirm(step)}>
        {label}
      </button>
    );
  return (
    <section class="kf-card kf-first-run" data-kf="first-run">
      <h2>{t('firstRun.title')}</h2>
      <ol>
        <Step kf="shop-name" done={!!shopName.trim()}>
          <strong>{t('firstRun.shopName')}</strong>{t('firstRun.sep')}{shopName.trim() ? t('firstRun.filled', { value: shopName }) : t('firstRun.shopNameTodo')}
        </Step>
        <Step kf="agent-name" done={!!agentName.trim()}>
          <strong>{t('firstRun.agentName')}</strong>{t('firstRun.sep')}{agentName.trim() ? t('firstRun.filled', { value: agentName }) : t('firstRun.agentNameTodo')}
        </Step>
        <Step kf="cutoff" done={!!setup?.cutoff}>
          <strong>{t('firstRun.cutoff')}</strong>{t('firstRun.sep')}
          {setup?.cutoff ? t('firstRun.cutoffDone', { time: cutoff }) : t('firstRun.cutoffTodo', { time: cutoff })}{' '}
          <a href="#shop:cutoff" data-kf="first-run-cutoff-link">{t('firstRun.cutoffLink')}</a> {ok('cutoff', t('firstRun.cutoffConfirm', { time: cutoff }))}
        </Step>
        <Step kf="remarks" done={!!setup?.remarks}>
          <strong>{t('firstRun.remarks')}</strong>{t('firstRun.sep')}
          {ruleSet && (setup?.remarks ? t('firstRun.remarksDone', { name: ruleSetName(ruleSet, getLocale()) }) : t('firstRun.remarksTodo', { name: ruleSetName(ruleSet, getLocale()) }))}{' '}
          <a href="#remark-rules" data-kf="first-run-remarks-link">{t('firstRun.remarksLink')}</a> {ruleSet && ok('remarks', t('firstRun.remarksConfirm'))}
        </Step>
        <Step kf="limits" done={!!setup?.limits}>
          <strong>{t('firstRun.limits')}</strong>{t('firstRun.sep')}
          {t(setup?.limits ? 'firstRun.limitsDone' : 'firstRun.limitsTodo', { discount: limits.agentDiscountYuan, postage: limits.postageYuan })}{' '}
          <a href="#remark-rules:limits" data-kf="first-run-limits-link">{t('firstRun.limitsLink')}</a> {ruleSet && ok('limits', t('firstRun.limitsConfirm'))}
        </Step>
        <Step kf="imported" done={setup?.imported ? true : undefined}>
          <strong>{t('firstRun.imported')}</strong>{t('firstRun.sep')}
          {setup?.imported ? t('firstRun.importedDone') : t('firstRun.importedTodo')}{' '}
          <a href="#import" data-kf="first-run-import-link">{t('firstRun.importLink')}</a>
        </Step>
        {/* The starter is a clothing shop's (lib/domain/templates/starter-kinds.ts): said on day one, with the
            way to the 话术库 note that removes the clothing-only replies (StarterKindNotice). */}
        <Step kf="starter-kind">
          {t('firstRun.starterKind')} <a href="#templates" data-kf="first-run-starter-kind-link">{t('firstRun.starterKindLink')}</a>
        </Step>
        <Step kf="shifts">
          {t('firstRun.shifts', { start, end })} <a href="#followups" data-kf="first-run-shifts-link">{t('firstRun.shiftsLink')}</a>
        </Step>
        <Step kf="consoles">
          {t('firstRun.consoles')} <a href="#sites" data-kf="first-run-consoles-link">{t('firstRun.consolesLink')}</a>
        </Step>
      </ol>
      {failed && <p class="kf-bad" role="alert" data-kf="first-run-failed">{failed}</p>}
      {!needsFirstRun(settings.shop) && stepsDone && <p class="kf-ok" data-kf="first-run-done">{t('firstRun.done')}</p>}
    </section>
  );
}

/** One line of the checklist: ✓ once done; ○ still to do; • for what is there to read, change or (optionally) do. */
function Step(props: { kf: string; done?: boolean; children: ComponentChildren }) {
  const mark = props.done === undefined ? '•' : props.done ? '✓' : '○';
  return (
    <li data-kf={`first-run-${props.kf}`} data-done={props.done === undefined ? undefined : String(props.done)}>
      <span class={props.done ? 'kf-ok' : undefined} aria-hidden="true">{mark}</span> {props.children}
    </li>
  );
}
