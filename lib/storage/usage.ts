import { db } from './db';
import type { ScenarioId } from '../domain/scenarios';

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

const KEY = 'usage';

export async function loadUsage(): Promise<UsageRecord> {
  const raw = await db.get<UsageRecord>('meta', KEY);
  return raw && raw.v === 1 && raw.templates ? raw : { v: 1, templates: {} };
}

export async function recordUsage(templateId: string, scenario: ScenarioId | null, now = Date.now()): Promise<void> {
  await db.update<UsageRecord>('meta', KEY, (old) => {
    const rec: UsageRecord = old && old.v === 1 && old.templates ? old : { v: 1, templates: {} };
    const u = rec.templates[templateId] ?? { count: 0, lastUsed: 0, byScenario: {} };
    u.count += 1;
    u.lastUsed = now;
    if (scenario) u.byScenario[scenario] = (u.byScenario[scenario] ?? 0) + 1;
    rec.templates[templateId] = u;
    return rec;
  });
}
