import { registerHandlers } from '@/lib/messaging/dispatch';

export default defineBackground(() => {
  registerHandlers();
});
