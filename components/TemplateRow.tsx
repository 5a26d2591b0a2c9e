import type { Template } from '@/lib/domain/templates/types';
import { usePanel } from './PanelContext';
import { registerMessages, t } from '@/lib/i18n';
import { replyRowMessages } from '@/lib/i18n/messages/reply-rows';
import { PastCutoff } from './PastCutoff';

registerMessages(replyRowMessages);

/** One reply script: click inserts at the caret (or copies in copy mode); never sends. */
export function TemplateRow(props: { template: Template; index?: number; reason?: string; canInsert: boolean; marked?: boolean }) {
  const panel = usePanel();
  const { template, index, reason, canInsert, marked } = props;
  // The text Alt+N or a click puts in now (missing values marked 【买家】), never the raw {变量}.
  const shown = panel.preview(template);
  // mousedown must not steal focus from the chat box, so the caret stays where the agent typed.
  const keepFocus = (e: MouseEvent) => e.preventDefault();
  return (
    // marked: the search hit Enter in the search box inserts (TemplateBrowser).
    <li class={marked ? 'kf-tpl kf-marked' : 'kf-tpl'} data-kf="template" data-template-id={template.id} aria-current={marked}>
      <button
        class="kf-tpl-main"
        onMouseDown={keepFocus}
        onClick={() => panel.useTemplate(template, canInsert ? 'insert' : 'copy')}
        title={canInsert ? t('panel.insertHint') : t('panel.copyHint')}
      >
        {index !== undefined && <kbd class="kf-kbd">Alt+{index + 1}</kbd>}
        <span class="kf-tpl-title">{template.title}</span>
        {template.code && <code class="kf-code">/{template.code}</code>}
        <span class="kf-tpl-body">{shown?.text}</span>
        {shown?.pastCutoff && <PastCutoff />}
        {reason && <span class="kf-reason">{reason}</span>}
      </button>
      <button class="kf-icon" data-kf="copy" onMouseDown={keepFocus} title={t('panel.copyHint')} onClick={() => panel.useTemplate(template, 'copy')}>
        {t('panel.copy')}
      </button>
    </li>
  );
}
