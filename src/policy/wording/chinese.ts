/**
 * Chinese wording rules, matched on the simplified letters-and-digits view (so traditional
 * characters, spaces, dots, zero-width characters and full-width forms do not hide a word), with
 * the same scope as English: a promise not to do the act (我们不会联系您的家人), a warning
 * against impostors (如有人冒充我行……那不是我们), and places and jobs (法院路支行, 警察可申请).
 */
import { chineseView } from './normalise.js';
import { sentenceOf } from './english-scope.js';
import type { Rule, Suppression } from './types.js';

const GROUP =
  '(?:全村人?|整个村|全小区|小区的?人|整栋楼的?人|邻居们?|街坊邻居|街坊|邻里|家人|家里人|家属|全家人?|家族|父母|爸妈|爸爸|妈妈|父亲|母亲|老爸|老妈|老人|老婆|老公|妻子|丈夫|配偶|媳妇|对象|男朋友|女朋友|岳父母|岳父|岳母|丈母娘|公婆|公公|婆婆|孩子的?学校|孩子|子女|儿女|儿子|女儿|兄弟姐妹|兄弟|姐妹|哥哥|姐姐|弟弟|妹妹|表哥|表姐|表弟|表妹|堂哥|堂姐|堂弟|堂妹|叔叔|阿姨|舅舅|舅妈|姑姑|姨妈|小姨|大伯|七大姑八大姨|同事们?|同学们?|室友|闺蜜|好友|发小|老乡|同乡|熟人|领导|老板|单位|公司的?人|亲戚朋友|亲戚们?|亲属|亲人|亲友团?|朋友们?|(?:你|您)的客户|村委会|老家的?人|身边的?人|周围的?人|认识的人|紧急联系人|所有的?联系人|联系人|人事部门?|通讯录里?(?:的)?(?:每个人|所有人|人))';
/** Words between the people and what they will get ("你的亲戚朋友们很快都会一一接到"). */
const FILL_ZH =
  '(?:都|很快|马上|也|就|们|陆续|迟早|早晚|全部|全都|一个个|一一|挨个|每个人|每一个|逐一|统统|明天|今天|会|将|要|即将|已经|一定|肯定|都将)*';
/** Ringing, texting or messaging them. */
const CALL_ZH = '(?:打电话|打个电话|打电话过去|打过去|去电|致电|发短信|发信息|发消息|发微信|发催收函|寄催收函|上门)';
const YOU = '(?:你|您)';

export const CHINESE_RULES: readonly Rule[] = [
  {
    rule: 'threat-violence',
    message: '暴力威胁 (threatens violence)',
    pattern: /弄死|打死|打断|小心你|收拾你|找人收拾|派人|要你好看|砍/g,
  },
  {
    rule: 'threat-arrest',
    message: '以拘留、坐牢或报警相威胁 (threatens arrest, jail or the police)',
    pattern: /逮捕|拘留|坐牢|判刑|入狱|监狱|抓你|抓捕|警察|公安|报警|派出所|通缉/g,
  },
  {
    rule: 'threat-legal-action',
    message: '以诉讼相威胁 (threatens legal action)',
    pattern: /起诉|诉讼|法院|传票|律师函|法律行动|追究.{0,4}法律责任|立案|强制执行/g,
  },
  {
    rule: 'threat-seizure',
    message: '以查封、扣押相威胁 (threatens seizure)',
    pattern: /查封|扣押|冻结|拍卖|没收|扣工资|扣(?:你|您)的工资|扣押工资/g,
  },
  {
    rule: 'third-party-disclosure',
    message:
      '扬言或暗示告知家人、单位、邻居或通讯录联系人 (threatens or implies telling family, employer, neighbours or contacts)',
    pattern: new RegExp(
      [
        '通讯录',
        `(?:通知|告诉|联系|打电话给|打给|致电|找|告知|发给|发送给|跟|向)${YOU}?的?${GROUP}`,
        `${GROUP}${FILL_ZH}(?:知道|听说|收到|接到|得知|了解到|看到)`,
        `(?:给|帮)${YOU}的?${GROUP}(?:们)?(?:${FILL_ZH}|逐个|轮流|一个一个)?${CALL_ZH}`,
        `(?:电话|短信|催收电话|催收短信|信息)(?:会|将|就|马上|很快)*(?:打到|打给|发到|发给|打去)${YOU}?的?${GROUP}`,
        `(?:逐一|挨个|一个一个|一个个|轮流|依次|挨家挨户)(?:地)?(?:给|打给|联系|致电|通知|找|打电话给)${YOU}?的?${GROUP}`,
        `让${YOU}?的?${GROUP}知道|(?:拿到|有)${YOU}?的?${GROUP}的(?:电话|联系方式|地址)|想让${YOU}?的?${GROUP}|${GROUP}(?:帮|替)${YOU}还`,
      ].join('|'),
      'g',
    ),
  },
  {
    rule: 'home-visit',
    message: '扬言上门 (threatens a home or work visit)',
    pattern: new RegExp(
      [
        '上门|登门|敲门|外访',
        `(?:去|到|上|来)${YOU}(?:的)?(?:家|家里|家门口|公司|单位|店里|宿舍|老家|工作的地方|孩子学校|学校门口)`,
        `(?:派人|催收员|外访人员|我们的人|同事)(?:会|将|已经)?(?:在|去|到|上)${YOU}|派人`,
        `(?:门口|楼下)等${YOU}`,
      ].join('|'),
      'g',
    ),
  },
  {
    rule: 'publish-debt',
    message: '扬言曝光、公开或在群里羞辱 (threatens to publish the debt or shame the borrower)',
    pattern: new RegExp(
      [
        '曝光|公之于众|公开(?:你|您)的|朋友圈|微博|抖音|快手|贴出|黑名单|失信|老赖名单|做成海报|群发.{0,6}(?:通讯录|联系人|亲友|同事|家人)',
        '(?:发|公布|曝光|贴|挂)(?:到|在)(?:你|您)?(?:的)?(?:微信|家族|公司|业主|同学|小区)?群里|(?:家族|公司|业主|同学|小区|朋友)群',
        `(?:贴|发|公开|公布|群发|收到)${YOU}的(?:照片|头像|身份证)|把${YOU}的?(?:照片|事|欠款信息|欠款|身份证照片)?(?:发|贴|挂|做成|P成)|${YOU}的(?:身份证)?(?:照片|头像)(?:会|将)?(?:被)?(?:发|贴|公开|公布|出现)`,
        `(?:挂|发|贴|曝光|公布)(?:到|在)网上|公布${YOU}的|让大家都来看|所有人都知道`,
      ].join('|'),
      'g',
    ),
  },
  {
    rule: 'fake-legal',
    message: '冒充法律或政府文书 (imitates legal or government documents)',
    pattern:
      /最后通牒|最后警告|法院通知|检察院|公安局|政府部门|官方通知|红头文件|刑事|涉嫌犯罪|构成犯罪|涉嫌诈骗|诈骗罪|恶意透支|上征信|征信黑名单/g,
  },
  {
    rule: 'false-authority',
    message: '虚构无权施加的后果 (claims an official consequence the sender cannot impose)',
    pattern:
      /检察官|逮捕令|通缉令|通缉犯|失信被执行人|失信名单|限制出境|限制高消费|限制出行|坐不了飞机|不能坐飞机|政审|(?:孩子|子女)(?:以后)?.{0,3}(?:上学|读书|入学|考公)|移交公安|护照.{0,4}(?:注销|吊销|没收)|签证.{0,4}(?:取消|注销)|犯罪记录|政府指定|拘传|社保.{0,4}冻结/g,
  },
  {
    rule: 'surveillance',
    message: '暗示监视或找到借款人 (tells the borrower they are watched or found)',
    pattern: new RegExp(
      [
        `知道${YOU}(?:住在|住|家在|家住|在哪|公司在|孩子在|父母住|每天的(?:行程|行踪)|每天几点|几点|开什么车|昨晚|的新住址|家的?(?:地址|住址))`,
        `${YOU}(?:每天|家住|住在|几点|在哪).{0,8}(?:我们)?都知道`,
        `(?:关注|盯着|跟踪)${YOU}的(?:动向|行踪)|跑不掉|躲不掉|逃不掉|找得到${YOU}|躲到哪`,
        `${YOU}家门口的情况|(?:查到|掌握)(?:了)?${YOU}的(?:新)?(?:住址|地址|行踪|单位)|换了(?:号码|工作|手机).{0,6}找|我们的人就在`,
      ].join('|'),
      'g',
    ),
  },
  {
    rule: 'veiled-threat',
    message: '隐晦威胁 (a veiled threat)',
    pattern:
      /后果自负|后悔|付出代价|没(?:有)?(?:一个)?(?:有)?好(?:下场|果子吃)|好下场|接下来会发生什么|不客气|走着瞧|等着瞧|掂量|好自为之|别怪我们|出了事(?!故)|想想你的家人|惹麻烦|有的是办法|别逼我们|用别的办法|其他手段|日子不会好过|难堪|给脸不要脸|哭都来不及|承担得起后果/g,
  },
  {
    rule: 'insult',
    message: '侮辱性言辞 (insults the borrower)',
    pattern: /老赖|骗子|无赖|废物|不要脸|丢人|可耻|人渣|蠢货/g,
  },
  { rule: 'profanity', message: '脏话 (profanity)', pattern: /他妈|妈的|傻逼|傻b|混蛋|王八蛋|操你/g },
];

export interface ChineseHit {
  rule: Rule;
  start: number;
  end: number;
  matched: string;
  suppressed: Suppression | null;
}

const NEGATORS = /(?:不会|不将|不再|不是|并非|绝不|决不|从不|从未|没有|没|不用|无需|不)$/;
/** Between a negator and the act: words that make it a threat (不还钱就起诉: the 不 negates paying). */
const GAP_BLOCKERS = /还|付|交|理|接|处理|等|想知道/;
/** After the act in the same sentence: a consequence clause (不想……就赶紧还). */
const CONSEQUENCE = /(?<!即使|就算|哪怕)(?:就(?!算)|否则|不然|要不然|才)/;
const CLAUSE_BREAK = /[，。；！？：,;!?]/;
const IMPOSTOR =
  /冒充|假冒|冒名|冒用|不法分子|诈骗电话|诈骗短信|是诈骗|都是诈骗|防诈骗|谨防|警惕|当心|自称|如有人|若有人|有人(?:以|称|说|冒|威胁)|任何人|任何以|不是我们|并非我们|不是我们发的|与我们无关|请勿相信|挂断|举报|甄别|核实|我行从不|我们绝不会威胁|正式短信不会/;
const PLACE_WORDS = /^(?:法院|监狱|公安|派出所|检察院|警察|公安局|政府部门)$/;
const PLACE_AFTER =
  /^(?:局|所|院)?(?:路|街|道|巷|广场|大楼|大厦|支行|分行|营业厅|营业部|营业点|网点|博物馆|旁边|对面|附近|隔壁|东侧|西侧|南侧|北侧|家属院|楼下|篮球|联赛)/;
const JOB_CONTEXT = /可申请|可享受|可办理|均可|面向|适用|优惠|专属|活动|享受|群体|职业/;

/** `text` is the input in simplified characters (the same offsets as the original). */
function suppression(
  view: { text: string; map: number[] },
  text: string,
  m: RegExpMatchArray,
  word: string,
): Suppression | null {
  const start = view.map[m.index!]!;
  const end = view.map[m.index! + word.length - 1]! + 1;
  const [s, e] = sentenceOf(text, start);
  const sentence = text.slice(s, e);
  const impostor = IMPOSTOR.exec(sentence);
  if (impostor) return { why: 'impostor-warning', detail: impostor[0] };
  if (PLACE_WORDS.test(word)) {
    const after = text.slice(end, end + 4);
    if (PLACE_AFTER.test(after)) return { why: 'place-name', detail: `${word}${after}` };
    if (/曾在|曾经在|曾经的|位于/.test(text.slice(Math.max(s, start - 4), start)))
      return { why: 'place-name', detail: text.slice(Math.max(s, start - 4), end) };
    if (/^(?:书记员|工作人员|干警)/.test(after)) return { why: 'occupation', detail: `${word}${after}` };
    if (/警察|法官/.test(word) && JOB_CONTEXT.test(sentence)) return { why: 'occupation', detail: word };
  }
  // A negator shortly before the act, in the same clause, with nothing between that turns it round.
  const before = view.text.slice(Math.max(0, m.index! - 10), m.index!);
  for (let cut = 0; cut < before.length; cut++) {
    const head = before.slice(0, before.length - cut);
    const neg = NEGATORS.exec(head);
    // "要不要", "会不会", "是不是": a question, not a negation.
    if (!neg || (neg[0] === '不' && head.length >= 2 && head[head.length - 2] === gapStart(before, head))) continue;
    const gap = before.slice(head.length);
    const negStart = view.map[m.index! - before.length + neg.index]!;
    if (gap.length > 8 || GAP_BLOCKERS.test(gap) || CLAUSE_BREAK.test(text.slice(negStart, start))) return null;
    if (CONSEQUENCE.test(text.slice(end, e))) return null;
    return { why: 'negation', detail: `${neg[0]}${gap}${word}` };
  }
  return null;
}

/** The character after the negator (the first of the gap, or the match's first when there is none). */
function gapStart(before: string, head: string): string | undefined {
  return before[head.length];
}

export function chineseHits(text: string): ChineseHit[] {
  const view = chineseView(text);
  const out: ChineseHit[] = [];
  for (const r of CHINESE_RULES) {
    r.pattern.lastIndex = 0;
    for (const m of view.text.matchAll(r.pattern)) {
      const word = m[0];
      out.push({
        rule: r,
        start: view.map[m.index]!,
        end: view.map[m.index + word.length - 1]! + 1,
        matched: word,
        suppressed: suppression(view, view.simplified!, m, word),
      });
    }
  }
  return out;
}
