import type { ScenarioId } from '../scenarios';

/**
 * Cue phrases per scenario, written from the scenario catalogue in shared/domain.md and general
 * shop-chat Chinese (not from evaluation lines). Weights: 3 = the phrase alone names the need,
 * 2 = strong hint, 1 = weak hint that needs company. Phrases are matched on normalised text
 * (simplified, lower-case, slang rewritten: 啥→什么, 咋→怎么, 木有→没有, 么/嘛 at the end → 吗).
 * When one phrase contains another, only the longer one counts (退款进度 beats 退款 beats 退).
 */
export type CueList = Partial<Record<1 | 2 | 3, string>>;

export const CUES: Record<Exclude<ScenarioId, 'other'>, CueList> = {
  greeting: {
    3: '在吗 还在吗 在不在 有人吗 有人在吗 人工 转人工 人工客服 真人 客服在吗 亲在吗 亲在 人呢 在线吗 有没有人',
    // …and a returning buyer announcing themselves (我又来啦): 老客欢迎 answers it (it abstained until 2026-12-06).
    2: '你好 您好 哈喽 hello hi 嗨 早上好 下午好 晚上好 在的吗 又来啦 我又来了 我又来啦 回头客',
    1: '亲 咨询一下 问一下 请问一下',
  },
  'size-fit': {
    3: '尺码 码数 多大码 什么码 哪个码 几码 穿多大 穿什么码 偏大 偏小 正码 身高 体重 合身 能穿吗 穿得下 ' +
      '穿的下 穿不下 大码 小码 均码 加大码 腰围 胸围 臀围 肩宽 裤长 衣长 袖长 脚长 鞋码 标准码 大一码 小一码 ' +
      '选多大 拍多大 拿多大 哪个尺寸 什么尺寸 尺寸合适 宽松吗 紧吗 显瘦 平时穿',
    2: '尺寸 大号 小号 中号 特大号 s码 m码 l码 xl xxl 码子 斤 公斤 胖 瘦 脚宽 脚背',
    1: '选哪个 该选 哪个号',
  },
  'product-info': {
    3: '材质 面料 什么料 布料 成分 什么颜色 色差 怎么用 怎么使用 使用方法 用法 如何使用 安装 怎么装 参数 ' +
      '配置 型号 规格 保质期 生产日期 产地 口味 什么味 功效 有什么区别 区别 哪款好 推荐 ' +
      '是正品吗 正品 真假 质量怎么样 质量如何 质量好吗 好用吗 好吃吗 耐用 防水吗 续航 兼容 ' +
      '能用吗 可以用吗 适用 多重 重量 多长 多宽 多高 容量 几包 一箱 多少克 多少ml 多少毫升 净含量 ' +
      '有没有带 带不带 自带 含不含 一样吗 新鲜 厚吗 薄吗 软吗 硬吗 透气 起球吗 掉色吗 ' +
      '缩水吗 原装 版本 功率 味道怎么样 孕妇能用 孕妇可以 有效期 保质期多久 清晰度 分辨率 尺寸多大 多大尺寸 ' +
      '有什么用 好不好用 用法区别 ' +
      '几寸 几英寸 多少寸 几升 多少升 几瓦 电压 瓦数 长宽高 多少乘多少 尺寸是多少 疼不疼 磨不磨 磨脚吗 勒不勒 夹不夹 闷不闷 扎不扎 痒不痒 能连 连得上 能连接 几个装 几只装 几片装 几支装 国标 另外买 要另外买 折叠 能机洗 可以机洗 机洗 手洗 水洗 热不热 冷不冷 保暖吗 凉快吗 够用 够不够 够吃 够用吗 够几个人 能用多久 可以用多久 怎么拆 拆下来 卸下来 怎么卸 怎么打开 怎么开机 怎么关机 ' +
      '怎么充电 怎么组装 怎么清洁 什么馅 哪个好吃 哪个好用 哪种好 ' +
      '防不防 透不透 厚不厚 薄不薄 甜不甜 辣不辣 软不软 硬不硬 重不重 沉不沉 响不响 亮不亮 烫不烫 暖不暖 滑不滑 吵不吵 香不香',
    2: '什么好吃 什么好喝 哪个好喝 什么味道 哪款 哪个好 好不好 怎么样 做什么用 干什么用 功能 包装 多少钱 颜色 款式 效果 支持 适合 日期 ' +
      '蓝色 黑色 白色 红色 灰色 粉色 绿色 黄色 棕色 厚 薄 大小 图片 详情 是什么 怎么调 ' +
      '调节 设置 清洗 怎么洗 能洗吗 味道 咸 甜 辣 酸 甜吗 屏幕 电池 wifi 蓝牙 内存 摄像头 充电器 牌子 品牌',
    1: '这款 这个 款 质量 样子 实物 能不能 可以吗 有没有 是不是 会不会 宝宝 孕妇 儿童 老人 价格 价位 链接',
  },
  stock: {
    3: '有货吗 有货 有没有货 还有货 没货了 没有货 缺货吗 补货 到货了吗 现货 有现货 库存 断货 售罄 卖完 ' +
      '无货 显示无货 返场 是不是没有了 还能拍 能拍吗 没了吗 停产 停产了 不做了 还生产吗 还剩 剩几 剩多少 会不会有货 卖光 还有吗 还有没有 什么时候有货 什么时候有 多久有货 调货 能买到 还能买 ' +
      '有卖吗 有的卖吗 有得卖吗 有没有卖 有卖的吗 单独卖 单卖吗 单独买 你这有吗 这边有吗 店里有吗 进货 来货 ' +
      '其他颜色 其它颜色 别的颜色 其他款 其它款 别的款 其他尺码 其它尺码 别的尺码 别的码 其他型号 别的型号 其他口味 别的口味 ' +
      '才有货 才会有货 还会有货 还会有吗 还会补 会补货 再上架 重新上架 还上吗 卖没了 抢没了',
    2: '选不了 单独的 有这款 有没有这款 没货 还卖吗 下架 上架 预定 订货 到货',
  },
  bargain: {
    3: '便宜点 便宜一点 便宜些 便宜吗 少点 少一点 少些 优惠点 优惠一点 能便宜 能不能便宜 可以便宜 ' +
      '最低价 最低多少 最低 最便宜 打个折 抹零 抹个零 去零头 零头 再少 降点 让点 砍价 议价 讲价 ' +
      '能少 贵了 太贵 有点贵 好贵 这么贵 比你便宜 别家便宜 人家便宜 别人家 实惠点 批发价 出厂价 ' +
      '优惠价 给个优惠 少算 算便宜 便宜卖 送点 送个 多送 包邮吧 包个邮 改价 改个价 ' +
      '改价格 改下价 能优惠吗 可以优惠吗 有没有优惠 价格能优惠 多买便宜 买多便宜 量大 批发 团购价 实惠点',
    2: '便宜 实惠 贵 多少钱一',
    1: '价格 价位',
  },
  promotion: {
    3: '优惠券 领券 用券 券 满减 赠品 送什么 赠送 价保 保价 价格保护 退差价 补差价 差价 活动 降价 ' +
      '折扣 秒杀 聚划算 双十一 双11 双12 618 会员 积分 买一送一 买二送 送吗 第二件 叠加 红包 特价 ' +
      '券怎么用 红包怎么用 积分怎么用 券怎么领 在哪领 哪里领 优惠吗 有优惠 有什么优惠 多买有优惠 满多少 减多少 套餐 定金 尾款 返券 优惠码 促销 包邮吗 包邮 ' +
      '送东西 送礼品 送小礼品 有赠品吗 有送吗 送不送 送什么东西 没减 没有减 减了吗 没优惠 优惠没 没打折 券用不了 用不了券 ' +
      '京豆怎么用 京豆能 京豆抵 能抵 抵扣 抵用 运费券 免运费 满赠 送一年 赠的 降价了 价格变了 买贵了 便宜了 保价 价保期 以旧换新 旧换新 ' +
      // A live stream's own price (Douyin, Kuaishou: 直播间 shoppers compare it with what they paid; walk9, 2026-12-07).
      '直播间价 直播间的价 直播价 直播间价格 直播间的价格 直播间便宜 直播间更便宜 直播间优惠 直播专享 直播间专享 直播间券 主播说的价 主播讲的价 主播给的价 粉丝价 ' +
      // A live room's lucky bag or draw (福袋什么时候开: no chip at all until round nine) is the room's own activity.
      '福袋 抢福袋 开福袋 抽奖 开奖 幸运星',
    1: '送',
    2: '优惠 几折 打折 原价 划算 促销价 领 爆款 价格变 降了 便宜了',
  },
  invoice: {
    3: '发票 开票 抬头 专票 普票 增值税 税号 纳税人 电子发票 纸质发票 收据 报销 开具 税点 票据 换开',
    2: '票 公司名称 单位名称 识别号',
  },
  'shipping-time': {
    3: '什么时候发货 什么时候发 何时发货 几时发 多久发货 多久发 几天发货 今天能发 今天发吗 今天发货 ' +
      '今天能发货 明天发 明天能发 几天到 多久到 几天能到 多久能到 什么时候到 什么时候能到 什么时候送 ' +
      '到货时间 送达 预计 尽快发 快点发 赶紧发 发货吧 多久能收到 什么时候收到 什么时候能收到 ' +
      '几天能收到 能收到 来得及 来的及 赶得上 赶的上 急用 着急用 几号到 几号能到 几号发 送到吗 能到吗 ' +
      '今天能到 明天能到 后天能到 明天到 后天到 安排配送 安排发货 抓紧发 尽快安排 早点发 ' +
      '什么时候能发 几点发 当天发 马上发 多长时间到 多久可以收到 时效 几天可以到 发货时间 送货时间 什么时候寄 ' +
      '今天能走 今天走吗 明天能走 能寄出 今天寄 什么时候寄出 寄出吗 几点到 几点能到 几点送 几点送到 准时到 按时到 准时送 能准时 能按时 能拿到 拿得到 可以拿到 什么时候拿到 ' +
      '赶紧安排 尽快发货 快点安排 安排一下 加急 催发货 哪天发 哪天到 哪天能到 能不能到 过年前 ' +
      // When, not whether (什么时候能送到 is no courier's reach: 能送到 inside it counts for nothing).
      '什么时候能送到 什么时候送到 几天能送到 几天送到 多久能送到 多久送到 几天可以送到 多久可以送到 ' +
      // Where it ships from (哪里发的货 had no cue; 发货地 has its own reply).
      '发货地 哪里发货 哪发货 哪儿发货 哪里发的货 哪发的货 从哪里发 从哪发 从哪儿发 哪个城市发 什么地方发 发货城市 哪个仓库发 发货仓',
    2: '发货 配送 送货 送到 寄过来 邮寄过来 收到货 拿到货 多久 几天 尽快 早点 提前',
    1: '急 今天 明天 后天 周末 下周 上午 下午 晚上',
  },
  courier: {
    3: '什么快递 哪个快递 哪家快递 发什么快递 寄什么快递 走什么快递 用什么快递 快递公司 顺丰 圆通 中通 ' +
      '指定快递 换快递 发哪家 发那家 那家快递 哪家物流 什么物流 哪个物流 快递发 默认快递 ' +
      '送不到 到不了 能送到 可以送到 送得到 能不能到 自提 送货上门 送上门 送到楼上 送上楼 发物流 快递能到 快运 物流公司',
    // The far places 偏远地区运费与能否发货 is written for (fit.ts) name the courier's reach: 宁夏包邮不 had the
    // promotion's chip alone, no card of its postage (walk, 2026-12-07).
    2: '发哪个 能到 寄到 送到家 偏远 边远 新疆 西藏 青海 内蒙 宁夏 甘肃 海南 香港 澳门 台湾 港澳 海外 国外 境外 ' +
      '顺丰 圆通 中通 申通 韵达 百世 汇通 邮政 ems 德邦 天天快递 极兔 宅急送',
    1: '快递 京东快递 京东物流',
  },
  payment: {
    3: '付不了 付款失败 支付失败 无法支付 不能付款 付不上 代付 找人付 朋友付 帮我付 帮忙付 余额不足 ' +
      '花呗 白条 信用卡 分期 刷卡 货到付款 怎么付 怎么支付 怎么付款 付款方式 支付方式 对公 对账 转账 ' +
      '应付 实付 付完 没付 未付 待付款 付钱 网银 银行卡 ' +
      '重新付款 重新付钱 重新给钱 再付一次 付两次 扣费 自动扣 扣款 扣钱 多扣 扣了两次 重复扣',
    2: '付款 支付 扫码 微信支付 支付宝 钱不够',
    1: '付 余额',
  },
  'address-change': {
    3: '改地址 修改地址 更改地址 换地址 地址错 地址写错 地址填错 地址选错 改收货 改收件 改一下地址 ' +
      '地址改 改电话 修改电话 电话错 号码错 改手机 改号码 改收件人 收件人错 收件人换成 收件人改成 换收件人 新地址 地址不对 寄到别的 ' +
      '地址变 换个地址 收件地址 地址有误 电话有误 ' +
      // The details said wrong (地址错了): the 错了 inside is the buyer's address, no goods sent wrong.
      '地址错了 电话错了 号码错了 手机号错了 收件人错了 电话号码错了 地址弄错了 电话弄错了 门牌号错了 ' +
      // …and the parcel sent to the wrong address (你们寄错地址了, 地址发错了): the goods are not said wrong, so the
      // longer phrase hides 寄错/发错 (你们寄错地址了 showed 错发漏发 beside 修改地址; walk, 2026-12-07).
      '寄错地址 发错地址 送错地址 派错地址 寄错了地址 发错了地址 送错了地址 地址寄错 地址发错 地址送错 地址搞错',
    2: '地址 电话 收件人 手机号 搬家 改成 改到 收货地址',
    1: '联系电话',
  },
  'cancel-order': {
    3: '取消订单 取消 拍错 拍错了 退订 拦截 别发了 不要发了 不用发了 先别发 撤销 撤单 关闭订单 关闭交易 ' +
      '不想买了 不买了 订单不要了 重复下单 多拍了 拍多了 重拍 点错 点错了 按错了 下错单 不需要了 别送了 不要送了 不用送了',
    2: '不要了 重新拍 重新下单 不想要了',
    1: '算了',
  },
  'merge-orders': {
    3: '一块寄 一块儿发 一块儿寄 一起发 合并 合并发货 一块发 一起寄 合单 一个包裹 放一起 一起发货 一起邮 一起打包 分开发 ' +
      '拆单 拆分 两个订单 几个订单 一起送',
    2: '一起 两单 分开',
  },
  delay: {
    3: '还没发 还没发货 怎么还没发 没发货 不发货 迟迟 怎么还不发 说好的 几天了还 都几天了 这么久 延迟 ' +
      '延期 推迟 缺货 一直没发 还没动静 怎么还没 还不发 还要等 等不起 一直不发 不给发货 ' +
      '没动静 没有动静 一点动静 忘了发 忘记发 是不是忘了 多少天了 等了好久 等不了 出库 还在出库 还没出库 为什么还 为什么还没 好慢 真慢 有点慢 这么慢 慢死 太慢 等好久',
    2: '怎么还 还没 太久 太慢 晚了 拖 几天了 好几天 等了 不是说',
    1: '说了',
  },
  tracking: {
    3: '到哪了 到哪里了 到哪儿了 到哪 物流 物流信息 快递单号 单号 运单 查快递 查件 查物流 查一下快递 ' +
      '没更新 不更新 不动 物流不动 没收到 还没收到 没有收到 派送 派件 签收 配送站 快递员 快递电话 ' +
      '催快递 催一下快递 催件 催单 丢件 丢了 中转 走件 还没到 没到 快递呢 包裹呢 东西呢 到了吗 到没 ' +
      '快递小哥 配送小哥 送货小哥 小哥电话 在配送 配送中 正在配送 在派送 派送中 开始配送 配送员 送货员 揽收 揽件 被退回 显示已签收 收不到 没有物流 没物流 物流没有 什么状态 订单状态 到哪一步 查不到物流',
    2: '快递 包裹 更新 查 到了 送货 催 查询 站点',
    1: '联系方式',
  },
  return: {
    3: '退货 退掉 要退 想退 我要退 可以退吗 能退吗 退吗 七天无理由 7天无理由 无理由 不想要了 退了吧 ' +
      '申请退货 退货退款 退回 寄回 寄回去 退一个 单退 全部退 能退 可以退 退换',
    2: '退 售后 不合适 不喜欢 买错',
  },
  exchange: {
    3: '换货 换一个 换个 换码 换尺码 换颜色 换大 换小 换一下 调换 能换吗 可以换吗 换吗 换没有 换新 ' +
      '换一件 换成 能换 可以换 换款',
    2: '换',
  },
  'refund-status': {
    3: '退款 退款进度 退款什么时候 退款什么时候到 钱什么时候到 款什么时候到 钱什么时候 什么时候退 退钱 到账 没到账 退到 原路返回 钱呢 款呢 ' +
      // Money reaching the account (退款多久能到账): longer than the parcel's 多久能到, which it hides (JD walk, 2026-12-07).
      '多久能到账 多久到账 多久可以到账 几天到账 几天能到账 几天可以到账 什么时候能到账 什么时候到账 多长时间到账 ' +
      '退款了吗 退了吗 退回来的钱 退多少 退全款 退一半 钱退 款退 钱没收到 ' +
      '没收到钱 多久退 退给我 返款 返还 退的钱 返钱 款没到 钱没到 钱还没到 款还没到 钱没回来 钱还没回来 返给我 返过来 返回来 退过来 钱在哪 钱去哪 催财务 催催财务 ' +
      '退回原 退回账户 退到账户 退到余额 退回余额 原账户 原来的卡 原卡 返到 返回账户 退款处理 退款审核 还没退 没退款 没有退款 还没有退款 ' +
      // Refund money still not in (Douyin walk, 2026-12-07): longer than delay's 怎么还没 and the parcel's 还没到, which they hide.
      '还没到账 怎么还没到账 咋还没到账 钱怎么还没到 款怎么还没到 钱怎么还没回来 极速退款',
    2: '退了 财务 退回卡 退到卡',
    1: '钱 余额 审核',
  },
  'return-shipping': {
    3: '寄回的单号 寄回单号 退回单号 回寄 回寄地址 寄回的地址 退货地址 寄回地址 寄到哪 寄哪里 寄给谁 发给谁 运费谁出 运费谁承担 谁出运费 来回运费 邮费谁 ' +
      '运费险 运费险怎么用 运费险怎么使用 运费险如何使用 运费险怎么理赔 运费险理赔 运费险怎么赔 运费险用法 退运费 补运费 补邮费 填单号 填写单号 退货单号 寄回运费 退回地址 收货信息 运费怎么算 ' +
      '没来取 还没来取 不来取 运费 邮费 到付 寄回来 上门取件 取件 来取件 来取货 上门取 上门收 来拿走 取件时间 取货时间 预约取件 改取件 取件码 寄件码 快递员来取 ' +
      '一起寄回 要寄回 需要寄回 要不要寄回 用寄回 用不用寄 不用寄 要退回吗 寄回吗 发回去 发回给 拿件 来拿件',
    2: '单号填',
    1: '收货地址',
  },
  'wrong-item': {
    3: '没在箱子里 箱子里没有 盒子里没有 只来了 只发了 发错 寄错 发错了 少发 漏发 少寄 漏寄 少了 缺了 少一个 少一件 少一包 少一盒 只收到 不是我买的 ' +
      '不是我要的 和图片不一样 跟图片不一样 颜色不对 型号不对 发成 多发 少件 缺件 数量不对 ' +
      '没有配件 配件没有 缺配件 赠品没收到 送的没收到 漏送 少送 赠品没有 没有赠品 赠品呢 只到了',
    2: '错了 不一样 少',
  },
  damaged: {
    3: '凹坑 凹陷 磕碰 磕坏 磕了 是裂的 是碎的 是破的 是烂的 破损 压坏 压扁 碎了 摔坏 摔碎 破了 烂了 包装烂 包装破 漏了 漏液 撒了 变形 撞坏 压碎 箱子坏 ' +
      '盒子坏 外包装 包装坏 坏掉 瘪了 裂开 ' +
      // …said in two words (赠品 烂的, 送的那个杯子 碎的: no chip until 2026-12-07), as 坏的 is a defect's.
      '烂的 碎的',
    2: '箱子 包装',
    1: '坏',
  },
  quality: {
    3: '质量问题 质量差 质量不好 质量太差 开线 掉色 褪色 起球 坏了 坏的 不能用 用不了 不好用 没反应 ' +
      '异味 有味道 一股味 一股 臭 发霉 过期 假货 瑕疵 脱线 破洞 划痕 有问题 故障 漏水 死机 充不进电 ' +
      '坏点 死点 漏光 开机就卡 有亮点 发烫 很烫 特别烫 烫手 不转了 不转 不充电 不开机 不正常 噪音 异响 断了 裂了 不亮 不工作 失灵 卡顿 刺鼻 污渍 线头 ' +
      '变质 不新鲜 难吃 不管用 无效 松动 烧坏 烧了 短路 漏电 接触不良 掉毛 全是毛 起毛 掉渣 掉屑 掉粉 掉漆 生锈 发黄 发黑 有毛病 毛病 ' +
      // What shoes, bags, clothes and devices break as (开胶 had no cue: with 运费谁出 beside it the defect
      // dropped out of the chips and 非质量问题运费 led, QA pass T, finding 1).
      '开胶 脱胶 掉底 鞋底掉 鞋底断 断底 开裂 裂缝 脱皮 掉皮 起皮 爆皮 断线 崩线 开缝 跳线 缩水了 缩水严重 串色 染色了 拉链坏 拉链掉 拉不上 拉头掉 扣子掉 掉扣子 纽扣掉 背带断 肩带断 带子断 提手断 鞋带断 掉钻 五金掉 脱落 花屏 黑屏 闪屏 蓝屏 白屏 自动关机 自己关机 充不上电 充不进去 没声音 没有声音 不响 连不上 重启 卡死 不灵 按键坏 进水 起泡 鼓包 漏气 ' +
      // A hole, or a pair that does not match (有个洞, 一只大一只小): a defect, no swap for fit. 衣服有个洞 能换吗 had
      // no 质量 chip and 尺码不合适可换 (放心拍…) first (2026-12-07).
      '有个洞 有洞 一个洞 几个洞 小洞 窟窿 一只大一只小 一个大一个小 一只大一只 一大一小 一长一短 左右不一样 两只不一样 大小不一 ' +
      '不一样大 不一样长',
    2: '质量 坏 发热 霉 虫 脏 没用 骗人',
    1: '问题 声音 味道',
  },
  repair: {
    3: '保修 维修 修理 售后点 售后网点 修好 返修 三包 质保 维修点 修一下 上门维修 检测 送修 修吗 能修',
    2: '修 售后 保修期',
  },
  complaint: {
    3: '踢皮球 推来推去 推卸 互相推 对待顾客 这样对待 找领导 找你们领导 叫领导 投诉 12315 工商 消协 举报 差劲 太差了 垃圾 骗子 骗人 欺骗 忽悠 坑人 曝光 维权 介入 小二 申诉 ' +
      '纠纷 态度差 态度恶劣 不满意 很不满意 什么态度 太过分 过分 气死 妈的 搞什么 给个说法 说法 ' +
      '无语 不负责 再也不买 律师 起诉 法院 恶心 不讲理 没人理 没人回 怎么这样 ' +
      '太差 失望 坑爹 什么玩意 不给解决 ' +
      // The courier's manner (快递员态度太差了) is a complaint about the service, not a parcel to chase:
      // the longer phrase hides tracking's 快递员 (QA pass 2026-12-06, 查询物流 led it).
      '快递员态度 快递态度 快递小哥态度 派件员态度 配送员态度 送货员态度 驿站态度 ' +
      // A parcel the courier will not bring to the door (不送上门, 不给送到家, 让我自己去驿站取) is the same
      // complaint about the service; the longer phrases hide the courier's 送上门 / 送到家 (查询物流 led).
      '不送上门 不给送上门 不肯送上门 不送货上门 不给送货上门 不肯送货上门 不送到家 不给送到家 不肯送到家 ' +
      '不送到门口 不给送到门口 不送到楼下 不送上楼 不给送上楼 不肯送上楼 不给送货 不肯送货 不给派送 不肯派送',
    2: '为什么不 凭什么 太慢了 坑 让我自己去 要我自己去 叫我自己去 非要我去 非让我去 让我下楼 要我下楼 叫我下楼 让我自己下去 要我自己下去 叫我自己下去 自己去驿站',
    1: '怎么回事 解决',
  },
  review: {
    3: '好评 差评 中评 评价 追评 晒图 返现 五星 5星 打分 评论 改评价 删评 修改评价 删除评价 带图 满星 满分 五分 晒单 给好评 星评 ' +
      // A low score in stars (一星早就打了 had no cue and showed no chip; 颗星: 一颗星, 两颗星); 一星期 is a
      // week (NEUTRAL). Short phrases, so their bigrams (两颗 of 两颗扣子) lend the review nothing.
      '一星 1星 两星 二星 2星 颗星 低分 最低分',
    2: '评',
  },
  thanks: {
    3: '谢谢 多谢 感谢 谢了 辛苦 麻烦你了 麻烦了 麻烦您了 再见 拜拜 88 没问题了 没有了 没了 没啦 暂时没有 ' +
      '知道啦 明白啦 收到啦 好的 好滴 好嘞 好哒 好呢 好吧 好了 知道了 明白了 明白 了解了 收到了 行吧 ok okay 没事了 ' +
      '不用了 收藏了 再联系 辛苦了 好哦 好哈 嗯嗯 晓得了 懂了 可以了 搞定 行了 嗯好 ' +
      '继续关注 先这样 就这样吧 就这样办 回头再说 考虑一下 考虑考虑 再考虑 再转转 等你消息 等你通知 等消息 有事再找',
    2: '可以的 哦哦 那好 收到 了解 再看看 先看看 不错 挺好 挺好的 很好用 挺好用 很满意 挺满意',
    1: '嗯 行 好 等着 知道',
  },
};

/**
 * Regex signals for needs that are patterns rather than phrases. Run on normalised text
 * (digits half-width, placeholders [数字x] already turned into 0).
 */
// One pattern with several effects is one constant (classify.ts runs a pattern once for its
// adjacent entries). The text is normalised first (normalize.ts: 啥→什么, 咋→怎么, ？→?).
/** A defect asked about before buying: 会掉色吗, 会不会起球 (not 为什么会掉色). */
const DEFECT_AHEAD = /(?<!(为什么|怎么).{0,16})会(不会)?\s*(掉毛|掉色|褪色|起球|起毛|生锈|缩水|缩|变形|变色|坏|弯|漏|掉渣|过敏|烫手|烫)\S{0,3}(吗|呢|\?|$)/;
/**
 * …and 会不会 + a defect whatever follows it (会不会掉色 深色的, 会不会起球 穿久了): an A-not-A question, asked before
 * having the goods. DEFECT_AHEAD wanted the question's end right after it, so 会不会掉色 深色的 kept 掉色's 质量问题 chip
 * and 质量问题请拍照 on its cards, 会不会变形 the 破损 chip (pre-sale walk, 2026-12-07).
 */
// A few words may come between (白色的会不会穿久了发黄, 会不会洗几次就变色): 穿久了 kept 发黄's 质量问题 chip and 质量问题请拍照
// first (walk, 2026-12-07, eighth round); not across a comma or a question's end, nor before 坏 or 漏 (会不会压坏 is the
// packing's worry, PACKING_ASKED).
const DEFECT_WHETHER = /(?<!(为什么|怎么).{0,16})会不会\s*(?:(掉毛|掉色|褪色|起球|起毛|生锈|缩水|变形|变色|坏|漏|掉渣|过敏|开线|脱线|掉皮|掉漆|氧化|发黄)|[^\s，,。.?？!！]{1,4}?\s*(?:掉毛|掉色|褪色|起球|起毛|生锈|缩水|变形|变色|掉渣|过敏|开线|脱线|掉皮|掉漆|氧化|发黄))/;
/**
 * Whether the goods are genuine, asked before having them (是不是正品, 是不是真的, 保真吗, 是否原装, 会不会是假货): a
 * product question. 是不是正品 had no chip at all — the neutral 不是正品 (a fake feared or found) hid its 正品 — and
 * 是不是假货啊 the 质量问题 chip with 质量问题请拍照 first (pre-sale walk, 2026-12-07). Goods had (收到的是不是正品), a fault
 * or a complaint beside it (开胶了 怕是假的, 担心是假货 我要投诉) keep the reading they had.
 */
const GENUINE_ASKED = new RegExp(
  String.raw`^(?!.*(?:${'收到|拿到|到手|签收|到货|用了|穿了|洗了|戴了|吃了|试了|坏|破了|裂了|问题|开胶|开线|脱线|投诉|差评|态度|买的|发来的|寄来的'})).*` +
    String.raw`(?:(?:是不是|是否|会不会|保不保)\s*(?:是|买到)?\s*(?:正品|真的|真货|假货|假的|仿的|高仿|原装|原厂|专柜)|是(?:正品|真的|真货|原装|原厂|专柜)的?(?:吗|么|\?|呢)|保真|保正品|假一赔|正品吗|专柜同款|专柜正品)`,
);
/**
 * The price of sending to a far place, asked in its fewest words (寄台湾多少钱, 发香港要多少钱, 澳门能寄吗 多少钱): the
 * postage there, before buying. The model read 寄…多少钱 as goods sent in for repair (维修 at p 0.74, 保修政策 a card),
 * and 多少钱 put up 商品咨询 (walk, 2026-12-07, eighth round). Not a return or a repair sent back (寄回去修要多少钱).
 */
const FAR_PLACES = '偏远|边远|新疆|西藏|青海|内蒙|宁夏|甘肃|海南|香港|澳门|台湾|港澳|海外|国外|境外';
const FAR_POSTAGE = new RegExp(
  `^(?!.*(?:退|换|寄回|返|修|售后)).*(?:(?:寄|发|邮|送)(?:到|去|往)?\\s*(?:${FAR_PLACES})|(?:${FAR_PLACES})\\S{0,3}(?:寄|发|邮))[^，,。!]{0,6}?(?:多少钱|几块|多少|什么价|贵不贵|贵吗|怎么收费|收多少)`,
);
/** The returned parcel reaching the shop: 退货的东西你们收到没有, 寄回去的签收了吗. */
const RETURN_RECEIVED = /(寄回|退回|退货|寄回去|退回去)(的|了)?(东西|货|件|包裹|快递)?\s*(你们|仓库|商家|店里)?\s*(收到|签收)(了|没)/;
/** A sum of money: a number and its unit (十块, 5块钱, 二十元), not 十块钱的 (a thing that costs it). */
const SUM = String.raw`[\d一二两三四五六七八九十百几]+\s*(?:块|元|毛|钱|块钱|rmb)(?!钱?的)`;
/**
 * A sum said with no unit as a price is haggled (少五十行不行, 少20吧): ten or more (少2 / 少一 may
 * be a count), then a question or a plea — a count has its counter instead (少十个, 少两双, 少三条),
 * and 少了二十 may be goods short, so 了 does not come before it.
 */
const BARE_SUM = String.raw`(?:\d{2,}|[一二两三四五六七八九几]?[十百][一二三四五六七八九]?)(?=\s*(?:行|吧|呗|可以|好|成|怎么样|呢|吗|啊|呀|卖|就|拍|包邮|的话|不|\?))`;
/**
 * A small sum with no unit (少5吧, 少三行不行) is haggled only when a plea or question follows at
 * once: 少2 alone, 少5个, 少一件 count goods, and 少5呢 / 少3啊 could be either, so they stay unread.
 */
const PLEA = String.raw`(?:吧|呗|行不行|行吗|行不|可以吗|可以不|可不可以|好不好|好吗|成不成|成吗|卖不卖|卖吗)`;
const SMALL_SUM = String.raw`[\d一二两三四五六七八九](?=\s*${PLEA})`;
/**
 * 少 before a sum of money (少个十块, 少算5块钱, 少收二十元, 少五十行不行) takes money off, it is no
 * missing item: the bare 少 is a wrong-item hint (少了一件, 怎么少个袜子), and 能便宜点不，少个十块 got the
 * 错发漏发 chip with 漏发少件 on the cards (QA pass N, defect 6; a sum with no unit, 少五十行不行, did the same).
 */
const LESS_MONEY = new RegExp(String.raw`少\s*(?:(?:个|了|给|(?:收|算|要|拿)我?)?\s*${SUM}|(?:个|给|(?:收|算|要|拿)我?)?\s*(?:${BARE_SUM}|${SMALL_SUM}))`);
/** …and asks for a lower price unless a refund or price difference is in sight (退款少了十块 is money owed back). */
const LESS_PRICE = new RegExp(String.raw`^(?!.*(?:退|款|差价|补|返)).*少\s*(?:个|(?:收|算|要|拿)我?)?\s*(?:${SUM}|${BARE_SUM}|${SMALL_SUM})`);
/** Money off by the difference, however small: 少二十行不行, 便宜5块吧, 减3块可以吗, 抹个2块呗. */
const TAKE_OFF = new RegExp(String.raw`(?:少|便宜|减|抹)\s*(?:个|掉|去)?\s*[\d一二两三四五六七八九十百]+\s*(?:块钱|块|元)?\s*${PLEA}`);
/**
 * A count with its counter after 少 is goods short, whatever follows (少5个吧 is no plea for 5 yuan
 * off: the shipped model read it as bargaining). Not 多少/至少/不少 (至少两件才包邮), and not 块, a
 * counter and a sum at once. 漏 as well (另外漏了一个配件: its 漏了 is no leak, NEUTRAL).
 */
const SHORT_COUNT = /(?:(?<![多至不减])少|漏)(?:了|发了?|寄了?|给了?|装了?)?\s*[\d一二两三四五六七八九十几]+\s*(?:个|件|双|条|包|盒|瓶|只|支|套|袋|箱|本|张|片|副|把|根|对|份|罐|桶|卷|枚|颗|粒|台)/;
/**
 * Fewer said to have come than were bought, with the count (只收到两件, 才到了3包, 就来了一个): goods short. 才到了
 * alone is a parcel's way (才到了上海), so the count is asked for.
 */
const ONLY_COUNT = /(?:只|才|就|仅)(?:收到|来|到|发|寄|给)了?\s*[\d一两二三四五六七八九十几]+\s*(?:个|件|双|条|包|盒|瓶|只|支|套|袋|箱|本|张|片|副|把|根|对|份|罐|桶|卷|枚|颗|粒|台)/;
/**
 * The rest still owed, with its count (拍了三个 还差两个, 还差一件没收到), and a count come of a count (两盒到了一盒,
 * 买了三双袜子 到了两双: the same counter twice): goods short. 拍了三个 还差两个 had no chip, and 您好，两盒到了一盒 led
 * with 查询物流 (walk, 2026-12-07). Not short of a threshold before buying (还差两件包邮, 差一个就满减), a size or a
 * time off (差一个码, 差两个小时), nor a difference (色差, 相差, 价差).
 */
const COUNTERS = '个|件|双|条|包|盒|瓶|只|支|套|袋|箱|本|张|片|副|把|根|对|份|罐|桶|卷|枚|颗|粒|台';
const COUNTER = `(?:${COUNTERS})`;
const STILL_OWED = new RegExp(
  `^(?!.*(?:包邮|满(?!意)|凑|起送|优惠|才能|就能|就可以|就够|够)).*(?<![相误色时落价温偏反])差了?\\s*[\\d一两二三四五六七八九十几]+\\s*${COUNTER}(?!\\s*(?:码|号|尺|色|星期|礼拜|月|小时|钟|点|工作日|天))`,
);
const COUNT_OF_COUNT = new RegExp(`[\\d一两二三四五六七八九十几]+\\s*(${COUNTERS})[^\\d，,。！？!?]{0,4}(?:只|才|就|仅)?(?:到了|收到了?|来了)\\s*[\\d一两二三四五六七八九十几]+\\s*\\1`);
/**
 * The buyer offers to fetch the parcel, or lets it wait at a pick-up point, should the door be out
 * of reach (送不上门的话我去驿站拿也行, 不方便送上门放驿站就可以, 送不到家也没关系, 如果送不了上门怎么办):
 * an arrangement for the delivery, no refusal to complain of. Not when the buyer is sent there (非要我去,
 * 凭什么不送) or a complaint word is in sight (态度, 投诉, 差评): those stay COURIER_REFUSES' complaint.
 */
const PICKUP_POINT = '(?:驿站|快递点|快递站|菜鸟|代收点|快递柜|丰巢|自提点|门卫|物业)';
const IS_FINE = '(?:也行|也可以|也没事|也没关系|也好|也ok|就行|就可以|就好|都行|都可以|没关系|没事|没问题|可以的)';
const DOOR_REFUSAL = '(?:送不(?:了|到|上)|不(?:能|方便|好|给|肯)?送|没法送|没办法送|派送不了)(?:货)?(?:上门|到家|到门口|到楼下|上楼)?';
const OFFER =
  String.raw`^(?!.*(?:非要|非让|还让|凭什么|为什么|怎么不|投诉|态度|差评|举报|太差|过分|垃圾|无语|每次都|老是|总是)).*(?:` +
  String.raw`我(?:也|就|都)?(?:可以|能)(?=自己|去|到|下楼|${PICKUP_POINT})(?:自己)?(?:去|到|下楼)?${PICKUP_POINT}?(?:拿|取)(?!到)` +
  String.raw`|(?:我|自己)(?:也|就)?(?:去|到|下楼)?${PICKUP_POINT}?(?:拿|取)(?:一下|货|件)?${IS_FINE}` +
  String.raw`|(?:放|放在|放到|搁|存|送到|送)${PICKUP_POINT}(?:里|那)?${IS_FINE}` +
  String.raw`|${DOOR_REFUSAL}${IS_FINE}` +
  String.raw`|(?:如果|要是|假如|万一|实在)[^,.!?]{0,6}${DOOR_REFUSAL}|${DOOR_REFUSAL}[^,.!?]{0,4}的话)`;
const DOOR_OFFER = new RegExp(OFFER);
/**
 * The courier refuses the door (不送上门, 不肯送到家) or sends the buyer to fetch it (让我自己去驿站拿), and
 * the buyer does not offer to (DOOR_OFFER).
 */
const COURIER_REFUSES = new RegExp(
  String.raw`^(?!${OFFER}).*(?:(?<![能可会给])不(?:给|肯|愿意|帮)?(?:送|派)(?:货|件)?(?:上门|到家|到门口|到楼下|上楼)` +
    String.raw`|(?:让|要|叫|非要|非让|还让|还要)我(?:自己)?(?:去|下楼|下去)(?:驿站|快递点|菜鸟|代收点)?(?:拿|取|搬))`,
);
/**
 * A worry about the goods before having them (还在犹豫，怕质量不好; 担心是假货; 就怕穿两次就起球): a doubt
 * to hear out before the purchase, no defect to handle. Not 哪怕/恐怕, not 不怕 / 不担心, and not once the
 * buyer has said the goods came or broke (收到了 担心质量有问题).
 * 怕是 is often "probably" (鞋子开胶了 怕是质量问题 reports a defect): it is a worry only after 就/只/生/最
 * (就怕是假的), or before a fake (怕是假货, 怕是仿的) with no goods had and no fault named anywhere.
 */
const RECEIVED_BEFORE = '收到|拿到|到手|签收|到货|用了|穿了|洗了|戴了|吃了|试了|坏了|破了|裂了|有问题';
const WORRY_OF = '(?:质量|做工|假货|假的|不是正品|次品|瑕疵|起球|掉色|褪色|开线|脱线|缩水|掉毛|异味|有味|坏|用不久|不耐用|不结实)';
const FAKE = '(?:假货|假的|假冒|冒牌|仿的|仿货|仿品|高仿|山寨|水货|次品|不是正品|不是真的)';
/** A fault named (开胶了, 有股味): 怕是 beside it is "probably", a guess at the cause. */
export const FAULT_NAMED = '开胶|脱胶|开线|脱线|掉色|褪色|起球|缩水|掉毛|掉皮|破|裂|坏|漏|断|异味|有味|臭|发霉|瑕疵|问题|毛病|不能用|用不了|没反应|不好用';
export const WORRY_AHEAD = new RegExp(
  String.raw`^(?:(?!${RECEIVED_BEFORE}).)*?(?:(?<![不没别哪恐])(?:怕(?!是)|担心|担忧|顾虑|不放心)[^,.!?]{0,8}?${WORRY_OF}` +
    String.raw`|(?<=[就只生最])怕是[^,.!?]{0,8}?${WORRY_OF}` +
    String.raw`|(?<![不没别哪恐]|(?:${RECEIVED_BEFORE}|${FAULT_NAMED}).*)怕是[^,.!?]{0,3}?${FAKE}(?!.*(?:${RECEIVED_BEFORE}|${FAULT_NAMED})))`,
);
/**
 * A worry about the goods said with no complaint word beside it (担心是假货, 怕质量不好): nothing has gone
 * wrong to complain of, so the model's 投诉 chip (which reads 假货 as an accusation) is ruled out too.
 */
const WORRY_ONLY = new RegExp(String.raw`^(?!.*(?:投诉|举报|差评|态度|骗|坑|垃圾|过分|12315|维权|消协|工商))` + WORRY_AHEAD.source.slice(1));
/**
 * Quality as a wish, or its worry waved away, before the goods are had (不担心质量, 质量好就行, 只要质量过关,
 * 哪怕贵一点也要好的): no defect to handle. Not once the goods came or a fault is named (万一质量有问题能退吗
 * asks what happens to a defect, 收到了 质量不好 reports one).
 */
const NOT_WORRIED = '(?:不|不用|没|别|并不|也不|一点也不|从不|倒不)(?:担心|怕|在意|在乎|介意|纠结|顾虑)';
const QUALITY_WISH = new RegExp(
  String.raw`^(?!.*(?:${RECEIVED_BEFORE}|问题|质量差|质量不好|质量不行|质量太差|假货|次品|瑕疵|投诉|差评)).*(?:` +
    String.raw`${NOT_WORRIED}[^,.!?]{0,4}(?:质量|做工|品质)` +
    String.raw`|(?:质量|品质|做工)(?:要|得)?(?:好|过关|过硬|靠谱|有保证|有保障)(?:就行|就好|就可以|就ok|就成|最重要|为主|第一|的话)` +
    String.raw`|(?:只要|要|想要|我要|关键是)(?:质量|品质|做工)(?:好|过关|过硬|靠谱)` +
    String.raw`|(?:哪怕|就算|即使|宁可|宁愿)[^,.!?]{0,3}贵)`,
);
/**
 * A higher price accepted (哪怕贵一点, 贵点也没关系, 就算贵也要好的) is no haggling, unless a plea for less
 * is in sight (贵点没关系 能便宜吗, 太贵了).
 */
/**
 * Another capacity or size of the goods asked for (有没有大一点的容量, 有更大容量的吗, 保温杯有大一点的吗,
 * 有没有小一点的规格) with no price word in sight: a product question, no plea for a lower price (大一点 is not
 * 便宜一点) nor a stock one — the model's 议价 and 库存 chips showed on it with 统一定价 and 小额让利 among the
 * replies (after-sales walk, 2026-12-07). Sizes of clothes (大一码, 大一号) stay the size-fit cues' own.
 */
const BIGGER_ONE = new RegExp(
  String.raw`^(?!.*(?:便宜|优惠|价|钱|贵|少点|少一点|打折|砍|减|抹|降|送|赠)).*(?:` +
    String.raw`(?:大|小)一?(?:点|些)的?(?:容量|尺寸|规格|型号|毫安|升|的)|(?:更|再)(?:大|小)(?:的|一点的?)?(?:容量|尺寸|规格|型号)|` +
    String.raw`(?:容量|尺寸|规格|型号)(?:更|再)?(?:大|小)一?(?:点|些)|别的(?:容量|尺寸|规格|型号))`,
);
/**
 * An invoice's details (公司抬头需要提供什么, 税号发给谁, 开票要填抬头吗) with no payment word: no payment
 * question — the model's 付款 chip showed beside 发票 on 公司抬头需要提供什么 (after-sales walk, 2026-12-07).
 */
const INVOICE_DETAILS = /^(?!.*(?:付款|支付|付钱|花呗|白条|分期|转账|对公|汇款|付了|没付|未付)).*(?:抬头|税号|开票|发票)/;
const PRICE_ACCEPTED = new RegExp(
  String.raw`^(?!.*(?:便宜|优惠|少点|少一点|太贵|好贵|这么贵|有点贵|最低|打折|砍价|讲价|降价|抹零)).*(?:` +
    String.raw`(?:哪怕|就算|即使|宁可|宁愿)[^,.!?]{0,3}贵|贵(?:一点|一些|点|些)?(?:也|都)(?:没关系|没事|无所谓|不要紧|行|可以|要|买|认|愿意))`,
);
/**
 * The price asked beside a quality wish (质量好就行 多少钱, 只要质量过关 什么价): a question before buying, no
 * warranty or invoice to handle unless the buyer names one (质量好就行 保修多久, 开发票吗).
 */
const PRICE_ASKED = '多少钱|多少米|什么价|啥价|几块钱|多少一|怎么卖|价格多少|价格是多少|价钱多少|价格怎么样|价位';
const PRESALE_PRICE = new RegExp(
  String.raw`^(?=.*(?:${PRICE_ASKED}))(?!.*(?:修|保修|质保|三包|售后|票|报销|收据))` + QUALITY_WISH.source.slice(1),
);
/**
 * 好 as an acknowledgement (好, 好的, 好嘞, 那好, 嗯好, 好的 收到, 那就好, 好 我拍了) opens its clause: nothing
 * before it but a break, a closing particle (知道了好的, 是的好的), an interjection or 那/那就; and it ends there: a
 * particle, 亲, the next clause (谢/收/我/那), a break or the end. So does praise, a degree word just before it
 * (东西很好, 太好了). Any other 好 is a word of the sentence: a degree adverb or the first half of a word
 * (好远, 好慢, 好久, 好贵, 好用, 好看, 好不好, 好就行), or what is judged (什么颜色好, 哪个好呢, 质量好的, 东西好就好).
 * classify.ts counts such a 好 for no thanks and, with no other thanks cue of weight 2 or more in the
 * message, pulls thanks out (no 致谢 chip beside another need; in a question or a wish, not even the model's
 * alone). A run of 好 (好好好, 好好包装) is judged as one.
 */
const GOOD_PHRASE = /^[那嗯]?好[的滴嘞哒呢吧了哦哈]?$/;
const GOOD_OPENERS = '那就|那|嗯|恩|哦|噢|喔|哈|啊|呃|额|唔|诶|欸|哎|行|也|都';
const GOOD_PRAISE = '很|挺|真|太|蛮|超|特别|非常';
const GOOD_OPENS = new RegExp(
  String.raw`(?:(?:^|[^\u4e00-\u9fa5]|[了啦吧呢嘛呀哈哦滴嘞哒]|(?:是|对|行|可以|好)的)(?:${GOOD_OPENERS})*|(?:${GOOD_PRAISE}))$`,
);
const GOOD_ENDS = /^(?:$|[^\u4e00-\u9fa5]|[的滴嘞勒哒吧呢哈哦喔噢啦了呀啊嘛咧耶嗯咯喽亲谢我那收])/;
/** Is the run of 好 around chars[at] an acknowledgement (or praise) rather than a word of the sentence? */
function goodRunAcks(chars: readonly string[], at: number): boolean {
  let first = at;
  let last = at;
  while (chars[first - 1] === '好') first--;
  while (chars[last + 1] === '好') last++;
  return GOOD_OPENS.test(chars.slice(0, first).join('')) && GOOD_ENDS.test(chars.slice(last + 1).join(''));
}
/** False when the cue matched at chars[start..end) is a 好 phrase (好, 好的, 那好…) whose 好 is a word of the sentence. */
export function goodAcknowledges(chars: readonly string[], start: number, end: number): boolean {
  const phrase = chars.slice(start, end);
  return !GOOD_PHRASE.test(phrase.join('')) || goodRunAcks(chars, start + phrase.indexOf('好'));
}
/** True when some 好 of the message is a word of the sentence (好贵, 好不好, inside a cue of another need too). */
export function goodAsWord(chars: readonly string[]): boolean {
  return chars.some((c, i) => c === '好' && chars[i - 1] !== '好' && !goodRunAcks(chars, i));
}
/** Not ordered yet (还没拍, 还没下单; not 还没拍照): nothing is late, whatever else the message says. */
const NOT_ORDERED = /还没有?(?:拍(?!照|图|视频|个照|张照)|下单|买)/;
/**
 * …and nothing can be cancelled or tracked either: a need that only an order placed has (怕是仿的 还没下单
 * showed the model's 取消订单 chip). Not when the buyer asks what happens once it is placed (还没下单，拍了以后
 * 能取消吗): the order meant there is the one to come. A need with an answer before buying (退换, 退款多久,
 * 运费谁出, 保修, 合并发货) keeps its chip.
 */
const NO_ORDER_YET = new RegExp(String.raw`^(?!.*(?:拍|下单|买|付款?)(?:了|下|好|完)?(?:以后|之后|后))(?=.*${NOT_ORDERED.source})`);
/** A size or colour named between 还有 and the question (还有37码吗, 还有xl的吗, 还有白色没, 还有大码吗). */
const STILL_THERE = /^(?!.*(?:换|退)).*还有(?:没有)?\s*(?:(?:[a-z]{1,4}|\d{2,3}(?:\.5)?|大|小|中|加大)\s*(?:码|号)?|[\u4e00-\u9fa5]{0,2}色)的?\s*(?:吗|么|没|呢|\?|不|$)/;
/** The goods against what the buyer pictured, no wrong item said (发错, 不是我买的, 发成…). */
/**
 * A part of the goods that came off or broke (拉链头掉了, 纽扣刚穿就掉下来了, 肩带断掉, 把手松了): a defect. 坏了/断了 are
 * cues of their own, but 掉了 is no fault by itself (删掉了, 扣掉了, 花掉了 are done to something, 掉色 has its own
 * cues), so only a part named right before it counts. 您好，外套的拉链头掉了 had no quality cue and led with welcomes
 * (walk, 2026-12-07). A worry before buying (会不会掉, 容易掉吗) names no part coming off: 掉了 must be said.
 */
const PART = '拉链头|拉链|拉头|拉锁|扣子|纽扣|扣头|按扣|暗扣|搭扣|袖扣|扣眼|带子|肩带|背带|表带|提手|把手|手柄|柄|盖子|盖|轮子|轮|腿|鞋底|鞋跟|' +
  '水钻|钻|珠子|珠|亮片|镜片|贴片|装饰|吊坠|挂件|配件|零件|螺丝|按钮|按键|键帽|链子|表链|项链|手链|挂钩|钩子|钩|环|标签|商标|logo|' +
  '胶|漆|绳子|绳|鞋带|头|嘴|刷头|喷头|滤网|支架|脚垫|垫|毛领|帽子|袖子|口袋|蝴蝶结|皮|边|线|毛|底座|脚';
// Not the words a cue already counts (扣子掉, 拉头掉, 断了, 脱落): said once, counted once.
export const PART_OFF = new RegExp(
  `(?<![拉扣鞋])(?!拉链掉|拉头掉|扣子掉|纽扣掉|鞋底掉)(?:${PART})(?:都|就|也|自己|直接|全|又|一碰就|一拉就|一下就|没几天就|刚穿就|刚用就)?(?:掉了|掉下来|掉下|掉落|掉光|掉没|松了|松掉|断掉)`,
);
/**
 * The gift itself broken or missing (赠品坏了, 送的杯子碎了, 小礼物没收到): a fault in goods the buyer has, after-sales,
 * no question about the promotion. 赠品坏了 led with 赠品规则 (walk, 2026-12-07): 赠品 is a promotion cue and the
 * model's first need. (A gift that did not come is a missing item: the 赠品没收到 cues and the pattern below.)
 */
const GIFT = '赠品|送的|赠送的|赠的|小礼物|礼品|小样|试用装';
const GIFT_AT_FAULT = new RegExp(`(?:${GIFT})[^，,。！!？?]{0,6}(?:${FAULT_NAMED}|碎|烂|脏|划痕|掉了|不亮|不响|不转|没电|发霉|过期|没(?:在|有|收到|见|给|放|装)|不(?:在|见))`);
/**
 * Goods that do not work (坏了, 收到就是坏的, 不亮, 没反应) with nothing said of breakage in transit (碎, 裂, 压, 漏, the
 * box, the courier): a defect, no damage — the scenario catalogue's 坏了 is 质量问题, and the model's 破损 chip is
 * ruled out (送的那个小风扇收到就是坏的 showed it at p 0.48; walk, 2026-12-07). Cracked or crushed goods keep it.
 */
const FAILS_TO_WORK = /^(?!.*(?:碎|裂|破|压|瘪|凹|变形|漏|烂|磕|摔|撞|包装|箱子|盒子|外箱|快递|运输|物流|路上)).*(?:坏了|坏的|不亮|不转|不响|没反应|用不了|不能用|没声音|没有声音|充不进|充不上|开不了机|不开机|死机|连不上|不工作|失灵|不灵)/;
/** The parcel sent to the wrong address (你们寄错地址了, 地址发错了, 送错了地址): the address, not the goods, is wrong. */
const ADDRESS_MISSENT = /(?:寄|发|送|派)错了?(?:收货)?地址|地址(?:被)?(?:寄|发|送|派|搞|弄)错/;
/** …with no goods said sent wrong elsewhere in the message (地址寄错了 衣服也发错了 says both). */
const ADDRESS_ONLY_MISSENT = new RegExp(
  String.raw`^(?!.*(?:(?<!地址被?)(?:寄|发|送|派)错(?!了?(?:收货)?地址)|错发|发成|少发|漏发|不是我(?:买|拍|要|选))).*(?:${ADDRESS_MISSENT.source})`,
);
/**
 * The courier delivering to the wrong place (快递送错地址了, 快递员送错地方了, 派错地址, 送到别人家了): the parcel's
 * way, 查件 in the catalogue — no address of the buyer's to change, no goods sent wrong. 快递送错地址了 led with
 * 修改地址 (送错地址 is an address cue, for 你们送错地址了; walk, 2026-12-07, fifth round). Not when a change is asked (改).
 */
const COURIER_WHO = '快递员|快递小哥|快递|派件员|配送员|送货员|骑手|物流|包裹';
const COURIER_MISDELIVERED = new RegExp(
  String.raw`^(?!.*改).*(?:(?:${COURIER_WHO})[^，,。！!？?]{0,8}(?:送|派)错|(?:送|派)(?:到|去)了?(?:别人|别家|邻居|隔壁|错))`,
);
/**
 * 差 before an amount (差两个小时, 还差一个就满减, 差5块包邮, 差一点就到了) is short by, no poor quality or service: the model
 * read 差 as such and showed 质量问题 and 投诉 chips on 差两个小时就到了 (walk, 2026-12-07, fifth round). Not a
 * quality or a manner said poor (质量差一点, 做工差, 态度差).
 */
const SHORT_BY = new RegExp(
  String.raw`(?<![质量工料度])差了?\s*(?:[\d一两二三四五六七八九十几半]+\s*(?:${COUNTERS}|小时|个?钟头?|分钟|分|秒|天|站|公里|km|块|元|毛|单|米|斤|克)|一?点点?(?:就|到|没|儿?就))`,
);
/**
 * A threshold still to reach (还差一个就能满减了吧, 再拍一件就包邮, 凑单): the buyer is buying more, no order to call off —
 * the model reads 还差 as 取消订单 (p 0.21 on 还差一个就能满减了吧, and 取消订单（先查订单） was its third card; walk,
 * 2026-12-07, fifth round).
 */
const TO_REACH = /(?:差|凑|再买|再拍|再加|再下|多买|多拍)[^，,。！!？?]{0,8}(?:满减|满\d|包邮|起送|门槛)|凑单|凑满|凑够/;
/**
 * A purchase announced on a condition or at once (是正品的话我就拍了, 质量好的话就下单, 没问题我马上拍): the buyer is
 * about to buy, no order to call off — the model read 就拍了 as 取消订单 (p 0.20, 0.53 on 质量好的话我就下单了) and
 * 取消订单（先查订单） took a card (pre-sale walk, 2026-12-07).
 */
const ABOUT_TO_BUY = /^(?!.*(?:取消|不要了|不想要|退|拍错|下错|不买了)).*(?:的话|就|马上|这就|现在就|等下|一会|那我)(?:去|先)?(?:拍|下单|买|付款)(?:了|啦|吧|哈)?(?:$|[，,。！!\s])/;
/**
 * Paying extra for a courier (发顺丰的话补多少差价, 顺丰要补多少钱, 补差价也行 发顺丰): the courier's price, no price
 * protection nor an exchange's postage top-up (补邮费 is one when something goes back: 退, 换, 寄回 keep it) — 补差价
 * is a promotion cue (退差价, 价保), and 发什么快递 能发顺丰吗 补差价也行 had 价格保护 third (pre-sale walk, 2026-12-07).
 */
/** A size in a question about its stock coming (xl码多久能到货, 37码什么时候补货): which goods, no size question. */
const SIZE_RESTOCK = /(?:[a-z]{1,4}|\d{2,3}(?:\.5)?|大|小|加大)\s*(?:码|号)的?(?:还)?(?:什么时候|多久|几号|哪天|何时)?(?:能|会|才|再)?(?:补货|到货|上货|来货|返场|有货)/;
const COURIER_TOP_UP = /^(?!.*(?:降价|价保|保价|买贵|便宜了|退|换|寄回)).*(?:(?:顺丰|京东|邮政|ems|德邦|加急|空运|快递)[^，,。！!？?]{0,8}(?:补|加)(?:多少)?(?:差价|钱|运费|邮费)|(?:补|加)(?:差价|钱|运费|邮费)[^。！!？?]{0,8}(?:顺丰|京东|邮政|ems|德邦|加急|空运))/;
/**
 * Gift wrapping asked for (送人的 能帮忙包装一下吗, 包装好一点 送人的): the goods' packing wished for, no damage — 包装 is
 * a weak damage hint (包装破了) and the request had the 破损 chip with 签收后发现破损 on its cards (pre-sale walk,
 * 2026-12-07).
 */
const WRAP_ASKED = /^(?!.*(?:破|烂|坏|压|瘪|碎|裂|湿|脏)).*(?:(?:帮|给)(?:我|忙)?(?:包装|包一下|包起来|打包)|包装(?:一下|好一点|好点|得好|精美|漂亮)|礼盒|礼品袋|贺卡|包装袋)/;
/**
 * 是不是 asking whether something was done (是不是把地址寄错了, 是不是发错了, 是不是忘了填): a yes/no about an event, no
 * question about the goods — its 是不是 (a weak product hint, 是不是纯棉) put 细节待核实 third on 亲 你们是不是把地址寄错了
 * (walk, 2026-12-07, fifth round).
 */
const WHETHER_DONE =
  /是不是(?:你们|您们|店家|卖家|快递员?|仓库|客服)?(?:把|被|给|将|又)?[^，,。！!？?]{0,6}?(?:寄|发|送|派|弄|搞|填|写|忘|丢|漏)[^，,。！!？?]{0,4}了/;
const PICTURED = /^(?!.*(?:发错|错发|寄错|发成|不是我(?:买|拍|要|选)|漏发|少发|少了|多发)).*(?:想象|想的|预想|期待)[^，。！？,!?]{0,3}不一样/;
/** 还 typed for 换 before a size or colour (还个M码, 还成大一号, 还个白色的); not 还有/还是/还要…. */
const SWAP_TYPO = /还(?:个|一个|成|为)\s*(?:(?:[a-z]{1,4}|\d{2,3})\s*(?:码|号|的)|(?:大|小)一?(?:码|号|点)|[\u4e00-\u9fa5]{0,2}色)/;
/**
 * A size named as a swap's target (换个M码, 换成L, 换大一码, 换39的, 能换S吗) with no size asked about (多大, 什么码,
 * 合适吗, 身高, 体重): the exchange's detail, no question which size fits — 换个M码 had a 尺码 chip beside 换货 and
 * 尺码不合适可换 (放心拍…) and 询问身高体重 on its cards (walk, 2026-12-07).
 */
const SIZE_ASKED = '多大|什么码|哪个码|几码|合适吗|合不合适|合适不|能穿吗|穿得下|穿的下|身高|体重|斤|kg|公斤|cm|推荐|偏大吗|偏小吗|标准吗';
const SIZE_SWAP = new RegExp(
  String.raw`^(?!.*(?:${SIZE_ASKED})).*(?:换|还)(?:个|一个|成|为|到|一下|下)?\s*(?:` +
    String.raw`(?:大|小)(?:一|两|1|2|半)?\s*(?:码|号)|(?:[a-z]{1,4}|\d{2,3}(?:\.5)?)\s*(?:码|号|的)|(?:xs|s|m|l|xl|xxl|xxxl|\dxl)(?![a-z])|\d{2,3}(?:\.5)?(?!\d))`,
);
/**
 * A wrong item reported by its sizes (我买的灰色XL，寄来的是黑色L; 我要的XL你们发的L): what was bought and what came,
 * no question which size fits — the XL put a 尺码 chip beside 错发漏发 and 询问身高体重 on the third card (JD walk,
 * 2026-12-07). Figures or a fit asked about (SIZE_ASKED) keep the size's chip.
 */
const SENT_WRONG_SIZE = new RegExp(
  String.raw`^(?!.*(?:${SIZE_ASKED}))(?=.*(?:发错|寄错|错发|发成|不是我(?:买|拍|要|选|订)的|(?:收到|发来|寄来|发|寄)的?是))(?=.*(?:买|拍|要|订|选|下单)的)` +
    String.raw`.*(?:(?<![a-z])(?:xs|s|m|l|xl|xxl|xxxl|\dxl)(?![a-z])|\d{2}(?:\.5)?\s*(?:码|号)|[大中小]号)`,
);
/**
 * Received, and then a fault (收到了，但是发错货了; 收到了 结果少了一件): the goods came, nobody is closing the chat —
 * 收到了 put a 结束语 chip beside 错发漏发 (JD walk, 2026-12-07).
 */
const RECEIVED_BUT = /收到(?:了|啦)?[，,。！!\s~～]*(?:但是?|可是|不过|结果|却|发现|怎么|居然|竟然)/;
/** Freight collect asked of a courier, no return in sight (能发顺丰到付吗, 发快递到付可以吗). */
const COURIER_COLLECT = /^(?!.*(?:退|换|寄回|返还|取件|售后|拒收|拒签)).*(?:顺丰|韵达|中通|圆通|申通|京东|邮政|ems|极兔|德邦|快递|发)(?:快递)?(?:可以|能|能不能|可不可以)?到付/;
/** Postage asked about with no return or exchange in sight (包邮, 运费多少). */
/**
 * Postage asked about with no return or exchange in sight (包邮, 运费多少): not 运费险 (the return's insurance) nor a
 * top-up (补运费) an exchange asks for.
 */
const POSTAGE_ONLY = /^(?!.*(退|换|寄回|返还|取件|售后|拒|谁出|谁承担|谁付|补运费|补邮费)).*(运费|邮费|快递费)(?!险)/;

/**
 * The live stream's price beside this one (直播间价格是99 我拍的129, 按直播价给我, 直播间说9块9 我付了19块9): a promotion's rules (the live room's
 * own price, price protection), no plea for a lower price and no wrong item — the model read 我拍的 / 我付了 as
 * either (Douyin walk, 2026-12-07).
 */
const LIVE_PRICE = /(直播间?|主播).{0,5}(价|便宜|优惠|券|包邮|\d+\s*(块|元)|(?:才|只要|只卖|就卖|卖|要)\s*\d+(?:\.\d+)?(?![\d.]|\s*(?:点|号|个|件|天|斤|cm|码|分钟|小时)))/;
/**
 * Paid more than it is now (买贵了, 拍贵了, 付贵了 — the live room's or the page's price since): price protection, no plea
 * for a lower price. The model read 买贵了 昨天直播间才69 as 议价 too and put 统一定价 / 小额让利 on the second and third
 * cards (Douyin walk, round nine). A plea of the buyer's own (便宜点, 少点…) keeps its chip.
 */
const PAID_MORE = /^(?!.*(?:便宜点|便宜一点|便宜些|少点|少一点|优惠点|优惠一点|最低|抹零|让点|砍价|讲价)).*(?:买贵了|拍贵了|付贵了|买亏了|拍亏了)/;
/**
 * A gift promised with the order (主播说今天下单送杯套, 拍下就送, 买就送, 关注送…): the promotion's gift, whether it came or
 * will come (送了吗) — no delivery time. 主播说今天下单送杯套 送了吗 led with 发货时间 (今天…送 reads as a delivery day, and
 * the model agreed at p 0.60). Not 送到/送货/送上门 (the parcel), nor 送人/送给… (a present for someone).
 */
const GIFT_PROMISED = /(?:下单|下了单|拍下|拍了|拍就|买就|买了就|购买|付款|关注|点关注|加粉丝团|进粉丝团)(?:就|还|会)?(?:送|赠|有送)(?!到|货|达|上门|过来|去|人|礼|给|朋友|女|男|老|妈|爸|长辈|客户|同事|孩子|小孩)/;
/** …when nothing asks when the parcel ships or comes (下单送杯套 什么时候发货 keeps 发货时间). */
const GIFT_PROMISED_ONLY = new RegExp(`^(?!.*(?:发货|发出|寄出|几天到|多久到|什么时候到|几号到|到货)).*(?:${GIFT_PROMISED.source})`);
/**
 * Which listing number in a live room's cart (小黄车几号链接, 橱窗第几个, 这款是几号链接): which goods, a product question
 * before buying — no return's postage. The model put 退货运费 beside 商品咨询 and 补运费 on the second card (round nine).
 * Not the link to pay a top-up through (补运费拍哪个链接, 顺丰差价拍哪个链接): that is the postage's own question.
 */
const LIVE_LINK = /^(?!.*(?:运费|邮费|差价|补)).*?(?:(?:小黄车|黄车|购物车|橱窗|直播间|车里|车上)[^，,。！？?]{0,6}(?:几号|第几|哪个|哪一个|多少号)|(?:几号|第几个?|多少号|哪个|哪一个)链接|链接(?:是)?(?:几号|多少号|第几))/;
/**
 * Whether it can be sent to a place (快递能发到学校吗, 能寄到部队吗, 可以送到公司吗): the courier's reach, asked before it goes —
 * no parcel to look for. 快递能发到学校吗 showed 查件 second and 查询物流 as Alt+2 (快递 alone is a tracking hint). Not 送到了吗
 * (the parcel there?), 发到哪了, nor when it comes (什么时候能送到, 明天能送到公司吗 are the shipping time's), nor a wish (能送到就行).
 */
const SHIP_TO_ASKED = /^(?!.*(?:什么时候|几天|多久|几号|哪天|多长时间|今天|明天|后天|今晚|周[一二三四五六日末]|物流|单号|到哪|派送|签收|还没|怎么还|已经发|就行|就好|就可以)).*(?:能|可以|能不能|可不可以|会|支持)\s*(?:发|寄|送|邮)(?:到|去|往)(?![了哪没吗呢么不])[^，,。！？?\s]{1,8}?(?:吗|不|么|没|\?|$)/;

export const PATTERNS: { re: RegExp; scenario: Exclude<ScenarioId, 'other'>; weight: number }[] = [
  { re: LIVE_PRICE, scenario: 'promotion', weight: 3 },
  { re: LIVE_PRICE, scenario: 'bargain', weight: -3 },
  { re: LIVE_PRICE, scenario: 'wrong-item', weight: -3 },
  { re: LIVE_PRICE, scenario: 'payment', weight: -3 },
  { re: PAID_MORE, scenario: 'promotion', weight: 3 },
  { re: PAID_MORE, scenario: 'bargain', weight: -3 },
  { re: GIFT_PROMISED, scenario: 'promotion', weight: 3 },
  { re: GIFT_PROMISED_ONLY, scenario: 'shipping-time', weight: -3 },
  { re: GIFT_PROMISED_ONLY, scenario: 'product-info', weight: -1.5 },
  // A live room's lucky bag or draw (福袋什么时候开) with no stock word: nothing to restock (the model's 库存 chip, p 0.17).
  { re: /^(?!.*(?:有货|现货|库存|补货|没货|还有|到货)).*(?:福袋|抽奖|开奖)/, scenario: 'stock', weight: -2.5 },
  { re: LIVE_LINK, scenario: 'product-info', weight: 3 },
  { re: LIVE_LINK, scenario: 'return-shipping', weight: -3 },
  { re: LIVE_LINK, scenario: 'shipping-time', weight: -2 },
  { re: SHIP_TO_ASKED, scenario: 'courier', weight: 3 },
  { re: SHIP_TO_ASKED, scenario: 'tracking', weight: -3 },
  // Height and weight: "165 110斤", "身高160体重100", "1米65", "170cm 65kg".
  { re: /1[4-9]\d\s*(cm|厘米|公分)?\s*[,，/ ]?\s*\d{2,3}\s*(斤|kg|公斤)/, scenario: 'size-fit', weight: 3 },
  { re: /\d{2,3}\s*(斤|kg|公斤)/, scenario: 'size-fit', weight: 2 },
  { re: /1[4-9]\d\s*(cm|厘米|公分)|1米[4-9]\d?/, scenario: 'size-fit', weight: 2 },
  { re: /(?<![\d.])1[5-9]\d(?![\d.]|\s*(克|g|元|块|ml|毫升|个|包|件|支|份|片|号|天|度|mm|w|v))\s*(了|的|高)/, scenario: 'size-fit', weight: 1.5 },
  // 什么 / 哪个 before another word asks about that word (拍什么时候发, 买什么颜色好): no size.
  { re: /(穿|拿|拍|选|买)\s*(多大|(什么|哪个)(?=\s*(码|号|尺)|合适|好|比较|更|呢|吗|啊|呀|吧|[^\u4e00-\u9fa5]|$))\s*(码|号|尺)?|\b(xs|s|m|l|xl|xxl|xxxl|\d?xl)\s*(码|号)?\s*(合适|可以|能穿|行吗)/, scenario: 'size-fit', weight: 3 },
  { re: /\d{2}\s*码/, scenario: 'size-fit', weight: 2 },
  // Asking for a lower price with a number: "80元整吧", "100卖不卖", "最低多少一支".
  { re: /\d+\s*(元|块)?\s*(整吧|卖吗|卖不卖|行不行|行吗|可以吗|可以不|拿走|出吗|能给吗|给吗|给不给|能卖吗)/, scenario: 'bargain', weight: 2.5 },
  { re: /(买|拿|要|订)\s*\d+\s*(个|件|支|份|包|箱|盒|瓶|组|套|斤)/, scenario: 'bargain', weight: 1 },
  // A price with a count or "送": activity rules ("199 3包", "买二送五").
  { re: /\d+\s*(元|块)?\s*(就有|有|送|减|包邮|3包|两包|一包)/, scenario: 'promotion', weight: 1.5 },
  { re: /买[一二三四五六七八九十两\d]+送/, scenario: 'promotion', weight: 3 },
  { re: /满\d+/, scenario: 'promotion', weight: 2.5 },
  { re: /\d+\s*(元|块)|[¥$]\s*\d+/, scenario: 'promotion', weight: 0.7 },
  // Dates and deadlines next to arrival words (not a refund's or a repair's: 退款几天到; 付款前 is only when).
  { re: /(?<!(?:[票修退]|[款钱](?!之?前|以前))\S{0,4})(\d+|[一二三四五六七八九十]+)\s*(号|日|天)\s*(再|就|才|前|之前|以前)?\s*(能|可以|会)?\s*(到|送|发|收)/, scenario: 'shipping-time', weight: 2.5 },
  { re: /(?<!(?:[票修退]|[款钱](?!之?前|以前))\S{0,4})(今天|明天|今晚|后天|周[一二三四五六日末]).{0,6}(到|送|发|收)/, scenario: 'shipping-time', weight: 2 },
  { re: /(?<!(?:[票修退]|[款钱](?!之?前|以前))\S{0,4})(多久|几天|什么时候|多长时间|啥时|何时|几点|哪天).{0,6}(到|送|发|收|寄)/, scenario: 'shipping-time', weight: 2.5 },
  // Naming a courier with a verb is a courier request: 能发顺丰吗, 走中通, 用邮政.
  { re: /(发|走|用|寄|换|要|只有|不用|是)\s*(顺丰|圆通|中通|申通|韵达|百世|汇通|邮政|ems|德邦|极兔|京东快递|京东物流)/, scenario: 'courier', weight: 3 },
  // A product question without a named attribute: 有背光吗, 带摄像头吗, 密封性如何.
  // The colour, style or size a stock question is about (这个颜色有库存吗, 黑色款还有货吗) names the goods, no product
  // question: 你好，请问这个颜色有库存吗 showed 商品咨询 and 问候 chips beside 库存 (walk, 2026-12-07), and so did 这个颜色
  // 啥时候补货 (pre-sale walk, 2026-12-07).
  { re: /(颜色|色|款式|款|尺码|码|号|规格|型号|尺寸)的?(还)?(有没有|有)(现货|货|库存)|(颜色|色|款式|款|尺码|码|号|规格|型号|尺寸)的?(还)?(什么时候|多久|几号|哪天|何时)?(能|会|才|再)?(补货|到货|上货|来货|返场|补)/, scenario: 'product-info', weight: -2 },
  // Not stock itself (有现货吗, 是现货吗, 有库存吗): a stock question, and 您好 请问这个有现货吗 showed 商品咨询 beside it;
  // nor a size still there (还有L码吗, 有37码吗: 能不能包邮 还有L码吗 showed 商品咨询; pre-sale walk, 2026-12-07).
  { re: /(有|带|含|配|送|是)(?!(?:现|存)?货|库存|(?:[a-z]{1,4}|\d{2,3}(?:\.5)?|大|小|加大)\s*(?:码|号)(?:的)?(?:吗|\?|没有))[^没不有\s?]{1,8}(吗|\?|没有)\s*$/, scenario: 'product-info', weight: 1.5 },
  { re: /[\u4e00-\u9fa5]{2,}(如何|怎么样|好不好|行不行)\s*\??$/, scenario: 'product-info', weight: 2 },
  // Checking a spec by stating it: 电压是220的吧, 鞋底是防滑的吗.
  { re: /是[^发到寄送退换付买拍\s]{1,6}的(吧|吗)\s*$/, scenario: 'product-info', weight: 2 },
  // Which of two kinds it is: 棉的还是化纤的, 是手动还是自动 — of the goods, not of an invoice (发票是电子的还是纸质的
  // showed 商品咨询 beside 发票; pre-sale walk, 2026-12-07).
  { re: /^(?!.*(?:发票|开票|专票|普票|票是|票开)).*(?:[\u4e00-\u9fa5]{1,4}的?还是[\u4e00-\u9fa5]{1,4}的(吗|呢|\?|$)|^(这个|这款|它)?是[\u4e00-\u9fa5]{1,4}还是)/, scenario: 'product-info', weight: 2 },
  // Asking before buying whether a defect will happen (会掉色吗, 会不会起球) is a product question,
  // not a quality complaint.
  { re: DEFECT_AHEAD, scenario: 'product-info', weight: 3 },
  { re: DEFECT_AHEAD, scenario: 'quality', weight: -2 },
  { re: DEFECT_WHETHER, scenario: 'product-info', weight: 3 },
  { re: DEFECT_WHETHER, scenario: 'quality', weight: -5 },
  { re: DEFECT_WHETHER, scenario: 'damaged', weight: -5 },
  { re: GENUINE_ASKED, scenario: 'product-info', weight: 3 },
  { re: GENUINE_ASKED, scenario: 'quality', weight: -5 },
  { re: GENUINE_ASKED, scenario: 'complaint', weight: -5 },
  // A worry about the goods before having them (还在犹豫，怕质量不好) is a question about the product, no
  // quality complaint: the 质量问题 chip showed on an unpaid order (2026-12-06). Ruled out, the model's too.
  { re: WORRY_AHEAD, scenario: 'quality', weight: -5 },
  { re: WORRY_AHEAD, scenario: 'product-info', weight: 2.5 },
  // …and, with no complaint word beside it, no complaint either: 担心是假货 showed the model's 投诉 chip.
  { re: WORRY_ONLY, scenario: 'complaint', weight: -5 },
  // Nor goods sent wrong (担心买到的是假货 showed the model's 错发漏发 chip): a small pull, so a missing item
  // said beside the worry (少发了一个) still has its cue.
  { re: WORRY_ONLY, scenario: 'wrong-item', weight: -1.5 },
  // Nor a late parcel (就怕是假的 还在考虑 showed the model's 延迟 chip): a small pull, 都五天了还没发 keeps its cue.
  { re: WORRY_ONLY, scenario: 'delay', weight: -1.5 },
  // Quality wished for, or its worry waved away (不担心质量, 质量好就行), is no quality complaint: the 质量问题
  // chip showed on it, and a higher price accepted (哪怕贵一点) is no haggling (2026-12-06).
  { re: QUALITY_WISH, scenario: 'quality', weight: -5 },
  { re: QUALITY_WISH, scenario: 'product-info', weight: 2 },
  { re: PRICE_ACCEPTED, scenario: 'bargain', weight: -3 },
  // Another capacity or size of the goods (BIGGER_ONE): a product question, no haggling nor stock.
  { re: BIGGER_ONE, scenario: 'bargain', weight: -3 },
  { re: BIGGER_ONE, scenario: 'stock', weight: -2 },
  { re: BIGGER_ONE, scenario: 'product-info', weight: 2 },
  // An invoice's details with no payment word in sight (INVOICE_DETAILS): no payment need.
  { re: INVOICE_DETAILS, scenario: 'payment', weight: -2 },
  // A price asked beside a quality wish (质量好就行 多少钱) is a question before buying: the model's 保修 and
  // 发票 chips showed on it (2026-12-06). (好 inside the wish, 好就行, is no thanks: goodAcknowledges.)
  // And an order not yet placed (怕是假货 还没拍) is not late.
  { re: PRESALE_PRICE, scenario: 'repair', weight: -5 },
  { re: PRESALE_PRICE, scenario: 'invoice', weight: -5 },
  // …nor goods short (多少钱一件 read as 少一件 by the model): a small pull, a missing item said beside it keeps its cue.
  { re: PRESALE_PRICE, scenario: 'wrong-item', weight: -1.5 },
  { re: NOT_ORDERED, scenario: 'delay', weight: -3 },
  { re: NO_ORDER_YET, scenario: 'cancel-order', weight: -5 },
  { re: NO_ORDER_YET, scenario: 'tracking', weight: -5 },
  // Price per unit: activity rules (99一包, 199 3包).
  { re: /\d{2,}\s*(元|块)?\s*(一|1|\d)\s*(包|件|个|盒|箱|份|瓶|套|支|袋)/, scenario: 'promotion', weight: 1.5 },
  // "Do you sell / have …": 有数据线卖吗, 你们这有吗, 店里还有吗.
  { re: /有\S{1,6}(卖|出售)(吗|\?|不|没|的吗)/, scenario: 'stock', weight: 2.5 },
  { re: /(你|您|你们|店里|这边|这里)(这|这里|这边|家)?(还)?有(吗|\?|的吗|没有\s*$)/, scenario: 'stock', weight: 2.5 },
  // When it will be there again, with nothing else named (什么时候才会有): 才有 alone is a condition
  // (买两件才有优惠), so only the bare question counts.
  { re: /(什么时候|哪天|几号|多久)才(会|能)?有(货)?\s*(吗|呢|啊|呀|\?)?\s*$/, scenario: 'stock', weight: 3 },
  // Time left (活动还剩几天, 保修还剩多久) is not stock left.
  { re: /剩(下)?(多久|几天|多少天|几个?小时|多长时间|几个?月|多少时间|几分钟)/, scenario: 'stock', weight: -3 },
  // A size or colour still there, named between 还有 and the question (还有37码吗, 还有xl的吗, 还有白色没):
  // 还有吗 is a stock cue, but a size in the middle split it and 还有37码吗 能不能发顺丰到付 showed no 库存 chip
  // (2026-12-07). Not a code (优惠码, 取件码), not an exchange's new item.
  { re: STILL_THERE, scenario: 'stock', weight: 3 },
  // …and the size it names is which goods, no size question (能不能包邮 还有L码吗 showed 尺码 as a third chip, and with a
  // card for each need named, 询问身高体重 among its cards; pre-sale walk, 2026-12-07). Figures given (我165 还有L码吗)
  // keep the size's chip.
  { re: STILL_THERE, scenario: 'size-fit', weight: -2 },
  { re: SIZE_RESTOCK, scenario: 'size-fit', weight: -2 },
  // The goods against what the buyer pictured (跟想象的不一样, 和我想的不一样), nothing said to be sent wrong:
  // taste, so the model's 错发漏发 chip is ruled out (收到了 颜色跟想象的不一样 想换个黑色; 2026-12-07).
  { re: PICTURED, scenario: 'wrong-item', weight: -2 },
  // 还 typed for 换 (both read huan: 想还个M码, 还成黑色的): another size or colour wanted.
  { re: SWAP_TYPO, scenario: 'exchange', weight: 3 },
  // A size named as a swap's target (SIZE_SWAP): the exchange's detail, no size question.
  { re: SIZE_SWAP, scenario: 'size-fit', weight: -2 },
  // A variant asked for by its look: 纯白的有吗, 带盖子的还有没有.
  { re: /[\u4e00-\u9fa5]{1,5}的\s*(有吗|有没有|还有吗|还有没有|有货吗)/, scenario: 'stock', weight: 2.5 },
  // "Do you have X" in the shop's own words: 咱们这有转换头吗, 你家有加厚的吗.
  { re: /(你们|咱们|咱家|你家|店里|你这|您这)(这|这里|这边|家)?(还)?有(没有)?(?!实体店|门店|店铺|人|客服|微信|电话)\S{1,6}(吗|\?|卖吗|的吗)/, scenario: 'stock', weight: 2 },
  // Refunded into an account: 返到我的账户, 退回余额, 退到支付宝.
  { re: /(退|返)(到|回|给)?(我的?)?(京东|银行)?(账户|账号|余额|银行卡|卡里|支付宝|微信)/, scenario: 'refund-status', weight: 2.5 },
  // The price of a quantity: 买五袋多少, 拿3箱什么价.
  { re: /(买|拿|要|订)\s*([\d一二两三四五六七八九十]+)\s*(个|件|支|份|包|箱|盒|瓶|组|套|斤|袋)\s*(多少|什么价|怎么算|几钱)/, scenario: 'bargain', weight: 2 },
  // Asking for a lower price by the difference, in digits or words: 少二十行不行, 便宜5块吧, 抹个3块吧.
  { re: TAKE_OFF, scenario: 'bargain', weight: 3 },
  { re: LESS_MONEY, scenario: 'wrong-item', weight: -3 },
  { re: LESS_PRICE, scenario: 'bargain', weight: 3 },
  { re: SHORT_COUNT, scenario: 'wrong-item', weight: 3 },
  // Fewer come than bought (宝宝 我下单了5包 才到了3包 read as a parcel on its way, 查询物流 first; 2026-12-07).
  { re: ONLY_COUNT, scenario: 'wrong-item', weight: 3 },
  { re: ONLY_COUNT, scenario: 'tracking', weight: -1.5 },
  { re: STILL_OWED, scenario: 'wrong-item', weight: 3 },
  // …the rest maybe in another parcel on its way (拍了三个 还差两个 beside a shipped order: 查询物流 beside 漏发少件; 发错货
  // was second; walk, 2026-12-07, eighth round), as when one of several came (到了一个 还有一个呢).
  { re: STILL_OWED, scenario: 'tracking', weight: 2 },
  { re: COUNT_OF_COUNT, scenario: 'wrong-item', weight: 3 },
  // The postage to a far place (FAR_POSTAGE): the courier's, no repair's or return's, and its 多少钱 no price of the goods.
  { re: FAR_POSTAGE, scenario: 'courier', weight: 3 },
  { re: FAR_POSTAGE, scenario: 'repair', weight: -5 },
  { re: FAR_POSTAGE, scenario: 'return-shipping', weight: -5 },
  { re: FAR_POSTAGE, scenario: 'product-info', weight: -2 },
  // The returned parcel reaching the shop: 退货的东西你们收到没有, 寄回去的签收了吗.
  { re: RETURN_RECEIVED, scenario: 'return-shipping', weight: 3 },
  { re: RETURN_RECEIVED, scenario: 'tracking', weight: -1.5 },
  { re: RETURN_RECEIVED, scenario: 'return', weight: -1 },
  { re: SENT_WRONG_SIZE, scenario: 'size-fit', weight: -3 },
  { re: RECEIVED_BUT, scenario: 'thanks', weight: -3 },
  // What arrived against what was bought: 收到的是黑色 我买的白色.
  { re: /(收到|到|发来|寄来)的?是.{1,8}(我|但|可)?.{0,2}(买|拍|要|选)的(是)?/, scenario: 'wrong-item', weight: 3 },
  // A part come off (PART_OFF) is a defect; a gift at fault (GIFT_AT_FAULT) is after-sales, no promotion question.
  { re: PART_OFF, scenario: 'quality', weight: 3 },
  { re: GIFT_AT_FAULT, scenario: 'promotion', weight: -5 },
  // A gift that did not come is a missing item, not a gift question: 赠品的耳机没在箱子里.
  { re: new RegExp(`(?:${GIFT}).{0,6}(?:没|不)(?:在|有|收到|见|给)`), scenario: 'wrong-item', weight: 3 },
  // Asking whether something comes free with the order: 还送湿巾吗, 多买能送几个吗, 有线送的吗.
  { re: /(?<![配派运递接护输转直])送(?![到货达来去回过件上给人礼不])\S{0,8}(吗|\?|不|呢)/, scenario: 'promotion', weight: 2 },
  // Freight collect asked of a courier before sending (能发顺丰到付吗, 顺丰到付可以吗): the courier's 到付, not a
  // return sent collect (寄回不要到付). 到付 is a return-postage cue, and 还有37码吗 能不能发顺丰到付 had the
  // 退货运费 chip and 非质量问题运费 on the cards (2026-12-07).
  { re: COURIER_COLLECT, scenario: 'return-shipping', weight: -3 },
  { re: COURIER_COLLECT, scenario: 'courier', weight: 2 },
  // Postage asked about with no return or exchange in sight is a pre-sale question (包邮, 运费多少).
  { re: POSTAGE_ONLY, scenario: 'promotion', weight: 2 },
  // …whose postage is the courier's to a place (运费与快递可达), no return's: the pull was −1 against 运费's 3, and
  // 偏远地区加多少运费 / 内蒙古运费怎么算 had the 退货运费 chip with 非质量问题运费, 质量问题运费 and 补运费 as their three
  // cards (pre-sale walk, 2026-12-07). Ruled out, the model's chip with it.
  { re: POSTAGE_ONLY, scenario: 'return-shipping', weight: -6 },
  { re: POSTAGE_ONLY, scenario: 'courier', weight: 2 },
  // Reporting that payment is done is not a payment problem.
  { re: /(已经|已)\s*(付款|支付|付)|(付款|支付)了/, scenario: 'payment', weight: -1.5 },
  // Nor is asking something before paying (付款前想问下面料): the frame (a neutral phrase above) hides
  // 付款, and this keeps the model from putting the payment chip back on its own; a payment word
  // outside the frame (付款前能用花呗吗) still reads as one.
  { re: /(付款|支付|付钱)(之|以)?前/, scenario: 'payment', weight: -1 },
  // How much is refunded: 退给我多少钱, 退0多.
  { re: /退(给我|回|了)?\s*(多少|\d)/, scenario: 'refund-status', weight: 2 },
  // A bare date question in a short message: 后天吗? 下周就是明天吗.
  { re: /^.{0,6}(今天|明天|后天|下周|周末|周[一二三四五六日]|\d+号)\s*(吗|么|\?|可以吗|行吗)/, scenario: 'shipping-time', weight: 2 },
  { re: /(现在|已经)到.{1,6}(了吗|了\?|了|吗)/, scenario: 'tracking', weight: 2 },
  // Address or phone change spelled loosely: "收货地址能帮我改一下不".
  { re: /(改|修改|更改|换|变更).{0,6}(地址|电话|收件人|手机|号码)/, scenario: 'address-change', weight: 3 },
  { re: /(地址|电话|收件人|手机号|号码).{0,6}(错|不对|改|修改|更改|变)/, scenario: 'address-change', weight: 3 },
  // A count changed (订单能改成两件吗, 改为3个, 数量改一下): the order's quantity, not its address — 改成 alone
  // is a strong address hint, and 修改地址 led such a message until 2026-12-06 (QA pass of that day).
  { re: /(改|换|加)(成|为|到)\s*[\d一两二三四五六七八九十]+\s*(件|个|份|双|盒|包|瓶|套|条|只|箱|袋|支|张|台|本|罐|杯)|(改|修改|更改)(一下|下)?(购买)?数量|数量(改|修改|更改|拍错|错了|不对)/, scenario: 'address-change', weight: -2 },
  // "X天了" / "等了X天" complaints about waiting.
  { re: /(\d+|[一两二三四五六七八九十几]+)\s*(天|个星期|周)了?\s*(了)?\s*(还|都|也)\s*(没|不)/, scenario: 'delay', weight: 2.5 },
  { re: /(\d+|[一两二三四五六七八九十几]+)\s*天了\s*还没(到|收到|更新)/, scenario: 'tracking', weight: 2 },
  { re: /(物流|快递).{0,8}(没|不)(有)?(更新|动|到|信息)/, scenario: 'tracking', weight: 3 },
  // Exchange/return of a specific size: "换大一码", "换成xl".
  { re: /换.{0,3}(码|号|尺码|颜色|色)/, scenario: 'exchange', weight: 3 },
  // Not the shop's parcel sent to the wrong address (你们寄错地址了: 退货地址 was its third card).
  { re: /(退|寄(?!错)).{0,6}(地址|哪里|哪儿|给谁)/, scenario: 'return-shipping', weight: 2.5 },
  // The parcel sent to the wrong address names no goods sent wrong, nor, with no return said, a return's way back:
  // the model's 错发漏发 and 退货运费 chips are ruled out (亲 你们是不是把地址寄错了 showed 错发漏发 at p 0.21, 怎么寄错了地址
  // 退货运费 at p 0.43; walk, 2026-12-07).
  { re: ADDRESS_ONLY_MISSENT, scenario: 'wrong-item', weight: -3 },
  { re: FAILS_TO_WORK, scenario: 'damaged', weight: -1 },
  // The courier delivering to the wrong place (COURIER_MISDELIVERED) is tracking: the address change (送错地址 is its cue,
  // 地址…错 its pattern) and goods sent wrong are ruled out, the model's chips with them.
  { re: COURIER_MISDELIVERED, scenario: 'tracking', weight: 3 },
  { re: COURIER_MISDELIVERED, scenario: 'address-change', weight: -6 },
  { re: COURIER_MISDELIVERED, scenario: 'wrong-item', weight: -3 },
  // 差 before an amount is short by (SHORT_BY): no poor quality or service, the model's chips with them.
  { re: SHORT_BY, scenario: 'quality', weight: -1 },
  { re: SHORT_BY, scenario: 'complaint', weight: -1 },
  // A threshold still to reach (TO_REACH) buys more: no cancelling, the model's chip with it.
  { re: TO_REACH, scenario: 'cancel-order', weight: -1 },
  // A purchase announced (ABOUT_TO_BUY) calls nothing off: the model's 取消订单 chip is ruled out.
  { re: ABOUT_TO_BUY, scenario: 'cancel-order', weight: -1 },
  // Paying extra for a courier (COURIER_TOP_UP) is the courier's price: no price protection.
  { re: COURIER_TOP_UP, scenario: 'promotion', weight: -5 },
  { re: COURIER_TOP_UP, scenario: 'courier', weight: 2 },
  { re: COURIER_TOP_UP, scenario: 'product-info', weight: -2 },
  { re: COURIER_TOP_UP, scenario: 'return-shipping', weight: -3 },
  { re: COURIER_TOP_UP, scenario: 'refund-status', weight: -1 },
  // Gift wrapping asked for (WRAP_ASKED) is no damage, nor a parcel to track or orders to merge (the model's
  // 合并发货 at p 0.40 and 查件 at 0.33 on such requests): a question about the goods' packing.
  { re: WRAP_ASKED, scenario: 'damaged', weight: -5 },
  { re: WRAP_ASKED, scenario: 'merge-orders', weight: -1 },
  { re: WRAP_ASKED, scenario: 'tracking', weight: -1 },
  { re: WRAP_ASKED, scenario: 'bargain', weight: -1 },
  { re: WRAP_ASKED, scenario: 'product-info', weight: 3 },
  // 是不是 asking whether something was done (WHETHER_DONE) takes the weak product hint of 是不是 back.
  { re: WHETHER_DONE, scenario: 'product-info', weight: -1 },
  { re: new RegExp(`^(?!.*退).*(?:${ADDRESS_MISSENT.source})`), scenario: 'return-shipping', weight: -3 },
  { re: /(运费|邮费).{0,6}(谁|怎么|多少|退|补|承担|出)/, scenario: 'return-shipping', weight: 2 },
  // 这款/那款/新款 name a product, not money: 这款什么时候有货 is no refund question; 付款前/付钱之前 is
  // when the buyer asks (付款前问下几天能到 asks about the parcel).
  { re: /(钱|(?<![这那哪此该同新旧爆一两几]|[这那哪]一)款)(?!之?前|以前).{0,6}(什么时候|多久|几天|怎么还|还没).{0,4}(到|退|回|返)?/, scenario: 'refund-status', weight: 2.5 },
  // One of several came, the rest asked after (到了一个 还有一个呢, 两盒到了一盒，请问另外一盒呢): any counter, not only 个/件.
  { re: /(收到|到)了?.{0,4}[\d一两二三](个|件|双|条|包|盒|瓶|只|支|套|袋|箱|本|张|片|副|把|根|对|份|罐|桶|卷|枚|颗|粒|台).{0,4}(还有|另|没)/, scenario: 'wrong-item', weight: 2 },
  // The courier coming to fetch a return (快递员哪天来取件, 能上门取吗) is the return shipment, not
  // tracking a delivery. The pickup phrases carry return-shipping; counting the same words again here
  // put a pickup ahead of the defect or repair it is for (有划痕能上门取件吗 is about the scratch).
  { re: /上门(取|收)|来(取|收)(件|货|走)|(没|不)来取|取件|取货时间/, scenario: 'tracking', weight: -1.5 },
  // A parcel the courier will not bring to the door (不送上门, 不给送到家, 非要我去驿站取) is there to be had:
  // a complaint about the delivery, no parcel to locate. Tracking's 快递 / 快递员 are pulled down so that
  // the model (which reads 快递 as 查件) cannot put 查询物流 back ahead of the complaint (2026-12-06).
  { re: COURIER_REFUSES, scenario: 'tracking', weight: -3 },
  { re: COURIER_REFUSES, scenario: 'courier', weight: -1 },
  // …unless the buyer offers to fetch it, or lets it wait at a pick-up point, should the door be out of
  // reach (送不上门的话我去驿站拿也行): a delivery arrangement, no complaint (安抚致歉 led it until 2026-12-06).
  // The complaint's door phrases are ruled out, the model's with them; the courier's chip answers it.
  // A parcel on its way to the buyer (查询物流 says where it is and asks them to mind the courier's call),
  // no return to post (the model read the 驿站…取 of it as a return pickup), and its 送 no gift.
  { re: DOOR_OFFER, scenario: 'complaint', weight: -5 },
  { re: DOOR_OFFER, scenario: 'courier', weight: 3 },
  { re: DOOR_OFFER, scenario: 'tracking', weight: 2.5 },
  { re: DOOR_OFFER, scenario: 'return-shipping', weight: -1.5 },
  { re: DOOR_OFFER, scenario: 'promotion', weight: -1 },
  // "Why no refund yet" after a cancellation or return asks where the money is.
  { re: /(怎么|为什么)(还)?(没有?|不)(给我)?(退款|退钱|退回|到账)/, scenario: 'refund-status', weight: 3 },
];

/** Words that, right before a cue, cancel or reverse it: 不退了, 不用换了, 不要发票. */
/** Phrases that contain a shorter cue but mean something else (多少 is not 少; 好像 is not 好).
 * They match like cues, so containment removes the shorter cue, and add nothing themselves. */
export const NEUTRAL =
  '多少 至少 减少 不少 好像 好多 只好 正好 最好 刚好 还好 不好意思 好看 好久 有点 一点 一下 快点 差不多 ' +
  '不让人失望 没让人失望 没有失望 不失望 问题是 没问题 不知道 知道吗 好处 好友 好朋友 美好 号码 退出 送给 单位 说明 ' +
  '买三包 三包装 三包送 三包的 两三包 三包一 ' +
  // Asking whether it comes to the door (能不能送上门) is a courier question, no refusal to complain of.
  '能不能送上门 能不能送货上门 能不能送到家 能不能送到门口 能不能送上楼 可不可以送上门 可不可以送货上门 ' +
  '可不可以送到家 会不会送上门 会不会送货上门 会不会送到家 给不给送上门 给不给送货上门 给不给送到家 ' +
  // Praise of the goods, not a quality complaint (宝贝质量很不错，就是物流太慢了).
  '质量很好 质量挺好 质量不错 质量很不错 质量挺不错 质量还不错 质量蛮好 质量非常好 质量真好 质量没得说 ' +
  // Fakes feared or found (担心不是正品, 收到的不是正品): 不是 does not turn 正品 into its opposite need.
  '不是正品 ' +
  // Goods bought to give (送人的, 送礼, 送女朋友) are no gift the shop adds: 送 alone asks for one (还送什么吗).
  '送人 送礼 送朋友 送女朋友 送男朋友 送长辈 送老人 送妈妈 送爸爸 送老婆 送老公 送同事 送客户 送闺蜜 送孩子 ' +
  // A week, not a star (一星期了还没发货).
  '一星期 两星期 二星期 1星期 2星期 一星半点 ' +
  // When the parcel arrived, not an acknowledgement (收到以后发现…坏了 is no 收到了).
  // …nor goods counted as they came (收到一件 另一件呢).
  '收到一 收到两 收到二 收到三 收到了一 收到了两 ' +
  // …nor a leak, a part left out (另外漏了一个配件: SHORT_COUNT reads the count).
  '漏了一 漏了两 漏了二 漏了三 漏了几 ' +
  '收到以后 收到之后 收到后 收到的 收到就 收到时 收到的时候 收到货后 收到货以后 收到货之后 收到货时 收到货的时候 ' +
  // Before paying is when the buyer asks, not what about (付款前想问下尺码 is a size question): the
  // payment words inside the frame say nothing of a payment need.
  '付款前 付款之前 付款以前 支付前 支付之前 支付以前 付钱前 付钱之前 付钱以前 ' +
  // Not ordered yet (还没拍，能用花呗吗) is a shopper's frame, not a wait: its 还没 is no late parcel.
  '还没拍 还没有拍 还没下单 还没有下单 还没买 还没有买 ' +
  // The goods against what the buyer pictured (颜色跟想象的不一样, 和我想的不一样): taste, no wrong item sent
  // (收到了 颜色跟想象的不一样 想换个黑色 showed the 错发漏发 chip; 2026-12-07).
  '想象的不一样 想象中不一样 想象中的不一样 想的不一样 预想的不一样 期待的不一样 ' +
  // A goodnight (辛苦了 早点休息) is no hurry to ship, and the goods said received (好的 收到货了 满意) no
  // question when they arrive: 早点 and 收到货 put a 发货时间 chip on such closings (2026-12-07).
  '早点休息 早点睡 早点下班 早点回家 早点歇 收到货了 收到货啦 ' +
  // A garment's collar (领口开线, 衣领脏了, 圆领还是V领) or a boss (找领导) is no coupon to claim: 领 alone is a
  // promotion hint (在哪领), and 衣服领口开线了 showed the 优惠活动 chip with 优惠券使用 second (2026-12-07).
  '领口 领子 衣领 翻领 圆领 立领 高领 v领 半高领 娃娃领 领边 领标 领带 领结 领导 领队 领先 本领 ' +
  // The buyer's own slip (地址写错了, 颜色选错了, 号码填错了): its 错了 is no goods sent wrong. 地址写错了 showed
  // the 错发漏发 chip beside 修改地址 (walk, 2026-12-07); 发错了 / 寄错了 are the shop's and stay.
  '写错了 填错了 选错了 输错了 打错了 写错啦 填错啦 选错啦 ' +
  // 修改 is a change (修改一下电话), no repair: its 修 put a 维修 chip beside 修改地址.
  '修改 ' +
  // Phone calls (the courier or an agent ringing) are not a change of phone number.
  '打电话 打过电话 接电话 电话没人接 没人接 电话联系 电话打不通 回电话 来电话 打个电话 电话通知';

export const NEGATORS = ['不用', '不要', '不想', '不需要', '无需', '不必', '别', '不', '没', '没有', '不是', '甭', '免'];

/** Scenarios that describe the social frame of a message rather than a need. When a message also
 * names a need, these step back (你好，什么时候发货 → shipping-time first). */
export const SOCIAL: ReadonlySet<ScenarioId> = new Set<ScenarioId>(['greeting', 'thanks']);

/** A fault in the goods (a defect, damage, a wrong or short item): the buyer has them, after the purchase. */
export const FAULTS: readonly ScenarioId[] = ['quality', 'damaged', 'wrong-item'];
/** …of which the goods themselves broken: a defect, or damage in transit. */
export const BROKEN: readonly ScenarioId[] = ['quality', 'damaged'];
/** Needs of the purchase itself: a coupon, haggling, paying, whether it is in stock. */
export const PURCHASE: readonly ScenarioId[] = ['promotion', 'bargain', 'payment', 'stock'];
/**
 * A change to an order not yet sent (the address, calling it off): beside goods in hand at fault with no word of its
 * own, no need. 拍了三个 还差两个 showed the model's 取消订单 chip (p 0.22) beside 错发漏发 (walk, 2026-12-07).
 */
export const ORDER_CHANGE: readonly ScenarioId[] = ['address-change', 'cancel-order'];
