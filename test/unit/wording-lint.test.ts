/**
 * The wording linter against sentences a person wrote: half that must be flagged (threats,
 * insults, profanity, fake legal wording, in many disguises) and half ordinary courteous
 * sentences that must not be, in English and Chinese. Precision and recall are asserted.
 */
import { describe, expect, it } from 'vitest';
import { lintWording } from '../../src/policy/wording-rules.js';

const EN_FLAGGED = [
  'If you do not pay today we will have you arrested.',
  'You could go to jail for ignoring this debt.',
  'We will call the police if we do not hear from you.',
  'Our client will sue you for the full balance.',
  'A lawsuit will be filed against you on Monday.',
  'We will take legal action without further notice.',
  'Your wages will be garnished next month.',
  'We will seize your car and your property.',
  'We will contact your employer about this debt.',
  'We are going to tell your family that you owe us money.',
  'Everyone will know you do not pay your bills.',
  'We will publish your name on our list of debtors.',
  'FINAL WARNING: official notice of collection.',
  'This is a legal notice from the court order department.',
  'You are a deadbeat and a liar.',
  'Pay up, you lazy idiot.',
  'This is your damn last chance.',
  'Ｗｅ　ｗｉｌｌ　ｈａｖｅ　ｙｏｕ　ＡＲＲＥＳＴＥＤ.',
  'You will be a r r e s t e d if you ignore us.',
  'Our team may contact the pol ice about your account.',
  'Expect a visit: we will come to your home this weekend.',
  'Failure to pay is fraudulent and may be prosecuted.',
];

const EN_ORDINARY = [
  'This is a friendly reminder that your payment of $120.50 was due on November 20.',
  'If you have already paid, thank you, and please disregard this message.',
  'We understand that times can be hard, and we are here to help.',
  'You can pay online or set up a payment plan that fits your budget.',
  'Please read our privacy policy to see how we handle your data.',
  'If there is an issue with your statement, let us know and we will look into it.',
  'We will pursue every option to find a plan that works for you.',
  'Call us at 1-800-555-0199, Monday to Friday, 9am to 6pm.',
  'Reply STOP to opt out of text messages.',
  'This message is from a debt collector.',
  'Thank you for your payment; your account is now up to date.',
  'If your family circumstances have changed, we can talk about a plan.',
  'Our customer care team would be glad to hear from you.',
  'You may split the balance into smaller monthly instalments.',
  'Northwind Federal Credit Union is writing about account ending 1234.',
  'We will never ask for your PIN; please beware of fraud attempts by others.',
  'With courtesy and respect, the Northwind team.',
  'Hello Alex, we hope you are well.',
  'If we do not hear from you, a member of our team will contact you to discuss your account.',
  'Please contact us at your convenience to discuss your options.',
  'We value you as a customer and want to keep it that way.',
  'To stop these emails, reply with the word STOP.',
];

const ZH_FLAGGED = [
  '如不还款，我们将向法院起诉您。',
  '再不还钱就报警抓你。',
  '您将被拘留，后果自负。',
  '我们会通知您的家人和单位您欠款的情况。',
  '我们将爆您的通讯录，让所有人知道。',
  '逾期将上门催收，请您配合。',
  '您的名字将在朋友圈曝光。',
  '最后通牒：请立即还款。',
  '您的行为已涉嫌诈骗，将被追究刑事责任。',
  '老赖，赶紧还钱！',
  '你这个骗子，不要脸。',
  '我们将申请强制执行，查封您的房产。',
  '逾期将冻结您名下所有财产。',
  '起 诉 程序已经启动。',
  '本通知为法院通知，请务必重视。',
  '再不还款就把你列入失信黑名单。',
  '我们会打电话给您的同事。',
  '律师函已寄出，请注意查收。',
  '他妈的，赶紧还钱。',
  '您将被公安机关立案调查。',
  '您的欠款信息将上征信，影响您的一生。',
  '我们将告知您父母您的欠款情况。',
];

const ZH_ORDINARY = [
  '温馨提醒：您尾号1234的账户有一笔还款已到期。',
  '如您已还款，请忽略本短信，感谢您的支持。',
  '如近期资金紧张，欢迎联系我们商量分期还款安排。',
  '您可以通过官方网站或手机应用在线还款。',
  '回复TD退订。',
  '我们理解您可能遇到了困难，愿意与您一起想办法。',
  '如有疑问，请联系本公司客服，服务时间为工作日9:00-18:00。',
  '感谢您按时还款，您的账户已结清。',
  '您已成功退订本类短信。',
  '请谨防诈骗，我们不会向您索要验证码。',
  '如需帮助，可转人工客服。',
  '请联系公司客服热线400-800-1234。',
  '您也可以和家人商量后再与我们联系。',
  '我们为您提供灵活的分期方案，每月还款金额更轻松。',
  '祝您生活愉快。',
  '北风银行客户服务中心诚挚为您服务。',
  '您的最低还款额为200元，到期日为11月20日。',
  '如不希望再收到此类邮件，请回复“退订”。',
  '我们的专员将与您联系，了解您的情况并商量解决办法。',
  '本信息来自债务催收方。',
  '您好，这里是北风客户服务中心，请您方便时回电。',
  '还款后通常一到两个工作日内到账。',
];

function score(flagged: string[], ordinary: string[]) {
  const hit = (s: string) => lintWording(s).length > 0;
  const tp = flagged.filter(hit).length;
  const fp = ordinary.filter(hit).length;
  return { tp, fp, fn: flagged.length - tp, precision: tp / (tp + fp), recall: tp / flagged.length };
}

describe('wording linter', () => {
  it('has at least 40 English and 40 Chinese test sentences, half of each to be flagged', () => {
    expect(EN_FLAGGED.length + EN_ORDINARY.length).toBeGreaterThanOrEqual(40);
    expect(ZH_FLAGGED.length + ZH_ORDINARY.length).toBeGreaterThanOrEqual(40);
    expect(EN_FLAGGED.length).toBe(EN_ORDINARY.length);
    expect(ZH_FLAGGED.length).toBe(ZH_ORDINARY.length);
  });

  it('flags every threatening English sentence and no courteous one (precision and recall 1.0)', () => {
    const missed = EN_FLAGGED.filter((s) => lintWording(s).length === 0);
    const wrong = EN_ORDINARY.filter((s) => lintWording(s).length > 0).map(
      (s) => `${s} → ${lintWording(s).map((f) => f.rule)}`,
    );
    expect({ missed, wrong }).toEqual({ missed: [], wrong: [] });
    const s = score(EN_FLAGGED, EN_ORDINARY);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(1);
  });

  it('flags every threatening Chinese sentence and no courteous one (precision and recall 1.0)', () => {
    const missed = ZH_FLAGGED.filter((s) => lintWording(s).length === 0);
    const wrong = ZH_ORDINARY.filter((s) => lintWording(s).length > 0).map(
      (s) => `${s} → ${lintWording(s).map((f) => f.rule)}`,
    );
    expect({ missed, wrong }).toEqual({ missed: [], wrong: [] });
    const s = score(ZH_FLAGGED, ZH_ORDINARY);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(1);
  });

  it('points at the offending words in the original text, full-width and spaced-out forms included', () => {
    const text = 'Hello. You will be a r r e s t e d.';
    const [f] = lintWording(text);
    expect(f!.rule).toBe('threat-arrest');
    expect(text.slice(f!.start, f!.end)).toBe('a r r e s t e d');
    const wide = '请注意：起　诉';
    const [z] = lintWording(wide);
    expect(wide.slice(z!.start, z!.end)).toBe('起　诉');
  });

  it('does not read "policy", "issue" or "pursue" as "police" or "sue"', () => {
    expect(lintWording('Our policy is to pursue a fair outcome; no issue is too small.')).toEqual([]);
  });
});
