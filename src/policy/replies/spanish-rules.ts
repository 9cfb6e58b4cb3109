/**
 * Spanish reply rules, read with the English ones over the same token stream (english.ts): lower-case words with
 * their accents folded ("déjenme" → dejenme, "más" → mas, "mañana" → manana), "¿" and "¡" dropped, and the
 * punctuation that ends a clause. US Spanish as borrowers write it: Mexican, Caribbean and Central American
 * wording, accents often missing, Spanglish ("STOP por favor", "ya pagué, stop texting me").
 *
 * A revocation's channels come from its words, as in English: mensajes, textos, SMS → sms; llamar, llamadas,
 * marcar → voice; correos, emails → email; contactar, molestar, "déjenme en paz" → all three; a bare keyword
 * (ALTO, BAJA, BASTA, CANCELAR) → the channel the reply came on. Each pattern is words with bounded gaps: linear.
 *
 * The checks named `es-…` are Spanish readings that explain a match away (a negation before it, a request about
 * someone else, a time rather than a revocation, paper mail, a question about what follows a payment);
 * english.ts runs them beside its own.
 */
import type { ReplyRule } from './types.js';

/** Contact verbs, infinitive (with a pronoun: "llamarme"), gerund ("llamándome") and the imperative plural. */
const VERBS = [
  'mandar',
  'enviar',
  'llamar',
  'marcar',
  'contactar',
  'molestar',
  'textear',
  'textiar',
  'mensajear',
  'acosar',
  'hostigar',
  'buscar',
  'fregar',
  'spamear',
  'escribir',
  'joder',
];
const VINF = `(?:${VERBS.join('|')})(?:me|nos)?`;
const VGER = `(?:${VERBS.map((v) => v.replace(/ar$/, 'ando').replace(/ir$/, 'iendo').replace(/er$/, 'iendo')).join('|')})(?:me|nos)?`;
/** "no me llamen", "no me escribas": plural and tú forms; the usted forms that are also a past tense (llamé) only after "me". */
const VSUBJ =
  '(?:llamen|llames|marquen|marques|escriban|escribas|texteen|textees|textien|mensajeen|contacten|contactes|molesten|molestes|acosen|acoses|busquen|busques|hostiguen|frieguen|jodan|spameen|textean)';
const VSUBJ_ME = '(?:llame|marque|escriba|contacte|moleste|busque|textee)';
const SEND = '(?:manden|mandes|envien|envies)';
const SEND_ME = '(?:mande|envie)';
/** What is sent: the channels, and the reminders themselves. */
const CH =
  '(?:mensajes?(?: de texto)?|mensajitos?|msjs?|mjs|sms|textos?|texts?|llamadas?(?: telefonicas?)?|llamaditas?|correos?(?: electronicos?)?|e ?mails?|emails?|mails|recordatorios?|notificaciones|avisos|alertas|whatsapps?|calls?)';
const DET = '(?:(?:mas|sus|tus|los|las|estos|estas|esos|esas|tantos|tantas|ningun|ninguna|ningunos|ningunas|de|su) )';
const PLEASE = '(?:por favor|porfa|porfavor|porfis|por fa|xfa|xfavor|x favor|favor|please|pls|plz)';
const CLAUSE_START = '(?<=^|[.,?] )';
const CLAUSE_END = '(?= [.,?]|$)';
const PREFIX = `(?:(?:${PLEASE}|ya|ok|okay|oye|oiga|oigan|hola|bueno|buenas|senores|senor|senorita|please|pues|y|solo|mejor|quiero|me quiero|deseo|favor de) )*`;
const FILL = `(?: (?:${PLEASE}|ya|gracias|ahora|ahorita|ahora mismo|inmediatamente|de inmediato|de una vez|ok|stop|alto|thanks|todo|todos|senores|senor|urgente|ya mismo|se los pido|les pido|se lo pido|de esto|a esto|ya no mas|de todo))*`;
/** A verb that says stop: "dejen de", "paren de", "ya deja de". */
const STOPV = '(?:deja|dejen|deje|dejar|dejes|dejan|para|paren|pare|parar|paran|detengan|terminen|acaben)';
const NOT = '(?:no|nunca|jamas|ya no|nunca mas|jamas)';

export const SPANISH_REPLY_RULES: readonly ReplyRule[] = [
  // revoke
  {
    // The first Spanish rule: "no más mensajes", "pare de mandarme textos", "no me contacten", "déjenme en paz".
    rule: 'revoke-spanish',
    intent: 'revoke',
    pattern:
      /\b(?:no mas (?:mensajes|textos|llamadas|correos|contacto)|(?:pare|paren|para|deje|dejen|deja) de (?:mandar|enviar|llamar|escribir|textear|contactar|molestar)\w*(?: (?:mensajes|textos|correos))?|no me (?:contacten|contactes|llamen|llames|escriban|manden|envien|molesten|textean)|no (?:llamen|llames|manden|envien|escriban|molesten|contacten|textean) (?:mas|nunca)|dejenme en paz|dejame en paz|ya basta)\b/g,
    scope: 'words',
    checks: ['es-negation', 'es-third-party', 'es-time-limit', 'es-letters', 'es-not-ours', 'es-asks'],
  },
  {
    // A clause that is only the keyword: "ALTO", "PARAR", "cancelar", "baja", "darme de baja", "basta ya", "no más".
    rule: 'es-revoke-keyword',
    intent: 'revoke',
    pattern: new RegExp(
      `${CLAUSE_START}${PREFIX}(?:alto+|parar|pare|paren|para ya|detener|detengan(?: ya)?|detenganse|detengase|cancelar|cancela|cancelen|cancelo|(?:dar|darme|dame|deme|denme|den|me doy|doy|darse) de baja|de baja|baja|basta|basta ya|ya basta|no mas|no mas por favor|desuscribir(?:me)?|desuscribanme|no molestar|no llamar|no llamadas|no mensajes|no textos)${FILL}${CLAUSE_END}`,
      'g',
    ),
    scope: 'words',
    checks: ['es-quoted', 'quoted'],
  },
  {
    // "dejen de llamarme", "paren de mandarme mensajes", "ya deja de escribirme", "alto a las llamadas", "no me sigan mandando".
    rule: 'es-revoke-stop-verb',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b${STOPV} de (?:estar )?(?:${VINF}|${VGER})\\b|\\b(?:alto|basta|ya basta|basta ya|se acabaron|no mas) (?:a|con|de) ${DET}{0,2}(?:${CH}|${VINF})\\b|\\b${NOT} (?:me |nos )?(?:sigan|sigas|siga|continuen|esten|estes|este) (?:${VGER})\\b`,
      'g',
    ),
    scope: 'words',
    checks: ['es-negation', 'es-third-party', 'es-letters', 'es-asks'],
  },
  {
    // "no me llamen", "no me manden más mensajes", "no me vuelvan a contactar", "favor de no llamar", "ya no me escriban".
    rule: 'es-revoke-dont',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b${NOT} (?:me |nos )?${VSUBJ}\\b|\\b${NOT} (?:me|nos) ${VSUBJ_ME}\\b|\\b${NOT} (?:(?:me|nos) (?:${SEND}|${SEND_ME})|${SEND})(?= (?:mas|nunca|nada|ningun|ninguna|ningunos|esos|esas|estos|estas|sus|tus|tantos|tantas|${CH})\\b| [.,?]|$)|\\b${NOT} (?:me |nos )?(?:vuelvan|vuelvas|vuelva) a ${VINF}\\b|\\b(?:favor de|por favor|porfa|les pido|le pido|les ruego|le ruego|se les pide|se les ruega) no ${VINF}\\b|${CLAUSE_START}(?:${PLEASE} )?no ${VINF}(?= (?:mas|nunca|a este (?:numero|telefono|celular|correo))\\b| [.,?]|$)`,
      'g',
    ),
    scope: 'words',
    checks: ['es-third-party', 'es-time-limit', 'es-letters', 'es-not-ours', 'es-asks'],
  },
  {
    // "no quiero recibir más mensajes", "no quiero que me llamen", "no deseo recibir llamadas", "no me interesan sus mensajes".
    rule: 'es-revoke-dont-want',
    intent: 'revoke',
    pattern: new RegExp(
      `\\bno (?:quiero|queremos|deseo|deseamos|necesito|me interesa|me interesan) (?:(?:recibir|tener|seguir recibiendo|ver) )?${DET}{0,3}${CH}\\b|\\bno (?:quiero|queremos|deseo|deseamos) (?:recibir|seguir recibiendo) (?:nada|ningun|ninguna|mas)\\b|\\bno (?:quiero|queremos|deseo|deseamos) que (?:me |nos )?(?:sigan |vuelvan a |esten )?(?:${VSUBJ}|${VSUBJ_ME}|${SEND}|${SEND_ME}|${VINF}|${VGER})\\b`,
      'g',
    ),
    scope: 'words',
    checks: ['es-third-party', 'es-time-limit', 'es-letters'],
  },
  {
    // "déjenme en paz", "olvídense de mí", "no quiero saber nada de ustedes": every channel.
    rule: 'es-revoke-leave-alone',
    intent: 'revoke',
    pattern:
      /\b(?:(?:dejenme|dejame|dejeme|dejanme|dejenos|dejennos) (?:en paz|tranquil[oa]s?)|(?:olvidense|olvidate|olvidese) de mi|olvidenme|no (?:quiero|queremos) saber nada (?:mas )?de (?:ustedes|usted|ti|su (?:compania|empresa|agencia|oficina)|esta (?:compania|empresa|agencia))|larguense|vayanse (?:al (?:diablo|carajo)|a la (?:mierda|chingada|verga)))\b/g,
    scope: 'all',
  },
  {
    // "borren mi número", "quítenme de su lista", "darme de baja de los mensajes": the line named, or the one the reply came on.
    rule: 'es-revoke-remove',
    intent: 'revoke',
    pattern:
      /\b(?:(?:borren|borrar|borra|borre|eliminen|eliminar|elimina|elimine|quiten|quitar|quite|saquen|sacar|saque) (?:mi|este|el|mis|los|de su lista mi) (?:numero|telefono|celular|cel|correo|email|e mail|contacto|datos|informacion)|(?:borrenme|eliminenme|quitenme|saquenme|sacarme|quitarme|borrarme|eliminarme|sacame|quitame|borrame|borreme|quiteme|saqueme) de (?:su|sus|la|las|esta|estas|todas (?:sus|las)) (?:\w+ )?listas?|(?:dar|darme|dame|deme|denme|den|doy|darse) de baja)\b/g,
    scope: 'words',
    checks: ['es-negation', 'es-other-object', 'es-quoted'],
  },
  {
    // "bórrenme de su sistema", "sáquenme de su base de datos": the borrower, so every channel.
    rule: 'es-revoke-records',
    intent: 'revoke',
    pattern:
      /\b(?:borrenme|eliminenme|quitenme|saquenme|sacarme|quitarme|borrarme|eliminarme|sacame|quitame|borrame|borreme|quiteme|saqueme) de (?:su|sus|el|la|este|esta) (?:sistema|base de datos|registros|archivos|expedientes)\b/g,
    scope: 'all',
    checks: ['es-negation'],
  },
  {
    // "cancelen los mensajes", "desactiven las notificaciones", "cancelar las llamadas".
    rule: 'es-revoke-cancel-channel',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:cancelar|cancelen|cancela|cancele|cancelo|desactivar|desactiven|desactiva|apagar|apaguen|suspender|suspendan|quitar|quiten) (?:(?:los|las|sus|mis|el envio de|todos|todas|estos|estas|esos|esas|de) ){0,3}${CH}\\b`,
      'g',
    ),
    scope: 'words',
    checks: ['es-negation'],
  },
  {
    // "revoco mi consentimiento", "no tienen mi permiso para llamarme".
    rule: 'es-revoke-consent',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:revoco|retiro|revocar|retirar|cancelo) (?:mi |el |todo )?(?:consentimiento|autorizacion|permiso)\\b|\\bno (?:les |le )?(?:doy|tienen|tiene|autorizo) (?:mi )?(?:permiso |autorizacion |consentimiento )?(?:para|de|a) ${VINF}\\b`,
      'g',
    ),
    scope: 'all-unless-other',
  },
  {
    // "solo por correo", "únicamente por carta": every phone channel the words do not name.
    rule: 'es-revoke-only',
    intent: 'revoke',
    pattern:
      /\b(?:solo|solamente|unicamente|nada mas) (?:por|via|x) (?:correo|email|e mail|mail|carta|cartas|escrito|texto|mensaje|mensajes)\b/g,
    scope: 'others',
    checks: ['es-negation'],
  },
  {
    // "hablen con mi abogado", "estoy representado por un abogado": no contact with the borrower at all.
    rule: 'es-revoke-attorney',
    intent: 'revoke',
    pattern:
      /\b(?:(?:hablen|comuniquense|contacten|llamen|dirijanse|traten) (?:con|a) mi (?:abogado|abogada)|(?:estoy|me encuentro) representad[oa] por (?:un |una |mi )?(?:abogad[oa]))\b/g,
    scope: 'all',
    checks: ['es-negation'],
  },
  {
    // "si me vuelven a llamar los voy a reportar", "los voy a bloquear", "ya bloqueé este número".
    rule: 'es-revoke-or-else',
    intent: 'revoke',
    pattern: new RegExp(
      `\\bsi (?:me |nos )?(?:vuelven|siguen|vuelve|sigue|continuan) (?:a )?(?:${VINF}|${VGER})(?: [^ .?]+){0,6}? (?:report\\w*|denunci\\w*|demand\\w*|quej\\w*|abogad\\w*|bloque\\w*|policia|cfpb|ftc|fcc)|\\b(?:los|las|lo|la|te) (?:voy a bloquear|bloquee|bloqueo|bloqueare|bloquie)|(?<=^|[.,?] )bloquead[oa]s?(?= [.,?]|$)`,
      'g',
    ),
    scope: 'words',
  },
];

/** A token as english.ts makes it: the normalised word and the sentence it is in. */
interface Word {
  word: string;
  sentence: number;
}
type SpanishCheck = (ts: readonly Word[], first: number, last: number) => string | null;

const BREAK = /^[.,?]$/;
/** The words of the clause just before a match, at most n. */
function before(ts: readonly Word[], first: number, n: number): string[] {
  const out: string[] = [];
  for (let i = first - 1; i >= 0 && out.length < n; i--) {
    if (BREAK.test(ts[i]!.word)) break;
    out.unshift(ts[i]!.word);
  }
  return out;
}
/** The words of the clause after a match, at most n, joined. */
function after(ts: readonly Word[], last: number, n = 10): string {
  const out: string[] = [];
  for (let i = last + 1; i < ts.length && out.length < n && !BREAK.test(ts[i]!.word); i++) out.push(ts[i]!.word);
  return out.join(' ');
}
const sentenceOf = (ts: readonly Word[], i: number) =>
  ts.filter((t) => t.sentence === ts[i]!.sentence).map((t) => t.word);

const ES_NEGATOR = /^(?:no|nunca|jamas|tampoco|ni)$/;
/** "no se preocupen, …", "no hay problema": reassurance, not a negation of what follows. */
const REASSURE = /^(?:se|te|hay|pasa|problem|problema|preocupe|preocupen|preocupes)$/;
const FAMILY =
  /^(?:(?:a|al|le|les) )?(?:mi|mis) (?:mama|madre|papa|padre|esposa|esposo|marido|mujer|hijo|hija|hijos|hijas|hermano|hermana|hermanos|familia|familiares|jefe|jefa|patron|patrona|abuela|abuelo|tia|tio|suegra|suegro|vecinos?|vecina|referencias?|amigos?|amiga|companeros?|novia|novio|primo|prima|cunado|cunada)\b/;

export const SPANISH_CHECKS: Record<string, SpanishCheck> = {
  // "no dejen de mandarme los recordatorios", "no puedo pagar": a negator just before, unless "si" turns it round
  // ("si no dejan de llamar…") or it only reassures ("no se preocupen que voy a pagar").
  'es-negation': (ts, first) => {
    const words = before(ts, first, 3);
    for (let k = 0; k < words.length; k++)
      if (ES_NEGATOR.test(words[k]!) && !REASSURE.test(words[k + 1] ?? '') && !words.slice(0, k).includes('si'))
        return `negation: ${words.slice(k).join(' ')}`;
    return null;
  },
  // "dejen de llamar a mi mamá": a request about someone else.
  'es-third-party': (ts, _first, last) => {
    const m = FAMILY.exec(after(ts, last));
    return m ? `about a third party: ${m[0]}` : null;
  },
  // "no me llamen antes de las 9", "no me llamen tan temprano": a time, not a revocation.
  'es-time-limit': (ts, _first, last) => {
    const m =
      /^(?:(?:a|al) (?:este numero|mi \w+|trabajo) )?(?:antes de|despues de|hasta (?:las|el|que)|durante|tan temprano|tan tarde|en la (?:manana|noche|madrugada|tarde)|por la (?:manana|noche|tarde)|de noche|de madrugada|en horas? de (?:trabajo|oficina)|los (?:domingos|sabados|fines de semana)|el fin de semana|a (?:estas|esta) horas?|a las \d+|mientras|entre semana)\b/.exec(
        after(ts, last),
      );
    return m ? `a time, not a revocation: ${m[0]}` : null;
  },
  // "no me manden más cartas": paper mail, no channel of ours.
  'es-letters': (ts, _first, last) => {
    const a = after(ts, last);
    return /^(?:mas )?(?:(?:las|los|sus|esas|esos|estas|estos|tantas) )?(?:cartas?|correspondencia (?:fisica|postal)|correo postal|papeles)\b/.test(
      a,
    ) && !/\b(?:mensajes?|textos?|llamadas?|correos? electronicos?|e ?mails?|sms)\b/.test(a)
      ? `paper mail: ${a}`
      : null;
  },
  // "no me manden el link de pago", "no me llame la atención": a thing not to send, not the contact.
  'es-not-ours': (ts, _first, last) => {
    const m =
      /^(?:el|la|los|las|un|una) (?:link|enlace|liga|factura|estado de cuenta|recibo|codigo|pin|contrato|tarjeta|atencion|cobro|cargo)\b/.exec(
        after(ts, last),
      );
    return m ? `another thing: ${m[0]}` : null;
  },
  // "cancelar la tarjeta", "dar de baja el pago automático": another thing than the reminders.
  'es-other-object': (ts, _first, last) => {
    const m =
      /^(?:de )?(?:el|la|los|las|mi|mis|su|sus|este|esta)? ?(?:tarjeta|cuenta|plan|pago|pagos|prestamo|seguro|servicio|autopago|domiciliacion|cargo|cargos|membresia|intereses|interes|credito|contrato|tarifa)\b/.exec(
        after(ts, last),
      );
    return m ? `another thing: ${m[0]}` : null;
  },
  // "Responda BAJA para no recibir mensajes" quoted back.
  'es-quoted': (ts, first) => {
    const b = before(ts, first, 3);
    const q = b.find((w) =>
      /^(?:responda|responde|responder|conteste|contesta|contestar|envie|envia|enviar|escriba|escribe|escribir|textee|textea)$/.test(
        w,
      ),
    );
    return q ? `quoted: ${q}` : null;
  },
  // "¿si pago hoy dejan de llamarme?": asking what a payment brings, not asking for the calls to stop.
  'es-asks': (ts, first) => {
    const s = sentenceOf(ts, first);
    return s.includes('si') && s[s.length - 1] === '?' ? `asks what follows: ${s.join(' ')}` : null;
  },
  // "espero pagar el viernes", "si puedo, pago el lunes": a wish or a condition, not a promise.
  'es-wish': (ts, first) => {
    const w = before(ts, first, 4).find((x) =>
      /^(?:espero|esperemos|ojala|tratare|intentare|quisiera|quizas|quiza|talvez|tal|probablemente|si|cuando|a ver)$/.test(
        x,
      ),
    );
    return w ? `wish: ${w}` : null;
  },
  // "si pierdo mi trabajo": a hypothesis.
  'es-hypothetical': (ts, first) => (before(ts, first, 3).includes('si') ? 'hypothetical: si' : null),
  // "¿que pague cuándo?", "para que pague": the subjunctive, folded like the past (pagué) once the accent is gone.
  'es-subjunctive': (ts, first) => {
    const b = before(ts, first, 2);
    return /^(?:que|si|cuando|hasta|para)$/.test(b[b.length - 1] ?? '') ? `subjunctive: ${b.join(' ')}` : null;
  },
};
