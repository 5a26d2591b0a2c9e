import type { MessageBundle } from '../index';

export const core: MessageBundle = {
  zh: {
    'app.name': '客服助手',
  },
  en: {
    'app.name': 'Service Desk Helper',
  },
};
