import type { MessageBundle } from '../index';

/**
 * The background's refusal codes in words (lib/messaging/reason.ts `reasonText`, which registers
 * them): only pages that word a failed call with it need them, so they stay out of the content
 * script, whose own notices say what failed in their own words (its size budget). A worker older
 * than the page (`outdated`) is worded in ./outdated.ts, where the page is.
 */
export const callErrors: MessageBundle = {
  zh: {
    'error.quota': '存储空间已满',
    'error.aborted': '保存被中断，请再试一次',
    'error.unavailable': '扩展后台暂时没有响应，请稍后再试',
    'error.invalid': '内容不符合要求（{detail}）',
    'error.missing-field': '缺少必填内容（{detail}）',
    'error.forbidden': '这里不能做这项操作',
    'error.conflict': '另一个标签页刚刚改过，请刷新后再试',
    'error.upload-lost': '文件传给扩展后台时后台重新启动了两次，文件没有导入，什么都没有改动；请再导入一次',
    'error.unknown': '出现意外错误（{detail}）',
  },
  en: {
    'error.quota': 'the storage is full',
    'error.aborted': 'the save was interrupted; try again',
    'error.unavailable': 'the extension is not responding; try again shortly',
    'error.invalid': 'the input is not acceptable ({detail})',
    'error.missing-field': 'something required is missing ({detail})',
    'error.forbidden': 'this cannot be done from here',
    'error.conflict': 'another tab changed it just now; reload and try again',
    'error.upload-lost': 'the extension restarted twice while the file was sent to it; nothing was imported or changed; import the file again',
    'error.unknown': 'something unexpected went wrong ({detail})',
  },
};
