import type { GuardFinding } from '@/lib/domain/guard/types';
import { setLocale, t, type Locale } from '@/lib/i18n';
import { guardPromptMessages } from '@/lib/i18n/messages/guard-prompt';
import { registerMessages } from '@/lib/i18n';

registerMessages(guardPromptMessages);

/**
 * The `kf-guard-badge` beside the chat box as the agent types: a count and the categories (no buyer
 * data); a click opens the panel. Made or updated here, in the guard feature script, so the content
 * script carries neither its look nor its words; returns the badge (`badge`, or a new one in the page).
 */
export function guardBadge(doc: Document, badge: HTMLElement | null, input: HTMLElement, findings: GuardFinding[], locale: Locale, open: () => void): HTMLElement {
  setLocale(locale);
  if (!badge) {
    badge = doc.createElement('div');
    badge.className = 'kf-guard-badge';
    badge.setAttribute('role', 'status');
    badge.setAttribute('data-kf', 'guard-badge');
    badge.addEventListener('click', open);
    doc.body.append(badge);
  }
  const block = findings.some((f) => f.severity === 'block');
  badge.textContent = t('guard.badge', { n: findings.length });
  badge.title = t('guard.badgeTitle', { labels: [...new Set(findings.map((f) => t(`guard.cat.${f.category}`)))].join('、') });
  const r = input.getBoundingClientRect();
  Object.assign(badge.style, {
    position: 'fixed',
    zIndex: '2147482999',
    top: `${Math.max(0, r.top - 24)}px`,
    left: `${Math.max(0, r.left + 4)}px`,
    padding: '1px 8px',
    borderRadius: '10px',
    font: '12px/18px system-ui, sans-serif',
    color: '#fff',
    background: block ? '#dc2626' : '#b45309',
    cursor: 'pointer',
    pointerEvents: 'auto',
  });
  return badge;
}
