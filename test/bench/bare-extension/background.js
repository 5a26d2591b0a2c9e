// The floor for worker wake and message round trips: answers every message at once.
chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
  sendResponse({ ok: true, value: true });
});
