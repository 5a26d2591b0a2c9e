import type { ScenarioId } from '../scenarios';

/** A reply script (话术). `body` may hold variables such as {买家} or {发货日}; see variables.ts. */
export interface Template {
  id: string;
  title: string;
  body: string;
  group: string;
  scenarios: ScenarioId[];
  /** Shortcut code typed as `/code` in the chat box; lowercase ascii letters/digits. */
  code?: string;
}

export interface TemplateLibrary {
  groups: string[];
  templates: Template[];
}

/** Shop-wide settings the agent edits in the options page. */
export interface ShopSettings {
  agentName: string;
  shopName: string;
  /** Daily shipping cut-off, 'HH:MM' local time: paid before it ships today, otherwise the next day. */
  cutoff: string;
  locale: 'zh-CN' | 'en';
}

export const DEFAULT_SETTINGS: ShopSettings = {
  agentName: '',
  shopName: '',
  cutoff: '16:00',
  locale: 'zh-CN',
};
