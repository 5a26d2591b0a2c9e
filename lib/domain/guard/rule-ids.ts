/**
 * The ids of the built-in rules in rules.ts, for code that checks a stored setting against them
 * without needing the rules themselves: the worker validates the shop's switched-off rules
 * (config.ts) at every save and import, and the rules' patterns and texts stay out of
 * background.js. rule-ids.test.ts keeps this list equal to rules.ts; add a rule's id here with it.
 */
export const BUILT_IN_RULE_IDS: readonly string[] = [
  'contact-wechat-spelling',
  'contact-wechat',
  'contact-qq',
  'contact-phone-own',
  'contact-phone-number',
  'qr-code',
  'private-deal',
  'contact-private-chat',
  'outside-link',
  'other-platform-taobao',
  'other-platform-jd',
  'other-platform-pdd',
  'other-platform-douyin',
  'other-platform-kuaishou',
  'review-reward',
  'review-removal-reward',
  'over-limit-discount',
  'over-limit-compensation',
  'absolute-best',
  'absolute-first',
  'absolute-grade',
  'curt-look-yourself',
  'curt-dont-know',
  'curt-rude',
];
