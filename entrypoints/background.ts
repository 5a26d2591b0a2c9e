export default defineBackground(() => {
  // wired in lib/messaging/handlers.ts
});
