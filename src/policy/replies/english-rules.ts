/**
 * English reply rules, over the token stream: lower-case words and the punctuation that ends a
 * clause ("," ".", "?") joined by single spaces, after look-alike letters, zero-width characters
 * and full-width forms are resolved and spelled-out letters ("s t o p") are joined. Each pattern
 * is an alternation of words with bounded gaps: linear in the length of the reply.
 */
import type { ReplyRule } from './types.js';

const STOP = '(?:st[o0]+p+|stp|sotp|stahp|stpo|stopall|stoppp)';
const CH =
  "(?:(?:hitting|hittin|blowing|blowin) (?:me up|up my (?:phone|line|cell|number|inbox)|my (?:phone|line|cell|number))|telephone calls?|telephoning|texts?|texting|txts?|txting|txtin|txtn|textn|txt'?s|sms|messages?|messaging|msgs?|call|calls|calling|calln|phone calls?|phoning|ringing|ringin|robocalls?|voicemails?|e ?mails?|e ?mailing|emailing|mails|contacting|contact|bothering|harassing|reaching out|hounding|pestering|spamming|spam|sending|communications?|reminders?|notifications?|alerts|notices|collection (?:calls|texts|messages)|mensajes|mensajitos|llamadas|correos|textos)";
const CH_NOUN =
  '(?:texts|text messages|messages|msgs|sms|calls|phone calls|robocalls|emails|e mails|voicemails|reminders|notifications|harassment|spam|all contact|any contact|all communications?)';
/** Words between "stop" and what to stop ("stop sending me all these texts"). */
const GAP =
  '(?:(?:me|all|the|w|w /|further|additional|leaving|recorded|prerecorded|pre recorded|these|those|this|your|ur|with|sending|send|receiving|getting|spamming|blowing|up|my|any|more|future|automated|annoying|damn|fucking|freaking|bloody|effing|constant|daily|harassing|stupid|robo|auto|so|many|texting|calling|and|or|emailing|u|you) ){0,4}';
const CLAUSE_START = '(?<=^|[.,?] )';
const CLAUSE_END = '(?= [.,?]|$)';
const FILLER =
  '(?: (?:st[o0]+p+|it|this|that|now|right|please|pls|plz|already|asap|immediately|all|thanks|thank|you|thx|ty|u|ok|okay|man|bro|dude|lol|seriously|ffs|omg|jesus))*';
/** Relatives and others close to the borrower, whom a reminder should leave out. */
const REL =
  '(?:mom|mother|mum|dad|father|family|wife|husband|kids|children|parents|sister|brother|son|daughter|grandma|grandmother|grandpa|grandfather|aunt|uncle|cousin|girlfriend|boyfriend|fianc[eé]e?|partner|roommate|references|friends|neighbou?rs?|relatives|in laws|mother in law|father in law|\\w+ in law)';
/** Contacting a relative: "calling my sister", "texting me and my family". */
const REL_CONTACT = `(?:calling|call|texting|text|contacting|contact|emailing|email|bothering|harassing|bother|harass|messaging|message|involving|dragging) (?:me and )?(?:my|our) ${REL}`;
const NEG = "(?:don't|dont|dnt|do not|never|no longer|please don't|pls dont|quit|cease|stop|not)";

export const ENGLISH_REPLY_RULES: readonly ReplyRule[] = [
  // revoke
  {
    rule: 'revoke-stop-channel',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:${STOP}|quit|cease|end|halt|cut out|enough(?: with)?|no more|discontinue|(?:refrain|desist|abstain) from|(?<=^|[.,?] |please |pls |plz |just |so |now |and )quite(?= (?:texting|calling|emailing|messaging|contacting|sending|bothering|harassing)\\b)) ${GAP}${CH}\\b`,
      'g',
    ),
    scope: 'words',
    checks: ['negation', 'third-party', 'quoted', 'letters'],
  },
  {
    rule: 'revoke-stop-keyword',
    intent: 'revoke',
    pattern: new RegExp(
      `${CLAUSE_START}(?:(?:please|pls|plz|just|ok|okay|k|kk|bro|dude|man|yo|ugh|omg|hey|guys|nope|nah|yes|ya|yeah|now|so|again|i said|and) )*${STOP}${FILLER}${CLAUSE_END}|\\b(?:and|or|so|(?:you|u|y'all|yall) (?:could|can|should|may)|(?:could|can|would|will) (?:you|u|y'all|yall)|time to|(?:i )?(?:need|want) (?:you|u) to|(?:please|pls|plz)(?: just)?)(?: just)? ${STOP}${FILLER}${CLAUSE_END}`,
      'g',
    ),
    scope: 'reply',
    checks: ['negation', 'noun-stop', 'quoted', 'halt-action', 'es-hold-on'],
  },
  {
    rule: 'revoke-stop-caps',
    intent: 'revoke',
    pattern: new RegExp(`\\b${STOP}\\b`, 'g'),
    scope: 'reply',
    checks: ['caps', 'negation', 'noun-stop', 'quoted', 'halt-action', 'third-party'],
  },
  {
    rule: 'revoke-channel-stop',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b${CH_NOUN} (?:(?:to|must|need to|needs to|have to|has to|should|will|gotta|got to|to just) )?(?:${STOP}|end|cease)\\b`,
      'g',
    ),
    scope: 'words',
    checks: ['negation', 'condition-after', 'asks-when'],
  },
  {
    rule: 'revoke-stop-first',
    intent: 'revoke',
    pattern: new RegExp(
      `^(?:(?:please|pls|plz|just|ok|okay|hey|hi) )?${STOP}\\b(?! (?:by|in|at|over|worrying|the|a|an|and|to|being|on|for|paying|payment|sign|light|charging|taking|threatening|lying|adding|blaming|wasting|playing|pretending|acting|ignoring|messing|screwing|treating|my|fees|interest|it from|that payment|the payment|${CH}|${GAP}${CH})\\b)`,
      'g',
    ),
    scope: 'reply',
    checks: ['negation', 'quoted', 'halt-action', 'es-hold-on'],
  },
  {
    rule: 'revoke-no-wish',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:wish|want|prefer|like|choose|rather|ask) (?:not to be|not be|to not be) (?:contacted|called|texted|emailed|messaged|phoned|telephoned|bothered)\\b|\\b(?:no longer|do not|don't|dont|not|never) (?:wish|want) (?:for )?(?:any )?(?:further|more|future) (?:contact|communications?|correspondence|${CH})\\b|\\b(?:no longer|do not|don't|dont|not|never) (?:give|grant) (?:you )?(?:my )?(?:permission|consent) to (?:text|txt|call|email|contact|message|phone|ring)\\b|\\b(?:wish|want|prefer|like|choose|rather|ask) (?:not to|to not) (?:receive|get|be (?:contacted|called|texted|emailed|messaged)|hear from) (?:(?:any|more|further|these|those|your|the|from|this|company|you) ){0,4}?${CH}\\b|\\b(?:no longer|do not|don't|dont|not|never) (?:wish|want|consent|agree|like|authori[sz]e you) to (?:receive|get|be (?:contacted|called|texted|emailed|messaged)|hear from)(?: (?:\\w+ ){0,3}?${CH})?\\b|\\b(?:withdraw|revoke) (?:my )?(?:consent|permission) (?:to|for) (?:\\w+ ){0,2}?${CH}\\b|\\b(?:you|u|y'all|yall|your (?:company|office|agents?)) (?:(?:no longer|do not|don't|dont) have|(?:have|has|got) no) (?:my )?(?:permission|consent|authori[sz]ation|right) to (?:text|txt|call|email|contact|message|phone|ring|reach)(?: me| this number)?\\b(?! (?:my|our) )|\\b(?:no longer|do not|don't|dont|not|never) consent to (?:(?:any|these|those|your|the|receiving|receive|getting|more|being|automated|autodialed|prerecorded|recorded|robo|further) ){0,3}(?:${CH}|contacted|called|texted|emailed|messaged|phoned)\\b`,
      'g',
    ),
    scope: 'words',
  },
  {
    rule: 'revoke-keyword-alone',
    intent: 'revoke',
    pattern:
      /^(?:end|quit|quit it|cancel|revoke|optout|opt out|unsub|un sub|td|t|remove|remove me|stop all|unsubscribe|un subscribe)(?: [.,?])*$/g,
    scope: 'reply',
    checks: ['quoted'],
  },
  {
    rule: 'revoke-unsubscribe',
    intent: 'revoke',
    pattern:
      /\b(?:unsubscribe|unsubscribed|unsub|un subscribe|opt (?:me )?out|opting out|optout|remove (?:me|(?:my|this) (?:number|name|email|phone|info|cell))|(?:delete|remove|erase|scrub|purge|mute|drop|wipe) me from (?:your|ur|the|this|all) (?:\w+ )?(?:records|system|list|database|contacts|files|lists)|take me off|take (?:my|this) (?:(?:phone|cell|mobile|home|work) )?(?:number|name|email|email address|e mail|e mail address|phone|phone number|cell|address|info) off|(?:delete|erase|scrub|purge|wipe) my (?:(?:phone|cell|mobile|home|work) )?(?:number|email|info|contact|details|address)|(?:lose|forget) (?:my|this|the) (?:(?:phone|cell|mobile) )?(?:number|email|contact|info)|(?:take|get|put|scratch|cross|strike|knock|drop|pull|wipe) (?:me|my name) off (?:of )?(?:this|the|your|ur|all|any|every|whatever) (?:\w+ ){0,2}?lists?|do not contact list|dnc list)\b/g,
    scope: 'words',
    checks: ['negation', 'other-object', 'quoted'],
  },
  {
    rule: 'revoke-consent',
    intent: 'revoke',
    pattern:
      /\b(?:(?:revoke|revoking|revoked|withdraw|withdrawing|withdrew|rescind|rescinding) (?:(?:my|all|any|and|any and all|prior|previous|express|written|the) ){0,4}(?:consent|permission|authori[sz]ation)|(?:consent|permission|authori[sz]ation) (?:is |has been |hereby |is hereby |now )*(?:withdrawn|revoked|rescinded)|cease and desist|(?:i )?(?:decline|refuse|object to) (?:(?:all|any|further|future|additional|more) ){0,2}(?:(?:text|phone|email|e mail) )?(?:contact|communications?|correspondence|calls|texts|messages|emails)|(?:cease|discontinue|end|stop|halt) (?:(?:all|any|further|all further|any further|all future|future) )?(?:contact|communications?|correspondence)(?! (?:with|to) my (?:lawyer|attorney|employer|family)))\b/g,
    scope: 'all-unless-other',
    checks: ['negation'],
  },
  {
    rule: 'revoke-dont-contact',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b${NEG} (?:(?:ever|again|even|try to|bother to|you|u|dare|to) ){0,2}(?:texting|text|txt|call|calling|email|emailing|e mail|contact|contacting|message|messaging|msg|ring|phone|bother|bothering|harass|harassing|reach out(?: to)?|reach|send me|sending me|hit me up|hit|telephone)(?: (?:or|and|nor) (?:texting|text|txt|call|calling|email|emailing|e mail|message|ring|phone|telephone))?(?: me\\b(?! (?:the|a|an|that|this|your|another|my) (?:new |right |correct |payment )?(?:link|code|pin|number|address|details|info|amount|form|receipt|statement|balance|url|website|app|confirmation)\\b)| this (?:number|phone|cell|line|device|email|house|household|home|address)\\b| here(?= (?:again|anymore|any more|ever|no more)\\b| [.,?]|$)| my (?:phone|number|cell|email|line)\\b|(?= (?:again|anymore|any more|ever|no more|[.,?])|$))`,
      'g',
    ),
    scope: 'words',
    checks: ['time-limit', 'statement'],
  },
  {
    rule: 'revoke-leave-alone',
    intent: 'revoke',
    pattern:
      /\b(?:leave me (?:the hell |tf )?(?:alone|be)|(?<!(?:fees?|charges?|interest|it|this|that|balance|debt|penalty|problem|does|do|did|ever) )go away|get lost|(?:fuck|piss|f|bugger|back|buzz|eff|screw|sod|shove) off|no (?:more )?contact|(?:don't|dont|do not|never) (?:want|wanna|need) (?:to )?hear from (?:you|u|y'all|yall|ya|your|this|any of you|anyone (?:at|from))|don't want (?:to hear from|any (?:more )?contact)|do not want (?:to hear from|any (?:more )?contact)|never (?:contact|text|call) (?:me )?again)\b/g,
    scope: 'all',
  },
  {
    rule: 'revoke-no-more',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:do not|don't|dont|no) (?:call|text|contact|email) (?:list|registry|register)\\b|(?<=^|[.,?] )(?:(?:please|pls|plz) )?no (?:calls|texts|txts|txt|text|emails|messages|msgs|phone calls|robocalls)\\b|(?<=^|[.,?] )no (?:phone|email|e mail|call|message|voicemail)(?= [.,]? (?:and )?no (?:phone|texts?|calls?|e ?mails?|messages?|voicemails?)\\b)|(?<=\\bno (?:phone|texts?|calls?|e ?mails?|messages?|voicemails?) [.,]? (?:and )?)no (?:phone|email|e mail|call|message|voicemail)(?= [.,]|$)|\\bno (?:more|further) (?:(?:of |these |those |your |the |damn |stupid |automated |reminder |payment |recorded |prerecorded |robo |auto |\\w+ )){0,2}${CH}\\b|${CLAUSE_START}(?:(?:please|pls|plz|ok|okay) )?no more${FILLER}${CLAUSE_END}|\\b(?:don't|do not|dont|no longer) want (?:you|u|y'all|yall|you guys|your \\w+) (?:to )?(?:ever )?(?:texting|calling|emailing|contacting|messaging|phoning|text|call|email|contact|message|phone|bothering|bother) me\\b(?! (?:before|after|at|until|till|during|on) )|\\b(?:don't|do not|dont) (?:want|need) (?:(?:any|your|ur|y'all's|these|those|more|the|to get|to receive|to be|automated|robo|recorded|prerecorded|further|such) ){0,3}${CH}\\b(?! (?:to )?(?:stop|end|cease|go away|be (?:stopped|cancelled|canceled|turned off)))`,
      'g',
    ),
    scope: 'words',
  },
  {
    // "I don't want these", "I'm done getting these", "I'd rather not get these emails going forward".
    rule: 'revoke-dont-want-these',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:(?:don't|dont|do not|ion|i no|not|never) (?:want|need|wanna)(?: to)?|(?:done|finished|through|not interested in|rather not)(?: with)?)(?: (?:get|receive|getting|receiving|see|seeing))? (?:these|this|them|those|any of (?:this|these|that)|any more of these|(?:your|ur|y'all's|the|all (?:your|the|these))(?= (?:msgs?|messages?|texts?|txts?|emails?|e mails?|calls?|reminders?|notifications?|alerts|notices)\\b))(?: (?:msgs?|messages?|texts?|txts?|emails?|e mails?|calls?|reminders?|notifications?|alerts|notices))?(?= [.,?]|$| (?:anymore|any more|no more|fr|thanks|thx|pls|please|going forward|from you|ever|again)\\b)`,
      'g',
    ),
    scope: 'words',
  },
  {
    // "Enough.", "enough already", "cut it out with the texts", "quit it": a clause that is only that.
    rule: 'revoke-enough',
    intent: 'revoke',
    pattern: new RegExp(
      `${CLAUSE_START}(?:(?:ok|okay|ya|yo|alright|that's|thats|just|seriously|please|pls|plz|bro|dude|man|kindly) )?(?:enough|quit it|refrain|desist|cut it out|knock it off|(?:you|u|y'all|yall) (?:can|may) (?:stop|quit)(?: (?:it|that|this))?)(?: (?:already|now|is enough|please|pls|of this|with (?:this|these|it|the \\w+|your \\w+)))*${CLAUSE_END}`,
      'g',
    ),
    scope: 'words',
  },
  {
    // "Blocking this number", "bout to block y'all".
    rule: 'revoke-block',
    intent: 'revoke',
    pattern:
      /(?<=^|[.,?] )(?:blocked|blocking|block)(?= [.,?]|$)|\b(?:block|blocking|blocked) (?:this|your|ur|you|yall|y'all|u|ya|all of you|the)(?: (?:number|numbers|emails?|company|guys|sender|contact))?(?= [.,?]|$| (?:now|too|already|then|lol|bye|forever)\b)/g,
    scope: 'words',
    checks: ['negation'],
  },
  {
    // "only email me from now on" (by SMS): every channel but the one named.
    rule: 'revoke-only-channel',
    intent: 'revoke',
    pattern:
      /\b(?:only (?:e ?mail|text|txt|call|write|mail|letters?)(?: me)?|just (?:e ?mail|text|txt|write|mail) me (?:from now on|going forward|from here on|instead)|only (?:contact|reach|communicate with) me (?:by|via|through|thru) (?:(?:regular|postal|us|snail|paper) )?(?:e ?mail|text|phone|mail|letters?|post)|(?:contact|reach|communicate with|correspond with|write to) me only in writing|(?<=^|[.,?] )(?:(?:please|pls|kindly) )?only in writing(?= [.,?]|$| (?:please|from now on|going forward)\b)|(?:all|any) (?:further |future )?(?:contact|communications?|correspondence) (?:(?:should|must|will|is to|to|needs to) )?(?:be )?(?:only )?in writing|(?:contact|reach|communicate with) me (?:only (?:by|via|through|thru) (?:(?:regular|postal|us|snail|paper) )?(?:e ?mail|text|phone|mail|letters?|post)|(?:by|via|through|thru) (?:e ?mail|text|phone|mail|letters?|post) only)|(?:e ?mails?|texts?|mail|letters?|writing|postal mail|post) only|(?:only )?(?:send|use|write) (?:me )?(?:a )?(?:letters?|mail)(?= [.,?]|$| (?:instead|only|going forward|from now on|from here on|please)\b))\b/g,
    scope: 'others',
    checks: ['negation'],
  },
  {
    // A channel swapped for another: "email me instead of texting", "can u call me instead of texting", "write to me
    // rather than calling". Asking for one channel in place of another is a reasonable way of saying the other is
    // not wanted (FCC 24-24): the channel after "instead of" is revoked, the one asked for is not. The asker is the
    // borrower ("call me", an imperative), not "you call instead of texting" said of the collector.
    rule: 'revoke-instead-of',
    intent: 'revoke',
    pattern:
      /(?<=(?:(?:^|[.,?] )(?:(?:please|pls|plz|kindly|just|can you|could you|can u|could u|would you) )?(?:e ?mail|text|txt|call|ring|phone|write|write to|mail|message|contact|reach)(?: me)?|\b(?:e ?mail|text|txt|call|ring|phone|write to|mail|message|contact|reach) me)(?: (?:only|just|please|pls|by (?:e ?mail|text|phone|letter|mail)|the \w+|my \w+|\w+ amount)){0,2} )(?:instead of|rather than) (?:(?:the|these|those|all the|your|a|sending|making|me by) ){0,2}(?:texting|txting|calling|phoning|ringing|e ?mailing|texts?|txts?|calls?|phone calls?|e ?mails?|sms)\b/g,
    scope: 'words',
  },
  {
    // Pinyin: "tuiding", "bu yao zai fa le", "bie da le".
    rule: 'revoke-pinyin',
    intent: 'revoke',
    pattern:
      /\b(?:tui ?ding|(?:bu ?yao|bie|qing wu|bu yong) (?:zai )?(?:fa|da|lian ?xi|sao ?rao|fan)(?: (?:le|la|wo|duan ?xin|dian ?hua))?)\b/g,
    scope: 'words',
  },
  {
    // "I'd prefer you didn't text me", "I'd really appreciate it if you stopped calling me at work", "I ask that you no longer call".
    rule: 'revoke-polite-request',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:prefer|rather|appreciate(?: it)?|be obliged|obliged|be grateful|grateful|like it|be nice|ask|request|asking|requesting|insist)(?: if| that)? (?:you|u|y'all|yall|your (?:company|office|agents|team)) (?:(?:would|could|please|just|kindly|to) ){0,2}(?:stopped|stop|quit|ceased|cease|didn't|did not|wouldn't|would not|don't|do not|no longer|not|never|refrain from) ${GAP}(?:${CH}|text|txt|call|email|contact|message|ring|phone|telephone|reach out|bother)\\b`,
      'g',
    ),
    scope: 'words',
    checks: ['third-party', 'time-limit'],
  },
  {
    // "Please cancel these texts", "turn off the reminders", "disable my text alerts".
    rule: 'revoke-turn-off',
    intent: 'revoke',
    pattern:
      /\b(?:cancel|turn off|shut off|switch off|disable|deactivate|kill|unsubscribe from) (?:(?:all|the|these|those|my|your|this|of|payment|due date|text|sms|email|phone|automated|collection) ){0,3}(?:texts|text (?:alerts|messages|reminders|notifications)|messages|msgs|calls|phone calls|robocalls|emails|reminders|notifications|alerts|voicemails|sms)\b/g,
    scope: 'words',
    checks: ['negation', 'other-object', 'quoted'],
  },
  {
    // "I'll block this number if you text again": the threat first.
    rule: 'revoke-or-else-first',
    intent: 'revoke',
    pattern:
      /\b(?:i'll|ill|i will|gonna|i'm going to|im going to|i'm gonna|im gonna) (?:(?:block|report|sue)\w* (?:you|u|y'all|yall|this number|your (?:number|company|office)|the number|this|it)|change my number) (?:[^ .?]+ ){0,3}?(?:if|when) (?:you|u|y'all|yall) (?:\w+ ){0,2}?(?:text|txt|call|email|message|contact|ring|phone)\w* (?:me |this number )?(?:again|one more time|ever again)\b/g,
    scope: 'words',
  },
  {
    // "If you text me again I'm reporting you", "One more call and I'm filing an FCC complaint": a threat that is a revocation.
    rule: 'revoke-or-else',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:(?:if|when) (?:you|u|y'all|yall|your (?:people|company|agents)) (?:\\w+ ){0,2}?(?:text|txt|call|email|message|contact|ring|phone|bother)s? (?:me |this number |my \\w+ )?(?:again|one more time|ever again)|(?:(?:one|1) more|(?:the )?next|another) (?:text|txt|call|email|message|voicemail|robocall)(?= (?:and|&|gets|will get|means|is)\\b)|(?:text|txt|call|email|message|contact) (?:me )?(?:again|one more time)(?: ,)? (?:and|&))(?: ,)? (?:[^ .?]+ ){0,4}?(?:report\\w*|fil(?:e|ing)|complain\\w*|sue|suing|lawyer|attorney|cfpb|fcc|ftc|police|cops|block\\w*|change my number)\\b`,
      'g',
    ),
    scope: 'words',
  },
  {
    // "This number is for family only", "This email address is not for collections", "my work phone, it can't be receiving these".
    rule: 'revoke-not-this-line',
    intent: 'revoke',
    pattern:
      /\b(?:(?:this|my|that) (?:(?:work|personal|private|home|business|office|kid's|family) )?(?:number|phone|cell|line|email|email address|e mail|address|inbox|device) (?:is|'s) (?:(?:only|strictly|just) )?(?:for (?!(?:texts?|calls?|e ?mails?|messages?|sms|voice|calling|texting)\b)(?:\w+ ){0,2}only|not (?:for|to be used for|meant for) (?:\w+ ){0,1}?(?:collections?|debts?|this|business|these|that|you|bills?|reminders?)|(?:strictly |only )?(?:personal|private) (?:use )?only)|(?:it|this|that|my phone|this phone) (?:can't|cannot|can not|shouldn't|should not) (?:be )?(?:receiving|getting|get|receive) (?:these|this|them|those|your \w+)|(?:texts|messages|calls|emails|reminders|msgs) (?:are|is) (?:not welcome|unwelcome|unwanted|not wanted)|(?:don't|do not|dont|never) send (?:these|this|them|those|your \w+|anything) (?:here|to (?:this|my) (?:number|phone|email|address|inbox|cell))|(?:i'll|ill|i will|gonna|going to|i'm going to|have to|i'd rather|rather) change my (?:number|phone number|phone|cell))\b/g,
    scope: 'line',
  },
  {
    // "I want off this list", "I'll change my number if I have to", "not interested in hearing from you", "never do this again".
    rule: 'revoke-indirect',
    intent: 'revoke',
    pattern:
      /\b(?:(?:want|get|take|put) (?:me )?off (?:this|the|your|ur) (?:\w+ )?list|not interested in (?:hearing from|being contacted|getting|receiving|these|your (?:texts|calls|emails|messages|reminders)|(?:(?:any ?more|more|further|future|any) ){1,2}(?:texts?|calls?|e ?mails?|messages?|msgs?|reminders?|voicemails?|notifications?|contact))|never want to (?:see|get|receive|hear) (?:another|any more|more|any)(?: \w+){0,4}? (?:texts?|calls?|e ?mails?|messages?|reminders?|voicemails?|these|those|from you))\b/g,
    scope: 'words',
    checks: ['other-object'],
  },
  {
    // "Oh wow, another text. Please, never do this again.": "this" is the contact, when the reply names one.
    rule: 'revoke-never-again',
    intent: 'revoke',
    pattern: /\b(?:never|don't|dont|do not) (?:ever )?do (?:this|that) again(?= [.,?]|$)/g,
    scope: 'words',
    checks: ['names-contact'],
  },
  {
    // "Contact my attorney, not me", "communicate only with my lawyer", "I am represented by counsel": no contact with
    // the borrower on any channel. Not "direct any questions to my attorney" beside other business, nor "my lawyer says".
    rule: 'revoke-through-attorney',
    intent: 'revoke',
    pattern:
      /(?:(?<=^|[.,?] )(?:(?:please|pls|plz|kindly|just) )?(?:contact|call|communicate with|talk to|speak (?:to|with)|deal with|go through|reach out to|direct (?:all|any) (?:further )?(?:contact|communications?|correspondence|calls) to) (?:only )?my (?:attorney|lawyer|counsel|legal representative)(?= [.,?]|$| (?:not me|instead|only|from now on|going forward)\b)|\b(?:i am|i'm|im) (?:now )?represented by (?:an attorney|a lawyer|counsel|legal counsel)|\b(?:all|any) (?:further )?(?:contact|communications?|correspondence) (?:should|must|will|needs to|is to) (?:go|be directed|be sent) (?:through|to) my (?:attorney|lawyer|counsel))\b/g,
    scope: 'all',
    checks: ['negation'],
  },
  {
    // "delete me from your records", "wipe me from your system": the borrower, not a number, so every channel.
    rule: 'revoke-records',
    intent: 'revoke',
    pattern:
      /\b(?:delete|remove|erase|scrub|purge|drop|wipe) me from (?:your|ur|the|this|all) (?:\w+ )?(?:records|system|database|files)\b/g,
    scope: 'all',
    checks: ['negation', 'quoted'],
  },
  {
    // "Opt me out of all of this", "take me off everything": the borrower off every list, so every channel.
    rule: 'revoke-out-of-everything',
    intent: 'revoke',
    pattern:
      /\b(?:opt|take|remove|unsubscribe|delete|drop) (?:me )?(?:out )?(?:of|from|off) (?:all of (?:this|it|that|them|your \w+)|everything|it all|all (?:your|the) (?:lists|contact lists|communications?))(?= [.,?]|$| (?:please|pls|now|thanks|thank you|immediately)\b)/g,
    scope: 'all',
    checks: ['negation', 'other-object', 'quoted'],
  },
  {
    // Second-language English, the "do" left out: "please not send more message", "no call again".
    rule: 'revoke-bare-not',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:not|no) (?:send|sending|call|calling|text|texting|txt|message|messaging|contact|email|ring|telephone)(?: me)? (?:more|any ?more|again|no more)\\b|\\b(?:please|pls|plz) (?:not|no) (?:send|call|text|txt|message|contact|email|ring|telephone)\\b`,
      'g',
    ),
    scope: 'words',
    checks: ['third-party'],
  },
  {
    // Voice-to-text: "dont texas me no more", "please don't test me anymore", "stopped texting me".
    rule: 'revoke-misheard',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b${NEG} (?:texas|test|tex|tax|techs|tests|texts|tech) (?:in )?me (?:no more|any ?more|again)\\b|^(?:(?:please|pls) )?stopped (?:texting|calling|emailing|messaging|contacting|txting) me(?= [.,?]|$)`,
      'g',
    ),
    scope: 'reply',
  },
  {
    // "don't send these to me anymore", "no need to keep sending these", "could you not send these anymore".
    rule: 'revoke-no-need',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:don't|dont|do not|never|no need to|no reason to|you don't need to|you dont need to|(?:(?:could|can|would) (?:you|u|y'all)|(?:you|u) (?:could|can|would))(?: (?:please|pls|just|kindly|maybe))? not) (?:keep )?(?:send|sending|texting|calling|emailing|messaging|contacting|reminding) (?:me )?(?:(?:these|those|them|this|any ?more|more|(?:anything|nothing)(?: else)?)(?: (?:texts?|messages?|msgs?|e ?mails?|reminders?|notifications?|alerts|stuff))?|(?:texts|messages|msgs|emails|e mails|reminders|notifications|alerts))(?: to me)?(?= (?:anymore|any more|again|no more|to me|going forward|please|pls|its|it's)\\b| [.,?]|$)`,
      'g',
    ),
    scope: 'words',
    checks: ['third-party'],
  },
  {
    // The passive of the formal register: "it would be appreciated if these messages were discontinued", "this number is not to be texted".
    rule: 'revoke-passive',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:these|those|the|your|all|such|any further|further) (?:\\w+ )?${CH_NOUN} (?:were|be|are|is|being|to be|should be|must be|will be) (?:(?:now|hereby|immediately|please|all) )?(?:discontinued|stopped|ceased|halted|ended|terminated)\\b|\\b(?:(?:this|my) (?:number|phone|cell|line|email|email address|house|household|home) (?:is|should|must)|i am|i'm|im|we are) not (?:to )?be (?:texted|called|contacted|emailed|messaged|telephoned|phoned)\\b`,
      'g',
    ),
    scope: 'words',
  },
  {
    // Metaphor and slang: "leave my phone alone", "give it a rest", "can u not": the channel it came on.
    rule: 'revoke-figurative',
    intent: 'revoke',
    pattern: new RegExp(
      `\\bleave (?:my|this) (?:phone|number|line|cell|inbox|email) alone\\b|\\bgive (?:my|this) (?:phone|inbox|cell|line) a (?:break|rest)\\b|${CLAUSE_START}(?:(?:ok|okay|just|please|pls|seriously|yo|bro|dude|man) )?(?:give it a (?:rest|break)|(?:can|could|will) (?:you|u|ya|y'all|yall) (?:just |please )?(?:not|chill(?: out)?))(?: (?:already|now|please|pls|lol|omg))*${CLAUSE_END}`,
      'g',
    ),
    scope: 'reply',
  },
  {
    // "bro chill with the texts", "stfu with the calls", "Make them stop." (when the reply names a text or a call).
    rule: 'revoke-figurative-channel',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:(?:chill|stfu|ease up|lay off|relax|calm down|cool it) (?:with|on)|lay off|ease up on) (?:the|these|those|your|ur|all|all the|all these) (?:\\w+ )?(?:${CH_NOUN}|texting|calling|emailing)\\b|${CLAUSE_START}(?:(?:just|please|pls|now) )?make (?:them|it|this|these|the \\w+|your \\w+) stop(?: (?:already|now|please|pls))*${CLAUSE_END}`,
      'g',
    ),
    scope: 'words',
    checks: ['names-contact'],
  },
  // wrong-number
  {
    rule: 'wrong-number',
    intent: 'wrong-number',
    pattern:
      /\b(?:(?:wrong|wrng|worng|wromg|rong) (?:numbr|nmbr|num|numb|number|person|guy|girl|lady|phone|#|no|contact|individual|email|address|one)|(?:you've|youve|you have|u have|you got|u got|you|u) (?:the )?wrong(?! (?:balance|amount|total|figures?|fees?|charges?|interest|date|due date|info\w*|records?|payoff))|(?:texting|calling|emailing) the wrong|(?:isn't|is not|not|aint|isnt) (?:[a-z]+'?s |my |his |her |their |the right |your )(?:number|phone|cell|email)|new (?:number|phone|owner)|(?:just )?(?:got|have) this (?:number|phone(?! bill))|(?:no idea|no clue|(?:don't|dont|do not) know) who (?:that|that person|he|she|they) (?:is|are)\b|(?:i've|ive|i have) had this (?:number|phone)|(?:this|it) is my (?:phone|number) now|changed (?:my )?number|(?:number|phone|cell|line|landline|email|email address|e mail|address)(?: that| which)? (?:belongs|belonged|used to belong) to(?! me\b)|(?:no one|nobody|noone|no) (?:here )?(?:by|named|called|with) that name|(?:no one|nobody|noone) (?:named|called|by the name)(?! (?:me|us|back|you|again|today|yet|in)\b| [.,?]|$)|doesn't live here|does not live here|don't live here|no longer (?:lives|at this)|never heard of (?:him|her|them|this person|that person|(?!your |this |the )\w+ \w+)|(?:i'm|im|i am) not the (?:account holder|borrower|account owner|customer)|this is (?:his|her|their) (?:wife|husband|daughter|son|mother|mom|father|dad|sister|brother|friend|roommate|partner)|(?:he|she|they) (?:is|are|isn't|aren't) (?:not )?(?:available|here|home)|(?:he|she) (?:moved|passed away|died)|(?:don't|do not|dont) know (?:(?:any|this|that|a|an|who|no) )(?:\w+ )?(?:person|guy|lady|woman|man|one|body|people|named|called|is|that is)|(?:don't|do not|dont) know (?:him|her|them|anyone by)|(?:this is|i am|i'm|im) not (?:(?:the )?person|him|her|who you)|not (?:the )?person you|not who you (?:think|are looking for|want|need)|(?:this|that) (?:is not|isn't|isnt|aint) (?:me|him|her)|(?:[a-z]+'s|his|her|their) old (?:number|phone|cell|email)|(?:this|that|it) (?:was|used to be) (?:his|her|their|[a-z]+'s|my (?:late |ex |former |old )?\w+'s) (?:number|phone|cell|email)|(?:number|phone|email) (?:not|doesn't|does not|don't|no longer) (?:belong|belongs)|i have (?:this number|this phone|the number) now|(?:doesn't|does not|don't|dont|doesnt) (?:have|use|own) (?:it|this number|this phone|that number) anymore|(?:number|phone|cell) (?:used to be|was|belonged to|used to belong to) (?:my |his |her )?[a-z]+'s|numero equivocado|no es (?:mi|el|su) numero)\b/g,
  },
  {
    // Someone else is meant: "you meant to text someone else", "whoever you're looking for", "I'm not the Samantha you want",
    // "not the customer you name", "he ain't me", "my email was entered by mistake", "I kept the phone".
    rule: 'wrong-number-someone-else',
    intent: 'wrong-number',
    pattern:
      /\b(?:(?:meant|mean|means|trying|looking for|want|wanted|intended|supposed)(?: to (?:text|call|reach|contact|email|message|send (?:this|that|it) to|get))? (?:someone|somebody|some one) else|(?:for|meant for|to) (?:someone|somebody) else|(?:someone|somebody) else's (?:number|phone|email|address)|whoever (?:you're|you are|youre|ur|u r|u are|you) (?:looking for|trying to (?:reach|contact|find|get)|after|want|need|texting|calling|emailing|messaging)|(?:i'm|im|i am|this is|that's|thats|this isn't|this isnt|it's|its) not (?:the )?[a-z]+(?: [a-z]+)? (?:that |who )?(?:you're|you are|youre|ur|u r|u are|you) (?:looking for|after|trying to (?:reach|contact|find|get)|want|need|mean|meant|think)|not (?:to )?(?:the )?(?:person|customer|borrower|client|account holder|debtor|individual|guy|lady|man|woman) (?:you|u)\b|(?:he|she|they|that person|that guy|that lady|whoever that is) (?:ain't|aint|isn't|isnt|is not|are not|aren't|arent) me|(?:email|e mail|email address|number|phone number|address) (?:\w+ ){0,2}?by mistake|typo in (?:the|my|your) (?:email|e mail|address|number|phone number)|(?:inherited|took over|kept) (?:this|the|his|her|their) (?:number|phone|cell|line)|(?:the person|whoever|the one|the guy|the lady|the man|the woman) (?:you're|you are|youre|you|u) (?:want|wanted|need|looking for|trying to reach|after|asking for|calling|texting|emailing) (?:\w+ )?(?:passed|died|is dead|moved|is gone|isn't|is not|doesn't|does not|no longer)|(?:is|it's|its) (?:my|his|her|their|[a-z]+'s) (?:phone|number|cell|email) now|(?:previous|prior|last|old|former) (?:owner|user|holder) of (?:this|the|that) (?:number|phone|email|address)|had (?:this|the|that) (?:number|phone|email) before (?:me|i did|she|he|they)|(?:number|phone|email) (?:was|is|got|has been) (?:recycled|reassigned|reissued|given to me)|(?:he|she|they) (?:hasn't|haven't|has not|have not|hasnt|havent) (?:had|used) (?:this|that|the) (?:number|phone|cell|email))\b/g,
  },
  {
    rule: 'wrong-number-not-me',
    intent: 'wrong-number',
    pattern:
      /(?<=^|[.?] |^(?:lol|lmao|haha|um|uh|umm|nope|nah|no|sorry|hmm)(?: ,)? )(?:not (?:him|her|them)|not me|wasn't me|wasnt me|that's not me|thats not me|it's not me|its not me)(?= [.,?]|$)/g,
  },
  {
    // "There's no Tasha here", "I don't know any Robert Gaines": a name, written with a capital.
    rule: 'wrong-number-no-such-name',
    intent: 'wrong-number',
    pattern:
      /\b(?:(?:there's |there is |theres )?no [a-z]+(?: [a-z]+)? (?:here|at this number|living here|on this line)|(?:don't|dont|do not|never) know (?:any|anyone named|anybody named|a|no|nobody named) [a-z]+(?: [a-z]+)?(?= [.,?]|$)|(?:no idea|(?:don't|dont|do not) know|never heard of) who [a-z]+(?: [a-z]+)? (?:is|was)\b)/g,
    checks: ['name-inside'],
  },
  {
    rule: 'wrong-number-name',
    intent: 'wrong-number',
    pattern:
      /\b(?:(?:i'm|im|i am|this is|it's|its|my name is|my name's) not|this isn't|this isnt|my name (?:isn't|isnt|ain't|aint)) [a-z]+(?: [a-z]+)?(?= [.,?]|$| (?:and|but|so)\b)|(?<=^|[.?] )not [a-z]+(?= [.,?]|$)/g,
    checks: ['name'],
  },
  // dispute
  {
    rule: 'dispute',
    intent: 'dispute',
    pattern:
      /\b(?:(?:isn't|isnt|is not|aint|ain't|not) (?:mine|my (?:debt|loan|account|bill|balance|charge|charges|signature|card))|isn't mine|isnt mine|not mine|(?:aren't|arent|weren't|werent|wasn't|wasnt|ain't|aint) mine|never (?:had|took|opened|signed|borrowed|applied|got|received|bought|ordered|purchased|made|requested|signed up)(?: (?:a|an|any|the|this|for|out|that))?(?: \w+)?|(?:don't|do not|dont|didn't|did not|didnt) (?:owe|borrow)|owe (?:you )?nothing|owe you nothing|wrong (?:amount|balance|total)|amount (?:is|was|seems) (?:wrong|incorrect|off|not right|too high)|(?:balance|amount|total|charge|charges|fees?|interest|bill) (?:is |are |was |seems |looks )?(?:wrong|incorrect|too high|not correct|inflated|made up|not legit|not legitimate|not accurate|not valid|unjustified|unfair)|(?:not|isn't|isnt) my (?:responsibility|obligation)|incorrect|identity theft|identity (?:was |got )?stolen|stole my identity|stolen identity|fraud\w*|disput\w*|scam(?!mers?\b)\w*|estafa|not right|(?:isn't|isnt|aint|ain't) right|doesn't add up|does not add up|validat\w*|verify (?:this|the) debt|proof (?:of|that)|never (?:received|got) (?:the|any|a) (?:money|loan|funds)|not (?:personally |legally )?(?:responsible|liable)|never co ?signed|someone (?:else )?used my|(?:i|i've|we) never (?:borrowed|took out|opened)|(?:don't|do not|dont) recogni[sz]e|unrecogni[sz]ed|(?:account|loan) (?:was|is|has been) (?:closed|settled|paid off)|never (?:given|offered)|not what i owe|(?:(?<!(?:don't|dont|do not|not|never|please) )(?:charge|bill)|charging|charged|billing|billed|debited) (?:me )?(?:too much|extra|twice|double|two times)|double (?:billed|billing|charged|charging|debited)|too much interest|overcharg\w*|double charg\w*|(?:don't|do not|dont) recall (?:any|this|that|taking|opening|signing)|no idea what this (?:debt|loan|is for)|(?:don't|do not|dont) have (?:a|an|any) (?:loan|account|debt|credit card) with|never authori[sz]ed|never agreed|(?:didn't|did not|didnt) agree (?:to|on)|forgiven|(?:doesn't|does not|don't|dont) match|proof (?:that )?i owe|statute of limitations|bankruptcy|discharged|in my name|(?:there's|there is|this is|must be|it's|its|a) (?:a )?(?:mistake|error)|never heard of (?:your|this|the) (?:company|lender|loan|bank)|without (?:my )?(?:permission|consent|authori[sz]ation|knowledge)|(?:somebody|someone) (?:else )?(?:use|used|using|opened|took)|(?:use|used|using) my (?:name|card|identity|info|ssn|social)|(?:calculation|calculations|math|interest|balance|amount|fees?|charges?|total) (?:(?:is|are|was|were|seems|looks) (?:off|wrong|bogus|fake)|wrong|bogus|fake)|miscalculat\w*|calculated wrong|bogus|(?:reported|report) (?:the |my |it )?(?:card )?(?:stolen|lost)|(?<!(?:his|her|their) )(?:card|wallet|identity) (?:was |got )?stolen|prove (?:it|this|that|i owe)|(?:don't|do not|dont|before (?:you|u)) charge (?:me )?(?:the |a |any |that )?(?:late )?(?:fees?|penalty)|(?:i |we )?closed (?:this|the|my|that) (?:account|card|loan)|how (?:is|can) there (?:be )?(?:a|any|still a) (?:balance|charge|fee)|(?:that's|thats|that is|this is|it's|its) (?:just )?(?:wrong|incorrect|not right)|(?:charging|charged|charge) (?:me )?(?:interest|fees?) (?:on|for) (?:a|an|the|my) |(?:was|been|got|were) refunded|(?:doesn't|does not|doesnt|don't|do not) reflect|not reflected|keep (?:charging|adding) (?:me )?(?:late )?(?:fees|interest|charges)|(?:it|card|wallet|phone) (?:was|got|has been) stolen|no es mio|nunca (?:abri|pedi|firme|saque)|no debo)\b/g,
  },
  {
    // Charges and balances the borrower says are wrong: fees after paying on time, a settlement, a reversal, fraud.
    rule: 'dispute-charges',
    intent: 'dispute',
    pattern:
      /\b(?:(?:stop|quit) charging me (?:\w+ )?(?:fees|interest|charges)|(?:take|remove|waive|reverse|drop) (?:that|the|this|those|these) (?:\w+ )?(?:charges?|fees?) off|charged me (?:a |an )?(?:\$ \d[\d,.]* )?(?:late )?(?:fee|charge)|settled in court|(?:in|by) (?:the|a) settlement|settlement letter|balance should be (?:zero|0|\$ 0)|(?:should not|shouldn't|shouldnt) be (?:billing|charging) me|records are wrong|still (?:showing|shows) a balance|(?:card|account|identity) (?:was|got) (?:cloned|skimmed|hacked|compromised)|identity theft|(?:purchases|charges|transactions) (?:in \w+ )?(?:aren't|arent|are not|weren't|werent|were not) (?:me|mine)|should have been (?:reversed|refunded|credited|removed|cancelled|canceled)|my statement (?:said|says|shows|showed))\b/g,
  },
  {
    // The grounds a borrower gives for not owing it: the debt was sold or belongs to an estate, it is time-barred, a
    // validation or verification is asked for, the terms or the math are wrong, it is a duplicate, insurance should
    // have paid, a service was cancelled before the charges.
    rule: 'dispute-grounds',
    intent: 'dispute',
    pattern:
      /\b(?:(?:was|got|been|were|is|are|has been|had been) sold (?:to|off)|(?:debt|account|loan|it|this|that) (?:was|got|has been|had been|were) sold\b(?! out)|(?:debt|account|loan|balance|bill|card|charges?) (?:belongs|belonged|is|was) (?:to )?(?:my|his|her) (?:(?:ex|late|deceased|former) )?(?:husband|wife|partner|boyfriend|girlfriend|spouse|ex|son|daughter|father|mother|dad|mom|brother|sister)(?:'s)?|sold (?:my|the|this|that|your) (?:account|debt|loan)|(?:another|a different|the other) (?:agency|collector|collection agency|debt collector|debt buyer)|(?:paid|settled with|settled it with) the original (?:creditor|lender)|time ?barred|(?:past|beyond|outside|out of) (?:the )?statute|statute (?:of limitations )?(?:has )?(?:expired|run out|ran out|passed)|too old to (?:collect|be collected|sue)|[a-z]+'s estate|the estate|executor|probate|(?:debt |written )?verification (?:of|letter|notice|request)|debt verification|request(?:ing)? (?:verification|validation)|verify (?:this|the|that) (?:debt|balance|amount|account|charge|charges)|verify (?:it|this)(?= [.,?]|$)|(?:not|isn't|isnt|is not|doesn't|does not|doesnt) (?:what|match what) (?:my|the|our) (?:\w+ )?(?:contract|agreement|terms|statement|paperwork|note) (?:says|said|states|stated|shows|showed)|against (?:my|the|our) (?:\w+ )?(?:contract|agreement|terms)|(?:fees?|charges?|debt|balance|amount|interest) (?:are |is )?(?:not|aren't|arent|isn't|isnt) valid|(?:don't|do not|dont) (?:believe|think) (?:they|these|those|the|this|it|that)(?: \w+)? (?:are|is) valid|never (?:notified|informed|told) (?:of|about)|explain (?:the|this|your|how you got|how) (?:math|calculation|balance|charges?|fees?|amount|total|interest|number)|how (?:is|did|does|can|could) (?:it|this|that|the balance|my balance|the amount|the total|the bill) (?:be |get to |go up to |come to |become |now be |jump to )?(?:\$ )?\d[\d,.]*|not what (?:i|we) (?:agreed|signed up|signed|was told|were told)|(?:told|promised|said|assured) (?:me|us)? ?(?:that )?(?:the |my |this |that )?(?:\w+ ){0,2}?(?:would|will|was going to|were going to) be (?:waived|removed|reversed|refunded|credited|forgiven|dropped)|no record of (?:this|the|that|any|a) (?:debt|loan|account|charge|charges|balance)|(?:were|was|got|been|have been|has been) (?:already )?(?:reversed|charged back|credited back)|settled (?:it )?for (?:less|\$ \d|\d)|duplicate (?:charges?|payments?|debts?|accounts?|bills?|billing|entry|entries|fees?)|(?:is|it's|its|this is|that's|thats) a duplicate|(?:shouldn't|should not|shouldnt) (?:exist|be there|be on (?:my|the)|be charged|have been charged)|(?:balance|amount|total|charges?|fees?|bill|number) (?:you|u|y'all|yall|your system|your records?) (?:have |has )?(?:show|shows|showed|shown|have|has|list|lists|listed|quote|quoted|sent|claim|claims|claimed|say|says|said) (?:is|are|was|were) (?:wrong|incorrect|off|way off|not right|inflated|too high)|(?:supposed to|should have|should've) (?:go|gone|been (?:billed|sent|paid|covered)) (?:to|by|through) (?:my |the )?insurance|(?:insurance|warranty) (?:should|was supposed to|is supposed to) (?:have )?(?:cover|pay|covered|paid)|(?:cancel(?:l)?ed|closed|terminated|ended) (?:that|the|my|this) (?:coverage|membership|subscription|insurance|service|policy|contract)|told (?:you|u|y'all|yall) to cancel|(?:proof|paperwork|documentation|documents|evidence|contract|signature) (?:showing|that shows|proving|that proves) (?:i|that i) (?:owe|signed|borrowed|agreed)|(?<=^|[.,?] )proof(?= [.,?]|$)|where(?:'s| is) (?:the|your|my) (?:proof|paperwork|contract|signature))\b/g,
  },
  {
    // The sum claimed is not the sum owed: "now you say I owe $1,203?", "not the $400 you're claiming", "no way I owe that
    // much, I borrowed 500", "I shouldn't owe anything", "your number is off".
    rule: 'dispute-amount-claimed',
    intent: 'dispute',
    pattern:
      /\b(?:(?:you|u|y'all|yall|your (?:letter|text|message|company|system|app)) (?:say|says|said|claim|claims|claimed|saying|claiming|are saying|are claiming) (?:that )?i (?:still )?owe|(?:you're|you are|youre|ur|y'all are) claiming|no way (?:that )?i (?:owe|borrowed)|(?:don't|do not|dont|can't|cannot|cant) (?:possibly )?owe (?:that|this|so) much|i (?:only|actually) (?:owe|borrowed|took out)|i (?:only )?borrowed (?:\$ )?\d|(?:only|never) borrowed|what i (?:actually|really) owe|(?:shouldn't|should not|shouldnt) (?:owe|be charged|have to pay|be billed)|how (?:do|can|could|would|is it|does) i (?:still )?owe|(?:was|were) ever borrowed|(?:your|the) (?:number|numbers|figure|figures|math) (?:is|are|seems|looks) (?:off|wrong)|balance (?:was|is|should be) (?:zero|0|\$ 0|nothing))\b/g,
  },
  {
    // The deal was undone or never made: "the loan was cancelled within the 3 day window", "I cancelled this card in 2023",
    // "that was never in my contract", "something I didn't sign up for", "I'm not paying the collection fee".
    rule: 'dispute-undone',
    intent: 'dispute',
    pattern:
      /\b(?:(?:loan|financing|order|purchase|contract|agreement|membership|subscription) (?:was|got|has been|had been|were) (?:cancel(?:l)?ed|voided|rescinded|reversed|refunded)|(?:i|we) (?:cancel(?:l)?ed|closed|rescinded|voided|settled) (?:this|the|that|my) (?:card|account|loan|order|financing|contract|purchase|debt)|(?:never|not|wasn't|wasnt|isn't|isnt) (?:in|part of) (?:my|the) (?:contract|agreement|terms)|(?:didn't|did not|didnt|never) (?:sign|signed) up for|(?:something|stuff|things|a \w+) i (?:didn't|did not|didnt|never) (?:sign|order|buy|agree|authori[sz]e)\w*|(?:i'm|im|i am|i'll|ill|i will) not (?:paying|pay) (?:the|that|this|your|any|a) (?:\w+ )?(?:fee|fees|charge|charges|interest|penalty|penalties))\b/g,
    checks: ['payment-card'],
  },
  // paid-already
  {
    rule: 'paid-already',
    intent: 'paid-already',
    pattern:
      /\b(?:already (?:paid|payed|sent|made|transferred|settled|took care|covered|cleared)|(?:i|we|i've|ive|i have|we have|we've|just|i just|i already) (?:(?:already|just|have|has|had|did|actually|definitely|literally|fully|finally|also|totally) )?(?:paid|payed|sent (?!(?:you |them )?(?:a |an |the |my |it )?(?:copy|copies|letters?|e ?mails?|messages?|documents?|documentation|reports?|forms?|paperwork|screenshots?|texts?|complaints?|requests?|proof of (?:identity|id|address))\b)(?:it|the|you|payment|money|a|in)|made (?:the|a|my|that|this) payment|transferred|mailed|wired|zelled|venmoed|cleared|settled|paid off)|(?:paid|payed) (?:it|this|that|the|you|in full|yesterday|today|last|on|already|off|via|with|through|online|this morning|up|before|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|payment (?:was|went|has been|is|already|got) (?:made|sent|through|posted|processed|submitted|done|out)|check (?:is|was) (?:in the mail|mailed|sent)|confirmation (?:number|#|code)|(?:it's|its|it is|this is|it was|it has been|has been|been) (?:already )?(?:paid|taken care of|settled|cleared)|sent (?:it|the payment|the money|payment|the check) (?:on |last |yesterday|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|already|over)|(?:paid|sent|payed) (?:it )?(?:\w+ )?(?:days?|weeks?) ago|(?<=^|[.,?] )(?:payment|pmt|money|check|funds|the payment|the money|my payment) (?:was |has been |got |already )?(?:sent|made|done|submitted|paid|mailed|transferred)|(?:i|we|just|i just|i already) sent (?:you )?(?:the |a |my |in )?(?:payment|pmt|money|check|cheque|funds|\$ \d+|\d+|it)|(?<=^|[.,?] )sent (?:you )?(?:the |a |my |in )?(?:payment|pmt|money|check|cheque|funds|\$ \d+|\d+|it)|(?<!return )receipt|proof of payment|transaction (?:id|number)|(?:autopay|auto pay|auto payment|payment|transfer|check|it) (?:already )?(?:went through|went thru|cleared|posted|has posted|was processed|has been processed|was deducted|was debited)|(?:autopay|auto pay|auto draft|autodraft) (?:took|paid|already|ran|drafted|was)|(?<=^|[.,?] )(?:paid|payed|sent) (?:\$ )?\d[\d,.]*|confirmation (?:is |was )?\w*\d|\band paid (?:in full|in cash|cash|by|with|via|online|it|the|off|at)|ya pague|pague ayer|(?<!(?:will|i'll|ill|gonna|to|can|could|should|would) )(?:took|i've taken|ive taken|have taken|i handled|handled) care of (?:it|this|that|the (?:balance|bill|payment|account|debt))|(?:i|we|just|i just|i already) (?:handled|covered|squared away) (?:it|this|that|the (?:balance|bill|payment))|(?:paid|payed) (?:it |this |that |the balance |the bill |everything )?(?:last night|this morning|earlier|already))\b/g,
    checks: ['negation', 'payday', 'not-paid', 'habit', 'asks-whether'],
  },
  {
    // Pinyin: "yi jing huan le", "huan guo le".
    rule: 'paid-pinyin',
    intent: 'paid-already',
    pattern: /\b(?:yi ?jing (?:huan|fu|zhuan|jiao)(?: (?:qing|wan|guo))?(?: le)?|(?:huan|fu) (?:guo|wan) le)\b/g,
  },
  {
    rule: 'paid-alone',
    intent: 'paid-already',
    pattern:
      /(?<=^|[.,?] )(?:(?:it's |its |already |all |just |done |done and )?paid|payed|already done|done and paid|all paid|paid in full|paid up|already did|did already|already sent|sent|pd|(?:already|all|just) pd|pd (?:already|in full|off))(?= [.,?]|$)/g,
  },
  // promise
  {
    rule: 'promise-commitment',
    intent: 'promise',
    pattern:
      /\b(?:i'll|ill|i will|i can|i could|i'm going to|im going to|i am going to|i'm gonna|im gonna|gonna|i'm|im|i am|will|i promise(?: to| i'll| ill| i will)?|promise to|i plan to|i'm planning to|planning to|let me|i shall|i should|we should|we'll|we will|we can|i'd like to|i should be able to|able to|i get paid \w+ (?:and|so) (?:i'll|ill|will)|can) (?:(?:definitely|def|try|surely|certainly|be|then|also|just|at least|still|only|probably|make sure|be able to|have|get|put|send|drop|do|the|it) ){0,3}?(?:pay|paying|send|sending|make (?:a |the |my )?(?:payment|pmt)|making (?:a |the )?payment|transfer|mail|deposit|drop|settle|catch up|clear|take care of (?:it|this|that|the (?:balance|payment|bill|rest))|sort (?:it|this) out|do (?:\$ )?\d+|have (?:it|the money|payment|the payment|your money|the (?:full |whole |entire |remaining )?(?:amount|balance|rest))|get (?:you|it|u) (?:paid|the money|\$ \d+|the payment|payment|\d+|something|some money|some of it|part of it|half|a payment|what i can|the rest)|remit|commit to|get (?:it|the money|the payment|payment|something|the rest|\$ \d[\d,.]*|\d[\d,.]*) to (?:you|u|y'all|yall)|knock (?:out|it out|this out|that out)|re ?send|resubmit|retry|re ?pay|send (?:it |the payment |payment |the money )?again|have (?:\$ )?\d[\d,.]*|square (?:up|it up|things up|this up)|settle up|bring (?:it|the account|my account|the loan|the balance|this|everything) (?:current|up to date)|get (?:it|the account|my account|caught) (?:current|caught up|up to date)|put (?:\$ \d+|\d+|something|in|down)|make (?:a |the |my )?\$ \d[\d,.]* (?:payment|pmt))\b/g,
    checks: ['negation', 'wish'],
  },
  {
    // "I'll stop by the branch tomorrow and pay", "this will be paid off by the end of the month", Spanish "mañana pago".
    rule: 'promise-visit-or-passive',
    intent: 'promise',
    pattern:
      /(?:(?:\b(?:i'll|ill|i will|gonna|going to|i'm going to|im going to|will) |(?<=^|[.,?] ))(?:stop|come|swing|drop|go|head) (?:by|in|into|over|down)(?: \w+){0,4}? (?:and|to) (?:pay|make)|\b(?:this|it|that|balance|loan|account|debt|everything|all|it'll|itll|this'll) (?:will |'ll )?be (?:paid|paid off|paid in full|settled|cleared|taken care of)|\b(?:voy a|te|le|les) pag(?:ar|o)|\bpagare|\b(?:manana|lunes|martes|miercoles|jueves|viernes|sabado|domingo) (?:te |le |les )?pago)\b/g,
    checks: ['negation', 'wish'],
  },
  {
    rule: 'promise-dated-payment',
    intent: 'promise',
    pattern:
      /\b(?:pay|paying|payment|pmt|send|sending|rest|remainder|remaining|the other|you'll (?:get|have)|you will (?:get|have)|will have|expect (?:it|payment|the payment|my payment|a payment|the money|something|\$ \d[\d,.]*|\d[\d,.]*)) (?:(?:it|you|u|the|rest|balance|full|amount|in|of|off|everything|all|\$|\d[\d,.]*|dollars|bucks|on|by|this|next|coming|will|be|made|sent|going|out|over|should|is|coming|going out|of|money|payment|check|funds|cash|from|me|to|now|and|then|again) ){0,7}?(?:today|tonight|tomorrow|tmrw|tmr|2morrow|monday|tuesday|wednesday|thursday|friday|fri|saturday|sunday|the \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}(?:st|nd|rd|th)?|end of|next week|this week|this weekend|payday)\b/g,
    checks: ['negation', 'wish', 'past', 'asked-about'],
  },
  {
    // A payment on its way: "going to the branch saturday to pay 120", "setting up the payment now, should go thru
    // tonight", "I want to pay $250 today" (the wish is a plan once it has a sum or a day: "firm" in index.ts).
    rule: 'promise-under-way',
    intent: 'promise',
    pattern:
      /\b(?:(?:going|heading|gonna go|going to go|will go|i'll go|ill go|stopping|swinging|dropping|driving|walking) (?:to|into|by|over to|down to) (?:the |a |your |my )?(?:branch|bank|office|store|location|atm|post office|walmart|moneygram|western union|credit union)(?: \w+){0,3}? to (?:pay|make (?:a |the |my )?payment|drop off (?:a |the )?(?:payment|check|cash))|(?:setting up|scheduling|i'm scheduling|im scheduling|i scheduled|i've scheduled|just scheduled|i set up|i just set up|queuing|i'm sending|im sending|sending|initiating) (?:(?:the|a|my) )?(?:payment|transfer|pmt|check)(?! (?:reminders?|notices?|texts?|messages?|emails?|alerts?|links?|plan)\b)|(?:payment|it|transfer|money|check|pmt) (?:of (?:\$ )?\d[\d,.]* )?(?:should|will|is going to|gonna) (?:go|be) (?:thru|through|out|processed|posted|sent|in|made|submitted|mailed|scheduled|paid)|(?:i |i really |i just )?(?:want|wanna|would like|'d like|need|am ready|i'm ready|im ready) to (?:pay|make (?:a |the |my )?payment(?: of)?) (?:\$ )?\d|(?:\d[\d,.]*(?: dollars| bucks)?|payment|check|money|transfer) (?:is )?(?:going out|goes out|going through|getting sent|being sent)|(?:you'll|you will|u will|you should|u'll|youll) (?:get|have|receive|see) (?:it|the money|the payment|payment|your money|a payment|\$ \d[\d,.]*|\d[\d,.]*|something)|(?<=^|[.,?] )(?:i )?promise(?: you)?(?= [.,?]|$)|(?:you can|u can|you could) count on (?:it|me|the money|the payment|\$ \d|\d)|(?<=^|[.,?] )count on (?:\$ \d|\d)|(?:money|payment|it|check|funds|pmt|transfer) (?:will|should|is going to|gonna|'ll) be (?:there|available|in your account|deposited|credited|on your end))/g,
    checks: ['negation'],
  },
  {
    // "I'll remove the card from my wallet app and pay with the new one tomorrow": a plan that ends in paying.
    rule: 'promise-and-pay',
    intent: 'promise',
    pattern:
      /\b(?:i'll|ill|i will|gonna|i'm going to|im going to) (?:[^ .?,]+ ){1,8}?and (?:then )?(?:pay|send (?:it|the payment|payment|the money))\b/g,
    checks: ['negation', 'wish'],
  },
  {
    // Pinyin: "xing qi wu huan", "ming tian huan".
    rule: 'promise-pinyin',
    intent: 'promise',
    pattern:
      /\b(?:ming ?tian|hou ?tian|xing ?qi ?\w+|zhou ?\w+|xia ?zhou|yue ?di) (?:(?:jiu|hui|yi ding) )?(?:huan|fu|zhuan)\b/g,
  },
  // hardship
  {
    rule: 'hardship',
    intent: 'hardship',
    pattern:
      /\b(?:cut (?:my|our|his|her) (?:hours|pay|shifts)|deployed|incarcerated|in (?:jail|prison)|locked up|lost (?:my |our |his |her )?(?:job|work|income|house|home|business|everything|hours)|quit my (?:\w+ )?job|care (?:for|of) my (?:mom|dad|mother|father|parents|wife|husband|kids?|child|son|daughter|family|grandma|grandmother|grandpa)|family emergency|(?:my )?(?:father|mother|dad|mom|wife|husband|son|daughter|brother|sister) passed|overwhelmed|(?:don't|do not|dont) have it (?:right now|rn|at the moment|this month)|laid off|layed off|let go|unemployed|jobless|out of work|no (?:job|income|work)|(?:got|been|was|just got) fired|furlough\w*|hours (?:got |were |have been |been )?cut|reduced hours|(?:am|i'm|im|been|was|got|is|very|really|so|fell|seriously|became|getting) (?:sick|ill)\b(?! (?:of|and tired))|illness|cancer|chemo\w*|hospital\w*|surgery|disab\w*|injur\w*|accident|stroke|heart attack|covid|pregnan\w*|medical|diagnos\w*|divorc\w*|separated|passed away|(?<!(?:phone|battery|cell|laptop|computer|call|line) )died|(?<!to )death|funeral|widow\w*|house fire|fire (?:burned|destroyed|took)|flood\w*|hurricane|tornado|earthquake|wildfire|disaster|evict\w*|homeless|(?:can't|cannot|cant|can not|unable to|couldn't|could not) (?:afford|pay|make (?:the |this |a |my )?payments?)|no money|broke|struggl\w*|hard times?|tough times?|difficult times?|hardship|behind on (?:everything|bills|rent)|barely (?:getting by|making it|surviving|scraping)|food stamps|paycheck to paycheck|(?:don't|do not|dont) have (?:the |any |enough )?(?:money|funds|cash)|(?:haven't|have not|havent|hasn't|has not|not) been paid|(?:not|haven't|havent) (?:getting|gotten|received|receiving) (?:paid|a paycheck|my paycheck|paychecks)|(?:government )?shutdown|(?:money|things|finances) (?:is |are )?(?:tight|bad)|short on (?:money|cash)|fell behind|only afford|barely afford|caregiver|caring for my|between jobs|(?:work|business) (?:has been|is|was) (?:slow|dead)|hours (?:were |got |have been |been )?(?:reduced|cut)|out sick|no income|maternity|paternity|on leave|had a baby|new baby|sick leave|medical leave|lost (?:my|our) (?:mom|mother|dad|father|wife|husband|son|daughter|brother|sister|baby|child|grandma|grandmother|grandpa|grandfather)|car (?:broke down|broke|stopped working|died|repairs?|trouble)|(?:unexpected|emergency) (?:bills?|expenses?|repairs?|costs?)|(?:things|life|money|times|it|finances) (?:are|is|has been|have been|been|got|are getting|is getting) (?:really |so |very |pretty )?(?:rough|hard|tough|difficult|bad)|money (?:is )?(?:real |really |so |very |pretty )?tight|(?:baby|kid|child) (?:just )?(?:born|arrived)|(?:i'm|im|i am|been|was|being) off work(?! (?:on|at|tomorrow|today|this|until))|unemployment|(?:fell|fallen|i'm|im|i am|been|got) behind|(?:haven't|have not|havent|can't|cannot|cant|couldn't) (?:slept|sleep|eat|eaten)|(?:rent|bills|prices|costs) (?:went|have gone|has gone|keep going|keeps going|are going|just went) up|(?:in|at|to) the (?:er|icu|emergency room|e r)|sin trabajo|no tengo (?:para|dinero|trabajo))\b/g,
    checks: ['hypothetical', 'hardship-noun', 'coping', 'workplace', 'not-all-at-once'],
  },
  {
    // Means that fall short: "my social security check isn't enough", "on a fixed income", "can't cover it", "can't get
    // to work", "hours at work were cut", "falling behind", "insurance got cancelled", "make ends meet".
    rule: 'hardship-means',
    intent: 'hardship',
    pattern:
      /\b(?:(?:check|paycheck|income|pay|money|benefits?|pension|wages?|salary|social security|ssi|disability) (?:isn't|is not|isnt|aint|ain't|wasn't|not|doesn't|does not|don't|won't|barely) (?:enough|cover\w*|stretch\w*|go far|last)|fixed income|(?:on|live on|living on|only have|only get) (?:social security|ssi|ssdi|disability|a pension|benefits|unemployment)|(?:i'm|im|i am|i was|we're|we are|now|being|just) retired|retiree|(?:can't|cannot|cant|can not|unable to|couldn't|could not) (?:cover|get to work|go to work|work|keep up|make ends meet|make rent|pay (?:my|the) (?:rent|bills))|falling behind|(?:hours|pay|shifts|wages) (?:at (?:the |my |our )?\w+ )?(?:got |were |was |have been |has been |been )?(?:cut|reduced|slashed)|make ends meet|(?:car|truck) (?:got |was )?(?:repossessed|repo'd|towed|totaled|impounded)|(?:insurance|benefits|unemployment|hours|food stamps|snap) (?:got |was |were |have been |has been )?(?:cancel(?:l)?ed|cut off|terminated|denied|stopped)|choosing between|single (?:mom|mother|dad|father|parent)|just got out of (?:the )?(?:hospital|jail|prison|rehab))\b/g,
    checks: ['hypothetical'],
  },
  // question
  {
    rule: 'question-mark',
    intent: 'question',
    pattern: /(?<=^|[.,?] )(?=[^.?]{0,400}[a-z])[^.?]{0,400}\?|^\?$/g,
    checks: ['question', 'rhetorical', 'echo'],
  },
  {
    rule: 'question-words',
    intent: 'question',
    pattern:
      /(?<=^|[.?] )(?:how (?:much|do|can|long|many|did)|what (?:is|do|does|are|was|company|loan|amount|debt|happens)|what's|whats|when (?:is|do|does|was|did)|where (?:do|can|is|should)|who (?:is|are) (?:this|you|u)|whos this|who's this|why (?:am|are|is|do|did)|is there|can i|could i|do i|(?:i )?(?:just )?(?:need|want|would like|'d like) to know|quick question|(?:send|show|give) me (?:the )?proof|(?:please )?(?:send|show|give|email|mail) me (?:the |a |an |your )?(?:\w+ ){0,2}?(?:copy|copies|contract|paperwork|statement|breakdown|details|validation|verification|letter|documentation|documents)|(?:i would like|i'd like|i want|i need|please provide) (?:a |an |the )?(?:breakdown|copy|itemi[sz]ed \w+|explanation)|wondering|(?:please )?explain|can you tell me|let me know (?:how|what|when|where|why|if)|(?:idk|i don't know|i dont know|no idea) who (?:this|you) (?:is|are)|(?:i )?(?:have|got) (?:a |some |few |a few |more )?questions?|does this|which|is this|is it|(?:would|could|will) (?:it|that) be|is that|(?:is|are|was|were|does|did|has|have|should|will|would) (?:the|my|your|there|these|those|any)|(?:(?:i'm|im|i am) )?(?:not sure|unsure|confused about) (?:what|how|why|if|whether|when|where|which|who)|(?:i |just )?(?:wanted|want) to (?:ask|check|confirm|make sure) (?:if|whether|what|how|when|about)|curious (?:about|what|how|if|whether|why)|any (?:way|chance) (?:to|i|you|u)|can you|could you|would you|do you|are you|will you|(?:can|could|would|will|do|are|r) (?:u|ya|y'all|yall)|r you|(?:will|would|does|did|can|could|should) (?:this|that|it)|may i|should i|am i|how|what|when|where|why|who)\b|\b(?:just )?(?:need|want|would like|i'd like|id like|wanna) to know (?:the|what|how|when|where|why|who|if|whether)\b|\bwondering (?:if|whether|what|how|when|why|where|who|about)\b|\btell me (?:how|what|when|where|why|who|if|whether)\b/g,
    checks: ['question', 'rhetorical'],
  },
  // callback
  {
    rule: 'callback',
    intent: 'callback',
    pattern:
      /\b(?:call me(?: (?:back|please|pls|at|when|after|before|tomorrow|today|tonight|asap|instead|now|anytime|any time|on|here|if|once|between|this|then|later|whenever|sometime|directly|first|around|during|in the (?:morning|afternoon|evening)|\d+)\b|$|(?= [.,?]))|(?<!\b(?:you|u|they|y'all|yall|he|she|people|who|always|keep|constantly|still|even|never|often|ever) )call me (?:i|i'm|im|so|to|because|cause|cuz)\b|(?:pls|please|plz|can you|can u|could you|can someone|could someone|somebody|someone|have someone|u can|you can|please have someone) (?:\w+ )?(?:call|ring|phone)(?: me\b| (?:to|at|back)\b| \d)|call (?:me )?(?:at |on )?\d{3} \d{3,4}|hit my (?:line|phone|cell|number)|hit me up|hmu|llamenme|llamame|(?:someone|somebody|a person|an agent|a rep|representative|agent|manager|supervisor) (?:\w+ ){0,4}?(?:to )?(?:contact|call|ring|phone) me|give me a (?:call|ring)|call back|callback|ring me|phone me|(?:talk|speak|chat|speaking|talking) (?:to|with) (?:(?:a|an|your|the|someone|somebody|real|actual|live|human|person) ){0,3}(?:person|human|agent|manager|supervisor|representative|rep|someone|somebody|operator|advisor|adviser|counselor|people|collector|staff|you guys)|(?:my|best|a good) (?:number|time) (?:is|to (?:call|reach))|reach me (?:at|on)|(?:can|could) we (?:talk|speak)|need to (?:talk|speak)|wanna talk|want to (?:talk|speak)|would like to (?:talk|speak)|(?<!(?:your|the|a|that|this|last|first|every|their) )call (?:me )?at \d|(?:like|want|need) to discuss|can we discuss|get a (?:call|phone call)|a call back|(?:please|pls|plz|can you|could you) (?:contact|reach) me(?! (?:only )?(?:by|via|through|in) (?:(?:regular|postal|us|snail|paper) )?(?:mail|post|letters?|writing)\b)|(?:speak|talk) (?:on|by|over) the phone|prefer (?:to )?(?:a |an )?(?:phone |telephone )?(?:call|speak|talk|discuss)|discuss (?:this|it|the \w+)(?: \w+)? (?:by|over the|on the) (?:phone|telephone)|(?:cal|kall|cll|caal) me|call (?:me )?(?:on |at )?my (?:(?:work|home|office|other|cell|mobile) )?(?:cell|phone|number|mobile|line|landline)|(?:(?:i'm|im|i am|i'd be|id be) |(?<=^|[.,?] ))(?:ok|okay|fine|good|happy) with (?:a )?(?:phone )?call|(?:have|need|want|get|send) (?:a|an|someone|somebody|your|one of your) (?:\w+ )?(?:to )?(?:contact|call|ring|phone|telephone|reach out to) me|(?:representative|agent|someone|somebody|manager|person|supervisor) (?:to )?(?:contact|call) me|escalat\w* (?:this |it |my (?:case|complaint|issue|account) )?to (?:a |an |your |the )?(?:manager|supervisor|higher up|someone (?:higher|senior)))\b/g,
    checks: ['negation', 'reported-call'],
  },
  {
    // Sarcasm about the contact: "wow another text, love that for me", "thanks for the 12th reminder".
    rule: 'complaint-sarcasm',
    intent: 'complaint',
    pattern:
      /\b(?:(?:wow|oh great|great|cool|yay|oh joy|joy|oh good|oh boy|awesome|lovely|fantastic|perfect|thanks|thank you)(?: so much)?(?: ,)?(?: for)?(?: the| yet)? (?:another|\d+(?:st|nd|rd|th)|yet another)(?: \w+)? (?:text|reminder|call|email|message|voicemail)|love that for me|truly my favorite|super helpful|get paid per (?:text|call|message))\b/g,
  },
  // complaint
  {
    // Going to law: "I'm calling my lawyer", "my attorney will be hearing about this", "see you in court". Not a lawyer
    // named as the one to talk to ("contact my attorney", "direct any questions to my attorney") or quoted ("my lawyer says").
    rule: 'complaint-legal',
    intent: 'complaint',
    pattern:
      /\b(?:(?:contacting|calling|getting|hiring|talking to|speaking to|speaking with|talked to|talked with|spoke to|spoke with|spoken to|spoken with|met with|been in touch with|seeing|involving|consulting|retaining|retained|hired|got|called|contacted|consulted|get|hire|involve|consult|retain) (?:a|an|my) (?:lawyer|attorney)|(?:i'll|ill|i will|gonna|going to|i'm going to|im going to|i am going to|have to|need to|about to|i'd|i should|will) (?:(?:be|just|now|also) )?(?:contact|call|get|hire|talk to|speak to|see|involve|consult|retain) (?:a|an|my) (?:lawyer|attorney)|my (?:lawyer|attorney) (?:will|is going to|is gonna|gonna|shall|is (?:contacting|calling|suing|filing|hearing)|will be)|lawyer up|sue (?:you|u|y'all|yall|your company|this company)|suing (?:you|u|y'all|yall)|legal action|see you in court|small claims|class action(?! settlement)|take (?:you|u|this|y'all|yall) to court)\b/g,
  },
  {
    // How the company's people behave: "the guy cursed at me", "so snippy", "not how you talk to a customer", "who trained your staff".
    rule: 'complaint-conduct',
    intent: 'complaint',
    pattern:
      /\b(?:(?:cursed|cussed|swore|yelled|screamed|shouted|snapped|laughed|hung up|yelling|screaming|cursing) (?:at|on) me|snippy|snotty|condescending|nasty|hostile|belittl\w*|patroni[sz]\w*|sarcastic|dismissive|arrogant|demeaning|insulting|intimidat\w*|talked down to|talking down to|(?:terrible|horrible|awful|bad|poor|worst|lousy|zero) (?:customer )?service|(?:not|isn't|isnt|is not) (?:how|the way) (?:you|to) (?:talk|speak|treat|deal)|[a-z]+'s (?:behavio(?:u)?r|attitude|conduct|tone)|who (?:trained|hired|raised|taught) (?:your|these|those|them|you))\b/g,
  },
  {
    // Insults to the company, and pursuit: "incompetent", "scammers", "loan sharks", "you keep hounding me", "driving me crazy".
    rule: 'complaint-insult',
    intent: 'complaint',
    pattern:
      /\b(?:incompetent|useless|clueless|morons?|liars|shady|sketchy|greedy|heartless|shameful|disgrace\w*|predators|bloodsuckers?|loan sharks?|scammers?|crooked|criminals|parasites|(?:hounding|badgering|bombarding|hassling|nagging|pestering|bugging|hounded|pestered|badgered|bombarded|hassled) (?:me|us|my (?:phone|inbox|cell|line|family))|(?:driving|drive|drives|driven) me (?:crazy|nuts|insane|mad|up the wall|bananas|bonkers)|excessive|every other day|(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|tenth) (?:text|message|call|email|reminder|voicemail|notice)s? (?:this|today|in)|(?:so|completely|totally|just) done with (?:your|this|you|y'all|yall)|over and over|again and again|(?:day|night) after (?:day|night)|are (?:you|u) (?:serious|kidding(?: me)?|joking|for real|insane|crazy|nuts)|report(?:ed|ing)? (?:you|u|this|it|them|y'all|yall|your company|this company) to|(?:file|filing|filed|lodge|lodging|lodged|submit|submitting) (?:a )?(?:formal )?(?:complaint|grievance)|state regulators?|(?:banking|financial) (?:department|regulators?|commission)|department of (?:banking|financial|consumer)|licens(?:e|ing) board|ombudsman|(?:google|yelp|bad|negative|1 star|one star) reviews?|social media|(?:post|posting|posted|share|sharing) (?:this |it |about (?:this|you|it|your company) )?(?:on|to) (?:facebook|twitter|instagram|tiktok|reddit|yelp|google|the internet|online)|appall\w*|deplorable|atrocious|obnoxious|relentless|unethical|despicable|inappropriate|waste of (?:my )?time|(?:have|has|had) no right to|(?:lying|lied|lie) to (?:me|us|customers|people)|straight answer|run ?around|how many (?:more )?times (?:do|did|have|must|should|am) (?:i|we)|(?:do|will|don't|dont|won't|wont) (?:you|u|you people|y'all|yall|you guys) ever (?:stop|quit|give up|learn|listen))\b/g,
  },
  {
    // Being treated as less than a customer: "treated like a criminal", "never been spoken to like that", "your agent needs
    // retraining", "trying to scare me into paying", "how you treat people".
    rule: 'complaint-treatment',
    intent: 'complaint',
    pattern:
      /\b(?:(?:treat|treats|treated|treating|talk to|talked to|talking to|speak to|spoke to|spoken to) (?:me |us |people |customers |someone )?like (?:a |an |some |i'm |im |i am |we're )?(?:criminal|crook|thief|deadbeat|child|kid|idiot|dirt|garbage|trash|liar|scum|animal|dog|nothing|fool|moron)|(?:never|not) been (?:spoken|talked|treated) to like (?:that|this)|(?:spoken|talked) to like (?:that|this)|(?:needs?|could use|should get) (?:some )?(?:re ?training|retrained|training|to be (?:fired|retrained|trained))|(?:trying|try|tried|tries) to (?:scare|intimidate|threaten|bully|pressure|guilt|shame|frighten|trick)|scare tactics?|(?:scaring|bullying|shaming|guilt tripping|pressuring|pressur(?:e|ing) me into)|how (?:you|y'all|yall|u|your company|your people) (?:treat|talk to|speak to) (?:people|customers|your customers|folks|me|us))\b/g,
  },
  {
    // Exposure to others: "my boss keeps seeing this", "thanks for announcing my business to the whole building", "this is
    // humiliating", "calling me at dinner every night", "texting me during my father's funeral".
    rule: 'complaint-exposure',
    intent: 'complaint',
    pattern:
      /\b(?:humiliat\w*|embarrass\w*|mortif\w*|(?:announc|broadcast|advertis|expos|air)\w* my (?:business|debt|situation|finances|personal \w+|private \w+|info\w*|dirty laundry)|(?:telling|told|tell|sharing|shared) (?:my )?(?:family|neighbou?rs?|boss|employer|coworkers?|everyone|everybody|the whole \w+) (?:about )?my (?:business|debt|situation|finances)|my (?:boss|employer|supervisor|manager|coworkers?|co workers?|neighbou?rs?|kids|whole family) (?:keeps? |now |all |even |then )?(?:seeing|saw|sees|heard|hears|answered|picked up|asked|knows|found out|read|reads)|(?:at|during|over|in the middle of) (?:dinner|dinnertime|supper|church|a funeral|(?:my|our) (?:\w+'s )?(?:funeral|wedding|dinner|service))(?= [.,?]|$| (?:every|again|all|time|with|on|lol|wtf|seriously)\b)|(?:could|can|might|gonna|going to|will) (?:get|got) (?:me )?fired|get me fired)\b/g,
  },
  {
    // Frustration with the company, in any register: "I'm done with your company", "extremely disappointed with the way my
    // account has been handled", "fix your system", "I told you 3 times", "on hold 40 min", "is this really necessary",
    // "this is theft".
    rule: 'complaint-frustration',
    intent: 'complaint',
    pattern:
      /\b(?:(?:i'm|im|i am|we're|we are|i'm just|im just) (?:so |just |completely |totally |officially |really |finally )?(?:done|through|finished) with (?:you|u|your|this|y'all|yall|all of you|this company|the lot|you people|you guys)|(?:extremely |very |so |really |deeply |quite |beyond |incredibly )?(?:disappointed|dissatisfied|infuriat\w*|furious|livid|fuming|exasperat\w*)|(?:not|never) (?:happy|satisfied|pleased) with|fix your (?:system|app|website|records|mess|errors?|mistakes?|process|billing|stuff|shit|crap|act)|get (?:it|your \w+) together|(?:told|asked|said|explained|tell|telling|asking|explaining|called|emailed|written|wrote) (?:\w+ ){0,4}?(?:\d+|two|three|four|five|six|several|multiple|many|a dozen|a hundred|a million|a few|so many|too many) (?:times|different people)|on hold (?:for )?(?:(?:over |almost |nearly |like |about )?(?:\d+|an?|two|three) (?:min|mins|minutes|hour|hours|hr|hrs)|forever|hours|ages)|(?:is|was|are) (?:it|this|that|these|all this) (?:really |even |all |truly )?(?:necessary|needed)|(?<!identity )theft|stealing|extortion|(?:you're|you are|y'all are|yall are|ur|you guys are|you people are) (?:a )?(?:joke|clowns?|the worst)|(?:and )?now (?:you're|you are|y'all are|u r|ur|you) (?:saying|telling me|claiming)|(?:ruin|ruined|ruining|wreck|wrecked|wrecking) my|wasting my time|see what happens|(?:got|have|has) (?:some|a lot of|the) nerve|a (?:total|complete|absolute|fucking|damn|freaking) joke)\b/g,
  },
  {
    // Taking it to someone else: the news, social media, any regulator or the police: "posting these texts on twitter",
    // "calling channel 7", "reported you to the state".
    rule: 'complaint-authority',
    intent: 'complaint',
    pattern:
      /\b(?:report(?:ed|ing|s)? (?:\w+ ){0,3}?to (?:the )?(?:cfpb|ftc|fcc|bbb|police|cops|regulators?|authorities|state|attorney general|ag|news|media|consumer \w+|banking \w+|my state)|(?:contact|contacting|call|calling|going to|go to|went to|tell|telling|alert|alerting) (?:the )?(?:news|media|press|reporters?|local news|channel \d+|a journalist|journalists)|(?:post|posting|posted|share|sharing|shared|putting|put) (?:\w+ ){0,3}?(?:on|to) (?:facebook|fb|twitter|x|instagram|ig|tiktok|reddit|yelp|google|youtube|the internet|online|threads|nextdoor)|(?:facebook|twitter|tiktok|reddit|instagram|youtube|the internet) (?:is going to|will|gonna) (?:hear|know|love|see)|going viral|(?:call|calling|contact|contacting|get|getting|involve|involving) (?:the )?(?:police|cops|sheriff)|(?:telling|tell|warn|warning|warned) (?:everyone|everybody|all my friends|the world|the whole \w+|people) (?:\w+ ){0,3}?about (?:you|y'all|yall|your company|this company|this))\b/g,
  },
  {
    rule: 'complaint',
    intent: 'complaint',
    pattern:
      /\b(?:har+as+\w*|too many (?:\w+ )?(?:texts|messages|calls|emails|times)|so many (?:texts|messages|calls|emails)|spam\w*|report(?:ing)? (?:you|u|this|your company|y'all|ya|it|them)(?! (?:late|as late|to (?:the )?credit))|cfpb|consumer (?:financial )?protection|ftc(?! identity)|attorney general|bbb|better business bureau|complain\w*|blowing up my|said no one ever|expletive|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple) (?:texts|calls|messages|emails|voicemails) (?:today|a day|per day|in a day|this week|already|before|every)|(?:inbox|voicemail|mailbox|phone) is full|before \d+ ?am|(?:you|y'all|they) never (?:say|tell|give|explain|answer|respond|include|mention|listen)|worse than|pathetic|scum|vultures|leeches|crooks|thieves|clowns|jerks?|idiots?|(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time (?:i'm|im|i am|i've|ive) (?:saying|said|asking|asked|telling|told)|ridiculous|unacceptable|annoying|rude|disrespectful|nonstop|non stop|constantly|every (?:single )?(?:day|hour|morning)|\d+ times (?:a|per|today|this)|\d+ (?:texts|calls|messages|emails) (?:today|a day|in a day|this week|already)|(?:three|four|five|six|ten) times|sick of|sick and tired|fed up|wtf|fuck\w*|bullshit|predatory|threaten\w*|how dare|invasion of privacy|abus\w*|(?<!(?:don't|doesn't|dont|doesnt|not|won't|wont|didn't|didnt) )bother(?:ing)? me|stalk\w*|pissed|absurd|unprofessional|illegal|enough is enough|(?<!(?:can|may|could|please|pls|free to|ok to|fine to|should|to) )keep (?:texting|calling|emailing|messaging|sending)|tired of|a joke|not ok|not okay|not acceptable|disgusting|shame on you|terrible|awful|horrible|worst|aggressive|at \d+ ?am|so early|so late|middle of the night|at night|stop harassing|out of line|hung up|(?:nobody|no one|noone) (?:answers|will help|helps|picks up|responds|calls back)|won't help|(?:doesn't|does not|doesnt) work|at (?:\d+|ten|eleven|midnight) ?pm|at midnight|late at night|unreal|can't believe|cant believe|unbelievable|outrageous|insane|classy|(?<!(?:pay|send|paying|sending|dollars|bucks|it|rest|balance|\d) )on (?:thanksgiving|christmas|easter|a holiday|a sunday)|privacy(?! policy| notice)|violat\w*|who gave you (?:permission|the right)|(?<!(?:stop|quit|don't|dont|do not|not|about|worry about) )(?:called|calling|texted|texting|contacted|contacting) my (?:work|job|employer|boss|sister|mother|mom|family|brother|wife|husband|parents|neighbou?rs?)|rude to|keep (?:adding|charging|piling)(?: \w+)? (?:fees|charges|interest)|out of nowhere|(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)|many|how many) times? (?:telling|i've told|i told|asking|i've asked|calling|now)|get your (?:system|act|shit|stuff) together|are you kidding|attitude|decency|upsetting|(?:how|the way) (?:i|we) (?:was|were|am|are|have been|got) (?:treated|spoken to)|keeps? crashing|is (?:it|this|that) (?:even )?legal|robbery|rip ?off|(?:call|text|email|message)s? (?:me )?too (?:much|often))\b/g,
  },

  // Seventh round (en.tune7): families of wording the earlier rounds did not reach.
  {
    // Names, lies and threats put in the mouth of the company's people: "your rep called me a thief", "you guys lie",
    // "which of you is lying", "he said they'd garnish my wages", "told me I'd be arrested", "watch her tone".
    rule: 'complaint-agent-said',
    intent: 'complaint',
    pattern:
      /\b(?:(?:called|calls|calling) me (?:a |an )?(?:\w+ )?(?:liar|deadbeat|thief|loser|idiot|bum|crook|criminal|scammer|fraud|moron|lazy|cheat|names)|(?:you|u|you guys|y'all|yall|you people|your (?:agents?|reps?|people|collectors?|staff|employees?|company)|(?:he|she|they)) (?:(?:just|all|always|keep|clearly|obviously) )?(?:lie|lied|lies|lying|are lying|keep lying|were lying|was lying)|(?:is|are) (?:\w+ )?lying(?= [.,?]|$| to)|(?:said|says|told me|threatened|claimed|saying|telling me|threatening) (?:\w+ ){0,6}?(?:jail|prison|arrest\w*|garnish\w*|deport\w*|(?:take|taking|seize|seizing) my (?:house|home|car|kids|wages|paycheck)|(?:lose|losing) my (?:job|house|home|kids))|(?:mocked|mocking|ridiculed|ridiculing|made fun of|making fun of|berated|berating|scolded|lectured|degraded|belittled|insulted) me|(?:stop|quit) lying|(?:against|breaking|broke|break|above) the law|(?:breaking|broke|break|breach\w*|in breach of) (?:the )?(?:fdcpa|tcpa|fcra|regulations|rules)|(?:feel|felt|feeling|i'm being|im being|being) (?:so |very |really )?(?:bullied|harassed|threatened|intimidated|disrespected|insulted|attacked|belittled|degraded|hunted)|shame on (?:your|this|y'all|yall|the) (?:\w+ )?(?:company|people|agents?|office|business|collectors?|staff)|thanks for nothing|(?:great|excellent|stellar|amazing|wonderful|fantastic|top notch) (?:customer )?service as (?:always|usual)|watch (?:his|her|your|their|the) (?:tone|mouth|language|attitude)|the tone of (?:your|the|his|her|their)|(?:i )?demand (?:to (?:speak|talk)|an apology|an explanation|answers)|(?:want|get|have) (?:him|her|them|that \w+|this \w+|your \w+) (?:reported|fired|disciplined|written up)|should be (?:fired|disciplined|ashamed)|(?:not|isn't|isnt) (?:even )?legal)\b/g,
  },
  {
    // Private business shown to others: "told my pastor about my loan", "where my manager can read them", "read my
    // account number out on a voicemail", "anyone could have heard it".
    rule: 'complaint-disclosed',
    intent: 'complaint',
    pattern:
      /\b(?:(?:told|telling|tell|informed|informing|discussed|discussing|mentioned|asked|asking|called|contacted) (?:my |our )?(?!me |us |you |him |her |them )(?:\w+ ){1,3}?about (?:me|my (?:debt|business|account|loan|bill|balance|situation|finances|payments?))|(?:where|so|and now|now) (?:my |the )?(?:manager|boss|employer|coworkers?|co workers?|colleagues|neighbou?rs?|family|kids|landlord|everyone|everybody|anyone|anybody) (?:can|could|will|would|might) (?:see|read|hear)|(?:anyone|anybody|everyone|everybody|the whole \w+) (?:could|can|might|would) (?:have )?(?:heard|hear|seen|see|read)|(?:used|said|read|left|gave|put|recited|announced) (?:out )?my (?:full )?(?:social security|ssn|social|account number|date of birth|dob|balance|debt|card number)(?: number)? (?:on|in|to|out loud|over))\b/g,
  },
  {
    // Contact that comes too often, too early or despite everything: "every 3 hours", "at 6 in the morning", "you're
    // STILL texting me", "done talking to you people", "get your records straight", "oh look, another text. shocker",
    // "such a pleasure hearing from you", "nice going".
    rule: 'complaint-persistence',
    intent: 'complaint',
    pattern: new RegExp(
      `\\b(?:every (?:\\d+|few|couple(?: of)?|two|three|four|five|six|ten|fifteen|twenty|thirty) (?:hours|minutes|mins|hrs|days)|(?:at|before) (?:\\d+|five|six|seven|5|6|7) (?:in the morning|on a (?:saturday|sunday))|(?:\\d+|six|seven) ?am on a (?:saturday|sunday|holiday)|(?:you're|you are|y'all are|yall are|they're|they are) still (?:texting|calling|emailing|contacting|sending|messaging|hounding|bothering|harassing)|(?:done|finished|through) (?:talking|dealing|speaking|arguing|pleading) (?:to|with)|get your (?:records|books|facts|numbers|story|accounting) straight|(?:such|always|what|a real) (?:a )?(?:pleasure|joy|delight|treat)|(?:nice|lovely|great|so nice|wonderful) (?:to hear|hearing) from (?:you|u|y'all) again|shocker|what a (?:surprise|shock)|(?<=^|[.,?] )(?:oh )?look(?: ,)? (?:another|more)\\b|(?<=^|[.,?] )(?:nice|good|great) (?:going|job|work)(?= [.,?]|$| (?:guys|you|y'all)\\b)|way to go|real classy)\\b`,
      'g',
    ),
  },
  {
    // Told to leave a relative out, with the borrower's resentment: "stop calling my sister", "don't ever text my parents
    // again", "stop contacting me and my family". Not a bare "don't call my mother" (tune's other), "my mother's house"
    // (her line) nor a polite "can you".
    rule: 'complaint-relatives',
    intent: 'complaint',
    pattern: new RegExp(
      `(?<!(?:can|could|would|will) (?:you|u|y'all|yall)(?: please)? )\\b(?:(?:stop|quit|never|no more|(?:don't|dont|do not) ever)(?: (?:ever|again|you))? ${REL_CONTACT}|(?:don't|dont|do not) ${REL_CONTACT} (?:\\w+ )?again)\\b(?!'s (?:house|home|place|landline|number|phone))`,
      'g',
    ),
  },
  {
    // Grounds of a dispute a seventh author gave: never been where the charges were made, the card or account closed
    // before them, a debt years old, goods returned, a relative's or an ex's account, the sum too high to be right,
    // who the original creditor is, proof it is theirs.
    rule: 'dispute-grounds-more',
    intent: 'dispute',
    pattern:
      /\b(?:never (?:been|set foot|lived|shopped|stayed) (?:to|in|at)|(?:card|account|membership|subscription|service|policy) (?:was|got|has been|had been|were) (?:cancel(?:l)?ed|closed|terminated) (?:before|prior to|long before|years before|months before)|(?:over|more than|almost|nearly|at least) (?:\d+|five|six|seven|eight|nine|ten|twelve|fifteen|twenty) (?:years?|yrs) old|(?:(?:i|we) (?:returned|sent back|gave back|brought back)|(?:returned|sent back|gave back|brought back) (?:it|the|that|this|a|my|those|these|everything))\b(?! (?:to|your|the|a|my|his|her|their) (?:work|job|call|calls|message|messages|text|texts|email|emails|voicemail)\b)|(?:is|was|it's|its|that's|thats|this is|this was) (?:my|his|her|their) (?:\w+ )?[a-z]+'s (?:account|debt|loan|card|bill|balance)|never (?:on|a party to|named on|listed on|an authori[sz]ed user on) (?:it|the|that|this)|(?:amount|balance|bill|total|fees?|interest|charges?) (?:is |are |was |were )?(?:so|this|that|way|way too) (?:high|big|large|steep|much)|proof (?:that )?(?:this|it|that) (?:is|was|belongs) (?:mine|to me|my)|(?:supposed to|should|was to) (?:be|have been) (?:covered|paid|handled) by (?:my |the |our )?(?:insurance|insurer|warranty)|(?:interest )?(?:rate|apr|payoff) (?:is |was |seems |looks )?(?:wrong|incorrect|off|not right)|(?:charging|charged|billing|billed) (?:me )?for (?:a |an |the |something )?(?:\w+ ){0,2}?(?:i|we) (?:cancel(?:l)?ed|returned|never (?:got|received|ordered|used))|(?:don't|do not|dont) know what (?:this|these|that|it) (?:\w+ )?(?:is|are|was) for|(?:more|higher|bigger) than (?:what )?(?:i|we) (?:ever )?(?:borrowed|owe|took out|signed for|agreed to)|(?:my )?(?:ex|ex husband|ex wife|former \w+|husband|wife) is (?:the one )?responsible|(?:divorce|separation) (?:settlement|decree|agreement|judgment))\b/g,
    checks: ['payment-card'],
  },
  {
    // A payment the balance leaves out: "your balance doesn't include my payment from the 20th", "my payment was never
    // credited": a payment claimed, and the balance disputed.
    rule: 'paid-not-credited',
    intent: 'paid-already',
    pattern:
      /\b(?:(?:doesn't|does not|didn't|did not|doesnt|didnt|don't|dont|haven't|hasn't|havent|hasnt|never|not) (?:\w+ )?(?:include|included|reflect|reflected|show|count|counted|credit|credited|apply|applied|post|posted|account for|accounted for) (?:my|the|our) (?:\w+ )?(?:payment|pmt|check|transfer|deposit)|(?:my|the|our) (?:last |recent )?(?:payment|pmt|check|transfer) (?:from|on|of) (?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d|\d{1,2} \/|the \d|last|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:my|the) payment (?:\w+ )?(?:wasn't|was not|hasn't been|has not been|never|isn't|is not|not) (?:been )?(?:applied|credited|posted|counted|recorded|reflected))\b/g,
    checks: ['asks-whether'],
  },
  {
    rule: 'dispute-not-credited',
    intent: 'dispute',
    pattern:
      /\b(?:doesn't|does not|didn't|did not|doesnt|didnt|don't|dont|never|not) (?:\w+ )?(?:include|included|show|count|counted|credit|credited|apply|applied|account for|accounted for) (?:my|the|our) (?:\w+ )?(?:payment|pmt|check|transfer|deposit)\b/g,
  },
  {
    // The money taken by the lender's own draft: "it was auto-deducted on the 1st", "came out of my account Friday".
    rule: 'paid-drafted',
    intent: 'paid-already',
    pattern:
      /\b(?:(?:was|were|got|been|has been|had been|already) (?:auto )?(?:deducted|debited|drafted|withdrawn|taken out|pulled)|(?:came|was taken|got taken) out of my (?:account|bank|checking|savings|card))\b/g,
    checks: ['negation'],
  },
  {
    // A day put as a question: "end of the month ok?", "is Friday alright", "would the 15th work".
    rule: 'promise-proposed-day',
    intent: 'promise',
    pattern:
      /(?<=^|[.,?] )(?:(?:is|would|will|does|can i do(?: it)?|can i pay(?: it)?|how about|what about) )?(?:today|tonight|tomorrow|tmrw|(?:next |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:the )?end of (?:the |this |next )?month|next week|(?:on )?the \d{1,2}(?:st|nd|rd|th)?|payday)(?: (?:be|is|work|works|sound|sounds))? (?:ok|okay|alright|fine|good|cool|work|works)(?= [.,?]|$)/g,
  },
  {
    // Slang and second-language pledges: "next friday i got u", "I will paid next week".
    rule: 'promise-slang',
    intent: 'promise',
    pattern:
      /\b(?:i (?:got|gotchu|gotcha) (?:u|you|ya)(?= [.,?]|$)|i gotchu|(?:i will|i'll|ill|will|i can|i shall|i going to|i gonna) (?:to )?paid\b|(?:i'll|ill|i will|will|gonna|i'm going to|im going to|i can|i should) (?:have|get) (?:it|this|that|the (?:balance|loan|bill|rest|account|debt)|everything|all of it) (?:all )?(?:paid|paid off|paid up|settled|cleared|caught up|taken care of))\b/g,
    checks: ['negation', 'wish'],
  },
  {
    // "Payment of $150 scheduled for the 15th", "transfer is set up for Friday".
    rule: 'promise-scheduled',
    intent: 'promise',
    pattern:
      /\b(?:payment|pmt|transfer|check|it|autopay|auto pay) (?:of (?:\$ )?\d[\d,.]* )?(?:is |has been |was |been |is all |all )?(?:scheduled|set up|queued|booked|set) (?:for|on)\b/g,
    checks: ['negation'],
  },
  {
    // Questions a seventh author asked without a question mark: after a comma ("…, how do I get one", "…, is that
    // possible"), after a condition ("if I pay today will you stop reporting it late"), a formal "please advise", and
    // figures asked for ("email me the payoff amount").
    rule: 'question-inverted',
    intent: 'question',
    pattern:
      /(?:(?<=, )(?:is (?:that|it|this|there)|are there|what's|whats|how's|where's|when's|did (?:you|u|y'all|yall|it|my|the|that)|do (?:you|u|y'all|yall)|can i|could i|do i|should i|may i|how (?:do|can|much|long|would|does|is)|what (?:is|are|do|does|should|would|happens|can|could|will)|when (?:is|do|does|can|will)|where (?:do|can|is|should)|would (?:that|it|you)|will (?:that|it))|\bif i (?:[^ .,?]+ ){1,6}?(?:will|would|does|do|can|could|is|are) (?:you|u|you guys|y'all|yall|it|that|this|they|my|the)|(?<=^|[.?] )(?:(?:so|and|but|ok|okay|hey|hi|hello|um|also|btw|then|oh|well|wait)(?: ,)? ){1,3}(?:(?:how|what|when|where|why|who|which)\b|(?:is|are|can|could|do|does|did|will|would|should) (?:i|you|u|it|this|that|we|they|there|my|the)\b)|\b(?:just )?(?:checking|asking|confirming) (?:if|whether|to see if|to see whether|in on|on the status)|(?<=^|[.,?] )(?:i )?need (?:the|my|a|your) (?:payoff|balance|total|statement|breakdown|account number|due date|amount due|(?:mailing |payment |billing |postal )?address|routing number)\b|\b(?:i'd like|i would like|id like|i want|i need|i'm trying|im trying|help me) to understand (?:how|why|what|where|when|which|the)\b|(?<=^|[.,?] )(?:my |the )?(?:balance|payoff(?: amount)?|total due|amount due|due date)(?: please| pls| plz)(?= [.,?]|$)|\b(?:i was|i'm|im|i am|we were|we're) hoping (?:to (?:set up|get|arrange|work out|lower|reduce|change|move|split|extend|skip|defer|postpone)|(?:you|u|y'all) (?:could|can|would|might))|\blet me know (?:the|my|what|how much|when|where|which)|\bremind me (?:what|how|when|where|of the)|\b(?:looking for|trying to find|can't find|cant find) (?:my|the) (?:account number|balance|payoff|due date|statement|login|routing number|amount due)|\b(?:please|kindly|pls|plz) (?:advise|clarify|inform me|indicate|specify)|\b(?:email|e mail|send|text|txt|mail|give|tell|show) me (?:the |my |a |an |your )?(?:\w+ ){0,2}?(?:payoff|balance|amount|total|figure|breakdown|details|info|information|account number|routing number))\b/g,
    checks: ['rhetorical'],
  },
  {
    // "Could someone call me to explain these fees?": a question as well as the call it asks for.
    rule: 'question-explain',
    intent: 'question',
    pattern:
      /\b(?:(?:call|ring|phone|contact) me (?:back )?(?:to|and)|can you|could you|would you|please|pls|someone to|somebody to|need (?:you|someone|somebody) to|want (?:you|someone|somebody) to) explain (?:the|these|this|that|those|my|why|how|what|where|your)\b/g,
  },
  {
    // A number to use instead: "Use 555-0133", "my new number is 555 0190".
    rule: 'callback-number',
    intent: 'callback',
    pattern:
      /\b(?:use|try|(?:my )?new (?:number|cell|phone) is|number is now|switch to) (?:(?:my|this|the|new|other|cell|work|home|number|instead) ){0,3}(?:\d{3} )?\d{3} \d{4}\b/g,
    checks: ['not-asked'],
  },

  // Eighth round (en.tune8): families of wording the earlier rounds did not reach.
  {
    // Sarcasm and weariness without a complaint word: praise turned by an eye-roll ("Bless your heart for the reminder 🙃"),
    // "my favorite pen pal is back", "make it make sense", "I hope you're proud", "happy now?", "so I'm just a number to
    // you", "'courteous reminder' my ass", "a new low", "who does that", "how is that ok", "really?" after a statement.
    rule: 'complaint-sarcasm-weary',
    intent: 'complaint',
    pattern:
      /\b(?:(?:thanks?|thank you|thx|bless|happy|great|love|loving|pleasure|helpful|lovely|wonderful|nice|kind|appreciate\w*|favou?rite|awesome|fantastic|perfect|sweet|cute|joy|yay|another|again)(?: [^ .?]+){0,10}(?: [.?,])? eyeroll|bless (?:your|ur|y'all's) (?:heart|hearts|soul)|(?:my|our) (?:favou?rite|best) (?:pen ?pal|pen pals|stalker|debt collectors?|collectors?|bill collectors?)|make it make sense|(?:i )?hope (?:you're|youre|your|you are|y'all are|yall are|u r|ur) (?:proud|happy|satisfied)(?= [.,?]|$| (?:(?:of|with) (?:yourselves|yourself|that|this)|now)\b)|(?<=^|[.,?] )happy now(?= [.,?]|$)|(?:i'm|im|i am) (?:just|only) (?:a|another) (?:number|paycheck|commission|dollar sign)|(?<!(?:kick|cover|save|get off|off|up|on) )my ass(?= [.,?]|$)|(?:a )?new low|low blow|(?<=^|[.,?] )who (?:does|would do|says|talks like|treats people like) (?:that|this)(?= [.,?]|$)|how is (?:that|this|it) (?:ok|okay|legal|allowed|fair|acceptable|right|even legal)\b|(?<=[.,?] )(?:(?:really|seriously|again)(?= \?)|(?:come on|cmon|c'mon)(?= [.,?]|$)))/g,
  },
  {
    // How often, counted: "3x a day", "9 calls in one day", "four emails yesterday within two hours", "4 texts since
    // Sunday", "47 minutes on hold", "same message, same day".
    rule: 'complaint-counted',
    intent: 'complaint',
    pattern:
      /\b(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of) ?(?:x|times|texts|calls|messages|msgs|emails|e mails|voicemails|robocalls|reminders|letters)(?: \w+)? (?:a day|a week|per day|per week|in (?:one|a|an|a single|\d+|two|three|four|five) (?:day|days|hours?|minutes?|mins|weeks?|morning|afternoon)|since (?:\w+)|within|yesterday|today|this morning|this week|in a row|(?:is|are|was|were) too many)|(?:\d+|two|three|four|five|ten|twenty|thirty|forty|fifty|an?) (?:min|mins|minutes|hours?|hrs?) on hold|same (?:day|time) (?:[.,] )?same (?:message|text|email|thing)|(?:the )?same (?:message|text|email) (?:over and over|again and again|(?:\d+|two|three|four|five) times))\b/g,
  },
  {
    // Conduct felt: "I am not a criminal", "talking to me like one", "act like I'm dodging you", "never been treated this
    // poorly", "is that supposed to scare me", "I'm still waiting", "nobody trusts collection agencies", "upset" at us, "on speaker at work", told a child or a neighbour what is owed.
    rule: 'complaint-conduct-felt',
    intent: 'complaint',
    pattern:
      /\b(?:(?:i'm|im|i am|we're|we are) not (?:a |some )?(?:criminal|crook|thief|deadbeat|liar|child|kid|con artist|fraud)s?|(?:talk|talking|talks|speak|speaking|treat|treating|treats) (?:to )?(?:me|us) like (?:one|that|this)(?= [.,?]|$)|(?:act|acting|acts|acted|treat|treating|treated) (?:like|as if) (?:i'm|im|i am|we're|i was|we were) (?:dodging|hiding|avoiding|running|ducking|ignoring)|(?:never|not) been treated (?:this|so|that|more) (?:poorly|badly|rudely|horribly|terribly)|treated (?:this|so) (?:poorly|badly|rudely|horribly|terribly)|(?:supposed|meant|trying|try|tried) to (?:scare|intimidate|frighten|threaten|shame) (?:me|us)|(?:i'm|im|i am|we're|we are|been|still) (?:still )?waiting (?:on|for) (?:a |an |the |that |your )?(?:call ?back|callback|supervisor|manager|answer|reply|response)|(?:i'm|im|i am|we're|we are) still waiting(?= [.,?]|$)|never (?:called|got back|wrote|emailed) (?:me )?back|(?:no one|nobody|noone) (?:ever )?(?:called|calls|got|gets|wrote|writes|emailed) (?:me )?back|(?:nobody|no one|noone) (?:trusts|likes|believes) (?:you|y'all|collection|debt|your)|(?<!(?:don't|dont|not|no need to|never) (?:be |get )?)upset(?= [.,?]|$| (?:by|with|at) (?:you|your|the|this|these|y'all|how|being)\b)|(?:was|were|i'm|im|am|got put) on speaker(?:phone)? (?:at|in)\b|(?:told|telling|tell|informed) my (?:\w+ ){1,3}?(?:that )?(?:i|we) (?:owe|owed|was in debt|am in debt|am behind|was behind)|(?:voicemail|message|letter) (?:with|that had|that said|saying|mentioning|naming) my (?:name|debt|balance|account)|(?:reads?|reading|recited|reciting|said|says|saying) (?:out )?my (?:full )?(?:account number|social security number|ssn|card number|balance|date of birth)(?: \w+)? (?:out loud|aloud|on speaker)|(?:fee|fees|charge|charges|balance|late fee)(?:'s| is| are)? still (?:there|on (?:my|the) (?:account|bill|statement))|(?:system|you|y'all|your \w+) (?:has |have )?failed to (?:apply|credit|post|process|record|update|fix)|(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:month|time|week) (?:in a row )?(?:that )?(?:your|you|y'all|yall|this has|this happened))/g,
  },
  {
    // Taken elsewhere, named in full or by outlet: "the Federal Trade Commission", "Channel 7 consumer watch would love
    // this story", "next message goes to my lawyer".
    rule: 'complaint-elsewhere',
    intent: 'complaint',
    pattern:
      /\b(?:federal (?:trade|communications) commission|consumer financial protection bureau|consumer (?:watch|reporter|advocate|affairs)|would love (?:this|to hear (?:this|about this)) story|(?:goes|go|going|forwarded|sent|straight|forwarding) (?:straight )?to my (?:lawyer|attorney))\b/g,
  },
  {
    // "yall said you'd waive the fee": a term promised and not kept, the ground of a dispute.
    rule: 'dispute-term-promised',
    intent: 'dispute',
    pattern:
      /\b(?:said|promised|told (?:me|us)|assured (?:me|us)|agreed) (?:that )?(?:you'd|you would|u would|they'd|they would|y'all would|yall would|it would|you'll|you will) (?:waive|remove|reverse|refund|credit|drop|forgive|close|cancel)\b/g,
  },
  {
    // Money the lender's draft should have taken, or a statement that shows it: "autopay should have pulled it on the
    // 1st", "the bank statement showing my payment", "your system failed to apply my payment", "yesterday I pay".
    rule: 'paid-shown',
    intent: 'paid-already',
    pattern:
      /\b(?:(?:autopay|auto pay|auto draft|autodraft|it|the payment|payment) (?:should have|should've|was supposed to(?: have)?) (?:pulled|taken|drafted|debited|deducted|come out|gone through|withdrawn|been (?:pulled|taken|drafted|debited|deducted))|(?:statement|receipt|screenshot|proof|record|records|confirmation) (?:showing|that shows|which shows|shows|that show|show) (?:my|the|our) (?:\w+ )?payment|failed to (?:apply|credit|post|process|record) (?:my|our|the) payment|(?:i|we) already pay (?:this|that|it|last|for this)|(?<=^|[.,?] )(?:yesterday|last (?:week|night|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)) (?:i|we) (?:pay|send|make (?:the )?payment|transfer)(?= [.,?]|$| (?:it|the|you|already|all|everything|in full|full|off)\b))/g,
    checks: ['negation'],
  },
  {
    // A proposal of terms put as a question: "is it ok if I pay 100 next Friday", "would it be alright to send half on the 1st".
    rule: 'promise-proposed',
    intent: 'promise',
    pattern:
      /\b(?:is it|would it be|will it be|would that be|is that|would it|can it be) (?:ok|okay|alright|all right|fine|acceptable|cool) (?:if (?:i|we) (?:can |could )?|for (?:me|us) to |to )(?:pay|paid|send|sent|do|did|make|made|transfer|transferred|put)\b/g,
  },
  {
    // Payments begun again or on their way: "I will resume payments on January 15", "sending 35 rn".
    rule: 'promise-resume',
    intent: 'promise',
    pattern:
      /\b(?:(?:i'll|ill|i will|will|we will|we'll|i can|i'm going to|im going to|i plan to|planning to|i intend to|i expect to) (?:\w+ )?(?:resume|restart|start|begin|continue) (?:making |my |the |regular |monthly )*(?:payments?|paying|pmts?)|(?:i'm |im |i am )?sending (?:you )?(?:\$ )?\d[\d,.]*(?: (?:dollars|bucks))?(?= [.,?]|$| (?:rn|now|today|tonight|tomorrow|in|on|by|at|when|after)\b))/g,
    checks: ['negation', 'wish'],
  },
];
