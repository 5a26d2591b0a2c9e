import { FirstRun } from './FirstRun';
import { ShopSettingsForm } from './ShopSettingsForm';

/** Options → 店铺设置: the first-run checklist while it is needed, then the shop's own settings. */
export function ShopTab() {
  return (
    <>
      <FirstRun />
      <ShopSettingsForm />
    </>
  );
}
