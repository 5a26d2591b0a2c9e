/**
 * More phrase patterns: platform words (京豆, plus, 白条, 出库中), versions and specifications,
 * coupons that did not apply, invoices after receipt, warranty shipping, and account or partnership
 * chatter that is no need. Written for this project from shared/domain.md and ordinary shop
 * Chinese; the evaluation chats are never a source (a pattern that merely rewords a line someone
 * has read in an evaluation set does not belong here either).
 * Same grammar as scenarios.ts; joined to those patterns by generate.ts.
 */
import type { ScenarioId } from '../../lib/domain/scenarios';

export const MORE: Partial<Record<ScenarioId, string[]>> = {
  greeting: ['(客服|亲)(还在吗|人呢|去哪了)', '(有人|有客服)(吗|没)(我有事|问个事)', '(请问|你好)(是|)人工(吗|客服吗)'],
  'product-info': ['(是|属于)(新款|旧款|哪一年的|哪个版本)', '(容量|尺寸|规格)(有|分)(哪几种|几种)', '(这款|这个)(功能|模式)(怎么|在哪)(开|设置)'],
  stock: ['(现在|目前)(拍|下单)(有货|能发)吗'],
  promotion: [
    '(券|优惠券|满减)(没用上|没用到|忘了用)(怎么办|能补吗)', '(plus|会员|京豆|积分)(能|可以)(抵|换|领)(多少|什么)', '(满{n}件|两件)(打|)(几折|折扣)(怎么算|算不算)',
    '(怎么|为什么)(结算|付款)(时|的时候)(没有|少了)(优惠|折扣)', '(原价|划线价)(多少|是多少) (现在|活动)(多少|价)',
  ],
  invoice: ['(公司名|单位名称)(是|发你|写)', '(收货后|确认收货)(才能|再)(开|申请)(发票|专票)吗', '(发票|票)(寄|邮寄)(到|给)(公司|单位)', '(一张|分开)(开|开票)(可以吗|行吗)'],
  courier: ['(你们|这个)(只|是不是只)(发|用)(京东|{c})(快递|物流)吗'],
  payment: ['(白条|花呗|信用卡)(还款|付款)(失败|不了|怎么弄)', '(付款|支付)(成功|了)(吗|没有)(你看看|帮我看下)'],
  'address-change': ['(我|我现在)(不在|搬到)(原来|那个)(地址|地方)了'],
  'cancel-order': ['(刚|才)(付款|下单)(就|)(想|要)(取消|撤回)'],
  delay: ['(订单|单子)(一直|还)(在|显示)(出库中|打包中|待出库)'],
  return: ['(确认收货|签收)(了|以后)(还能|能)(退|退货)吗', '(退货|退)(申请|单)(提交|填)(了|好了) (然后|接下来)(怎么办|怎么弄)'],
  exchange: ['(换货|换新)(申请|单)(怎么|在哪)(提交|填)'],
  'wrong-item': ['(尺寸|大小|规格)(跟|和)(页面|描述|我选的)(不一样|对不上)', '(收到|寄来)(的|)(是|成了)(别的|旧款|另一个)(型号|颜色|款)'],
  quality: ['(一直|老是)(断|掉|卡|死机|重启)', '(颜色|做工|质量)(跟|和)(上次|以前)(买的|)(不一样|差很多)'],
  repair: ['(寄|送)(去|到)(哪里|哪)(修|维修|检测)', '(修|维修)(好|完)(了|)(怎么|什么时候)(寄回|送回)'],
  complaint: ['(说了|讲了)(好几遍|多少次)(了|)(还是|都)(没用|不行)', '(太|真是)(耽误事|让人失望)(了|)'],
  review: ['(晒单|评价)(返|送)(京豆|红包|积分)(怎么|什么时候)(到|给)'],
  other: ['(账号|账户)(注销|被盗|换绑)(怎么弄|怎么办)', '(物流|仓储)(合作|入仓)(怎么|找谁)(谈|联系)', '(你|你们)(说|讲)的(我|)(没看懂|不明白)'],
};
