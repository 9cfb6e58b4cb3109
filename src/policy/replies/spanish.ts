/**
 * Spanish as a language of its own: which replies are read as Spanish, and what that changes. A reply is Spanish
 * when its locale is `es-*` (the borrower's language, the one the reminder was written in) or when more of its words
 * are Spanish than English ("ya pagué, no me manden nada" is Spanish; "I paid, gracias" is not). Both rule sets read
 * every reply, since borrowers mix the two; a Spanish reply is read besides with Spanish spelling slips ("yamen",
 * "kiero", "devo"), a day or a period alone is a promise ("el viernes", "la próxima quincena"), and the learned layer,
 * trained on English and Chinese, is left out: it reads Spanish as noise.
 */

/** Spelling slips of US Spanish as written on a phone, read as the word: none of them is an English word. */
export const ES_TYPOS: ReadonlyMap<string, string> = new Map([
  ['yamen', 'llamen'],
  ['yame', 'llame'],
  ['yames', 'llames'],
  ['yamar', 'llamar'],
  ['yamarme', 'llamarme'],
  ['yamada', 'llamada'],
  ['yamadas', 'llamadas'],
  ['yamando', 'llamando'],
  ['yamenme', 'llamenme'],
  ['mandn', 'manden'],
  ['mandem', 'manden'],
  ['kiero', 'quiero'],
  ['qiero', 'quiero'],
  ['kien', 'quien'],
  ['xq', 'por que'],
  ['pq', 'por que'],
  ['kuanto', 'cuanto'],
  ['quanto', 'cuanto'],
  ['devo', 'debo'],
  ['biernes', 'viernes'],
  ['pge', 'pague'],
  ['mnn', 'manana'],
  ['numro', 'numero'],
  ['nmero', 'numero'],
  ['msj', 'mensaje'],
  ['tmb', 'tambien'],
  ['porfas', 'por favor'],
  // Round 2 (es.tune2): k for qu, s for c, a dropped h, the Caribbean -ao for -ado.
  ['sakenme', 'saquenme'],
  ['kitenme', 'quitenme'],
  ['nmro', 'numero'],
  ['ise', 'hice'],
  ['hise', 'hice'],
  ['verifiken', 'verifiquen'],
  ['equivocao', 'equivocado'],
  ['pagao', 'pagado'],
  ['liquidao', 'liquidado'],
  ['cansao', 'cansado'],
  ['ntp', 'no te preocupes'],
  // Round 3 (es.tune3): b for v, s for c, y for ll, a clipped "ahorita".
  ['equibocado', 'equivocado'],
  ['nesesito', 'necesito'],
  ['yego', 'llego'],
  ['savado', 'sabado'],
  ['orita', 'ahorita'],
]);

/** Slips that are English words too ("page", "saver", "k"), read as Spanish only in a Spanish reply. */
export const ES_TYPOS_IF_SPANISH: ReadonlyMap<string, string> = new Map([
  ['page', 'pague'],
  ['saver', 'saber'],
  ['ke', 'que'],
  ['k', 'que'],
  ['q', 'que'],
  ['plis', 'please'],
  // One-letter and clipped words of a phone: "no m escriban", "t pago", "sakenme d su lista", "pa pagar", "ya ta".
  ['m', 'me'],
  ['t', 'te'],
  ['d', 'de'],
  ['pa', 'para'],
  ['ta', 'esta'],
  ['ps', 'pues'],
  ['boy', 'voy'],
]);

/** "yaaa pagueee", "nooo": a letter held, read once (in a Spanish reply: "bajaaa" is "baja"). */
export function unheld(word: string): string {
  return /([a-z])\1\1/.test(word) ? word.replace(/([a-z])\1{2,}/g, '$1') : word;
}

/** Words that are Spanish and not English, and words that are English and not Spanish ("me", "no", "a" are both). */
const ES_WORDS =
  /^(?:el|la|los|las|de|del|que|y|por|favor|mi|mis|ya|es|un|una|con|para|pero|lo|le|les|se|su|sus|esta|este|esto|eso|esa|ese|estoy|yo|usted|ustedes|mas|muy|hoy|manana|gracias|hola|buenas|buenos|dias|si|pago|pague|debo|numero|mensajes|llamen|ahorita|porque|cuanto|quien|donde|cuando|tengo|puedo|quiero|voy|dejen|manden|nada|todo|aqui|tambien|ahora|soy|mucho|bien|cuenta|deuda|llamar|llamadas|trabajo|dinero|viernes|lunes|martes|jueves|sabado|domingo|miercoles|semana|quincena|ni|tu|te|nos|como|alto|baja|basta|equivocado|pagar)$/;
const EN_WORDS =
  /^(?:the|i|to|you|u|my|is|it|and|of|please|pls|an|in|on|for|this|that|will|i'll|ill|im|i'm|don't|dont|can|can't|cant|not|your|we|are|was|have|has|what|who|why|how|when|paid|pay|stop|call|calls|text|texts|texting|calling|email|number|wrong|friday|monday|tomorrow|thanks|thank|just|already|be|do|did|get|got|with|at|they|he|she|from|by|any|more|anymore|again|if|or|so|but|owe|debt|account)$/;

/** Whether a reply is read as Spanish: an `es-*` locale, or more Spanish words than English ones. */
export function isSpanish(words: readonly string[], locale?: string): boolean {
  if (locale && /^es(?:[-_]|$)/i.test(locale)) return true;
  let es = 0;
  let en = 0;
  for (const w of words) {
    if (ES_WORDS.test(w) || ES_TYPOS.has(w)) es++;
    else if (EN_WORDS.test(w)) en++;
  }
  return es > en;
}

/** The words a reply that only names a day or a period may have beside it: "el viernes sin falta", "ok, mañana". */
export const ES_BESIDE_A_DAY =
  /^(?:el|la|para|antes|del|de|en|a|sin|falta|proximo|si|ok|okay|bueno|va|sale|claro|seguro|lo|prometo|le|les|te|pago|todo|completo|y|pues|entonces|mismo|ya|por|favor|\.|,)$/;
