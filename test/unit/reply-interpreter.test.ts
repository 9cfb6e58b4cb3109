/** The reply interpreter on focused cases: each intent in both languages, negations, scope, promise terms, evasions, bounds. */
import { describe, expect, it } from 'vitest';
import type { Intent } from '../../src/domain/replies.js';
import { explainReply, interpretReply, MAX_REPLY_CHARS } from '../../src/policy/replies/index.js';

const receivedAt = new Date('2026-12-02T12:00:00Z'); // a Wednesday
const read = (text: string, channel: 'sms' | 'email' | 'voice' = 'sms', timeZone?: string) =>
  interpretReply(text, { channel, receivedAt, ...(timeZone ? { timeZone } : {}) });
const intents = (text: string) => read(text).intents.map((i) => i.intent);
const get = (text: string, intent: Intent, channel: 'sms' | 'email' | 'voice' = 'sms') =>
  read(text, channel).intents.find((i) => i.intent === intent);

describe('each intent, in English and Chinese', () => {
  it.each<[string, Intent]>([
    ['STOP', 'revoke'],
    ['退订', 'revoke'],
    ['wrong number', 'wrong-number'],
    ['你打错了', 'wrong-number'],
    ['This is not my debt', 'dispute'],
    ['这不是我的借款，金额不对', 'dispute'],
    ['I already paid yesterday', 'paid-already'],
    ['我昨天已经还了', 'paid-already'],
    ["I'll pay $50 on Friday", 'promise'],
    ['下周五还500块', 'promise'],
    ['I lost my job last month', 'hardship'],
    ['我失业了，没钱', 'hardship'],
    ['How much do I owe?', 'question'],
    ['我还欠多少钱？', 'question'],
    ['Please call me back', 'callback'],
    ['请给我回个电话', 'callback'],
    ["This is harassment, I'm reporting you to the CFPB", 'complaint'],
    ['我要投诉你们', 'complaint'],
    ['Thanks', 'other'],
    ['好的，收到', 'other'],
  ])('%s → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });

  it('finds several intents in one reply, and never lets a revocation be outweighed', () => {
    expect(intents("I'll pay Friday, stop texting me").sort()).toEqual(['promise', 'revoke']);
    expect(intents('I lost my job, this is harassment, stop calling me')).toEqual(
      expect.arrayContaining(['revoke', 'hardship', 'complaint']),
    );
    expect(intents('周五还，别再发了').sort()).toEqual(['promise', 'revoke']);
  });

  it('says `other` only when nothing else matched', () => {
    expect(intents('ok thanks')).toEqual(['other']);
    expect(intents('STOP thanks')).not.toContain('other');
  });
});

describe('not revocations: negations and other senses', () => {
  it.each([
    "don't stop the plan",
    "I'll stop by the branch",
    "I can't stop worrying about this",
    'can you stop the late fees?',
    'bus stop',
    "I'm at the bus stop, will pay later",
    '不要担心',
    '别忘了',
    '停车',
    '不要停止我的分期计划',
    '我不是要退订，谢谢',
    'Reply STOP to opt out',
    'Do not contact my employer',
    'Stop calling my mom, call me instead',
    'Opt out of the payment plan?',
    "Don't call it a loan",
    '别发火，我会还',
    '别打我主意',
    '不要给我家人打电话',
  ])('%s', (text) => {
    expect(intents(text)).not.toContain('revoke');
  });

  it('explains why a match does not count', () => {
    const hit = explainReply("please don't STOP", { channel: 'sms', receivedAt }).hits.find(
      (h) => h.rule.rule === 'revoke-stop-caps',
    );
    expect(hit?.suppressed).toMatch(/^negation/);
    const noun = explainReply('the bus STOP', { channel: 'sms', receivedAt }).hits.find(
      (h) => h.rule.rule === 'revoke-stop-caps',
    );
    expect(noun?.suppressed).toMatch(/noun/);
    expect(intents("please don't STOP")).not.toContain('revoke');
    expect(intents('the bus STOP')).not.toContain('revoke');
  });

  it('a condition turns a negation round: "if you don\'t stop calling" is a revocation', () => {
    expect(get("if you don't stop calling me I'll report you", 'revoke')?.scope).toEqual(['voice']);
  });
});

describe('revocation scope', () => {
  it.each<[string, 'sms' | 'email' | 'voice', string[]]>([
    ['stop texting me', 'sms', ['sms']],
    ['no more SMS', 'email', ['sms']],
    ['别再发短信了', 'sms', ['sms']],
    ['stop calling me', 'sms', ['voice']],
    ['no more phone calls', 'sms', ['voice']],
    ['不要再打电话了', 'sms', ['voice']],
    ['stop emailing me', 'sms', ['email']],
    ['不要再发邮件', 'sms', ['email']],
    ['stop contacting me', 'sms', ['sms', 'voice', 'email']],
    ['leave me alone', 'email', ['sms', 'voice', 'email']],
    ["don't contact me at all", 'sms', ['sms', 'voice', 'email']],
    ['别再联系我', 'sms', ['sms', 'voice', 'email']],
    ['STOP', 'sms', ['sms']],
    ['unsubscribe', 'email', ['email']],
    ['no more', 'sms', ['sms']],
    ['退订', 'email', ['email']],
    ['TD', 'sms', ['sms']],
    ['stop', 'voice', ['voice']],
    ['stop calling, texting and emailing me', 'sms', ['sms', 'voice', 'email']],
  ])('%s (on %s) → %j', (text, channel, scope) => {
    expect(get(text, 'revoke', channel)?.scope).toEqual(scope);
  });
});

describe('promise dates and amounts (received Wednesday 2026-12-02)', () => {
  it.each<[string, { date?: string; amount?: string }]>([
    ["I'll pay Friday", { date: '2026-12-04' }],
    ['I will pay next Friday', { date: '2026-12-11' }],
    ["I'll pay Wednesday", { date: '2026-12-09' }],
    ["I'll pay tomorrow", { date: '2026-12-03' }],
    ['I can pay on the 15th', { date: '2026-12-15' }],
    ['I can pay on the 1st', { date: '2027-01-01' }],
    ["I'll pay by the end of the month", { date: '2026-12-31' }],
    ['I can pay $50 Friday', { date: '2026-12-04', amount: '50.00' }],
    ['will send 50 dollars tomorrow', { date: '2026-12-03', amount: '50.00' }],
    ["i'll pay the 1,200 on the 15th", { date: '2026-12-15', amount: '1200.00' }],
    ["I'll pay next week", {}],
    ['下周五还', { date: '2026-12-11' }],
    ['周五还', { date: '2026-12-04' }],
    ['明天还', { date: '2026-12-03' }],
    ['后天还', { date: '2026-12-04' }],
    ['15号还', { date: '2026-12-15' }],
    ['月底还清', { date: '2026-12-31' }],
    ['明天先还500块', { date: '2026-12-03', amount: '500.00' }],
    ['周五还五百', { date: '2026-12-04', amount: '500.00' }],
    ['下周五还一千二', { date: '2026-12-11', amount: '1200.00' }],
  ])('%s → %j', (text, terms) => {
    expect(get(text, 'promise')?.promise).toEqual(terms);
  });

  it('counts days in the borrower’s zone', () => {
    // 02:00 UTC on Thursday is still Wednesday evening in New York.
    const at = new Date('2026-12-03T02:00:00Z');
    const ny = interpretReply("I'll pay tomorrow", { channel: 'sms', receivedAt: at, timeZone: 'America/New_York' });
    expect(ny.intents[0]?.promise?.date).toBe('2026-12-03');
    const utc = interpretReply("I'll pay tomorrow", { channel: 'sms', receivedAt: at });
    expect(utc.intents[0]?.promise?.date).toBe('2026-12-04');
  });

  it.each(['I hope to pay soon', "I'll try to pay when I can", '我会尽快还的', '有钱了就还'])(
    'a vague wish is not a promise: %s',
    (text) => {
      expect(intents(text)).not.toContain('promise');
    },
  );
});

describe('evasions', () => {
  it.each([
    'ЅТОР', // Cyrillic Ѕ, Т, О, Р
    's t o p',
    's.t.o.p',
    'st\u200bop',
    'ＳＴＯＰ',
    'S\u200bT\u200bO\u200bP',
  ])('%s is a revocation', (text) => {
    expect(intents(text)).toContain('revoke');
  });

  it.each(['不要再傳簡訊', '別再打電話來了', '請不要再聯繫我', '退\u200b订', '退 订'])(
    '繁體 and spacing: %s',
    (text) => {
      expect(intents(text)).toContain('revoke');
    },
  );
});

describe('matched points at the original words', () => {
  it.each<[string, Intent, string]>([
    ["Ok. I'll pay Friday, STOP texting me 🙏", 'revoke', 'STOP texting'],
    ['ЅТОР please', 'revoke', 'ЅТОР please'],
    ['Hi, s t o p', 'revoke', 's t o p'],
    ['好的，不要再傳簡訊了', 'revoke', '不要再傳簡訊'],
    ['I already paid it', 'paid-already', 'I already paid'],
  ])('%s → %s "%s"', (text, intent, matched) => {
    const i = get(text, intent);
    expect(i?.matched).toBe(matched);
    expect(text).toContain(i!.matched);
  });
});

describe('needsPerson', () => {
  it.each<[string, boolean]>([
    ['STOP', false],
    ["I'll pay Friday", false],
    ['already paid', false],
    ['This is not my debt', true],
    ['I lost my job', true],
    ['This is harassment', true],
    ['What is this?', true],
    ['call me', true],
    ['wrong number', false],
    ['wrong number, stop texting', true],
    ["I'll pay Friday but the amount is wrong", true],
    ['ok', false],
    ['Reply STOP', true],
    ['my cat walked on my phone and typed this whole thing sorry', true],
  ])('%s → %s', (text, needs) => {
    expect(read(text).needsPerson).toBe(needs);
  });
});

describe('bounds', () => {
  it('reads only the first 2,000 characters and says so', () => {
    const long = 'Thank you for the reminder. '.repeat(100) + 'STOP';
    expect(long.length).toBeGreaterThan(MAX_REPLY_CHARS);
    const r = read(long);
    expect(r.truncated).toBe(true);
    expect(r.intents.map((i) => i.intent)).not.toContain('revoke');
    expect(read('STOP').truncated).toBe(false);
  });

  it('returns on 100 KB of adversarial text', () => {
    const inputs = [
      'stop '.repeat(20_000),
      '😡'.repeat(50_000),
      ' '.repeat(100_000) + 'stop',
      'a '.repeat(50_000),
      's.'.repeat(50_000),
      '别再'.repeat(50_000),
      '1,'.repeat(50_000),
      "don't ".repeat(16_000),
      '?'.repeat(100_000),
    ];
    for (const text of inputs) {
      const r = read(text);
      expect(r.truncated).toBe(true);
      expect(r.intents.length).toBeGreaterThan(0);
    }
  });
});

describe('rule families from a second author’s replies (tune2), in words of their own', () => {
  it.each<[string, string[]]>([
    // Indirect revocations: enough, blocking, losing the number, not wanting these, Spanish, pinyin, Cantonese.
    ['Enough already.', ['sms']],
    ['ok enough with the calls', ['voice']],
    ['I am blocking your number now', ['sms']],
    ['Kindly lose my number', ['sms']],
    ["I don't want these texts anymore", ['sms']],
    ['Not interested in receiving these', ['sms']],
    ['Take my cell number off your list', ['sms']],
    ['no mas llamadas por favor', ['voice']],
    ['bie zai fa le', ['sms']],
    ['唔好再send嘢俾我', ['sms']],
    ['唔好再打嚟喇', ['voice']],
    ['唔好再揾我', ['sms', 'voice', 'email']],
    ['够了', ['sms']],
    ['已经把你们拉黑了', ['sms']],
    ['請取消簡訊通知', ['sms']],
    ['請不要再跟我聯絡', ['sms', 'voice', 'email']],
    ['本人撤回此前的授权', ['sms', 'voice', 'email']],
    ['把我的手机号从名单里删掉', ['sms']],
    ['blocked.', ['sms']],
    ['you can stop now', ['sms']],
    ['I no longer consent to these calls', ['voice']],
    ['put me on your do not call list', ['voice']],
    ['quit hitting my phone', ['sms']],
    ['不要再打我的門號', ['voice']],
  ])('%s → revoke %j', (text, scope) => {
    expect(get(text, 'revoke')?.scope).toEqual(scope);
  });

  it('reads a channel asked for instead of another as revoking the other, and only when the borrower asks', () => {
    expect(get('write to me by letter rather than phoning', 'revoke')?.scope).toEqual(['voice']);
    expect(get('pls just txt me instead of all the calls', 'revoke')?.scope).toEqual(['voice']);
    expect(get('could you call me instead of sending emails', 'revoke')?.scope).toEqual(['email']);
    expect(get('could you call me instead of sending emails', 'callback')).toBeDefined();
    // Said of the collector, or a swap that is no channel of ours: no revocation.
    expect(intents('why do you guys call instead of texting')).not.toContain('revoke');
    expect(intents('can I pay online instead of calling in?')).not.toContain('revoke');
    expect(intents('email me the letter instead of mailing it')).not.toContain('revoke');
  });

  it('reads "only email me" as revoking the phone channels it does not name', () => {
    expect(get('please only email me going forward', 'revoke')?.scope).toEqual(['sms', 'voice']);
    expect(get('Text only please', 'revoke')?.scope).toEqual(['voice']);
    expect(get('just email me from now on', 'revoke')?.scope).toEqual(['sms', 'voice']);
    expect(intents('just call me')).not.toContain('revoke');
    expect(intents('I can only pay $50 this week')).not.toContain('revoke');
  });

  it.each([
    "I don't have enough this month",
    'I blocked the card after it was stolen',
    "I don't want this loan to go to collections",
    'Will the calls stop once I set up a plan?',
    'Thanks!\n\n> Reply STOP to opt out of text messages.',
    'Got it.\n\nOn Wed, Dec 2, 2026, Reminder Team wrote:\n> To stop these emails, click unsubscribe.',
    '【提醒】您的账单已逾期，回复TD退订',
    '收到\n\n> 如不希望收到此类邮件，请点击退订。',
    '不要通知我单位',
    '别担心，我记着呢',
  ])('%j is no revocation', (text) => {
    expect(intents(text)).not.toContain('revoke');
  });

  it.each<[string, Intent]>([
    ['There is no Marcus here', 'wrong-number'],
    ["I don't know any Linda Shaw", 'wrong-number'],
    ['not me', 'wrong-number'],
    ["this was my dad's old number", 'wrong-number'],
    ['我不认识张伟', 'wrong-number'],
    ['唔係我', 'wrong-number'],
    ['冇呢個人', 'wrong-number'],
    ['这是我妈以前的号码', 'wrong-number'],
    ["this number used to be my cousin's", 'wrong-number'],
    ["Carla doesn't use this number anymore", 'wrong-number'],
    ['prove I owe this', 'dispute'],
    ['我从来没在你们这借过钱', 'dispute'],
    ['Someone used my name to open this', 'dispute'],
    ['The interest is wrong, recheck it', 'dispute'],
    ['These fees are bogus', 'dispute'],
    ['我從來冇借過錢', 'dispute'],
    ['你们利息算错了', 'dispute'],
    ['autopay already went through', 'paid-already'],
    ['Paid $200 yesterday', 'paid-already'],
    ['尋日已經還咗', 'paid-already'],
    ['扣款已经成功了', 'paid-already'],
    ['yi jing huan le', 'paid-already'],
    ['I will make a $300 payment on December 18th', 'promise'],
    ["I'll swing by the office Friday to pay", 'promise'],
    ['月尾還晒', 'promise'],
    ['Money is really tight right now', 'hardship'],
    ['My car broke down and repairs took everything', 'hardship'],
    ['入咗醫院，冇錢', 'hardship'],
    ['生意一直不好，周转不过来', 'hardship'],
    ["Don't text, call me instead", 'callback'],
    ['hit my line later', 'callback'],
    ['我想跟你们主管谈', 'callback'],
    ['唔該打電話俾我', 'callback'],
    ['Who gave you the right to call my work?', 'complaint'],
    ['垃圾公司', 'complaint'],
    ['说了几遍了，我已经还了', 'complaint'],
  ])('%s → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });

  it('reads an angry "??" as a complaint, not a question, and keeps a real question', () => {
    expect(intents('4 texts before 8am?? seriously')).toEqual(expect.arrayContaining(['complaint']));
    expect(intents('4 texts before 8am?? seriously')).not.toContain('question');
    expect(intents('半夜打什么电话？！')).not.toContain('question');
    expect(intents('半夜打什么电话？！')).toContain('complaint');
    expect(intents('？？？')).toContain('question');
    expect(intents('Who gave you permission to call my mother?')).toEqual(
      expect.arrayContaining(['question', 'complaint']),
    );
  });

  it('explains a paid-off-years-ago loan beside a dispute, and "not my account" beside a wrong number', () => {
    expect(intents('I paid that loan off in 2023, this is fraud')).not.toContain('paid-already');
    expect(intents("wrong number, it's not my account")).not.toContain('dispute');
    expect(explainReply('hardship department please call me at 555 0100', { channel: 'sms', receivedAt }).hits).toEqual(
      expect.arrayContaining([expect.objectContaining({ suppressed: 'a programme: hardship department' })]),
    );
  });
});

describe('rule families from a third author’s replies (tune3), in words of their own', () => {
  it.each<[string, string, string[]]>([
    // Formal and legalistic: consent in any words, further communication, refraining.
    ['I hereby rescind all prior express consent to reach me.', 'sms', ['sms', 'voice', 'email']],
    ['You are directed to discontinue any further correspondence.', 'email', ['sms', 'voice', 'email']],
    ['Please refrain from phoning me at all.', 'sms', ['voice']],
    ['We no longer consent to prerecorded calls at this address.', 'sms', ['voice']],
    // Formal words defer to the revocation that names its channels.
    ['Consent revoked. No more texts.', 'sms', ['sms']],
    // Misspelled: a letter dropped, two swapped, one doubled.
    ['pls unsubscrbe', 'sms', ['sms']],
    ['remvoe my numbre', 'sms', ['sms']],
    ['dont evr mesage me agin', 'sms', ['sms']],
    ['quite calling me', 'sms', ['voice']],
    // Terse: a stop sign, "k stop now".
    ['⛔', 'sms', ['sms']],
    ['✋📞', 'sms', ['voice']],
    ['ya stop pls', 'sms', ['sms']],
    // Indirect: polite asks, not this line, off the list, "never do this again".
    ["I'd be grateful if you stopped emailing me.", 'email', ['email']],
    ['I would rather you did not call me anymore.', 'sms', ['voice']],
    ['This line is for my business only.', 'sms', ['sms', 'voice']],
    ['My inbox is not for debt reminders.', 'email', ['email']],
    ['Reminders are unwanted here.', 'sms', ['sms']],
    ['Take me off the call list.', 'sms', ['voice']],
    ['I want off your list.', 'sms', ['sms']],
    ['Another reminder at dawn. Seriously, never do that again.', 'sms', ['sms']],
    ['not interested in your reminders', 'sms', ['sms']],
    ['Sod off with the calls', 'sms', ['voice']],
    ['Consider my consent withdrawn.', 'sms', ['sms', 'voice', 'email']],
    ['please, no more', 'sms', ['sms']],
    ["I'll block you guys if you ring me again", 'sms', ['voice']],
    ['The next email gets you reported.', 'email', ['email']],
    ['Please quit contacting me at my office.', 'sms', ['voice']],
    ['你给我滚', 'sms', ['sms', 'voice', 'email']],
    ['我刚把你们加入黑名单', 'sms', ['sms']],
    ['麻烦把我的手机号移出名单', 'sms', ['sms']],
    ['请勿再以电话方式联系我', 'sms', ['voice']],
    ['邮件就免了', 'email', ['email']],
    ['唔該刪咗我嘅電話號碼', 'sms', ['sms']],
    ['收皮喇', 'sms', ['sms', 'voice', 'email']],
    ['滚，别再打了', 'sms', ['voice']],
    ['唔该唔好再call我', 'sms', ['voice']],
    ['语音就别再留了', 'sms', ['voice']],
    ['我唔想再收到你哋嘅短訊', 'sms', ['sms']],
    ['休想再打来', 'sms', ['voice']],
    ['Please disable the payment reminders.', 'email', ['email']],
    ['switch off these text alerts', 'sms', ['sms']],
    ['So just stop.', 'sms', ['sms']],
    // Conditional threats are a revocation (and a complaint).
    ['If y’all call me one more time I’m calling a lawyer.', 'sms', ['voice']],
    ['One more voicemail and I report this to the FTC.', 'sms', ['voice']],
    // Calls at work are the borrower's line; a mother's house is where they are reached.
    ['Stop ringing my office.', 'sms', ['voice']],
    ['quit calling my grandmother’s place for me', 'sms', ['voice']],
    // Chinese: 此类/一切/任何, 不希望, 勿扰, threats, the channel first, only email, bare 不要/停/滚.
    ['请勿再寄送此类邮件', 'email', ['email']],
    ['我不希望再接到任何催收电话', 'sms', ['voice']],
    ['免打扰', 'sms', ['sms', 'voice', 'email']],
    ['請停止一切聯絡', 'sms', ['sms', 'voice', 'email']],
    ['本人不再同意贵司通过电话联系', 'sms', ['voice']],
    ['再打来我就去银保监投诉', 'sms', ['voice']],
    ['机器人电话就别打了', 'sms', ['voice']],
    ['今后只用书面联系', 'sms', ['sms', 'voice']],
    ['不要再拨打本人手机', 'sms', ['voice']],
    ['别再往我单位打电话', 'sms', ['voice']],
    ['唔好再打去我屋企', 'sms', ['voice']],
    ['不需要了', 'sms', ['sms']],
    ['滚远点', 'sms', ['sms', 'voice', 'email']],
    ['以后别再发这类东西给我', 'sms', ['sms']],
    ['删了我的电话号码', 'sms', ['sms']],
    ['短信电话都不要了', 'sms', ['sms', 'voice']],
    ['对你们的通知没兴趣', 'sms', ['sms']],
  ])('%s (%s) → revoke %j', (text, channel, scope) => {
    expect(get(text, 'revoke', channel as 'sms' | 'email')?.scope).toEqual(scope);
  });

  it.each([
    // Near-misses of the new families.
    'Stop! Before you run the payment, I sent it yesterday.',
    "Don't text me the code again, I already have it.",
    'Please unsubscribe me from paper statements.',
    "If you call me tomorrow I'll have the money.",
    'Don’t call my mother, please.',
    'This number is new, I just got it last week and love it.',
    '别停发账单',
    '我屏蔽的是广告短信，你们的照常发',
    '不用提醒我也会按时还的',
    '不用打了，我昨天已经还了',
    '不要再打给我老婆了',
    '退订了会影响我的额度吗？',
    '停！先别扣款，我刚还了',
    'no',
    "I'd rather you not call my dad",
    "that's quite texting-heavy of you",
    'Never do that again, you charged me twice.',
    '你们把我拉黑了吗',
    '求你们别把我拉进黑名单',
    '怎样才能把我移出黑名单？',
    '请不要再联系我的担保人',
    'Please do not ring me before 10am, I work nights.',
    "Please don't turn off my reminders",
    'Cancel the payment I set up, please.',
    '休想让我多付一分钱',
    "I'd rather you didn't call during dinner",
    "I'll report the payment as sent if you call again",
  ])('%j is no revocation', (text) => {
    expect(intents(text)).not.toContain('revoke');
  });

  it('reads a threat as both a revocation and a complaint, and legal citations in a revocation as no complaint', () => {
    expect(intents('Email me again and I will file a complaint with the CFPB.')).toEqual(
      expect.arrayContaining(['revoke', 'complaint']),
    );
    expect(intents('再发短信我就去消协投诉')).toEqual(expect.arrayContaining(['revoke', 'complaint']));
    expect(intents('Under the FDCPA I demand you cease all communication.')).not.toContain('complaint');
    expect(intents('My lawyer told me to write: stop calling me.')).not.toContain('complaint');
    expect(intents("I'm going to call my lawyer about this")).toContain('complaint');
  });

  it.each<[string, Intent]>([
    ['You keep adding late fees on a balance I cleared.', 'dispute'],
    ['I shut the account? No, I closed this account last year.', 'dispute'],
    ['The return was refunded but the statement does not reflect it.', 'dispute'],
    ['这是别人的欠款，跟我没关系', 'dispute'],
    ['商品退款了，账单上却没减掉', 'dispute'],
    ['Went to the store this morning and paid in cash.', 'paid-already'],
    ['我前天用微信还的', 'paid-already'],
    ['我已经在便利店缴费了', 'paid-already'],
    ['I’ll transfer my savings over tonight and pay then.', 'promise'],
    ['I will take care of the balance on Friday.', 'promise'],
    ['Payment is going out Monday.', 'promise'],
    ['Caring for my mom full time now, I quit my night job.', 'hardship'],
    ['Family emergency this month, my brother passed.', 'hardship'],
    ['Please email me an itemized statement.', 'question'],
    ['OK fine, I just want to know the total.', 'question'],
    ['你直接告诉我欠多少就行', 'question'],
    ['请给我开一份还款证明', 'question'],
    ['Stop s**t-posting reminders at me', 'complaint'],
    ['Five calls a day. Five.', 'complaint'],
    ['You never explain anything, you vultures.', 'complaint'],
    ['我都说了别再发，你们听不懂', 'complaint'],
    ['一天打我五六个电话', 'complaint'],
    ['搵错人喇', 'wrong-number'],
    ['这个号码早就换人了', 'wrong-number'],
  ])('%s → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });
});

describe('rule families from a fourth author’s replies (tune4), in words of their own', () => {
  it.each<[string, string, string[]]>([
    // Second-language English, "do" left out.
    ['pls not call me again', 'sms', ['voice']],
    ['please no text, thank you', 'sms', ['sms']],
    ['no send more emails to me please', 'email', ['email']],
    // Voice-to-text mishearings.
    ['do not texas me any more', 'sms', ['sms']],
    ['never tex me again', 'sms', ['sms']],
    ['stopped calling me', 'sms', ['voice']],
    // Send these to me, no need to keep sending, could you not send.
    ['Kindly do not send these to me again.', 'sms', ['sms']],
    ['got it, no need to keep sending reminders', 'sms', ['sms']],
    ['could you maybe not send these anymore', 'sms', ['sms']],
    // The formal passive and formal verbs.
    ['I request that these calls be discontinued.', 'sms', ['voice']],
    ['This household is not to be telephoned.', 'sms', ['voice']],
    ['I would appreciate it if you would no longer telephone me.', 'sms', ['voice']],
    ['Do not telephone this address again.', 'sms', ['voice']],
    ['I must decline any further correspondence.', 'email', ['sms', 'voice', 'email']],
    ['I no longer consent to being called.', 'sms', ['voice']],
    ['I would prefer not to receive emails from you.', 'email', ['email']],
    // Records and systems.
    ['erase me from your database', 'sms', ['sms', 'voice', 'email']],
    ['wipe me from the system please', 'email', ['sms', 'voice', 'email']],
    ['stop call in me', 'sms', ['voice']],
    ['Kindly cease texting this telephone number.', 'sms', ['sms']],
    ['Take my phone number off your list.', 'sms', ['sms']],
    ['From now on communicate with me only by email.', 'sms', ['sms', 'voice']],
    // Slang and metaphor.
    ['leave my cell alone', 'sms', ['sms']],
    ['ok give it a rest', 'sms', ['sms']],
    ['can ya not', 'sms', ['sms']],
    ['ease up on the calls man', 'sms', ['voice']],
    ['quit blowin up my phone', 'sms', ['sms', 'voice']],
    ['these reminders are so annoying, please stop', 'sms', ['sms']],
    ['Another text. Make it stop.', 'sms', ['sms']],
    // Chinese: 在 for 再, 老 and 自动, a number before 打给我, 咯, 关掉, 能不能停.
    ['不要在发信息了', 'sms', ['sms']],
    ['别老发短信', 'sms', ['sms']],
    ['别自动发了', 'sms', ['sms']],
    ['别用公司座机打给我了', 'sms', ['voice']],
    ['唔好再发咯', 'sms', ['sms']],
    ['不必再通知了', 'sms', ['sms']],
    ['关掉这些提醒', 'sms', ['sms']],
    ['可不可以停下', 'sms', ['sms']],
    // Broadened: w/, further, dnt, bro, cut out, here, reach out, obliged, permission, not to be, chill, a break.
    ['quit w/ the voicemails', 'sms', ['voice']],
    ['please refrain from further emails', 'email', ['email']],
    ['dnt msg me', 'sms', ['sms']],
    ['dude stop', 'sms', ['sms']],
    ['cut out the robocalls', 'sms', ['voice']],
    ['never ring here again', 'sms', ['voice']],
    ["don't reach out again", 'sms', ['sms', 'voice', 'email']],
    ['I should be obliged if you ceased telephoning me.', 'sms', ['voice']],
    ['I no longer grant permission to text me.', 'sms', ['sms']],
    ["I'd rather not be called.", 'sms', ['voice']],
    ['We are not to be contacted.', 'email', ['sms', 'voice', 'email']],
    ["I don't want you calling me.", 'sms', ['voice']],
    ['will y’all chill', 'sms', ['sms']],
    ['give my inbox a break', 'email', ['email']],
    ['Your robot keeps texting me. Make it stop.', 'sms', ['sms']],
    ['I refuse any further phone contact.', 'sms', ['voice']],
    ['This cell is on the national do not call registry.', 'sms', ['voice']],
    ['Kindly desist.', 'email', ['email']],
    ['bro quit it with the emails', 'email', ['email']],
    ['ease up on the voicemails', 'sms', ['voice']],
    ['你们能不能消停一下', 'sms', ['sms']],
    ['请停止这些提醒', 'sms', ['sms']],
    ['别让机器人再打了', 'sms', ['voice']],
    ['可以停了吧', 'sms', ['sms']],
  ])('%s (%s) → revoke %j', (text, channel, scope) => {
    expect(get(text, 'revoke', channel as 'sms' | 'email')?.scope).toEqual(scope);
  });

  it.each([
    // Near-misses of the new families.
    "Don't test me, I know my rights.",
    'I got no call from you last week.',
    'You could not send me the statement on time?',
    'Please not now, I will pay Friday.',
    "Don't send more money than the minimum, right?",
    'The late fees were discontinued last year, right?',
    'Leave my account alone until Friday, I will pay then.',
    'Can you not charge the fee twice?',
    'I prefer not to get into details.',
    '能不能别停我的分期',
    '关掉自动扣款',
    '你们在打电话给谁？',
    'Give me a break, I paid last week.',
    'Cut out the late fee and I will pay.',
    "I don't want you to call me before 9am.",
    "Don't reach out to my employer.",
    'Can you chill with the fees?',
    'I am not to be blamed for the bank error.',
    "Don't send me nothing but the statement.",
    '别停止短信提醒，我需要它',
    '消停了两天又开始发了？',
    'They lay off the staff every winter.',
    '别让我等太久',
  ])('%j is no revocation', (text) => {
    expect(intents(text)).not.toContain('revoke');
  });

  it.each<[string, Intent]>([
    ['Quit charging me interest, I have never missed a payment.', 'dispute'],
    ['The whole thing was handled in the settlement, balance should be zero.', 'dispute'],
    ['Somebody skimmed my card, those charges were not me.', 'dispute'],
    ['这几笔是盗刷的', 'dispute'],
    ['法院早就调解过了', 'dispute'],
    ['Oh yay, another payment reminder.', 'complaint'],
    ['Thanks for the 9th call this week.', 'complaint'],
    ['Lose the attitude on the phone.', 'complaint'],
    ['你们一天好几个电话', 'complaint'],
    ['They cut my shifts in half this month.', 'hardship'],
    ['He is locked up and I have the kids alone.', 'hardship'],
    ['我老婆被抓了，家里就靠我', 'hardship'],
    ['I have had this phone since 2019, no idea who that is.', 'wrong-number'],
    ['原机主已经过世了', 'wrong-number'],
    ['下次扣款是哪一天', 'question'],
  ])('%s → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });
});

describe('rule families from a fifth author’s replies (tune5), in words of their own', () => {
  it.each<[string, Intent]>([
    // Wrong number: someone else is meant, the number changed hands, "not <Name>".
    ['This message was meant for someone else', 'wrong-number'],
    ['whoever you are trying to reach, it is not me', 'wrong-number'],
    ["I'm not the borrower you're looking for", 'wrong-number'],
    ['You must be looking for the previous owner of this number', 'wrong-number'],
    ['my grandmother had this number before she passed', 'wrong-number'],
    ['this number was recycled, I have had it since June', 'wrong-number'],
    ["he hasn't had this phone in years", 'wrong-number'],
    ['Not Marcus. Never heard of him', 'wrong-number'],
    ["I don't know who Brenda is", 'wrong-number'],
    ['this is not rays phone', 'wrong-number'],
    // Dispute: the grounds a borrower gives.
    ['This debt was sold years ago, not with you anymore', 'dispute'],
    ["The statute has run out on this, it's time barred", 'dispute'],
    ['Please provide verification of this debt', 'dispute'],
    ['this charge should have been covered by my insurance', 'dispute'],
    ['I cancelled the subscription in March and you still bill me', 'dispute'],
    ['You billed me twice for the same month', 'dispute'],
    ['the amount you have listed is wrong', 'dispute'],
    ['This debt belongs to my ex husband', 'dispute'],
    ['I am disputing the processing fee', 'dispute'],
    ['the interest rate is not what I agreed to', 'dispute'],
    ['I was told the late fee would be waived', 'dispute'],
    ['I have no record of this debt', 'dispute'],
    // Complaint: going to law, staff conduct, insults, pursuit, regulators and reviews.
    ["I'm hiring a lawyer over this", 'complaint'],
    ['see you in court', 'complaint'],
    ['The agent hung up on me twice', 'complaint'],
    ['Your rep was incredibly condescending', 'complaint'],
    ['You people are a bunch of crooks', 'complaint'],
    ['Quit badgering me', 'complaint'],
    ["You're bombarding my phone", 'complaint'],
    ['these reminders are obnoxious', 'complaint'],
    ["I'll leave a one star review everywhere", 'complaint'],
    ['I am filing a complaint with my state regulator', 'complaint'],
    ['stop lying to me', 'complaint'],
    // Promise: the many ways of stating a payment to come.
    ['Payment of $75 will go out Friday', 'promise'],
    ['Expect $200 from me by Monday', 'promise'],
    ["You'll have the money by Friday", 'promise'],
    ['gonna drop off cash at the branch tomorrow', 'promise'],
    ['heading to the credit union Friday to pay 90', 'promise'],
    ["I'll get you some money by Monday", 'promise'],
    ["I'll bring the loan current on the 10th", 'promise'],
    ["I'll pay once my unemployment check comes", 'promise'],
    // Hardship: means that fall short.
    ["I'm on a fixed income and my pension doesn't stretch", 'hardship'],
    ["my pay isn't enough to cover rent", 'hardship'],
    ['Our hours at the plant were reduced', 'hardship'],
    ['my car got repossessed and I cannot get to work', 'hardship'],
    // Question: asking without a question mark.
    ['Is the payoff amount different if I pay by card', 'question'],
    ['I was wondering how much I still owe', 'question'],
    ['not sure what this charge is for', 'question'],
    ["I'd like to know why the amount went up", 'question'],
    ['any chance I could get an extension', 'question'],
    // Callback.
    ['I get off at 6, call me then', 'callback'],
    // A third round of the same families.
    ['You are texting a landline that belongs to a school', 'wrong-number'],
    ['no clue who that is, sorry', 'wrong-number'],
    ['Would it be possible to split the payment', 'question'],
    ['tell me what the payoff is', 'question'],
    ['$80 going out Friday morning', 'promise'],
    ['by Monday you will have it', 'promise'],
    ['Monday, I promise', 'promise'],
    ['This is the 4th voicemail this week', 'complaint'],
    ['the processing fee is not legit', 'dispute'],
    ['I only borrowed $200, how is it $700 now', 'dispute'],
    ['I prefer a phone call over texts for this', 'callback'],
    ['Please have an agent telephone me tomorrow', 'callback'],
  ])('%s → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });

  it.each<[string, string, string[]]>([
    ['Please contact my attorney, not me.', 'sms', ['sms', 'voice', 'email']],
    ['I am represented by counsel.', 'email', ['sms', 'voice', 'email']],
    ['No manden más mensajes', 'sms', ['sms']],
    ['No texts please. Letters only.', 'sms', ['sms', 'voice']],
  ])('%s (%s) → revoke %j', (text, channel, scope) => {
    expect(get(text, 'revoke', channel as 'sms' | 'email')?.scope).toEqual(scope);
  });

  it.each<[string, Intent]>([
    // Near-misses of the new families: each stays out of the intent named.
    ['Please direct any billing questions to my attorney.', 'revoke'],
    ['My lawyer says I should keep paying, so I will.', 'complaint'],
    ['Stop threatening me with court', 'revoke'],
    ['Does the late fee go away if I pay today', 'revoke'],
    ['I retired the old card and use the new one', 'hardship'],
    ['I sold my car last week', 'dispute'],
    ['What is the name of the original lender on this', 'dispute'],
    ['Please stop calling my work number, use my cell', 'complaint'],
    ['Not today, but I will pay Friday', 'wrong-number'],
    ['Not interested.', 'wrong-number'],
    ['I want to pay eventually', 'promise'],
    ["I'll have it paid off by the 20th", 'paid-already'],
    ['I have sent you a copy of the police report', 'paid-already'],
    ['Can you send a duplicate statement', 'dispute'],
    ['my card is not valid anymore, I will update it', 'dispute'],
    ['The tickets were sold out, so I kept the money for you', 'dispute'],
    ['stop sending the payment reminders on Fridays', 'promise'],
  ])('%j is no %s', (text, intent) => {
    expect(intents(text)).not.toContain(intent);
  });

  it('dates payments in Spanish, with a misspelt weekday, and not on a day they only follow', () => {
    expect(get('Voy a pagar el lunes $60', 'promise')?.promise).toEqual({ date: '2026-12-07', amount: '60.00' });
    expect(get('i will pay 45 on fridy', 'promise')?.promise).toEqual({ date: '2026-12-04', amount: '45.00' });
    expect(get("I'll send the whole 250 on the 9th", 'promise')?.promise).toEqual({
      date: '2026-12-09',
      amount: '250.00',
    });
    expect(get("I'll pay the rest after the 15th", 'promise')?.promise).toEqual({});
  });

  it('reads jabs as complaints and identity questions as questions, however many "?"', () => {
    expect(intents('Calling me at 6am. Are you kidding me?')).toEqual(['complaint']);
    expect(intents('who trained these people? the man yelled at me')).toEqual(['complaint']);
    expect(intents('How many times do I have to tell you people')).toEqual(['complaint']);
    expect(intents('who are you??')).toEqual(['question']);
  });

  it('reads a death beside a wrong number as whoever had the number, and a debt denied there as the same', () => {
    expect(intents('Wrong number, the man who had it before me died last year').sort()).toEqual(['wrong-number']);
    expect(intents('haha not me. I never had an account with your company')).toEqual(['wrong-number']);
  });
});

describe('Chinese rule families from a fifth author’s replies (zh.tune5), in words of their own', () => {
  it.each<[string, Intent]>([
    // Paid: 已/早/刚 then 还清/结清, through an app or a bank, auto-debit, proof sent.
    ['上周五就用支付宝还清了', 'paid-already'],
    ['早就結清了，你們系統沒更新', 'paid-already'],
    ['这个月的已经自动扣款了', 'paid-already'],
    ['刚在手机银行转过去了', 'paid-already'],
    ['回执已经发到你们邮箱了', 'paid-already'],
    ['交易流水号在这里 8823001', 'paid-already'],
    ['钱昨晚存咗入去，pay咗喇', 'paid-already'],
    // Promise: new periods, an errand before paying, a part first, a plan, 凑.
    ['月尾出粮就还', 'promise'],
    ['等拿到奖金一次性还清', 'promise'],
    ['春节前一定还完', 'promise'],
    ['先还一部分，剩下的慢慢来', 'promise'],
    ['下礼拜去网点还', 'promise'],
    ['分六期还行吗', 'promise'],
    ['过两天凑齐了转给你们', 'promise'],
    // Question: 什么/多少/A-not-A/Cantonese/可否/…没 without a question mark.
    ['这个费用是怎么算出来的', 'question'],
    ['罚息到底收了多少', 'question'],
    ['我收到的金额对不对', 'question'],
    ['還款帳號係咩', 'question'],
    ['幾時截數', 'question'],
    ['可否延期还款', 'question'],
    ['转过去了收到没', 'question'],
    // Complaint: what was done, regulators, abuse.
    ['你們再爆我通訊錄試試', 'complaint'],
    ['我已经打了12315', 'complaint'],
    ['你们的催收员骂人，态度恶劣', 'complaint'],
    ['再這樣我去消委會投訴', 'complaint'],
    ['打电话到我单位威胁我同事，这是违法的', 'complaint'],
    // Dispute, wrong number, callback, hardship.
    ['帳單多咗五百蚊，唔啱', 'dispute'],
    ['利率根本不是合同上写的', 'dispute'],
    ['号码是新办的，你说的人我不认识', 'wrong-number'],
    ['原来的机主早就不用这个号了', 'wrong-number'],
    ['晚上八点后再打来', 'callback'],
    ['一个钟后call我', 'callback'],
    ['最近做散工，冇乜收入', 'hardship'],
  ])('%s → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });

  it.each<[string, Intent]>([
    ['不要停我的卡', 'revoke'],
    ['停车场在哪', 'revoke'],
    ['别担心，我会处理的', 'revoke'],
    ['别再打给我老婆了', 'revoke'],
    ['已经还款3000元，请核实', 'dispute'],
    ['我不知道这是什么钱', 'question'],
    ['在开会呢', 'question'],
    ['关我咩事', 'question'],
    ['有病吗', 'question'],
    ['我想下周还', 'promise'],
    ['明天用支付宝还', 'paid-already'],
    ['重复扣款了', 'paid-already'],
    ['我一直都是按时还的', 'paid-already'],
    ['上月已通过网银还款，请核实', 'dispute'],
  ])('%s is not %s', (text, intent) => {
    expect(intents(text)).not.toContain(intent);
  });

  it('reads 别再打我妈电话了 as about someone else, with the reason', () => {
    expect(intents('别再打我妈电话了')).not.toContain('revoke');
    const hit = explainReply('别再打我妈电话了', { channel: 'sms', receivedAt }).hits.find(
      (h) => h.rule.intent === 'revoke',
    );
    expect(hit?.suppressed).toMatch(/third party/);
  });

  it.each<[string, { date?: string; amount?: string }]>([
    ['听日还1k', { date: '2026-12-03', amount: '1000.00' }],
    ['明儿个还3千5', { date: '2026-12-03', amount: '3500.00' }],
    ['周五先还99.5元', { date: '2026-12-04', amount: '99.50' }],
    ['本人承诺于下周五（12月11日）前还款2,400元', { date: '2026-12-11', amount: '2400.00' }],
  ])('%s → %j', (text, terms) => {
    expect(get(text, 'promise')?.promise).toEqual(terms);
  });

  it('reads 停了吧 beside a complaint about texts as a revocation of texts', () => {
    expect(get('天天发短信好烦，停了吧', 'revoke')?.scope).toEqual(['sms']);
    expect(get('请停止一切形式的催收联系', 'revoke', 'email')?.scope).toEqual(['sms', 'voice', 'email']);
  });
});

describe('Chinese rule families from a sixth author’s replies (zh.tune6), in words of their own', () => {
  it.each<[string, Intent]>([
    // Revocations in every register.
    ['不要烦我了行不行', 'revoke'],
    ['拒绝任何形式的短信催收', 'revoke'],
    ['请把我的联系方式删除', 'revoke'],
    ['今后只接受书面信函', 'revoke'],
    ['短信电话一律免了', 'revoke'],
    ['Ｔ　Ｄ', 'revoke'],
    // Paid already, however it was paid.
    ['早就在手机银行全额清还', 'paid-already'],
    ['钱早都转给你们了', 'paid-already'],
    ['以经付了', 'paid-already'],
    ['银行卡自动扣了', 'paid-already'],
    // Promises: money arriving, a part first, the rest later, Cantonese.
    ['等货款到账我就还你们', 'promise'],
    ['下个星期还', 'promise'],
    ['下周先还部分', 'promise'],
    ['听日过数', 'promise'],
    // Questions without 吗 or ？.
    ['多久能处理好', 'question'],
    ['这是真的假的', 'question'],
    ['我欠的是本金还是利息呢', 'question'],
    // Complaints by hours, service, threats to the family, exposure, law.
    ['都还清了还催什么', 'complaint'],
    ['晚上十二点还打电话', 'complaint'],
    ['你们客服服务太差', 'complaint'],
    ['这是暴力催债', 'complaint'],
    ['我爸什么都不知道，别找他', 'complaint'],
    ['说好的不打电话呢', 'complaint'],
    ['全公司都知道了', 'complaint'],
    ['你们这是要逼死我', 'complaint'],
    ['已对我的名誉造成损害', 'complaint'],
    ['到底还要催几次？？？', 'complaint'],
    // Wrong number, dispute, callback.
    ['邮件寄错人了', 'wrong-number'],
    ['不是本人消费', 'dispute'],
    ['请派专员联系我', 'callback'],
    ['10点后再打 我在开会', 'callback'],
  ])('%s → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });

  it.each<[string, Intent]>([
    ['不要停我的额度', 'revoke'],
    ['取消自动扣款怎么弄？', 'revoke'],
    ['能不能删掉逾期记录？', 'revoke'],
    ['别打我妈电话了', 'revoke'],
    ['我会还 你们别急', 'promise'],
    ['等我有钱了就还', 'promise'],
    ['还了以后可以再借吗', 'paid-already'],
    ['能还多少算多少', 'question'],
    ['别天天打电话了', 'complaint'],
    ['有事找我的律师', 'complaint'],
    ['已经向金管会申诉了', 'dispute'],
    ['别误会 不是不想还是真的没钱', 'question'],
    ['以后请用邮件联系，别打电话', 'callback'],
    ['不要打扰我家人 他们跟这个没关系 再打我就投诉', 'revoke'],
  ])('%s is not %s', (text, intent) => {
    expect(intents(text)).not.toContain(intent);
  });

  it.each<[string, { date?: string; amount?: string }]>([
    ['后天还叁仟元', { date: '2026-12-04', amount: '3000.00' }],
    ['明天 800', { date: '2026-12-03', amount: '800.00' }],
    ['剩余的月尾还', { date: '2026-12-31' }],
    ['今天还了一千，剩下下周三还', { date: '2026-12-09' }],
    ['周四还你们2500', { date: '2026-12-03', amount: '2500.00' }],
  ])('%s → %j', (text, terms) => {
    expect(get(text, 'promise')?.promise).toEqual(terms);
  });

  it('reads paper only as every channel, and email only as the phone channels', () => {
    expect(get('以后只能寄信给我', 'revoke', 'email')?.scope).toEqual(['sms', 'voice', 'email']);
    expect(get('以后只用邮件联系我', 'revoke')?.scope).toEqual(['sms', 'voice']);
  });
});

describe('Chinese rule families from a seventh author’s replies (zh.tune7), in words of their own', () => {
  it.each<[string, Intent]>([
    // Revocations: pausing, to this address, any form, off a list, channels listed, or else.
    ['请暂停一切电话催收', 'revoke'],
    ['终止向我发送短信', 'revoke'],
    ['别再往这个邮箱发邮件了', 'revoke'],
    ['我不希望再收到任何形式的催款', 'revoke'],
    ['麻烦把本人从你们的号码库里删掉', 'revoke'],
    ['请删除本人资料', 'revoke'],
    ['短信、电话、邮件全都停掉', 'revoke'],
    ['再打这种骚扰电话我就去报警', 'revoke'],
    ['我不是她 别再发了', 'revoke'],
    ['我不是她 别再发了', 'wrong-number'],
    ['再傳簡訊來我就去檢舉', 'revoke'],
    ['唔該暫停晒所有電話', 'revoke'],
    ['請停止對本人的一切催收行為', 'revoke'],
    ['以后别往我手机上发东西了', 'revoke'],
    ['请不要再拨打这个号码', 'revoke'],
    ['别往这里打了', 'revoke'],
    ['今后不要再用邮件通知我', 'revoke'],
    ['我不要你们的邮件', 'revoke'],
    // Complaints: how often, manners, what was said, the family, still at it after payment.
    ['你们总是打电话', 'complaint'],
    ['一个上午二十多个电话', 'complaint'],
    ['你们的人好冇礼貌', 'complaint'],
    ['叫我去借网贷还你们？', 'complaint'],
    ['我爸跟这笔钱一点关系都没有', 'complaint'],
    ['都还清了你们还发短信', 'complaint'],
    ['一朝早打咗十幾個電話', 'complaint'],
    ['我阿媽同呢筆數冇關係', 'complaint'],
    ['還咗錢你哋仲打', 'complaint'],
    ['别再打给我同事了，丢人', 'complaint'],
    ['饭碗都保不住了', 'hardship'],
    // Callbacks asked again or arranged.
    ['信号不好，麻烦重新打一次', 'callback'],
    ['请派一名专员致电本人', 'callback'],
    ['請稍後再撥', 'callback'],
    // Questions without 吗: Cantonese, the account asked for, either-or.
    ['仲欠几钱', 'question'],
    ['收款账户发我下', 'question'],
    ['这是贷款还是信用卡', 'question'],
    ['是真人还是录音', 'question'],
    ['取消簡訊通知會唔會影響信用', 'question'],
    ['過幾日先還', 'promise'],
    // Payments and disputes.
    ['已于上周五在支付宝上把钱还了', 'paid-already'],
    ['付清了', 'paid-already'],
    ['手续费扣得不对', 'dispute'],
  ])('%s → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });

  it.each<[string, Intent]>([
    ['别催我同事了', 'revoke'],
    ['还清了就可以停止催收吗', 'revoke'],
    ['还清了就可以停止催收吗', 'paid-already'],
    ['取消邮件提醒会有影响吗', 'revoke'],
    ['取消簡訊通知會唔會影響信用', 'revoke'],
    ['我喺公司返緊工呢', 'question'],
    ['不要暂停我的自动还款', 'revoke'],
    ['不要再联系我的公司', 'revoke'],
    ['不要再联系我男朋友', 'revoke'],
    ['停止催收需要什么条件', 'revoke'],
    ['请终止对本人的电话联系', 'callback'],
    ['别再用机器人打给我', 'callback'],
    ['不要你们的电话号码', 'revoke'],
    ['你们打给我女朋友干什么', 'callback'],
    ['是真人还是录音', 'callback'],
    ['我在地铁上呢', 'question'],
    ['是否可以分6期还', 'promise'],
    ['听朝还咗佢', 'paid-already'],
    ['如有疑问会再联系', 'question'],
    ['我去银保监会申诉了', 'dispute'],
    ['说我涉嫌诈骗是什么意思', 'dispute'],
    ['尊重一点好吗', 'question'],
  ])('%s is not %s', (text, intent) => {
    expect(intents(text)).not.toContain(intent);
  });

  it.each<[string, { date?: string; amount?: string }]>([
    ['拟于2026年12月20日前偿还全部欠款', { date: '2026-12-20' }],
    ['后日还1500', { date: '2026-12-04', amount: '1500.00' }],
    ['过两日还五百', { amount: '500.00' }],
    ['等出咗粮就还', {}],
    ['本人拟于本月28日前结清全部欠款', { date: '2026-12-28' }],
    ['大后日还九百', { date: '2026-12-05', amount: '900.00' }],
  ])('%s → %j', (text, terms) => {
    expect(get(text, 'promise')?.promise).toEqual(terms);
  });

  it('reads the channels a revocation names, and every form as every channel', () => {
    expect(get('取消邮件提醒', 'revoke', 'email')?.scope).toEqual(['email']);
    expect(get('別再寄email給我', 'revoke')?.scope).toEqual(['email']);
    expect(get('别打电话 发短信就行', 'revoke')?.scope).toEqual(['voice']);
    expect(get('请停止以电话、短信联系本人', 'revoke', 'email')?.scope).toEqual(['sms', 'voice']);
    expect(get('我不希望再收到任何形式的催款', 'revoke', 'email')?.scope).toEqual(['sms', 'voice', 'email']);
  });
});

describe('rule families from a sixth author’s replies (en.tune6), in words of their own', () => {
  it.each<[string, Intent]>([
    // Complaints: treatment, exposure to others, frustration, taking it elsewhere.
    ['You people treat customers like garbage', 'complaint'],
    ['Your collector needs retraining', 'complaint'],
    ['My coworkers heard the whole voicemail, how embarrassing', 'complaint'],
    ['Calling me at dinner again, really', 'complaint'],
    ['So disappointed in how this was handled', 'complaint'],
    ['I explained this to four different people already', 'complaint'],
    ['Waited on hold for over an hour today', 'complaint'],
    ["I'm through with you people", 'complaint'],
    ['harrassing me daily', 'complaint'],
    ['Telling the local news about this', 'complaint'],
    ['Posted your texts on Reddit', 'complaint'],
    ["I'm calling the police on you", 'complaint'],
    // Disputes of the sum claimed, and of a deal undone or never made.
    ['You say I owe 900 but I only borrowed 300', 'dispute'],
    ['That fee was never in my agreement', 'dispute'],
    ['The order was refunded, so why a balance?', 'dispute'],
    ['I never signed up for that insurance', 'dispute'],
    // Questions without "you", hardship in wages not paid, a payment in shorthand.
    ['r u guys open sunday', 'question'],
    ['can u resend the link', 'question'],
    ['we haven’t been paid since the plant closed', 'hardship'],
    ['pd already', 'paid-already'],
  ])('%s → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });

  it.each<[string, Array<'sms' | 'voice' | 'email'>]>([
    ['Please scratch me off your contact list', ['sms', 'voice', 'email']],
    ['Remove me from everything', ['sms', 'voice', 'email']],
    ['i dont wanna hear from u', ['sms', 'voice', 'email']],
    ['Don’t hit my phone no more', ['sms']],
    ['Forget my number', ['sms']],
    ['Erase my phone number from your files', ['sms']],
    ['Not interested in any further calls', ['voice']],
  ])('%s → revoke %j', (text, scope) => {
    expect(get(text, 'revoke')?.scope).toEqual(scope);
  });

  it.each<[string, Intent]>([
    ['Stop sending letters to my house', 'revoke'],
    ['Stop wasting my time', 'revoke'],
    ['If I set up the plan will the texts stop?', 'revoke'],
    ['STOP calling my dad, he has nothing to do with this', 'revoke'],
    ['Could you remove the late fee?', 'revoke'],
    ['Can I cancel autopay', 'revoke'],
    ['Stop by the office tomorrow', 'revoke'],
    ['Pushy much?', 'question'],
    ['How dare you call my grandmother?', 'question'],
    ['I’ve paid on time every month', 'paid-already'],
    ['we haven’t been paid since the plant closed', 'paid-already'],
  ])('%s is not %s', (text, intent) => {
    expect(intents(text)).not.toContain(intent);
  });

  it.each<[string, { date?: string; amount?: string }]>([
    ['no worries, I’ll pay Friday', { date: '2026-12-04' }],
    ['I’ll send it first thing in the morning', { date: '2026-12-03' }],
    ['Setting up payment of $60 for the 9th', { date: '2026-12-09', amount: '60.00' }],
  ])('%s → promise %j', (text, terms) => {
    expect(get(text, 'promise')?.promise).toEqual(terms);
  });

  it('reads "will the texts stop?" after a condition as asking, with the reason', () => {
    const hit = explainReply('If I pay today will the texts stop?', { channel: 'sms', receivedAt }).hits.find(
      (h) => h.rule.intent === 'revoke',
    );
    expect(hit?.suppressed).toMatch(/asks what follows/);
    expect(intents('If I pay today will the texts stop?')).toEqual(['question']);
  });
});

describe('rule families from a seventh author’s replies (en.tune7), in words of their own', () => {
  it.each<[string, Intent]>([
    // Complaints: what the company's people said and did, private business shown, persistence, sarcasm, relatives.
    ['Your caller called me a bum on the phone', 'complaint'],
    ['Your reps lie constantly about the fees', 'complaint'],
    ['He said they would take my car by Monday', 'complaint'],
    ['She threatened me with arrest over a phone bill', 'complaint'],
    ['Tell that woman to watch her mouth', 'complaint'],
    ['I want that collector written up', 'complaint'],
    ['Somebody from your office told my pastor about my loan', 'complaint'],
    ['You mailed it to my job where my coworkers can see it', 'complaint'],
    ['Texts every two hours, all weekend', 'complaint'],
    ['A call before 7 in the morning on my day off', 'complaint'],
    ['I am finished dealing with you', 'complaint'],
    ['Always a pleasure to get your reminders', 'complaint'],
    ['Oh look, more letters from you. What a surprise', 'complaint'],
    ['Quit calling my grandmother, she is 90 and has nothing to do with this', 'complaint'],
    ['Already spoke with an attorney about your calls', 'complaint'],
    // Disputes: the grounds a borrower gives.
    ['I have never lived in Texas, those purchases are not mine', 'dispute'],
    ['The account was closed before any of these fees were added', 'dispute'],
    ['That loan is more than ten years old', 'dispute'],
    ['We sent back the couch in the first week', 'dispute'],
    ["This is my late husband's loan", 'dispute'],
    ['Why is the bill this high', 'dispute'],
    ['You did not credit my payment from last week', 'dispute'],
    ['There is a charge on here I didn’t agree to', 'dispute'],
    // Payments taken, promises in shorthand and words, questions without a question mark, a number to use.
    ['The money came out of my checking on Friday', 'paid-already'],
    ['Payment was withdrawn from my account on the 28th', 'paid-already'],
    ['Your statement did not include my payment on Nov 3', 'paid-already'],
    ['Saturday okay?', 'promise'],
    ['i gotchu on the 20th', 'promise'],
    ['The check bounced, I will resend it Friday', 'promise'],
    ['Transfer is scheduled for the 9th', 'promise'],
    ['I’ll be able to pay in a couple of weeks', 'promise'],
    ['I lost the letter, how do I find my account number', 'question'],
    ['If I pay half now would that stop the fees', 'question'],
    ['Kindly advise whether the fee can be waived', 'question'],
    ['Text me the remaining balance please', 'question'],
    ['Can somebody ring me and explain the interest?', 'question'],
    ['That line is dead now, try 555 0177', 'callback'],
  ])('%s → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });

  it.each<[string, Intent]>([
    ["Don't call my brother", 'complaint'],
    ['Could you stop calling my dad and call me instead', 'complaint'],
    ['I said no one called me back', 'wrong-number'],
    ['you got the wrong total on my account', 'wrong-number'],
    ['I filed an FTC identity theft report', 'complaint'],
    ['My card was cancelled so the autopay failed, can I pay another way', 'dispute'],
    ['I returned your call yesterday', 'dispute'],
    ['The reminders don’t bother me at all', 'revoke'],
    ['Your rep promised a call back and I never got one', 'callback'],
    ['Can you use 555-0190 for my records?', 'callback'],
    ['I wanted to explain why I was late', 'question'],
    ['Are you still sending these?', 'complaint'],
    ['Paid already, you will see it in 2 days', 'promise'],
    ['but will pay friday', 'question'],
    ['Great service, thank you', 'complaint'],
    ['Please let me know if you need anything else', 'question'],
    ['I need the money for groceries first', 'question'],
    ["I'm hoping to pay it Friday", 'question'],
    ["I don't want the reminders to stop", 'revoke'],
    ["I'm done with your payment plan, I'll pay in full", 'revoke'],
    ['You have no right to call my employer', 'revoke'],
    ['Only in writing will I accept a settlement offer', 'revoke'],
  ])('%s is not %s', (text, intent) => {
    expect(intents(text)).not.toContain(intent);
  });

  it.each<[string, Array<'sms' | 'voice' | 'email'>]>([
    ['Do not email me at my office again', ['email']],
    ['Stop the calls, texting is fine though', ['voice']],
    ['No more texts but you may still call', ['sms']],
  ])('%s → revoke %j', (text, scope) => {
    expect(get(text, 'revoke')?.scope).toEqual(scope);
  });

  it.each<[string, { date?: string; amount?: string }]>([
    ['I will pay seventy-five dollars tomorrow', { date: '2026-12-03', amount: '75.00' }],
    ['I can send three hundred and twenty on the tenth', { date: '2026-12-10', amount: '320.00' }],
    ['Will pay 2k by the 20th', { date: '2026-12-20', amount: '2000.00' }],
    ['I will pay you 3 hundred on Monday', { date: '2026-12-07', amount: '300.00' }],
    ['I will transfer it on 22 December', { date: '2026-12-22' }],
    ['Paying on Monday, 14 December', { date: '2026-12-14' }],
    ['I’ll have it all paid off by New Year’s', { date: '2027-01-01' }],
    ['I can pay in three weeks', {}],
  ])('%s → promise %j', (text, terms) => {
    expect(get(text, 'promise')?.promise).toEqual(terms);
  });

  it.each<[string, Intent]>([
    // The same families, in wordings no tuning author used.
    ['Your agent made fun of me for being late', 'complaint'],
    ['Shame on your collectors', 'complaint'],
    ['What you are doing is against the law', 'complaint'],
    ['I felt harassed after that call', 'complaint'],
    ['Thanks for nothing', 'complaint'],
    ['Stellar service as usual', 'complaint'],
    ['Quit lying about my balance', 'complaint'],
    ['My insurance was supposed to have covered this', 'dispute'],
    ['Your APR is wrong', 'dispute'],
    ['Billing me for a phone I returned months ago', 'dispute'],
    ['I honestly don’t know what these charges are for', 'dispute'],
    ['That is far more than I ever borrowed', 'dispute'],
    ['Hi, so when is my next due date', 'question'],
    ['Just confirming whether my payment posted', 'question'],
    ['Remind me how much is left', 'question'],
    ["Can't find my account number anywhere", 'question'],
    ['Need my payoff', 'question'],
    ['Amount due pls', 'question'],
    ['We were hoping to move the due date to the 20th', 'question'],
    ['Open to settling, what could you do', 'question'],
    ['I can pay it all the second week of January', 'promise'],
    ['Will knock it out by end of next week', 'promise'],
    ['You can count on 150 on Monday', 'promise'],
    ['The funds will be there by Thursday', 'promise'],
  ])('%s → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });

  it.each<[string, Array<'sms' | 'voice' | 'email'>]>([
    // Revocations in the same registers, in other words.
    ['pls quit txtin me', ['sms']],
    ['I am finished getting your emails', ['email']],
    ['You do not have my permission to phone me', ['voice']],
    ['Any further correspondence must be in writing', ['sms', 'voice']],
    ['Write to me only in writing please', ['sms', 'voice']],
  ])('%s → revoke %j', (text, scope) => {
    expect(get(text, 'revoke')?.scope).toEqual(scope);
  });

  it('reads "call me to explain" as both a call asked for and a question', () => {
    expect(intents('Please call me to explain the late charge').sort()).toEqual(['callback', 'question']);
  });
});

describe('rule families from an eighth author’s replies (en.tune8), in words of their own', () => {
  it.each<[string, Intent]>([
    // Complaints by sarcasm and weariness: praise turned by an eye-roll, a favourite pen pal, pride, "just a number".
    ['Wow, thanks a lot for the fourth text today 🙄', 'complaint'],
    ['So kind of you to remind me yet again 🙃', 'complaint'],
    ['oh joy, another reminder 😒', 'complaint'],
    ['Ah, my favorite debt collectors again', 'complaint'],
    ['Hope you are proud of yourselves', 'complaint'],
    ['Paid it. Happy now?', 'complaint'],
    ['I am only a dollar sign to you people', 'complaint'],
    ['Calling my boss was a new low even for you', 'complaint'],
    ['Texting my kid about my bills. Who does that?', 'complaint'],
    ['How is this even legal', 'complaint'],
    ['You called at 7am on a Sunday. Seriously?', 'complaint'],
    ['"Friendly reminder" my ass', 'complaint'],
    // Complaints by counted frequency.
    ['That is 5 texts in one morning', 'complaint'],
    ['six calls since Monday, enough', 'complaint'],
    ['Your robot dials me 4x a day', 'complaint'],
    ['stuck on hold for 2 hours', 'complaint'],
    ['I waited 90 minutes on hold', 'complaint'],
    ['Same text. Same day. Three times.', 'complaint'],
    // Complaints by conduct felt, by what others were told, by a promise not kept.
    ["I'm not a deadbeat, stop treating me like one", 'complaint'],
    ['Your caller acted like I was hiding from you', 'complaint'],
    ['I have never been treated this rudely', 'complaint'],
    ['Are those threats supposed to scare me?', 'complaint'],
    ["I'm still waiting for an answer from your supervisor", 'complaint'],
    ['No one ever called me back like promised', 'complaint'],
    ['Honestly I am very upset by the last call', 'complaint'],
    ['you told my neighbor I was behind on payments', 'complaint'],
    ['She read my balance out loud while I was at work', 'complaint'],
    ['The late fee is still on my account after you said you removed it', 'complaint'],
    ['Third month in a row your system lost my payment', 'complaint'],
    // Complaints taken elsewhere, named in full or by outlet.
    ['I filed with the Consumer Financial Protection Bureau today', 'complaint'],
    ['I reported you to the Federal Communications Commission', 'complaint'],
    ['Any more texts go straight to my attorney', 'complaint'],
    ['The local consumer reporter will hear about this', 'complaint'],
    // Promises: a day alone, a proposal put as a question, payments resumed or being sent, money awaited.
    ['the 21st', 'promise'],
    ['Monday the 7th, all of it', 'promise'],
    ['New Years Day I swear', 'promise'],
    ['Would it be ok if I sent $60 Friday and the rest next month?', 'promise'],
    ['Is it alright to pay half on the 10th', 'promise'],
    ['I will start making payments again on the 1st', 'promise'],
    ["I'll restart my monthly payments on Jan 2", 'promise'],
    ['sending $45 tonight', 'promise'],
    ['I can pay once my tax return comes in', 'promise'],
    // Payments a draft should have taken, a statement shows, or said without the past tense.
    ['The autopay was supposed to take it on the 5th', 'paid-already'],
    ['Attached is a screenshot showing my payment', 'paid-already'],
    ['You failed to credit my payment again', 'paid-already'],
    ['Yesterday we pay full amount', 'paid-already'],
    // Calls asked for: "call me" run on, another line, a call accepted.
    ['call me i can explain', 'callback'],
    ['Please call my home line tonight', 'callback'],
    ['Okay with a phone call tomorrow', 'callback'],
    // Questions after a comma, of which one, for an address.
    ["got your email, what's the payoff", 'question'],
    ['paid last week, did you get it', 'question'],
    ["I'm confused about which loan this is", 'question'],
    ['I need the billing address', 'question'],
    ['I want to understand why the fee went up', 'question'],
    // Hardship by sleep lost, costs risen, an emergency room.
    ["can't sleep, can't eat, this debt is killing me", 'hardship'],
    ['My husband is in the emergency room', 'hardship'],
    ["I can't pay, I lost my job", 'hardship'],
  ])('%s → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });

  it.each<[string, Intent]>([
    // Near-misses of the same families, each read as what it is.
    ['I quit my job for a better one, doing fine now', 'hardship'],
    ['I work night shift at the hospital, text me after noon', 'hardship'],
    ['My son is a nurse at the hospital and he will help me pay Friday', 'hardship'],
    ['does paying tomorrow still count as on time', 'promise'],
    ['Will paying early lower the interest?', 'promise'],
    ['did my payment on Monday go through?', 'paid-already'],
    ['has my payment posted yet?', 'paid-already'],
    ['I plan to pay $40 on Christmas Eve', 'complaint'],
    ['My wife reported her wallet stolen last week', 'dispute'],
    ['wrong number, is this some kind of scam', 'dispute'],
    ['Friday?', 'promise'],
    ['leave me the hell alone', 'complaint'],
    ['Thanks so much, I appreciate the reminder 🙂', 'complaint'],
    ["Don't be upset, I will pay on Friday", 'complaint'],
    ['no email?', 'revoke'],
    ['No phone. Lost it last week.', 'revoke'],
    ['On the one hand I want to pay, on the other I am broke', 'promise'],
    ["I can't pay the whole balance at once, what are my options?", 'hardship'],
    ["I hope you're happy with the payment plan", 'complaint'],
    ['My old friend will lend me the money', 'complaint'],
    ['I was upset about losing my job', 'complaint'],
    ["I'll put you on speaker with my wife", 'complaint'],
    ['Thanks, really.', 'complaint'],
  ])('%s → not %s', (text, intent) => {
    expect(intents(text)).not.toContain(intent);
  });

  it('reads "call me" run on as a call asked for only when the borrower asks it, by the rules', () => {
    const byRules = (text: string) =>
      interpretReply(text, { channel: 'sms', receivedAt, learned: false }).intents.map((i) => i.intent);
    expect(byRules('call me so we can sort this out')).toContain('callback');
    expect(byRules('you call me so many times a day')).not.toContain('callback');
    expect(byRules('they call me to threaten me')).not.toContain('callback');
  });

  it.each<[string, { date?: string; amount?: string }]>([
    ['day after tomorrow', { date: '2026-12-04' }],
    ['first of the year', { date: '2027-01-01' }],
    ['Will pay on the twenty second', { date: '2026-12-22' }],
    ['Dec 18, all of it', { date: '2026-12-18' }],
    ['Sending 80 now', { amount: '80.00' }],
  ])('%s → promise %j', (text, terms) => {
    expect(get(text, 'promise')?.promise).toEqual(terms);
  });

  it.each<[string, Array<'sms' | 'voice' | 'email'>]>([
    // Look-alike capital I from Greek and Cyrillic, a split "un subscribe", bare "no phone, no email", postal mail only.
    ['QUΙT', ['sms']],
    ['ЅТΟР', ['sms']],
    ['un subscribe', ['sms']],
    ['No phone. No email.', ['voice', 'email']],
    ['no texts, no phone', ['sms', 'voice']],
    ['Contact me only by postal mail', ['sms', 'voice']],
    ['please stop calling and just email me', ['voice']],
  ])('%s → revoke %j', (text, scope) => {
    expect(get(text, 'revoke')?.scope).toEqual(scope);
  });
});

describe('Chinese rule families from an eighth author’s replies (zh.tune8), in words of their own', () => {
  it.each<[string, Intent]>([
    // Revocations: refusing to receive, contact "with me" ended, paper only, a kind named, a code at the end.
    ['本号码不再接收你们的任何短信', 'revoke'],
    ['请勿再直接与本人联络', 'revoke'],
    ['即日起终止与我的一切联系', 'revoke'],
    ['只接受纸质信函，电话短信一概不接受', 'revoke'],
    ['请勿再寄催缴短信', 'revoke'],
    ['周五还500 TD', 'revoke'],
    ['周五还500 TD', 'promise'],
    // Complaints: others told, exposure, hours, after payment, counts, put-downs, tone, sarcasm.
    ['连我邻居都知道我欠钱了', 'complaint'],
    ['同学都在议论这事', 'complaint'],
    ['信里写着我的全名', 'complaint'],
    ['被同事看到了怎么办', 'complaint'],
    ['昨晚十一点还打', 'complaint'],
    ['付了钱仲催', 'complaint'],
    ['你们今天打了五次电话', 'complaint'],
    ['每天给我打七八个电话', 'complaint'],
    ['你们系统是摆设吗', 'complaint'],
    ['你们客服讲话太难听了', 'complaint'],
    ['说了一百遍了', 'complaint'],
    ['这种做法实属不妥', 'complaint'],
    ['好棒棒，又提醒我', 'complaint'],
    ['又打电话来了', 'complaint'],
    ['你们凭什么打给我大学同学', 'complaint'],
    // Callbacks: a time in digits, a call to confirm.
    ['请于1900后致电本人', 'callback'],
    ['付款后麻烦致电确认', 'callback'],
    // Promises: an errand of one word, Cantonese 过 a sum, after a return, the other half, a day asked.
    ['后天会去柜台交', 'promise'],
    ['出院后马上还', 'promise'],
    ['另一半下周五', 'promise'],
    ['这周五还行吗', 'promise'],
    ['这周五还行吗', 'question'],
    ['剩下的分六个月还', 'promise'],
    ['明天还可以不', 'question'],
    // Payments: formal (已通过…还款, 我于<a day gone>…缴款), 已清, typos 以还 and 還左.
    ['账已清，放心', 'paid-already'],
    ['以还 勿念', 'paid-already'],
    ['還左數喇', 'paid-already'],
    ['本人已通过手机银行向贵司还款1,500元', 'paid-already'],
    ['我于11月28日在柜台缴款2000元', 'paid-already'],
    ['本人已于今天（12月2日）转账800元', 'paid-already'],
    // Questions: 告知 asked for, either-or without a particle.
    ['请告知还款账户', 'question'],
    ['微信还是支付宝', 'question'],
    // Disputes: paid off in an earlier year, someone else's; a wrong number in Latin letters; hardship.
    ['这笔早在2018年就还清了', 'dispute'],
    ['这张卡是我前夫的', 'dispute'],
    ['本人並非 Mr. Chan', 'wrong-number'],
    ['等我找到新工作就还', 'hardship'],
    ['请于明天15:30后致电本人', 'callback'],
    // Probed in words of our own: the same families in other registers.
    ['唔該停止所有訊息', 'revoke'],
    ['取消所有通知', 'revoke'],
    ['以后别联系了', 'revoke'],
    ['我都還晒啦', 'paid-already'],
    ['已经从工资卡扣了', 'paid-already'],
    ['钱已经到你们账上了', 'paid-already'],
    ['你们是黑社会吗', 'complaint'],
    ['欠款总额麻烦发一下', 'question'],
    ['最低还款额是几', 'question'],
    ['我可以晚几天还不', 'question'],
    ['你们是正规公司不', 'question'],
    ['这钱该还给谁', 'question'],
    ['貸款還剩幾期', 'question'],
    ['呢筆數點計', 'question'],
    ['能不能少还一点', 'question'],
    ['不要再打扰我家里人了，他们快被你们逼疯了', 'complaint'],
    ['你们真够可以的', 'complaint'],
    ['呵呵，真是服了你们', 'complaint'],
    ['你們的催收手法太下流', 'complaint'],
    ['打到我老闆那裡，你們有事嗎', 'complaint'],
    ['这什么服务', 'complaint'],
    ['你們的簡訊我不需要', 'revoke'],
    ['所有联系方式都请停止', 'revoke'],
    ['我不會再接你們電話', 'revoke'],
    ['我真的不想再收到了', 'revoke'],
    ['上个礼拜已经清了', 'paid-already'],
    ['已经按时缴纳', 'paid-already'],
    ['欠款于今日全部清偿完毕', 'paid-already'],
    ['我前几天就把钱还上了', 'paid-already'],
    ['剛剛入咗數', 'paid-already'],
    ['付款记录我可以发给你', 'paid-already'],
    ['提前还清有优惠不', 'question'],
    ['逾期了会上征信不', 'question'],
    ['能帮我查下余额', 'question'],
    ['麻烦说一下具体金额', 'question'],
    ['请说明一下这笔费用', 'question'],
    ['我不太明白这个费用', 'question'],
    ['這是甚麼費用', 'question'],
    ['打电话来的那个人很凶', 'complaint'],
    ['说什么要告我，吓我啊', 'complaint'],
    ['有本事去法院告我', 'complaint'],
    ['我孩子接到你们电话吓哭了', 'complaint'],
    ['周末都不让人休息', 'complaint'],
    ['催什么催', 'complaint'],
    ['又是你们', 'complaint'],
    ['说话放尊重点', 'complaint'],
    ['我已经保留了录音', 'complaint'],
    ['我没有在你们平台贷款', 'dispute'],
    ['金额比合同多了很多', 'dispute'],
    ['生意赔了，给我点时间', 'hardship'],
  ])('%s → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });

  it.each<[string, Intent]>([
    ['我把短信删了，再发一次吧', 'revoke'],
    ['退订了还要交月费吗', 'revoke'],
    ['要怎么做你们才能停止催收', 'revoke'],
    ['每天还100元分三次', 'complaint'],
    ['我今天打了三次客服电话', 'complaint'],
    ['你们打给我老同学干嘛', 'callback'],
    ['你们的专员多次致电我的公司', 'callback'],
    ['昨天你们在半夜给我打电话', 'callback'],
    ['上午十点就打来了', 'callback'],
    ['你们系统是摆设吗', 'question'],
    ['你们凭什么打给我大学同学', 'question'],
    ['我于12月20日在柜台缴款2000元', 'paid-already'],
    ['我于12月1日通过支付宝还款3000元', 'promise'],
    ['已经还了八期，为什么还说我逾期', 'paid-already'],
    ['本人将于12月20日通过网银还款3000元，届时请查收', 'paid-already'],
    ['这笔早在2018年就还清了', 'paid-already'],
    ['如有问题请回复此邮件', 'question'],
    ['我还是会还的', 'question'],
    ['本人工作日不便接听', 'callback'],
    ['月尾還晒', 'paid-already'],
    ['快点还吧', 'question'],
    ['你们是黑社会吗', 'question'],
    ['这什么服务', 'question'],
    ['我不会再收到账单了吧', 'revoke'],
    ['我是上月25号还的', 'promise'],
    ['我想知道怎么样才算结清完毕', 'paid-already'],
    ['特此说明', 'question'],
    ['我要找你们领导投诉', 'callback'],
    ['我在你们平台贷款了两万，想问问利息', 'dispute'],
  ])('%s is not %s', (text, intent) => {
    expect(intents(text)).not.toContain(intent);
  });

  it.each<[string, { date?: string; amount?: string }]>([
    ['下礼拜二過五千俾你', { date: '2026-12-08', amount: '5000.00' }],
    ['明天还RMB800', { date: '2026-12-03', amount: '800.00' }],
    ['余款2000本月底前还清', { date: '2026-12-31', amount: '2000.00' }],
    ['年底前还清', { date: '2026-12-31' }],
    ['等年底奖金发了就还', {}],
    ['我会在1月5号前还清', { date: '2027-01-05' }],
    ['我于12月20日在柜台缴款2000元', { date: '2026-12-20', amount: '2000.00' }],
  ])('%s → %j', (text, terms) => {
    expect(get(text, 'promise')?.promise).toEqual(terms);
  });

  it('reads the line a removal names, and a list as no channel', () => {
    expect(get('请把此邮箱从你们的通知名单里移除', 'revoke', 'email')?.scope).toEqual(['email']);
    expect(get('此邮箱不再接受你们的邮件', 'revoke', 'email')?.scope).toEqual(['email']);
    expect(get('拒绝接听', 'revoke')?.scope).toEqual(['voice']);
    expect(get('請不要再寄信到我的電子信箱', 'revoke')?.scope).toEqual(['email']);
  });
});
