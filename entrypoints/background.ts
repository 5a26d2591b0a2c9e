import { registerHandlers } from '@/lib/messaging/handlers';

export default defineBackground(() => {
  registerHandlers();
});
