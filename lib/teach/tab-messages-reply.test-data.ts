import type { Template } from '../domain/templates/types';

/** Replies the side-panel insertion tests add to the starter library (written for these tests). */
export const SIDE_REPLIES: Template[] = [
  { id: 'side-wechat', title: '发实拍（微信）', body: '亲，加我微信 side_kefu_01 给您发实拍', group: '售前', scenarios: ['product-info'] },
  { id: 'side-wait', title: '稍等查库存', body: '亲，稍等，我去仓库帮您确认一下', group: '售前', scenarios: ['stock'] },
  { id: 'side-hello', title: '称呼买家', body: '{买家}，您好，这就帮您查', group: '售前', scenarios: ['greeting'] },
  { id: 'side-fill', title: '颜色尺码', body: '{颜色} {尺码} 码有货', group: '售前', scenarios: ['stock'] },
];
