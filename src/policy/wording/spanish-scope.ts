/**
 * When a Spanish match is not a threat, read in its sentence as the English scope does: a promise
 * not to do the act ("no vamos a llamar a su trabajo", "nunca le amenazaremos con arresto"), a
 * warning against impostors ("tenga cuidado con quien le amenace con arresto en nuestro nombre"),
 * or a place or a job ("Calle del Tribunal", "frente a la policía", "policías y bomberos pueden
 * solicitar el descuento"). A negation does not count when it is conditional or turned round
 * ("no dudaremos en demandarle", "si no paga…", "no le demandaremos si paga hoy", "no nos obligue").
 * Third round: a denial ("no es cierto que…", "la fiscalía no cobra deudas"), impostors who pretend
 * or are "supuestos" or "fantasma", and a place word that is part of a proper name ("Gerardo
 * Cárcel", "Migra-Express", "la Plaza de la Corte") or a body that decided for the borrower.
 * Fourth round: an impostor warning read to its full stop, past a semicolon ("…; denúncielo", "…; quien lo haga es un
 * estafador"), a warning put as a supposition and an advice, someone acting "en nombre nuestro", what the law forbids;
 * a body that "no tiene relación con esta empresa", an "embargo ya pagado" released. Fifth round: fake or pirate
 * collectors and threats said to be illegal, a practice disowned as a kind, an act only a judge can order, nicknames.
 */
import { lookBack, promiseAt, sentenceOf, sentenceWords, suppressionIn } from './english-scope.js';
import type { Hit, Suppression } from './types.js';

interface Token {
  word: string;
  start: number;
  end: number;
}

const NEGATORS = /^(?:no|nunca|jamas|ni|tampoco|nadie|ningun|ninguna|ninguno|nada|sin)$/;
/** Words between a negator and the act that turn the negation into a threat ("no dudaremos en", "no tendremos más remedio que"). */
const BLOCKERS =
  /^(?:dud\w*|vacil\w*|esper\w*|tard\w*|quer\w*|quier\w*|quisier\w*|deten\w*|evitar|impedir|remedio|opcion|alternativa|salida|import\w*|olvid\w*|deje|dejen|deja|dejes|pierd\w*|obligu\w*|forc\w*|fuerc\w*|forz\w*)$/;
/** Words that end the clause a negation governs. */
const CLAUSE_ENDS =
  /^(?:pero|sino|si|cuando|porque|pues|entonces|asi|aunque|mientras|hasta|antes|despues|luego|o|u|de lo contrario|ademas|ya)$/;
/** "… y vamos a", "y procederemos": a new clause with its own verb. */
const NEW_VERB = /^(?:vamos|van|voy|va|\w+remos|\w+aran|\w+eran|\w+iran|tendremos|haremos|podemos)$/;
/** After the act, a condition makes the promise a threat ("no le demandaremos si paga hoy"). */
const CONDITIONS =
  /(?<!\baun |\bincluso |\bni )\bsi\b|\ba menos que\b|\bsalvo que\b|\bexcepto (?:que|si)\b|\bhasta que\b|\bmientras (?:no|siga)\b|\bsiempre (?:que|y cuando)\b|\bcon tal de que\b|\bsolo si\b|\ben caso de que\b/;
/** A negated verb of threatening covers every act the sentence lists ("nunca le amenazaremos con arresto, demanda ni visitas"). */
const META =
  /\b(?:(?:no|nunca|jamas) (?:usamos|utilizamos|decimos|enviamos) (?:frases|palabras|expresiones|mensajes|amenazas)|(?:no|nunca|jamas|ni)\b(?: \w+){0,2} (?:amenaz\w*|amenazas|mencion\w*|usar\w* amenazas|intimid\w*|presion\w* con)|(?:nadie|ningun|ninguna|ninguno)\b(?: \w+){0,6}? (?:amenaz\w*|amenazas|mencion\w*|usar\w* amenazas|intimid\w*|presion\w* con|dira|diran|dice|dicen|pedira|pediran|exigira|exigiran))\b/;
/**
 * Fifth round: a practice disowned as a kind ("no hacemos ese tipo de cobranza de andar avergonzando a la gente"), or an
 * act only a judge can order ("eso solo lo puede ordenar un juez").
 */
const DISOWNED =
  /\b(?:(?:no|nunca|jamas) (?:hacemos|practicamos|usamos|manejamos) (?:ese|este|esos|estos|esa|esta) (?:tipo|tipos|clase) de|solo (?:lo )?(?:puede|pueden|podria) (?:ordenar|decidir|autorizar) (?:un|una|el|la) (?:juez|jueza|corte|tribunal))\b/;
/** A denial of what follows ("no es cierto que pueda ir a la cárcel"), unless a negation turns it round again. */
const DENIAL = /\b(?:no es (?:cierto|verdad)|es (?:falso|mentira)) que\b(?! (?:\w+ ){0,3}?(?:no|nunca|jamas)\b)/;

const IMPOSTOR_SUBJECT =
  /\b(?:alguien|alguna persona|una persona|personas|gente|quien|quienes|cualquier persona|cualquiera|estafador(?:es)?|impostor(?:es)?|delincuentes|llamadas?|mensajes?|correos?|textos?|cartas?)(?: que)?(?: (?:en|a) nombre (?:nuestro|de nuestra empresa|de la empresa))? (?:le |lo |la |les |te )?(?:amenac\w*|amenaz\w*|afirm\w*|dig\w*|dic\w*|se hac\w* pasar|finj\w*|exij\w*|ped\w*|pid\w*|asegur\w*)\b/;
const IMPOSTOR_WARNING =
  /\b(?:estafas?|estafadores|impostor\w*|suplant\w*|hac\w* pasar|haciendose pasar|cuidado con|tenga cuidado|tengan cuidado|este atento|esten atentos|desconfie\w*|cuelgue|no somos nosotros|no es nuestro|no es de nosotros|no proviene de nosotros|no viene de nosotros|no fue enviado por nosotros|no lo enviamos|no es un mensaje nuestro|reportelo|denuncielo|denuncie|(?:puede|pueden|debe|favor de|no dude en|le pedimos) (?:reportarlo|denunciarlo)|reportefraude|fing\w*|supuest[oa]s?|(?:llaman|llama|llamen|escriben|escriban|contactan|contacten) (?:diciendo|afirmando|fingiendo|amenazando)|fantasmas?|(?:en|usando|con) nuestro nombre|(?:fueron|fue|han sido|ha sido|sido) amenazad\w*|fals[oa]s? (?:cobrador|abogado|agente|gestor|representante)\w*|ningun (?:representante|empleado|agente|cobrador|gestor) (?:verdadero|real|legitimo|autentico)|amenazas de|mensajes? falsos?|llamadas? falsas?|es una estafa|(?:del|al|el|los) estafador|quien lo haga es un estafador|(?:los|de|contra|con los) fraudes|ojo con (?:los |las )?(?:fraudes|estafas|estafadores|impostores|llamadas|mensajes)|(?:la ley|las leyes|la ley federal) prohib\w*|alerta de fraude|intento de fraude|fraude telefonico|no se deje engan\w*)\b/;

/**
 * Fifth round: impostors named as fake or pirate collectors, abusers or gangs that threaten, and a warning that
 * threatening with the act is illegal or forbidden by law ("amenazar con mandar a la migra es ilegal"; "…; la ley lo
 * prohíbe"); "y menos amenazándolo con…" after a promise.
 */
const IMPOSTOR_NAMED =
  /\b(?:cobradores (?:falsos|piratas|fraudulentos)|abusadores|bandas que amenazan|y menos amenaz\w*|amenaz\w* con (?:\w+ ){0,6}?(?:es ilegal|esta prohibido)|la ley lo prohibe|lo prohibe la ley)\b/;

/**
 * Fourth round: an impostor warning put as a condition and an advice ("si le dicen «sabemos dónde vive», corte la
 * comunicación"; "si recibe una carta con un sello de «orden judicial»…, llámenos"): the sentence supposes someone
 * telling, showing or threatening the reader ("si le dicen", "si lo amenazan") and tells the reader what to do about it
 * or what it is worth ("cuelgue", "verifíquelo", "es falso"). Either half alone is not enough.
 */
const REPORTED =
  /\bsi (?:alguien |usted |una persona )?(?:(?:le|lo|la|te|les) )?(?:dicen|dice|escriben|escribe|llaman|llama|amenaz\w*|muestra\w*|mandan|envian|exigen|recibe|oye|escucha)\b/;
const ADVICE =
  /\b(?:corte|cuelgue|llamenos|verifique\w*|pida|anote|denuncie\w*|reporte\w*|no (?:es|somos|son) (?:un |una |nosotros)|no pague|ignore\w*|es (?:falso|falsa|invento|un engano|mentira)|presente una queja|tome nota|llame al 911)\b/;

/** The sentence to its full stop: an impostor warning often gives its verdict after a semicolon ("…; denúncielo"). */
function periodSentence(h: Hit<Token>, text: string): string {
  const at = h.tokens[h.first]!.start;
  let start = 0;
  for (const m of text.slice(0, at).matchAll(/[.!?]+(?=\s|$)|\n/g)) start = m.index + m[0].length;
  const rest = /[.!?](?=\s|$)|\n/.exec(text.slice(at));
  const end = rest ? at + rest.index + 1 : text.length;
  return h.tokens
    .filter((t) => t.start >= start && t.start < end)
    .map((t) => t.word)
    .join(' ');
}

function reportedWarning(h: Hit<Token>, text: string): Suppression | null {
  const whole = periodSentence(h, text);
  for (const re of [IMPOSTOR_SUBJECT, IMPOSTOR_WARNING, IMPOSTOR_NAMED]) {
    const m = re.exec(whole);
    if (m) return { why: 'impostor-warning', detail: m[0] };
  }
  const reported = REPORTED.exec(whole);
  const advice = reported && ADVICE.exec(whole);
  return advice ? { why: 'impostor-warning', detail: `${reported[0]} … ${advice[0]}` } : null;
}

const PLACE_WORDS =
  /^(?:policias?|patrullas?|carcel|prision|corte|tribunal|juzgado|juez|jueza|embargos|alguacil|fiscal|fiscalia|comisaria|sheriff|embargo|migra|demanda|arresto)$/;
/** Articles a match may start with ("la corte", "el fiscal"): the place word is the one after them. */
const ARTICLES = /^(?:el|la|los|las|un|una|al|a|ante)$/;
/** The sentence says the word is a name ("es el nombre de nuestro equipo", "conocido como"). */
const NAMING =
  /\b(?:es el nombre de|se llama|se llaman|llamad[oa] asi|conocid[oa]s? como|nombre de nuestr\w*|asi (?:le|les|lo|la) (?:dicen|decimos|llaman)|(?:le|les) apodan)\b/;
/** A body named in a ruling or a decision for the borrower: good news, not a threat ("falló a su favor", "aprobó su reembolso"). */
const IN_FAVOUR =
  /\b(?:a su favor|a tu favor|aprobo su|aprobo el|su reembolso|fue ajustad\w*|fue cancelad\w*|esta saldad\w*|quedo saldad\w*|fue saldad\w*|cumple con la ley|no tiene (?:ninguna )?relacion con|(?:liberar|levantar|cancelar) (?:un|el|su) embargo|embargo ya pagado)\b/;
/** Before a place word: a street, a building, or "next to" ("Calle del Juez", "frente a la corte"). */
const PLACE_BEFORE =
  /^(?:calle|avenida|av|avda|plaza|paseo|camino|edificio|parque|barrio|colonia|bulevar|boulevard|blvd|carretera|calzada|pasaje|callejon|frente|junto|cerca|lado|enfrente|detras|esquina|cuadra|cruzando|estacionamiento|museo|parada|estacion|sucursal|escuela|oficina|antigua|antiguo|liga|equipo|torneo|club|asociacion|sindicato|fundacion|banda)$/;
const JOB_CONTEXT =
  /\b(?:descuentos?|pueden solicitar|puede solicitar|solicitar|califica\w*|elegibles?|programa|plan|tarifa|oferta|bomberos|maestros|maestras|enfermer\w*|militares|veteranos|clientes|miembros|incluye\w*|incluid\w*|trabaja como|trabajadores|empleados|oficiales|agentes de|personal)\b/;

function negation(h: Hit<Token>, text: string, sentence: string): Suppression | null {
  const ts = h.tokens;
  if (META.test(sentence)) return { why: 'negation', detail: META.exec(sentence)![0] };
  const disowned = DISOWNED.exec(sentence);
  if (disowned) return { why: 'negation', detail: disowned[0] };
  const [start, end] = sentenceOf(text, ts[h.first]!.start);
  const words = (from: number, to: number) =>
    ts
      .slice(from, to)
      .filter((t) => t.start >= start && t.start < end)
      .map((t) => t.word)
      .join(' ');
  const denied = DENIAL.exec(words(0, h.first));
  if (denied) return { why: 'negation', detail: denied[0] };
  if (BLOCKERS.test(ts[h.first]!.word)) return null;
  // "la fiscalía no cobra deudas por mensaje": the act is the subject of a denial, unless a condition follows.
  const next = ts[h.last + 1];
  if (
    next &&
    /^(?:no|nunca|jamas)$/.test(next.word) &&
    !BLOCKERS.test(ts[h.last + 2]?.word ?? '') &&
    !/[,;:.!?]/.test(text.slice(ts[h.last]!.end, next.start)) &&
    !CONDITIONS.test(words(h.last + 1, ts.length))
  )
    return { why: 'negation', detail: `${h.matched} ${next.word}` };
  return lookBack(h, text, CLAUSE_ENDS, (t, next, i) => {
    if (t.word === 'y' && NEW_VERB.test(next.word)) return null;
    // "dejemos de llamarle": a promise to stop.
    if (/^(?:dejemos|dejaremos|dejar|dejamos)$/.test(t.word) && next.word === 'de')
      return { why: 'negation', detail: `${t.word} de` };
    if (BLOCKERS.test(t.word)) return null;
    // "si no paga", "a menos que no": the negation is the condition, not a promise; "los que no pagan" is
    // the borrower's failure, never a promise.
    if (NEGATORS.test(t.word) && /^(?:pag|cooper|respond|contest|liquid|cumpl|abon)\w*$/.test(next.word)) return null;
    if (NEGATORS.test(t.word)) return promiseAt(h, text, i, /^(?:si|menos|salvo|caso)$/, CONDITIONS);
    return undefined;
  });
}

/** People who work at a place ("los empleados de la corte del condado"), not the place as a threat. */
const STAFF_OF = /^(?:empleados|empleadas|trabajadores|trabajadoras|funcionarios|servidores)$/;
/** Asking the reader to write to or call a department names it ("escriba a nuestro Departamento Legal"). */
const CONTACT_VERB =
  /^(?:escriba|escribanos|llame|llamenos|contacte|contactenos|comuniquese|consulte|pregunte|visite)$/;

/** A word written as part of a proper name: capitalised after a capitalised word that does not start the sentence ("Gerardo Cárcel"), or joined by a hyphen to one ("Migra-Express"). */
function properName(h: Hit<Token>, text: string, at: number): boolean {
  const t = h.tokens[at]!;
  if (!/^\p{Lu}/u.test(text.slice(t.start, t.end))) return false;
  if (
    /^-\p{Lu}/u.test(text.slice(t.end, t.end + 2)) ||
    /\p{Lu}[\p{L}]*-$/u.test(text.slice(Math.max(0, t.start - 20), t.start))
  )
    return true;
  const prev = h.tokens[at - 1];
  if (!prev || text.slice(prev.end, t.start).trim() !== '') return false;
  const [s] = sentenceOf(text, t.start);
  return prev.start > s && /^\p{Lu}\p{Ll}/u.test(text.slice(prev.start, prev.end));
}

function innocent(h: Hit<Token>, sentence: string, text: string): Suppression | null {
  const matched = h.tokens
    .slice(h.first, h.last + 1)
    .map((t) => t.word)
    .join(' ');
  const near = h.tokens.slice(Math.max(0, h.first - 4), h.first).map((t) => t.word);
  if (matched === 'departamento legal' && near.some((w) => CONTACT_VERB.test(w)))
    return { why: 'place-name', detail: `${near.join(' ')} ${matched}` };
  const last = h.tokens[h.last]!.word;
  if (PLACE_WORDS.test(last) && near.slice(-3).some((w) => STAFF_OF.test(w)))
    return { why: 'occupation', detail: `${near.join(' ')} ${matched}` };
  let first = h.first;
  while (first < h.last && ARTICLES.test(h.tokens[first]!.word)) first++;
  if (first !== h.last || !PLACE_WORDS.test(h.tokens[first]!.word)) return null;
  const word = h.tokens[first]!.word;
  if (properName(h, text, first)) return { why: 'place-name', detail: word };
  if (NAMING.test(sentence)) return { why: 'place-name', detail: NAMING.exec(sentence)![0] };
  if (IN_FAVOUR.test(sentence)) return { why: 'place-name', detail: IN_FAVOUR.exec(sentence)![0] };
  const before = h.tokens.slice(Math.max(0, first - 5), first).map((t) => t.word);
  if (before.some((w) => PLACE_BEFORE.test(w))) return { why: 'place-name', detail: `${before.join(' ')} ${word}` };
  if (/^policias?$/.test(word) && JOB_CONTEXT.test(sentence)) return { why: 'occupation', detail: word };
  return null;
}

const SPANISH_WORDS =
  /^(?:el|la|los|las|de|del|que|su|sus|usted|ustedes|por|para|con|una|es|se|le|lo|al|y|en|nuestro|nuestra|nosotros|no|si|pero|este|esta|ya|muy|mas|cuenta|pago|deuda)$/;
const ENGLISH_WORDS =
  /^(?:the|you|your|we|will|to|of|and|is|are|for|with|our|this|that|it|be|not|if|on|at|have|has|can|by|from|us|account|payment|debt)$/;

/**
 * Whether the sentence a match is in reads as Spanish (more Spanish function words than English
 * ones; a tie goes to the rule's own language): an English rule that fires on "deportar" in a
 * Spanish impostor warning is read with the Spanish scope, and the other way round.
 */
export function readsSpanish(h: Hit<Token>, text: string, ruleIsSpanish: boolean): boolean {
  const count = (words: string): number => {
    let n = 0;
    for (const w of words.split(' ')) n += Number(SPANISH_WORDS.test(w)) - Number(ENGLISH_WORDS.test(w));
    return n;
  };
  // A clause with no function word ("Ningún cobrador puede hacerlo deportar; …") is read with the rest of its sentence.
  const lean = count(sentenceWords(h, text)) || count(periodSentence(h, text));
  return lean === 0 ? ruleIsSpanish : lean > 0;
}

/** Why this Spanish match is not a finding, or null when it is one. */
export function spanishSuppression(h: Hit<Token>, text: string): Suppression | null {
  return (
    suppressionIn(
      h,
      text,
      [IMPOSTOR_SUBJECT, IMPOSTOR_WARNING, IMPOSTOR_NAMED],
      (hit, sentence) => innocent(hit, sentence, text),
      negation,
    ) ?? reportedWarning(h, text)
  );
}
