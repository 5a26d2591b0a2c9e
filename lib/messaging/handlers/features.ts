import { browser } from '../../browser';
import { InvalidPayload, obj, type HandlerSet } from './types';
import type { FeaturesProtocol } from '../protocol-features';
import { FEATURE_NAMES, type FeatureName } from '../../panel/features';

export const featureHandlers: HandlerSet<FeaturesProtocol> = {
  loadFeature: {
    content: true,
    async handle(payload, ctx) {
      const name = obj(payload, 'loadFeature').name;
      if (!FEATURE_NAMES.includes(name as FeatureName)) throw new InvalidPayload('loadFeature: name');
      if (ctx.tabId === undefined) throw new InvalidPayload('loadFeature: only from a tab');
      // Only our own packaged file, into the frame that asked, in the content-script world.
      await browser.scripting.executeScript({
        target: { tabId: ctx.tabId, frameIds: [ctx.frameId ?? 0] },
        files: [`/${name}-feature.js`],
      });
    },
  },
};
