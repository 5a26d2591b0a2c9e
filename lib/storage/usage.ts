import { db } from './db';
import type { ScenarioId } from '../domain/scenarios';
import { dict, own } from '../domain/own';

/** How often each template was inserted, overall and per scenario (feeds the ranking). */
export interface TemplateUsage {
  count: number;
  lastUsed: number;
  byScenario: Partial<Record<ScenarioId, number>>;
}
export interface UsageRecord {
  v: 1;
  templates: Record<string, TemplateUsage>;
}

/** Its key in the meta store (导入全部数据 writes it whole). */
export const USAGE_KEY = 'usage';

export async function loadUsage(): Promise<UsageRecord> {
  const raw = await db.get<UsageRecord>('meta', USAGE_KEY);
  // Keyed by template id (outside text): a prototype-less record, so no id can reach Object.prototype.
  return { v: 1, templates: dict(raw && raw.v === 1 && raw.templates ? raw.templates : null) };
}

export async function recordUsage(templateId: string, scenario: ScenarioId | null, now = Date.now()): Promise<void> {
  await db.update<UsageRecord>('meta', USAGE_KEY, (old) => {
    const rec: UsageRecord = { v: 1, templates: dict(old && old.v === 1 && old.templates ? old.templates : null) };
    const u = own(rec.templates, templateId) ?? { count: 0, lastUsed: 0, byScenario: {} };
    u.count += 1;
    u.lastUsed = now;
    if (scenario) u.byScenario[scenario] = (u.byScenario[scenario] ?? 0) + 1;
    rec.templates[templateId] = u;
    return rec;
  });
}
