import { registerHandlers } from '@/lib/messaging/dispatch';
import { registerAlarms } from '@/lib/background/alarms';

export default defineBackground(() => {
  // Listeners are registered synchronously at every start: the worker may have been woken by
  // the very message or alarm that has to be answered.
  registerHandlers();
  void registerAlarms();
});
