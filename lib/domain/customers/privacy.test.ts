import { afterEach, describe, expect, it, vi } from 'vitest';
import { isIdShaped, isResidentId, maskPii, passesLuhn, retentionPurge } from './privacy';
import { newCustomer } from './customer';

describe('maskPii', () => {
  it.each([
    ['电话13812345678', '电话138****5678'],
    ['138-1234-5678', '138****5678'],
    ['138 1234 5678 收件', '138****5678 收件'],
    ['+86 138 1234 5678', '+86 138****5678'],
    ['+8613812345678', '+86138****5678'],
    ['手机：15912345678。谢谢', '手机：159****5678。谢谢'],
  ])('masks the mobile number in %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['138-12345678 收', '138****5678 收'],
    ['1381234 5678', '138****5678'],
    ['手机 159 8765-4321', '手机 159****4321'],
  ])('masks a mobile number grouped unevenly: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it('reads digits typed full-width, so a phone or ID typed in full-width mode is masked too, its kept digits as typed', () => {
    expect(maskPii('电话１５９８７６５４３２１')).toBe('电话１５９****４３２１');
    expect(maskPii('身份证１１０１０５１９４９１２３１００２X')).toBe('身份证１１０*************２X');
  });

  it.each([
    // What a full-width input mode types between the groups: the ideographic space, a full-width dash.
    ['电话１３８　１２３４　５６７８ 谢谢', '电话１３８****５６７８ 谢谢'],
    ['电话１３８－１２３４－５６７８', '电话１３８****５６７８'],
    ['＋８６　１３８１２３４５６７８', '＋８６　１３８****５６７８'],
    ['座机０５７１－８８８８６６６６', '座机０５７１－****６６６６'],
  ])('masks a phone typed with full-width separators: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['电话13812 345678', '电话138****5678'],
    ['13 812345678', '138****5678'],
    ['1381 2345 678收', '138****5678收'],
  ])('masks a mobile number in any three groups: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it('leaves a list of small numbers that happens to hold 11 digits alone', () => {
    expect(maskPii('数量 13 8 1 2 3 4 5 6 7 8')).toBe('数量 13 8 1 2 3 4 5 6 7 8');
  });

  it('masks an e-mail address typed wholly full-width, keeping what it keeps as typed', () => {
    expect(maskPii('邮箱 ｍｉｍｉ＠ｑｑ．ｃｏｍ 发票')).toBe('邮箱 ｍｉ***＠ｑｑ．ｃｏｍ 发票');
    expect(maskPii('ｌｕｃｙ@163.com')).toBe('ｌｕ***@163.com');
  });

  it.each([
    '尺码３８码，３号发货',
    '要ＸＬ码，颜色Ａ款（白）！',
    '身高１６５　体重１１０',
    '订单号：３８１２３４５６７８９０１２３４５６７',
  ])('changes nothing in %s, where nothing is masked', (text) => {
    expect(maskPii(text)).toBe(text);
  });

  it('keeps everything around a masked number as typed', () => {
    expect(maskPii('３号发货，电话１３８１２３４５６７８，尺码ＸＬ')).toBe('３号发货，电话１３８****５６７８，尺码ＸＬ');
  });

  it('leaves a file name with @ alone: an address needs a domain ending in a dot and letters', () => {
    expect(maskPii('版本v1.2@2x.png 图片')).toBe('版本v1.2@2x.png 图片');
    expect(maskPii('图 icon@3x.jpg')).toBe('图 icon@3x.jpg');
    expect(maskPii('a@b.1 和 x@host')).toBe('a@b.1 和 x@host');
    expect(maskPii('mimi@qq.com.cn')).toBe('mi***@qq.com.cn');
  });

  it.each([
    ['邮箱 linmao77@example.cn 发票发这里', '邮箱 li***@example.cn 发票发这里'],
    ['mail:Wang.Fang+shop@mail.example.com', 'mail:Wa***@mail.example.com'],
    ['abc@qq.com', 'a***@qq.com'],
    ['x@qq.com', '***@qq.com'],
    ['发到 lucy＠163.com 吧', '发到 lu***＠163.com 吧'],
    // A phone number used as the name goes with the address, not as 138****5678@139.com.
    ['13812345678@139.com', '13***@139.com'],
  ])('masks the e-mail address in %s, keeping the domain and its first characters', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it('leaves what only looks like part of an e-mail alone', () => {
    const text = '@客服 在吗 qq.com 上说的 a@b';
    expect(maskPii(text)).toBe(text);
  });

  it.each([
    ['座机0571-88886666', '座机0571-****6666'],
    ['(021)12345678', '(021)****5678'],
    ['010 1234567', '010 ***4567'],
    // Written as the remark check reads them too: grouped, or the international way.
    ['电话 021 5555 1234', '电话 021 ****1234'],
    ['+86 21 5555 1234', '+86 21 ****1234'],
    ['新电话:+86-21-55551234', '新电话:+86-21-****1234'],
    ['0086 21 55551234', '0086 21 ****1234'],
    ['+86 (0)21 5555 1234', '+86 (0)21 ****1234'],
    ['+86 755 1234567', '+86 755 ***4567'],
  ])('masks the landline in %s, keeping the area code', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it('masks a resident ID number, keeping the first three and last two characters', () => {
    expect(maskPii('身份证11010519491231002X')).toBe('身份证110*************2X');
    expect(maskPii('id 620102198511120013 ok')).toBe('id 620*************13 ok');
  });

  it('masks an ID number with a wrong check character: a mistyped ID is still personal data', () => {
    // 330106199001011234 and 440304199003071234 fail the ISO 7064 check (…1X and …0X would pass).
    expect(isResidentId('330106199001011234')).toBe(false);
    expect(maskPii('身份证330106199001011234')).toBe('身份证330*************34');
    expect(maskPii('440304199003071234 收件')).toBe('440*************34 收件');
    expect(maskPii('证件 33010619900101123x')).toBe('证件 330*************3x');
  });

  it('masks 17 digits and an X whatever else they hold: no order number ends in X', () => {
    expect(maskPii('90000000000000009X')).toBe('900*************9X');
  });

  it('masks a 15-digit ID number of the kind issued before 1999', () => {
    expect(maskPii('老身份证 110105491231002 王')).toBe('老身份证 110**********02 王');
    expect(maskPii('330106800229123')).toBe('330**********23');
  });

  it("leaves an 18- or 15-digit number alone when it lacks an ID number's province code or birth date", () => {
    expect(maskPii('123456789012345678')).toBe('123456789012345678');
    // Province 99 does not exist; 1990-02-30 is not a day; 15 digits with month 13.
    expect(maskPii('990106199001011234')).toBe('990106199001011234');
    expect(maskPii('330106199002301234')).toBe('330106199002301234');
    expect(maskPii('330106801329123')).toBe('330106801329123');
  });

  it('never masks an ID-shaped number after an order label', () => {
    expect(maskPii('运单号 330106800229123')).toBe('运单号 330106800229123');
    expect(maskPii('订单号：330106199001011234')).toBe('订单号：330106199001011234');
  });

  it('never masks a number written after an order label, even one shaped like an ID or a card', () => {
    expect(maskPii('订单号 110101199003070038')).toBe('订单号 110101199003070038');
    expect(maskPii('订单号：6228480012345678903')).toBe('订单号：6228480012345678903');
    expect(maskPii('快递单号 13812345678')).toBe('快递单号 13812345678');
    expect(maskPii('order #6222021234567894')).toBe('order #6222021234567894');
  });

  it('leaves unlabelled 19-digit Taobao order numbers readable', () => {
    expect(maskPii('3812345678901234567 还没发')).toBe('3812345678901234567 还没发');
    expect(maskPii('1234567890123456785')).toBe('1234567890123456785');
  });

  it('masks bank cards that are grouped, labelled or UnionPay, keeping the first and last four digits', () => {
    expect(maskPii('6222021234567894')).toBe('6222********7894');
    expect(maskPii('6222 0212 3456 7894')).toBe('6222********7894');
    expect(maskPii('卡号 4367421234567896')).toBe('卡号 4367********7896');
    expect(maskPii('4367421234567896')).toBe('4367421234567896');
  });

  it('still masks a phone after an unrelated mention of an order', () => {
    expect(maskPii('订单有问题 13812345678')).toBe('订单有问题 138****5678');
  });

  it('leaves prices, dates and sizes alone', () => {
    const text = '2024-05-01 付了199.00元，身高165 体重110，M码';
    expect(maskPii(text)).toBe(text);
  });

  it('is idempotent', () => {
    const text = '电话 138-1234-5678，身份证11010519491231002X，卡 6222 0212 3456 7894，座机 0571-88886666，邮箱 linmao77@example.cn';
    const once = maskPii(text);
    expect(maskPii(once)).toBe(once);
    expect(once).not.toMatch(/\d{5,}/);
  });

  it('validates helper checks', () => {
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('11010519490231002X')).toBe(false);
    expect(isIdShaped('330106199001011234')).toBe(true);
    expect(isIdShaped('330106800229123')).toBe(true);
    expect(isIdShaped('3301068002291234')).toBe(false);
    expect(passesLuhn('6222021234567894')).toBe(true);
    expect(passesLuhn('6222021234567895')).toBe(false);
  });
});

describe('maskPii: what a re-check found readable in saved notes (mask4)', () => {
  it.each([
    ['收货人：张三 明早送', '收货人：张* 明早送'],
    ['联系人是李小龙电话138 0013 8000', '联系人是李**电话138****8000'],
    ['收件人 周杰，放门口', '收件人 周*，放门口'],
    ['收件人张伟的手机停机了', '收件人张*的手机停机了'],
    ['收货人姓名：欧阳明月', '收货人姓名：欧阳**'],
  ])('masks the name after a consignee or contact label, keeping the label and the surname: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['买家说加微信：zhou_xm1988 发图', '买家说加微信：zh*** 发图'],
    ['vx: kitty2333 晚上回', 'vx: ki*** 晚上回'],
    ['wx lemon_tree7', 'wx le***'],
    ['他的QQ 2835551704 方便联系', '他的QQ 28*** 方便联系'],
    ['QQ2835551704', 'QQ28***'],
    ['微信号是abc-5678', '微信号是ab***'],
  ])('masks a WeChat / QQ id after its label: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['公司座机010-62345678', '公司座机010-****5678'],
    ['办公室 0755 2345 6789 找前台', '办公室 0755 ****6789 找前台'],
    ['电话 6543 2109，下午打', '电话 ****2109，下午打'],
    ['座机：23456789', '座机：****6789'],
    ['固话 5432198', '固话 ***2198'],
  ])('masks a landline with or without its area code: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['身份证 110101 19900101 123X 报关用', '身份证 110*************3X 报关用'],
    ['证件号 3301-0619-9001-0112-34', '证件号 330*************34'],
    ['身份证１１０１０１　１９９００１０１　１２３Ｘ', '身份证１１０*************３Ｘ'],
    ['老证 110105 491231 002', '老证 110**********02'],
  ])('masks an ID number written in groups or full-width: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['护照号码：E23456789 清关', '护照号码：E******89 清关'],
    ['港澳通行证 C34567890', '港澳通行证 C******90'],
    ['护照EA2345678', '护照E******78'],
  ])('masks a passport or travel permit number after its label: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['手机139.8765.4321', '手机139****4321'],
    ['号码 150/2468/1357 白天打', '号码 150****1357 白天打'],
    ['电话：１３８．１２３４．５６７８', '电话：１３８****５６７８'],
  ])('masks a mobile written with dots or slashes: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['发票寄 panda88@163。com', '发票寄 pa***@163。com'],
    ['邮箱 tiger_wu＠qq．com 谢谢', '邮箱 ti***＠qq．com 谢谢'],
    ['发到 lily.chen@foxmail。com。', '发到 li***@foxmail。com。'],
  ])('masks an e-mail written with a full-width 。 or ＠: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    '订单 4023118765432190 催发货',
    '单号：3877766554433221100',
    '快递单号 SF1380012345678 显示已签收',
    'YT1397654321098 还在路上',
    'JDVA13912345678 物流不动',
    '运单 13812345678',
    '实付 1388.00 元，优惠券抵 50',
    '尺码３８码，175cm 70kg 穿哪个',
    '2026-12-05 14:30 下单，2026.12.06 发货，12/08 到',
    '货号 KF2023-1105B，颜色 WX2024A',
    '共 12 件，合计 23456789 元',
    '图片 v1.2@2x.png 和 banner@3x.jpg，版本 13.8.1234',
    '收货地址改一下，收货人不变，联系人电话没变',
    '收件人信息填错了，联系人改成老公',
    '微信支付的，QQ 音乐会员送吗',
  ])('leaves %s as typed', (text) => {
    expect(maskPii(text)).toBe(text);
  });

  it('is idempotent over the new cases', () => {
    const text = '收货人：张三，微信：zhou_xm1988，电话 6543 2109，身份证 110101 19900101 123X，护照 E23456789，手机139.8765.4321，panda88@163。com';
    const once = maskPii(text);
    expect(maskPii(once)).toBe(once);
    expect(once).not.toMatch(/张三|zhou_xm|6543|19900101|2345678|8765|panda88/);
  });
});

describe('maskPii: the agent’s own words after 收货人/联系人/收件人 are not a name (masking cannot be undone)', () => {
  it.each([
    '收货人拒收了，包裹在退回',
    '收件人签收了但说没收到',
    '联系人今天上班不在家',
    '联系人明天去外地',
    '收件人自己到驿站拿',
    '收货人确认过颜色了',
    '收货人已经换成他爸爸',
    '收货人有调整',
    '联系人本人打电话来问',
    '收货人一直没接电话',
    '联系人临时改到周六送',
    '收货人名字少写了一个字',
    '联系人多次问什么时候发',
    '联系人留言说放门卫室',
    '收货人全名写错了',
    '收货人是本人',
    '收货人周末不在家',
  ])('leaves %s as typed', (text) => {
    expect(maskPii(text)).toBe(text);
  });

  it.each([
    ['收货人王芳，放门口', '收货人王*，放门口'],
    ['联系人李小龙13800138000', '联系人李**138****8000'],
    ['收货人陈静', '收货人陈*'],
    ['收货人张三的地址改了', '收货人张*的地址改了'],
  ])('still masks a name written straight after the label, ending there: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });
});

describe('maskPii: the last gaps of names and landlines (mask5)', () => {
  it.each([
    ['收货人：Zhang Wei 明天送', '收货人：Z**** *** 明天送'],
    ['收件人 Lily Chen，放门口', '收件人 L*** ****，放门口'],
    ['联系人: Tom 下午在', '联系人: T** 下午在'],
    ['收件人Anna', '收件人A***'],
    ['收货人：ZHANG WEI，电话 8765 4321', '收货人：Z**** ***，电话 ****4321'],
    ['收货人：Ｚｈａｏ Ｌｅｉ', '收货人：Ｚ*** ***'],
  ])('masks a name in Latin letters after the label, keeping its first letter: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  // After a label and a colon or space, a first character that is no common surname is a name only
  // when the words end as short as a name: the agent's own words there are kept (masking cannot be undone).
  it.each(['收货人：请核对一下', '收件人为 公司前台', '联系人：前台小王', '联系人：前台', '收货人：快递驿站代收'])('keeps the agent\u2019s words after the label: %s', (text) => {
    expect(maskPii(text)).toBe(text);
  });

  it.each([
    ['收货人：闻一多', '收货人：闻**'],
    ['收件人 晏殊，放门口', '收件人 晏*，放门口'],
    ['收货人：欧阳娜娜', '收货人：欧阳**'],
    ['联系人：司马相如电话改了', '联系人：司马**电话改了'],
  ])('masks a short name with a rarer surname, and a compound one once: %s', (text, masked) => {
    expect(maskPii(text)).toBe(masked);
    expect(maskPii(masked)).toBe(masked);
  });

  it.each(['收货人: VIP 客户', '联系人 QQ 群里说的', '收件人 OK 了', '收件人：wx: ab***'])('leaves a label, a chat id or a word that is no name alone: %s', (text) => {
    expect(maskPii(text)).toBe(text);
  });

  it.each([
    ['收货人：王建国华，放门口', '收货人：王***，放门口'],
    ['收件人 林一帆风', '收件人 林***'],
    ['收货人：欧阳娜娜', '收货人：欧阳**'],
    ['联系人：司马相如电话改了', '联系人：司马**电话改了'],
    ['收货人：张三明天送', '收货人：张*明天送'],
  ])('masks a given name of three characters after a colon whole, and stops where the agent’s words start: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    '电话 2024 1205 回访',
    '电话20251231回访过了',
    '电话：2024 0229 约好了',
    '座机 2026-0301 停机',
  ])('leaves a date written after 电话 as typed: %s', (text) => {
    expect(maskPii(text)).toBe(text);
  });

  it.each([
    ['电话 8765 4321', '电话 ****4321'],
    ['电话 2025 0229 打过', '电话 ****0229 打过'],
    ['座机 2213 1205', '座机 ****1205'],
    ['电话 6543 2109，2024 1205 回访', '电话 ****2109，2024 1205 回访'],
  ])('still masks a landline after 电话 that is no date: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it('is idempotent over these cases', () => {
    const text = '收货人：Zhang Wei，收件人：王建国华，电话 8765 4321，电话 2024 1205 回访';
    const once = maskPii(text);
    expect(once).toBe('收货人：Z**** ***，收件人：王***，电话 ****4321，电话 2024 1205 回访');
    expect(maskPii(once)).toBe(once);
  });
});

describe('maskPii: a name in Latin letters, not any word after the label (mask6)', () => {
  it.each([
    '联系人 Order 2024120512345',
    '收货人 Size M',
    '收货人 SKU A123',
    '收件人 XL码',
    '联系人 please call back',
    '收货人 same as buyer',
    '收货人 DHL 转寄',
    '联系人 CEO 要发票',
    '收件人 Apple Store',
    '收货人 Nike官方旗舰店',
    // Ten more of our own.
    '收件人 Uniqlo Store 自提',
    '收货人 SF EXPRESS 到付',
    '联系人 BIG SALE 活动价',
    '收件人 iPad 已收到',
    '收货人 Lily2024',
    '收件人 N/A',
    '收件人 Mr. 待定',
    '联系人 Phone: 见订单',
    '收货人 Tmall超市',
    '收件人 li na',
  ])('leaves a word that is no name as typed: %s', (text) => {
    expect(maskPii(text)).toBe(text);
  });

  it('masks the e-mail after 联系人 Email: and leaves the label', () => {
    expect(maskPii('联系人 Email: amy@qq.com')).toBe('联系人 Email: a***@qq.com');
  });

  it.each([
    ['收货人 Lily CHEN', '收货人 L*** ****'],
    ['收件人 Mr. Wang', '收件人 Mr. W***'],
    ['收件人 Ms Li', '收件人 Ms L*'],
    ['收件人 Mrs. Zhang', '收件人 Mrs. Z****'],
    ['收货人 Wei ZHANG', '收货人 W** *****'],
    // Ten more of our own.
    ['收件人 Miss Zhou，放前台', '收件人 Miss Z***，放前台'],
    ['收货人：Dr Chen 电话 8765 4321', '收货人：Dr C*** 电话 ****4321'],
    ['联系人 ZHANG Wei 明天到', '联系人 Z**** *** 明天到'],
    ['收件人：CHEN XIAOMING', '收件人：C*** ********'],
    ['收件人 MR. LI', '收件人 MR. L*'],
    ['收件人 Anna Lee的电话换了', '收件人 A*** ***的电话换了'],
    ['收货人 Lily Chen Order 2024120512345', '收货人 L*** **** Order 2024120512345'],
    ['联系人：Tom: 13812345678', '联系人：T**: 138****5678'],
    ['收货人 Name: Lily Chen', '收货人 Name: L*** ****'],
    ['联系人 Lily Chen: 13812345678', '联系人 L*** ****: 138****5678'],
    ['收件人 Mary Jane Smith VIP客户', '收件人 M*** **** ***** VIP客户'],
  ])('masks the name, keeping its first letter and a title: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it('is idempotent over these names', () => {
    for (const text of ['收货人 Lily CHEN', '收件人 Mr. Wang', '收货人 Wei ZHANG', '联系人 ZHANG Wei 明天到', '收件人 MR. LI']) {
      const once = maskPii(text);
      expect(maskPii(once)).toBe(once);
    }
  });
});

describe('maskPii: a label after the label, names glued to Chinese, English words that are no name (mask7)', () => {
  it.each([
    ['联系人 微信 lele_2021', '联系人 微信 le***'],
    ['联系人：微信 panpan99 晚上回', '联系人：微信 pa*** 晚上回'],
    ['联系人 邮箱 kiki@qq.com', '联系人 邮箱 ki***@qq.com'],
    ['联系人 旺旺 小熊不吃糖', '联系人 旺旺 小熊不吃糖'],
    ['收货人 收件人 都填李四', '收货人 收件人 都填李四'],
    ['联系人 手机 159 0000 1111', '联系人 手机 159****1111'],
  ])('leaves a field label or way of contact after the label as typed, masking only what follows it: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['收件人Anna明天到', '收件人A***明天到'],
    ['联系人Tom下午在家', '联系人T**下午在家'],
    ['收件人Kevin的快递放门口', '收件人K****的快递放门口'],
    ['收货人Lucy Wang周六收', '收货人L*** ****周六收'],
    ['收件人 Lily Chen明天到', '收件人 L*** ****明天到'],
    ['收件人Mr. Li先生不在', '收件人Mr. L*先生不在'],
  ])('masks a Latin name glued to the Chinese after it, as the spaced form is: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    '收件人 Uniqlo旗舰店',
    '收货人 Under Armour旗舰店代收',
    '联系人 Samsung 售后',
    '收件人 Black 色的那件已寄出',
    '联系人 Hello 在吗',
    '收件人 Thanks 已签收',
    '联系人 Sorry 打错了',
    '颜色要Black，尺码M',
    'Hello，在吗？Size 还有吗',
    '买家说 iPhone 15 的壳要 White',
  ])('leaves greetings, colours, brands and free English words as typed: %s', (text) => {
    expect(maskPii(text)).toBe(text);
  });

  it.each([
    ['联系人 Hi Tom 明天到', '联系人 Hi T** 明天到'],
    ['收件人 Lily White', '收件人 L*** *****'],
    ['收件人 Mr. Black，放门口', '收件人 Mr. B****，放门口'],
  ])('still masks the name after a greeting, and a colour that is part of a name: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it('is idempotent over these', () => {
    for (const text of ['收件人Anna明天到', '收货人Lucy Wang周六收', '联系人 微信 lele_2021', '联系人 Hi Tom 明天到']) {
      const once = maskPii(text);
      expect(maskPii(once)).toBe(once);
    }
  });
});

describe('maskPii: other chat apps, a name where an account goes, brands before a product word (mask8)', () => {
  it.each([
    ['联系人 钉钉 mia_0412', '联系人 钉钉 mi***'],
    ['联系人：企业微信 chenxi2020', '联系人：企业微信 ch***'],
    ['联系人 飞书 ouyang.k', '联系人 飞书 ou***'],
    ['联系人 陌陌 87651234 晚上找', '联系人 陌陌 87*** 晚上找'],
    ['联系人 QQ邮箱 3345127788', '联系人 QQ邮箱 33***'],
    ['联系人 支付宝 lanlan_pay', '联系人 支付宝 la***'],
    ['联系人 Telegram kiwi_fox', '联系人 Telegram ki***'],
    ['联系人 TG kiwi_fox', '联系人 TG ki***'],
    ['联系人 WhatsApp 85291234567', '联系人 WhatsApp 85***'],
    ['联系人 Line momo.tw', '联系人 Line mo***'],
    ['买家说钉钉号：nana_77 有事找她', '买家说钉钉号：na*** 有事找她'],
  ])('keeps the app a buyer names and masks the account after it, as after 微信: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['联系人 微信 张三丰', '联系人 微信 张**'],
    ['联系人 钉钉 欧阳小雨，周末在', '联系人 钉钉 欧阳**，周末在'],
    ['收货人：微信号 李四', '收货人：微信号 李*'],
    ['联系人 QQ 王小五 明天到', '联系人 QQ 王** 明天到'],
  ])('masks a Chinese name written where the account goes: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    '联系人 旺旺 小熊不吃糖',
    '联系人 微信 同手机号',
    '联系人 微信 就是手机',
    'online shop 的 deadline 是周五',
    '用微信付款还是支付宝付款',
  ])('leaves a nickname, the agent’s words and English words holding an app’s name as typed: %s', (text) => {
    expect(maskPii(text)).toBe(text);
  });

  it.each([
    '收件人 Hello Kitty 联名款',
    '收件人 Black Widow 手办',
    '收件人 Hello Kitty联名款到了吗',
    '收件人 Gucci 包包',
    '收件人 Zara 外套',
    '收件人 Mint 色那件',
    '收货人 Lily Rose 同款要大一码',
    '收件人：Tom Ford 专柜价',
  ])('leaves a brand or product followed by a product word as typed, since masking cannot be undone: %s', (text) => {
    expect(maskPii(text)).toBe(text);
  });

  it.each([
    ['收件人 Lily Chen 明天到', '收件人 L*** **** 明天到'],
    ['收件人 Anna 款已付', '收件人 A*** 款已付'],
    ['收件人 Hi Tom，手办明天到', '收件人 Hi T**，手办明天到'],
  ])('still masks a name that no product word follows: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it('is idempotent over these', () => {
    for (const text of ['联系人 钉钉 mia_0412', '联系人 微信 张三丰', '联系人 Telegram kiwi_fox', '收件人 Hello Kitty 联名款']) {
      const once = maskPii(text);
      expect(maskPii(once)).toBe(once);
    }
  });
});

describe('maskPii: a whole Latin name where the account goes, words in a name’s place, product words that start a note (mask9)', () => {
  it.each([
    ['联系人 微信 Lucy Wang', '联系人 微信 L*** ****'],
    ['联系人 微信：Kevin Zhou 晚上方便', '联系人 微信：K**** **** 晚上方便'],
    ['收货人 微信号 Mr. Liang', '收货人 微信号 Mr. L****'],
    ['联系人 QQ Grace Lin', '联系人 QQ G**** ***'],
    ['联系人 WhatsApp Peter Ho的手机', '联系人 WhatsApp P**** **的手机'],
    ['联系人 钉钉 LIU YANG', '联系人 钉钉 L** ****'],
  ])('masks the whole name written where the account goes, as after the label itself: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['联系人 微信 peach_1999', '联系人 微信 pe***'],
    ['联系人 微信 Momo2021', '联系人 微信 Mo***'],
    ['联系人 vx xiaoyu.s', '联系人 vx xi***'],
    ['微信 Lucy Wang', '微信 Lu*** Wang'],
  ])('still masks an account there as an account: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    '联系人 随便',
    '联系人：随便吧，谁收都行',
    '收货人 随意',
    '联系人 任意一位家人',
    '联系人 一样',
    '收件人 暂无',
    '联系人：待定',
    '联系人 未知',
    '联系人 无所谓',
    '收货人：保密',
    '联系人 如上',
  ])('leaves a word that stands in a name’s place as typed: %s', (text) => {
    expect(maskPii(text)).toBe(text);
  });

  it.each([
    ['联系人 任静', '联系人 任*'],
    ['联系人：随丽', '联系人：随*'],
    ['收件人 保平，下午在', '收件人 保*，下午在'],
    ['联系人 张莉', '联系人 张*'],
  ])('still masks a real name that starts as one of those words does: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    ['收件人 Anna 色差大', '收件人 A*** 色差大'],
    ['收件人 Lily Chen 款式选错了', '收件人 L*** **** 款式选错了'],
    ['收货人 Emma 码数不对要换', '收货人 E*** 码数不对要换'],
  ])('masks a name followed by a noun that merely starts with a product word’s character: %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each(['收件人 Mint 色那件', '收件人 XL 码', '收件人 Hello Kitty 联名款', '收件人 Zara 外套'])(
    'still leaves a brand, colour or size that a product word qualifies as typed: %s',
    (text) => {
      expect(maskPii(text)).toBe(text);
    },
  );

  it('is idempotent over these', () => {
    for (const text of ['联系人 微信 Lucy Wang', '联系人 WhatsApp Peter Ho的手机', '收件人 Anna 色差大', '联系人 任静']) {
      const once = maskPii(text);
      expect(maskPii(once)).toBe(once);
    }
  });
});

describe('maskPii: the door of a street address', () => {
  it.each([
    ['改地址 浙江省杭州市西湖区文三路88号3幢201室', '改地址 浙江省杭州市西湖区文三路**号*幢***室'],
    ['朝阳区建国路88-2号5号楼1203', '朝阳区建国路**-*号*号楼****'],
    ['南京西路1266号恒隆广场 前台代收', '南京西路****号恒隆广场 前台代收'],
    ['人民大道100号', '人民大道***号'],
    ['东大街5号院', '东大街*号院'],
    ['送到5栋302室', '送到*栋***室'],
    ['3号楼2单元501 放门口', '*号楼*单元*** 放门口'],
    ['幸福里小区12栋', '幸福里小区**栋'],
    ['文三路８８号３幢２０１室', '文三路**号*幢***室'],
    ['文三路88号 13812345678', '文三路**号 138****5678'],
  ])('masks the house number, building and room, keeping the road and area: %s', (text, masked) => {
    expect(maskPii(text)).toBe(masked);
  });

  it('leaves a date, a sofa’s seats and a flat’s rooms alone: no road word or building word before them', () => {
    for (const text of ['3号发的货', '我知道3号到', '12号前能到吗', '3座沙发', '1室1厅', '身高165 体重110，M码']) expect(maskPii(text)).toBe(text);
  });

  it('is idempotent over addresses', () => {
    const once = maskPii('浙江省杭州市西湖区文三路88号3幢201室 张先生 13812345678');
    expect(maskPii(once)).toBe(once);
    expect(once).toBe('浙江省杭州市西湖区文三路**号*幢***室 张先生 138****5678');
  });
});

describe('retentionPurge', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const DAY = 24 * 60 * 60 * 1000;

  it('returns customers neither edited nor seen within the period', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const old = newCustomer('taobao', '老王', Date.now());
    vi.setSystemTime(Date.now() + 100 * DAY);
    const recent = newCustomer('taobao', '小李', Date.now());
    const seenLately = { ...old, key: 'taobao:seen', lastSeenAt: Date.now() - DAY };
    const editedLately = { ...old, key: 'taobao:edited', updatedAt: Date.now() - DAY };
    vi.setSystemTime(Date.now() + 10 * DAY);

    expect(retentionPurge([old, recent, seenLately, editedLately], Date.now(), 90)).toEqual(['taobao:老王']);
  });

  it('keeps a customer exactly at the limit', () => {
    const c = newCustomer('jd', 'a', 0);
    expect(retentionPurge([c], 30 * DAY, 30)).toEqual([]);
    expect(retentionPurge([c], 30 * DAY + 1, 30)).toEqual(['jd:a']);
  });

  it('keeps everything when retention is off (0 days)', () => {
    const c = newCustomer('jd', 'a', 0);
    expect(retentionPurge([c], 1000 * DAY, 0)).toEqual([]);
    expect(retentionPurge([c], 1000 * DAY, Number.NaN)).toEqual([]);
  });
});
