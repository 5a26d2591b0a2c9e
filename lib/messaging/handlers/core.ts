import { announceChange } from '../client';
import { InvalidPayload, obj, type HandlerSet } from './types';
import { loadLibrary, saveLibrary } from '../../storage/library';
import { loadSettings, patchSettings } from '../../storage/settings';
import { loadUsage, recordUsage } from '../../storage/usage';
import { exportLibrary, parseLibraryImport } from '../../domain/templates/validate';
import { isScenarioId } from '../../domain/scenarios';
import type { CoreProtocol } from '../protocol';

export const coreHandlers: HandlerSet<CoreProtocol> = {
  getLibrary: { content: true, handle: () => loadLibrary() },
  saveLibrary: {
    async handle(payload) {
      const parsed = parseLibraryImport({ format: 'kefu-library', version: 1, ...obj(payload, 'saveLibrary') });
      if (!parsed.ok) throw new InvalidPayload(parsed.errors.join('\n'));
      const rec = await saveLibrary(parsed.library);
      await announceChange('library');
      return rec;
    },
  },
  importLibrary: {
    async handle(payload) {
      const parsed = parseLibraryImport(obj(payload, 'importLibrary').json);
      if (!parsed.ok) return { ok: false, errors: parsed.errors };
      await saveLibrary(parsed.library);
      await announceChange('library');
      return { ok: true, count: parsed.library.templates.length };
    },
  },
  exportLibrary: { handle: async () => exportLibrary(await loadLibrary()) },
  getSettings: { content: true, handle: () => loadSettings() },
  patchSettings: {
    content: true,
    async handle(payload, ctx) {
      const patch = obj(payload, 'patchSettings');
      // A seller page may only remember the panel's own state.
      if (ctx.sender === 'content-script' && Object.keys(patch).some((k) => k !== 'panel')) {
        throw new InvalidPayload('patchSettings: pages may only change panel state');
      }
      const s = await patchSettings(patch);
      await announceChange('settings');
      return s;
    },
  },
  recordUsage: {
    content: true,
    async handle(payload) {
      const p = obj(payload, 'recordUsage');
      if (typeof p.templateId !== 'string' || !p.templateId || p.templateId.length > 64) throw new InvalidPayload('recordUsage: templateId');
      await recordUsage(p.templateId, isScenarioId(p.scenario) ? p.scenario : null);
      await announceChange('usage');
    },
  },
  getUsage: { content: true, handle: () => loadUsage() },
};
