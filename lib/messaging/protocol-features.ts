import { FEATURE_NAMES, type FeatureName } from '../panel/features';
import { s, type PageSchemas } from './schema';

export interface FeaturesProtocol {
  /** Injects a feature script into the calling tab's content-script world (see lib/panel/features.ts). */
  loadFeature: [{ name: FeatureName }, void];
}

/** What a seller page may send (dispatch.ts checks it first; see README.md, "Schemas"). */
export const featuresPageSchemas = (): PageSchemas<FeaturesProtocol> => ({
  loadFeature: s.object({ name: s.oneOf(FEATURE_NAMES) }),
});

declare module './protocol' {
  interface Protocol extends FeaturesProtocol {}
}
