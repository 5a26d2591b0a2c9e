import { describe, expect, it } from 'vitest';
import { customers } from '../../i18n/messages/customers';
import { customersUi } from '../../i18n/messages/customers-ui';
import { followups } from '../../i18n/messages/followups';
import { followupsUi } from '../../i18n/messages/followups-ui';
import { followupsExport } from '../../i18n/messages/followups-export';
import { EVENT_KINDS, SEGMENTS } from '../customers/types';
import { FOLLOWUP_KINDS, FOLLOWUP_STATUSES } from './types';

describe('locale strings for follow-ups and customers', () => {
  it.each([
    ['followups', followups],
    ['followups-ui', followupsUi],
    ['followups-export', followupsExport],
    ['customers', customers],
    ['customers-ui', customersUi],
  ] as const)('%s has the same keys in Chinese and English', (_name, bundle) => {
    expect(Object.keys(bundle.en).sort()).toEqual(Object.keys(bundle.zh).sort());
  });

  it('has a label for every follow-up kind and status, customer segment and history kind', () => {
    for (const k of FOLLOWUP_KINDS) expect(followups.zh[`followups.kind.${k}`]).toBeTruthy();
    for (const s of FOLLOWUP_STATUSES) expect(followupsExport.zh[`followups.status.${s}`]).toBeTruthy();
    for (const s of SEGMENTS) expect(customersUi.zh[`customers.segment.${s}`]).toBeTruthy();
    for (const e of EVENT_KINDS) expect(customersUi.zh[`customers.event.${e}`]).toBeTruthy();
  });
});
