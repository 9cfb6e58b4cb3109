/** The channels a revocation's words name: texts → sms, calls → voice, emails → email, "contact me" → all three. */
import type { Channel } from '../../domain/channels.js';

const EN_SMS =
  /\b(?:texts?|texting|texted|txts?|txting|txtin|txtn|textn|txt'?s|sms|messages?|messaging|msgs?|texs?|mensajes?|mensajitos?|msjs?|mjs|textos?|textear\w*|textiar\w*|texteen|textees|texteando\w*|mensajear\w*)\b/;
const EN_VOICE =
  /\b(?:call|calls|calling|calln|called|phone calls?|telephone(?! number)|telephoned|telephoning|col in|call in|ringin|(?<!(?:my|your|the|this|a) )phone(?! number)|by phone|phoning|ring|ringing|robocalls?|voicemails?|voice ?mails?|llamadas?|llamad[oa]s?|llamaditas?|llamaran|llamara|marcaran|marcara|llamar(?:me|nos)?|llamando(?:me|nos)?|llamen|llames|llame|marcar(?:me|nos)?|marcando(?:me|nos)?|marquen|marques|hablar(?:me|nos)?|hablando(?:me|nos)?|hablen|hables|telefonicas?|por (?:telefono|celular|cel)|dian ?hua)\b/;
const EN_EMAIL = /\b(?:e ?mails?|e ?mailed|e ?mailing|mails?|emailing|inbox|correos?)\b/;
const EN_ALL =
  /\b(?:contact|contacting|contacted|contacts|bother|bothering|harass\w*|(?<!(?:phone|cell|line|number) )alone|reach(?:ing)? out|hound\w*|pester\w*|communicat\w*|comunicac\w*|stalking|hit me up|contacten|contactes|contacte|contactar(?:me|nos)?|contactando(?:me|nos)?|contactad[oa]s?|contacto|molest\w*|acos\w*|hostig\w*|buscar(?:me|nos)?|busquen|busques|buscando(?:me|nos)?|ching\w*|joder(?:me|nos)?|jodiendo(?:me|nos)?|jodan|en paz|tranquil[oa]s?)\b/;

/** 通知 and 提醒 are texts unless another channel carries them (邮件通知, 电话提醒); 催收通知名单 is a list, no channel. */
const ZH_SMS = /短信|信息|消息|简讯|讯息|短讯|(?<!邮件|电邮|邮箱|电话|语音)(?:通知|提醒)(?!名单|列表|名册)/;
/** 打 is a call to the borrower, not 打12378 (the borrower dialling a hotline). */
const ZH_VOICE = /电话(?!号)|语音|留言|\bcall\b|打(?!扰|错|算|钱|款|\d)|来电|致电|接听/;
const ZH_EMAIL = /邮件|电邮|邮箱|信箱|e ?mail|(?<![a-z])mail/;
/** 烦 names every channel as 烦我, 别来烦; 烦 alone (拒收 别发了 烦) is a mood, not a channel. */
const ZH_ALL = /联系|联络|骚扰|(?<!麻)烦(?:我|住|扰|着)|来烦|别烦|打扰|找我|清静|远点/;

/** "Blowing up my phone": texts and calls both. */
const PHONE_BOTH = /\b(?:blowing|blowin|hitting|hittin|lighting) up my (?:phone|cell|line)\b/;

const AT_WORK = /\bat (?:work|my (?:work|job|office|workplace))\b/;

export function channelsNamed(words: string, zh: boolean): { named: Channel[]; all: boolean } {
  const [sms, voice, email, all] = zh ? [ZH_SMS, ZH_VOICE, ZH_EMAIL, ZH_ALL] : [EN_SMS, EN_VOICE, EN_EMAIL, EN_ALL];
  const named: Channel[] = [];
  const both = !zh && PHONE_BOTH.test(words);
  if (both || sms.test(words)) named.push('sms');
  if (both || voice.test(words)) named.push('voice');
  const mail = email.test(words);
  // "stop contacting me at work": the work line is a phone ("don't email me at work" is the work email).
  if (!named.length && !mail && !zh && AT_WORK.test(words)) named.push('voice');
  if (mail) named.push('email');
  return { named, all: all.test(words) };
}
