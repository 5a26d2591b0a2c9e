import type { FeatureName } from '../panel/features';

export interface FeaturesProtocol {
  /** Injects a feature script into the calling tab's content-script world (see lib/panel/features.ts). */
  loadFeature: [{ name: FeatureName }, void];
}

declare module './protocol' {
  interface Protocol extends FeaturesProtocol {}
}
