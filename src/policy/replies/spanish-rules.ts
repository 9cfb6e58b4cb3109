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
  // Mexican: "no me hablen" is a call, "dejen de chingar" every kind of contact.
  'hablar',
  'chingar',
];
const VINF = `(?:${VERBS.join('|')})(?:me|nos)?`;
const VGER = `(?:${VERBS.map((v) => v.replace(/ar$/, 'ando').replace(/ir$/, 'iendo').replace(/er$/, 'iendo')).join('|')})(?:me|nos)?`;
/** "no me llamen", "no me escribas": plural and tú forms; the usted forms that are also a past tense (llamé) only after "me". */
const VSUBJ =
  '(?:hablen|hables|chinguen|llamen|llames|marquen|marques|escriban|escribas|texteen|textees|textien|mensajeen|contacten|contactes|molesten|molestes|acosen|acoses|busquen|busques|hostiguen|frieguen|jodan|spameen|textean)';
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
const PREFIX = `(?:(?:${PLEASE}|ya|ok|okay|oye|oiga|oigan|hola|bueno|buenas|senores|senor|senorita|please|pues|y|solo|mejor|quiero|me quiero|deseo|favor de|equivocad[oa]|numero equivocado) )*`;
const FILL = `(?: (?:${PLEASE}|ya|gracias|ahora|ahorita|ahora mismo|inmediatamente|de inmediato|de una vez|ok|stop|alto+|baja+|cancelar|thanks|todo|todos|senores|senor|urgente|ya mismo|se los pido|les pido|se lo pido|de esto|a esto|ya no mas|de todo))*`;
/** A verb that says stop: "dejen de", "paren de", "ya deja de". */
const STOPV =
  '(?:deja|dejen|deje|dejar|dejes|dejan|dejenme|dejame|dejeme|para|paren|pare|parar|paran|detengan|terminen|acaben)(?: ya)?';
const NOT = '(?:no|ni|nunca|jamas|ya no|nunca mas)';
/** "Paren ya o pongo queja", "alto o los reporto": a keyword and what follows if it is not heeded. */
const OR_ELSE =
  '(?= o (?:pongo|pondre|meto|levanto|los|las|les|le|voy|llamo|hablo|reporto|denuncio|me quejo|demando)\\b)';

export const SPANISH_REPLY_RULES: readonly ReplyRule[] = [
  // revoke
  {
    // The first Spanish rule: "no más mensajes", "pare de mandarme textos", "no me contacten", "déjenme en paz".
    rule: 'revoke-spanish',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:no mas ${DET}?(?:${CH}|contacto)|(?:pare|paren|para|deje|dejen|deja) de (?:mandar|enviar|llamar|escribir|textear|contactar|molestar)\\w*(?: (?:mensajes|textos|correos))?|no me (?:contacten|contactes|llamen|llames|escriban|manden|envien|molesten|textean)|no (?:llamen|llames|manden|envien|escriban|molesten|contacten|textean) (?:mas|nunca)|dejenme en paz|dejame en paz)\\b`,
      'g',
    ),
    scope: 'words',
    checks: [
      'es-negation',
      'es-third-party',
      'es-time-limit',
      'es-letters',
      'es-not-ours',
      'es-asks',
      'es-for-a-while',
    ],
  },
  {
    // A clause that is only the keyword: "ALTO", "PARAR", "cancelar", "baja", "darme de baja", "basta ya", "no más".
    rule: 'es-revoke-keyword',
    intent: 'revoke',
    pattern: new RegExp(
      `${CLAUSE_START}${PREFIX}(?:alto+|baja+|estop|parar|pare|paren|para ya|detener|detengan(?: ya)?|detenganse|detengase|cancelar|cancela|cancelen|cancelo|(?:dar|darme|dame|deme|denme|den|me doy|doy|darse) de baja|de baja|baja|no mas|no mas por favor|cancelar (?:la |mi )?(?:suscripcion|subscripcion)|eliminar|eliminarme|borrarme|remover|removerme|desuscribir(?:me)?|desuscribanme|no molestar|no llamar|no llamadas|no mensajes|no textos)${FILL}(?:${CLAUSE_END}|${OR_ELSE})`,
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
      `\\b${STOPV} de? (?:estar )?(?:${VINF}|${VGER}|texting|txting|calling|emailing|messaging)\\b|\\b(?:parenle|parale|parele|bajenle|bajale|paren|pare|para) (?:ya )?(?:a|con) ${DET}{0,2}${CH}\\b|\\b(?:alto|basta|ya basta|basta ya|se acabaron|no mas) (?:a|con|de) ${DET}{0,2}(?:${CH}|${VINF})\\b|\\b${NOT} (?:me |nos )?(?:sigan|sigas|siga|continuen|esten|estes|este|anden|andes|ande) (?:${VGER})\\b`,
      'g',
    ),
    scope: 'words',
    checks: ['es-negation', 'es-third-party', 'es-time-limit', 'es-letters', 'es-asks'],
  },
  {
    // "no me llamen", "no me manden más mensajes", "no me vuelvan a contactar", "favor de no llamar", "ya no me escriban".
    rule: 'es-revoke-dont',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b${NOT} (?:me |nos |le |les )?${VSUBJ}\\b|\\b${NOT} (?:me|nos) ${VSUBJ_ME}\\b|\\b${NOT} (?:(?:me|nos) (?:${SEND}|${SEND_ME})|${SEND})(?= (?:mas|nunca|nada|ningun|ninguna|ningunos|esos|esas|estos|estas|sus|tus|tantos|tantas|${CH})\\b| [.,?]|$)|\\b${NOT} (?:me |nos )?(?:vuelvan|vuelvas|vuelva) a ${VINF}\\b|\\b(?:favor de|por favor|porfa|les pido|le pido|les ruego|le ruego|se les pide|se les ruega) no ${VINF}\\b|${CLAUSE_START}(?:${PLEASE} )?no ${VINF}(?: (?:ni|y|o) ${VINF})*(?= (?:mas|nunca|a este (?:numero|telefono|celular|correo))\\b| [.,?]|$)`,
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
      `\\bno (?:quiero|queremos|deseo|deseamos|necesito|me interesa|me interesan) (?:(?:recibir|tener|seguir recibiendo|ver) )?${DET}{0,3}${CH}\\b|\\bno (?:quiero|queremos|deseo|deseamos|me interesa|nos interesa) (?:recibir|seguir recibiendo) (?:nada|ningun|ninguna|mas|esto|eso|estos|estas|esos|esas)\\b|\\bno (?:quiero|queremos|deseo|deseamos) (?:ser|seguir siendo) (?:contactad[oa]s?|llamad[oa]s?|molestad[oa]s?|buscad[oa]s?|acosad[oa]s?)\\b|\\bno (?:quiero|queremos|deseo|deseamos) que (?:me |nos )?(?:lleguen|llegue|sigan llegando) (?:mas )?(?:${DET}{0,2}${CH}|(?= [.,?]|$))|\\bno (?:quiero|queremos|deseo|deseamos) que (?:me |nos )?(?:sigan |vuelvan a |esten )?(?:${VSUBJ}|${VSUBJ_ME}|${SEND}|${SEND_ME}|${VINF}|${VGER})\\b`,
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
      /\b(?:(?:dejenme|dejame|dejeme|dejanme|dejenos|dejennos) (?:en paz|tranquil[oa]s?)|(?:olvidense|olvidate|olvidese) de mi(?! (?:numero|telefono|celular|cel|correo|email))|olvidenme|no (?:quiero|queremos) saber nada (?:mas )?de (?:ustedes|usted|ti|su (?:compania|empresa|agencia|oficina)|esta (?:compania|empresa|agencia))|larguense|vayanse (?:al (?:diablo|carajo)|a la (?:mierda|chingada|verga)))\b/g,
    scope: 'all',
    checks: ['es-for-a-while'],
  },
  {
    // "borren mi número", "quítenme de su lista", "darme de baja de los mensajes": the line named, or the one the reply came on.
    rule: 'es-revoke-remove',
    intent: 'revoke',
    pattern:
      /\b(?:(?:borren|borrar|borra|borre|eliminen|eliminar|elimina|elimine|quiten|quitar|quite|saquen|sacar|saque|retiren|retirar|retire|pierdan|olvidense de|olvidate de|olvidese de) (?:mi|este|el|mis|los|de su lista mi) (?:numero|telefono|celular|cel|correo|email|e mail|contacto|datos|informacion|direccion(?: de (?:correo|email|e mail))?)|(?:borrenme|eliminenme|quitenme|saquenme|sacarme|quitarme|borrarme|eliminarme|sacame|quitame|borrame|borreme|quiteme|saqueme) de (?:su|sus|la|las|esta|estas|todas (?:sus|las)) (?:\w+ )?listas?|(?:dar|darme|dame|deme|denme|den|doy|darse) de baja|(?:me|nos) (?:saquen|quiten|borren|eliminen|retiren) de (?:su|sus|la|las|esta|estas|todas (?:sus|las)) (?:\w+ )?listas?)\b/g,
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
    // "hablen con mi abogado", "estoy representado por un abogado": no contact with the borrower at all (the match
    // leaves out the verb, which would name a channel: "llamen a mi abogado" is not calls only).
    rule: 'es-revoke-attorney',
    intent: 'revoke',
    pattern:
      /\b(?:(?<=\b(?:hablen|comuniquense|contacten|llamen|dirijanse|traten) (?:con|a) )mi (?:abogado|abogada)|(?:estoy|me encuentro) representad[oa] por (?:un |una |mi )?(?:abogad[oa]))\b/g,
    scope: 'all',
    checks: ['es-negation'],
  },
  {
    // "si me vuelven a llamar los voy a reportar", "los voy a bloquear", "ya bloqueé este número".
    rule: 'es-revoke-or-else',
    intent: 'revoke',
    pattern: new RegExp(
      `\\bsi (?:me |nos )?(?:vuelven|siguen|vuelve|sigue|continuan) (?:a )?(?:${VINF}|${VGER})(?: ${DET}{0,2}${CH})?(?=(?: [^ .?]+){0,6}? (?:report\\w*|denunci\\w*|demand\\w*|quej\\w*|abogad\\w*|bloque\\w*|policia|cfpb|ftc|fcc))|\\b(?:los|las|lo|la|te) (?:voy a bloquear|bloquee|bloqueo|bloqueare|bloquie)|(?<=^|[.,?] )bloquead[oa]s?(?= [.,?]|$)`,
      'g',
    ),
    scope: 'words',
    own: true,
    checks: ['es-time-limit'],
  },
  // wrong-number
  {
    // "número equivocado", "no conozco a esa persona", "este no es el número de …", "aquí no vive ningún Carlos".
    rule: 'es-wrong-number',
    intent: 'wrong-number',
    pattern:
      /\b(?:(?:numero|telefono|celular|persona|correo) (?:equivocad[oa]|incorrect[oa]|errone[oa])|se equivoc(?:aron|an|a|o) de (?:numero|persona|telefono|correo)|no se quien (?:es|sea) (?:esa persona|ese senor|esa senora|esa|ese|el|ella)|no conozco a (?:esa persona|ese senor|esa senora|esa senorita|nadie (?:con ese nombre|asi|que se llame)|ese (?:muchacho|hombre|chavo|senor)|esa (?:muchacha|mujer|chava)|esa|ese)|(?:aqui )?no vive (?:aqui|ningun[oa]?|nadie)|no hay (?:nadie|ningun[oa]?) (?:con ese nombre|que se llame|aqui)|(?:ese|esa|eso) no soy yo|(?<=^|[.,?] )no soy yo|no soy (?:esa persona|la persona|a quien buscan|quien buscan|el que buscan|la que buscan)|(?:ya )?no es (?:el|su|mi) (?:numero|telefono|celular|correo)|(?:este|el) numero (?:ya )?no es de|cambie de numero|es mi numero ahora|este numero es mio(?: ahora)?|tengo este numero (?:desde|hace))\b/g,
  },
  {
    // "No conozco a María Pérez", "no soy Carlos": a name, written with a capital.
    rule: 'es-wrong-number-name',
    intent: 'wrong-number',
    pattern: /\b(?:no conozco a|(?:yo )?no soy) [a-z]+(?: [a-z]+){0,2}(?= [.,?]|$)/g,
    checks: ['name-inside'],
  },
  // dispute
  {
    // "no es mi deuda", "no reconozco esta deuda", "yo nunca abrí esa cuenta", "la cantidad está mal".
    rule: 'es-dispute',
    intent: 'dispute',
    pattern:
      /\b(?:no es mi (?:deuda|cuenta|prestamo|tarjeta|credito|firma)|(?:esa|esta|la) deuda no es mia|(?:eso|esto|esa|esta|ese|este) no es mi[oa]|no reconozco (?:(?:esta|esa|la|este|ese|el|ninguna|ningun|esos|esas|estos|estas|los|las) )?(?:deuda|cuenta|cargos?|prestamo|cobros?|tarjeta|credito|compania|empresa|saldo|cantidad|monto|esto|eso)|(?:yo )?nunca (?:abri|saque|pedi|firme|solicite|tuve|use|contrate|he tenido|he abierto|he pedido|he sacado|he firmado) (?:(?:esa|esta|una|ninguna|un|ningun|ese|este|el|la) )?(?:cuenta|prestamo|tarjeta|credito|deuda|contrato|servicio|linea)|no (?:les |le )?debo (?:nada|eso|esa cantidad|ese dinero|tanto)|no tengo (?:ninguna )?deuda con (?:ustedes|usted|ellos|esa compania)|(?:la cantidad|el monto|el saldo|el total|el balance|la deuda|la cuenta|el cobro|los cargos|los intereses|la suma|el cargo) (?:que (?:me )?(?:dicen|cobran|piden|aparece|sale|tienen|mandaron|marcan) )?(?:esta|estan|es|son) (?:mal|incorrect[oa]s?|equivocad[oa]s?|muy alt[oa]s?|demasiado alt[oa]s?|inflad[oa]s?)|(?:cantidad|monto|saldo|cobro|cargo) (?:incorrect[oa]|equivocad[oa])|(?:es|eso es|esto es|hay) un error|fraude|robo de identidad|(?:me )?robaron (?:mi|la) identidad|(?:eso |esto )?no es correcto|no estoy de acuerdo con (?:la|el|los|las) (?:cantidad|monto|cobro|saldo|cargos?|deuda|intereses)|(?:ya )?prescribio|prescrita|(?:demuestren|comprueben|prueben|compruebe|demuestre) (?:que|la deuda)|quiero (?:pruebas|una prueba|que me demuestren)|valid(?:ar|en|e) (?:la|esta|esa) deuda|(?:me )?(?:cobraron|cobran|estan cobrando) (?:de mas|doble|dos veces)|cobro doble)\b/g,
    checks: ['es-hypothetical'],
  },
  // paid-already
  {
    // "ya pagué", "ya está pagado", "pagué ayer", "ya hice el pago", "tengo el comprobante".
    rule: 'es-paid-already',
    intent: 'paid-already',
    pattern:
      /\b(?:ya (?:(?:le|les|te|lo|la|se lo|se la|se los|se les|se le) )?(?:pague|pagamos|pagaron|deposite|abone|liquide|salde|cubri|transferi|mande el pago|envie el pago|mande el dinero|envie el dinero|hice el pago|realice el pago|hicimos el pago|se pago|se hizo el pago|quedo (?:pagad[oa]|liquidad[oa])|esta (?:pagad[oa]|liquidad[oa]|saldad[oa]|cubiert[oa]|hecho el pago)|no debo nada)|(?:esta|estaba|quedo|fue|ha sido) (?:pagad[oa]|liquidad[oa]|saldad[oa])|(?:el pago|la cuenta|la deuda|el saldo) (?:ya )?(?:se hizo|se realizo|fue hecho|fue realizado|se pago|se liquido|esta pagad[oa]|quedo (?:pagad[oa]|liquidad[oa]))|(?:(?:lo|la|le|les|se lo) )?(?:pague|deposite|abone|transferi|liquide) (?:ayer|hoy|antier|anteayer|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|la semana pasada|el mes pasado|hace (?:\w+ )?(?:dias|semanas|una semana|un mes)|en (?:linea|el banco|la sucursal|la tienda)|con (?:tarjeta|mi tarjeta|zelle|cheque)|por (?:zelle|internet|la app|la aplicacion|telefono)|todo|completo|la cuenta|el saldo|\$|\d)|(?:pago|pagaron|pagamos) (?:ayer|antier|anteayer|la semana pasada|el mes pasado|hace (?:\w+ )?(?:dias|semanas|una semana|un mes))|(?:tengo|aqui esta|les mando|le mando|le envio|les envio|ahi va) (?:el|mi) (?:recibo|comprobante)|(?:hice|realice|hicimos|mande|envie) (?:el|mi|un) pago)\b/g,
    checks: ['es-negation', 'es-subjunctive'],
  },
  // promise
  {
    // "voy a pagar 50 dólares el lunes", "pago el viernes", "le pago la próxima semana", "mañana le deposito".
    rule: 'es-promise',
    intent: 'promise',
    pattern:
      /\b(?:voy a|vamos a|te voy a|le voy a|les voy a|podre|pienso|planeo|hare|me comprometo a|prometo|puedo|podria) (?:(?:le|les|te) )?(?:pagar(?:le|les|te)?|abonar(?:le|les)?|depositar(?:le|les)?|liquidar|saldar|cubrir|(?:mandar|enviar)(?:le|les)? (?:el pago|el dinero|\$ ?\d+|\d+)|(?:hacer|realizar|efectuar) (?:el|un|mi|otro) pago|dar(?:le|les)? (?:\$ ?\d+|\d+)|ponerme al (?:corriente|dia))\b|(?:(?<=^|[.,?] )|\b(?:le|te|les|se lo|se los|lo|la|los|las|yo|y|pero|entonces|ahorita|ahora|manana|hoy|paguen|depositen|caiga|llegue|lunes|martes|miercoles|jueves|viernes|sabado|domingo|semana|quincena|mes|eso|tarde|noche|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|que|\d+|primero|quince|treinta|uno|navidad|reyes) )(?:pago|abono|deposito|liquido|cubro|hago (?:el|un) pago|(?:mando|envio) (?:el pago|el dinero|\$ ?\d+|\d+)|(?:les|le|te) (?:mando|envio|deposito|abono|doy|completo)|pagare|pagaremos|abonare|depositare|liquidare)\b(?! (?:de|del|atrasado|automatico|minimo|mensual|pendiente|total|inicial|vencido|fue|ya|es|esta|no|comprobante|recibo|foto|captura|copia)\b)/g,
    checks: ['es-negation', 'es-wish'],
  },
  // hardship
  {
    // "perdí mi trabajo", "estoy enfermo", "no tengo dinero", "me recortaron las horas", "no me alcanza".
    rule: 'es-hardship',
    intent: 'hardship',
    pattern:
      /\b(?:perdi (?:mi|el) (?:trabajo|empleo|chamba)|me quede sin (?:trabajo|empleo|chamba|dinero|nada)|(?:estoy|ando|quede|estamos|andamos) (?:sin trabajo|sin empleo|sin chamba|sin dinero|desemplead[oa]s?|enferm[oa]s?|hospitalizad[oa]s?|incapacitad[oa]s?|en el hospital|internad[oa]|embarazada|(?:muy )?mal de dinero|cort[oa]s? de dinero|apretad[oa]s?|quebrad[oa]s?|en la quiebra)|desemplead[oa]s?|me (?:enferme|operaron|despidieron|corrieron)|(?:me|nos) (?:recortaron|bajaron|redujeron|cortaron|quitaron) (?:las|mis) horas|no tengo (?:trabajo|empleo|chamba|dinero|para pagar|con que pagar|como pagar|lana|feria|ni para comer|ingresos)|sin (?:trabajo|empleo|ingresos)|no (?:me |nos )?alcanza|(?:no|ya no) (?:puedo|podemos) pagar|situacion (?:dificil|economica|complicada)|(?:problemas|dificultades) (?:economic[oa]s|financier[oa]s|de salud|de dinero)|momentos dificiles|tiempos dificiles|cancer|quimio\w*|cirugia|operacion|accidente|(?:fallecio|murio|se murio) (?:mi|el|la)|falleci\w*|funeral|divorcio|me divorcie|me separe|me deportaron|deportad[oa]|incapacidad|discapacidad|desalojo|me desalojaron|me van a desalojar|huracan|inundacion|incendio)\b/g,
    checks: ['es-hypothetical'],
  },
  // question
  {
    // "cuánto debo", "cuánto es el saldo", "de qué es esto", "necesito saber", "tengo una pregunta".
    rule: 'es-question',
    intent: 'question',
    pattern:
      /(?<=^|[.,?] )(?:(?:y|pero|oiga|oye|disculpe|perdon|hola|buenas|buenos dias|buenas tardes) )?(?:(?:cuanto|cuanta|cuantos|cuantas|cual|cuales|como|donde|adonde|a donde|cuando|quien|quienes|a que|de que|con quien|para que) (?:debo|le debo|les debo|es|son|seria|queda|falta|tengo que|puedo|hago|pago|le pago|les pago|se|me|empresa|compania|numero|cuenta|deuda|saldo|balance|dia|fecha|hay|esta|tiempo|habla|llama|escribe|puedo)|(?:que|por que) (?:empresa|compania|es esto|es eso|deuda|cuenta|pasa|hago|necesito|tengo que|debo)|que es esto)\b|\b(?:(?<!\bno )(?:necesito|quiero|quisiera|me gustaria) saber|me (?:puede|pueden|podria|podrian) (?:decir|informar|explicar|dar|mandar|enviar) (?:el|la|cuanto|que|como|cual|si|donde|mi|los|las|una|un)|tengo (?:una |unas )?(?:pregunta|duda)s?|una pregunta|no se (?:cuanto|de que|por que|como|donde|a donde|que (?:debo|hacer|es esto))|de que se trata)\b/g,
    checks: ['es-condition'],
  },
  // callback
  {
    // "llámenme", "¿me pueden llamar mañana?", "quiero hablar con una persona", "mi número es 555…".
    rule: 'es-callback',
    intent: 'callback',
    pattern:
      /\b(?:llamenme|llameme|llamame|marquenme|marcame|marqueme|hablenme|hableme|hablame|(?:me|nos) (?:pueden|puede|podrian|podria|puedes|podrias) (?:llamar|marcar|hablar|regresar la llamada|devolver la llamada)|(?:pueden|puede|podrian|podria|puedes|podrias) (?:llamarme|marcarme|hablarme|regresarme la llamada|devolverme la llamada)|(?:quiero|necesito|quisiera|me gustaria|prefiero|deseo) (?:hablar|platicar|comunicarme) (?:con (?:alguien|una persona|un agente|un representante|un supervisor|el supervisor|un gerente|el gerente|ustedes|usted|un humano)|por telefono)|(?:alguien|un agente|una persona|un representante|un supervisor) (?:que )?me (?:llame|marque|hable|contacte|puede llamar|podria llamar)|(?:mi numero|mi telefono|mi celular|mi cel) es \d|(?:regresen|devuelvan|regresenme|devuelvanme) la llamada)\b/g,
    checks: ['es-negation'],
  },
  // complaint
  {
    // "esto es acoso", "voy a poner una queja", "los voy a reportar", "todos los días me llaman", "son unos groseros".
    rule: 'es-complaint',
    intent: 'complaint',
    pattern:
      /\b(?:acoso|acosando|acosan|acosadores?|hostigamiento|hostigando|hostigan|(?:voy a|vamos a|quiero|me voy a|los voy a|les voy a) (?:poner|presentar|levantar|hacer|meter) (?:una )?(?:queja|denuncia|reclamo|reporte)|queja formal|(?:me voy a|voy a|quiero) quejar(?:me)?|(?:los|las|lo|la) (?:voy a|vamos a) (?:reportar|denunciar|demandar|acusar)|(?:voy a|vamos a) (?:reportar(?:los|las)?|denunciar(?:los|las)?|demandar(?:los|las)?)|reportar(?:los|las)? (?:a|con|ante) (?:(?:la|el) )?(?:cfpb|ftc|fcc|bbb|procuraduria|policia|fiscal|gobierno|estado)|(?:hablar|hablare|voy a hablar) con (?:mi|un) abogado|(?:contratar|conseguir) (?:a )?(?:un|mi) abogado|groser\w*|mal educad[oa]s|maleducad[oa]s|abusiv[oa]s|abuso|falta de respeto|irrespetuos[oa]s|ladrones|rateros|sinverguenzas|estafadores|ilegal|todos los dias|a cada rato|a todas horas|tantas veces|demasiad[oa]s (?:llamadas|veces|mensajes|correos)|\d+ (?:veces|llamadas|mensajes) (?:al dia|por dia|hoy|en un dia|a la semana)|varias veces al dia|de madrugada|tan temprano|a medianoche|hart[oa]s? de|cansad[oa]s? de|que fastidio|fastidiando|es en serio|estan locos|que les pasa|cuantas veces (?:les )?(?:tengo|he) que decir|ya les dije|no tienen derecho|(?:llamaron|llaman|marcaron|hablaron|le dijeron) a mi (?:trabajo|mama|madre|familia|jefe|esposa|esposo|papa|hermana|hermano)|amenaz\w*|pesim[oa]s? (?:servicio|atencion)|mal servicio|tantas llamadas|tantos mensajes|tantos correos|me (?:llaman|escriben|mandan|marcan) tanto|me estan molestando|me molestan (?:mucho|todos los dias|a cada rato|demasiado)|(?:no me hablen|me hablan|me hablo|me hablaron|me trataron|me tratan) (?:asi|de esa manera|en ese tono|muy feo|feo|mal))\b/g,
  },
  // Rules added with the Spanish tuning part (test/fixtures/replies/es.tune.jsonl), each a family of wordings.
  {
    // "Basta!!!", "ya basta", "basta ya": an exclamation; the reply's channel unless another revocation names some.
    rule: 'es-revoke-enough',
    intent: 'revoke',
    pattern: new RegExp(`${CLAUSE_START}${PREFIX}(?:basta+|basta ya|ya basta|ya estuvo)${FILL}${CLAUSE_END}`, 'g'),
    scope: 'reply-unless-other',
    checks: ['es-quoted'],
  },
  {
    // "…, nada de llamadas ni textos", "ni llamadas ni mensajes": the channels named, refused.
    rule: 'es-revoke-none-of',
    intent: 'revoke',
    pattern: new RegExp(
      `${CLAUSE_START}(?:(?:y|pero|ya|${PLEASE}) )?(?:nada de|ni) (?:${DET})?${CH}(?: (?:ni|y|o|,) (?:${DET})?${CH})*${CLAUSE_END}`,
      'g',
    ),
    scope: 'words',
  },
  {
    // "no quiero ningún tipo de contacto", "no acepto más comunicaciones": no contact of any kind.
    rule: 'es-revoke-no-contact',
    intent: 'revoke',
    pattern: new RegExp(
      `\\bno (?:quiero|queremos|deseo|deseamos|acepto|aceptamos|autorizo) (?:(?:recibir|tener|seguir teniendo) )?(?:(?:ningun tipo de|ninguna clase de|ningun|ninguna|mas|otro|otra) )?(?:contacto|comunicacion(?:es)?)\\b|\\bno (?:autorizo|autorizamos|permito) (?:a (?:su|esta|la|esa) (?:empresa|compania|agencia|oficina) |a ustedes )?(?:para |a )?${VINF}\\b|\\bno (?:autorizo|autorizamos|permito|acepto) (?:a (?:su|esta|la|esa) (?:empresa|compania|agencia|oficina) |a ustedes )?que (?:me |nos )?(?:sigan |vuelvan a )?(?:${VSUBJ}|${VSUBJ_ME}|${SEND}|${SEND_ME}|${VINF}|${VGER})\\b|\\b(?:ya )?no (?:acepto|acepta|aceptamos|aceptare|recibo|recibe|reciben|recibire|recibimos) (?:mas )?${DET}{0,2}${CH}\\b|\\b(?:pido|pedimos|solicito) que (?:ya )?no (?:le|les) (?:${VSUBJ}|${SEND})\\b`,
      'g',
    ),
    scope: 'words',
    checks: ['es-third-party', 'es-time-limit'],
  },
  {
    // "en vez de llamar mándenme un mensaje", "en lugar de las llamadas, un correo": the channel not wanted.
    rule: 'es-revoke-instead-of',
    intent: 'revoke',
    pattern: new RegExp(`\\b(?:en vez de|en lugar de|mejor que) (?:${DET})?(?:${VINF}|${CH})\\b`, 'g'),
    scope: 'words',
    own: true,
    checks: ['es-asks-it'],
  },
  {
    // "cesen toda comunicación conmigo", "suspendan todo contacto", "pongan fin a las llamadas".
    rule: 'es-revoke-cease',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:cesen|cese|cesar|suspendan|suspender|terminen|terminar|pongan fin a|poner fin a) (?:(?:toda|todo|cualquier|todas|todos|la|el|las|los|su|sus|tipo de) ){0,2}(?:comunicacion(?:es)?|contacto|${CH})\\b`,
      'g',
    ),
    scope: 'words',
    checks: ['es-negation', 'es-third-party'],
  },
  {
    // "no volver a marcar", "les ruego no volver a llamarme".
    rule: 'es-revoke-not-again',
    intent: 'revoke',
    pattern: new RegExp(`\\bno volver a ${VINF}\\b`, 'g'),
    scope: 'words',
    checks: ['es-third-party', 'es-time-limit', 'es-asks'],
  },
  {
    // "Equivocado", "número incorrecto", "equivocadoooo": a clause that says only that.
    rule: 'es-wrong-number-bare',
    intent: 'wrong-number',
    pattern: new RegExp(
      `${CLAUSE_START}(?:(?:numero|telefono|celular) )?(?:equivocad[oa]+s?|incorrecto|erroneo|wrong|se equivocaron|(?:no tengo |ni )idea (?:de )?quien (?:es|sea|es esa persona)(?: (?:ese|esa|el|ella))?|aqui no es)(?:${CLAUSE_END}|(?= (?:alto|baja|stop|basta)\\b))`,
      'g',
    ),
  },
  {
    // "la persona que buscan ya no tiene este número", "el dueño anterior", "mi mamá tenía este número", "por error".
    rule: 'es-wrong-number-owner',
    intent: 'wrong-number',
    pattern:
      /\b(?:(?:la persona|el senor|la senora|a quien|al que|a la que) (?:que )?(?:buscan|busca|mencionan|mencionada|mencionado)|(?:persona|cliente) mencionad[oa]|(?:dueno|duena|propietario|propietaria) anterior|(?:tenia|tuvo|usaba|era de) este (?:numero|telefono|celular)|(?:es|este es) mi numero nuevo|(?:ya )?no (?:usa|tiene|ocupa) este (?:numero|telefono|celular|cel|correo)|(?:nuevo|nueva) (?:dueno|duena|propietari[oa]|usuari[oa]) de este|a quien (?:dirigen|dirigieron|va dirigido|mandan|envian) (?:este|el|su) (?:correo|mensaje|email)|(?:me )?(?:enviaron|mandaron|llego) (?:este|el|su) (?:correo|mensaje|email|texto) por error|no conozco a (?:ningun|ninguna|ninguno|un|una) [a-z]+(?: [a-z]+)?(?= [.,?]|$))/g,
    checks: ['es-negation'],
  },
  {
    // "eso no lo debo", "no es lo que debo", "no es mía", "yo no pedí ese préstamo", "ya la cerré", "bancarrota".
    rule: 'es-dispute-not-mine',
    intent: 'dispute',
    pattern:
      /\b(?:no (?:es lo que|lo|la) debo|(?<!ya )no es mi[oa]\b|(?<=, )no mi[oa](?= [.,?]|$)|deuda (?:es )?de mi (?:ex|esposo|esposa|marido|hermano|hermana|hijo|hija|papa|mama|primo|prima|cunado|cunada)|(?:yo )?no (?:pedi|saque|abri|firme|solicite|contrate|autorice|tengo) (?:ese|esa|este|esta|ningun|ninguna|el|la|eso|esos|esas) (?:prestamo|cuenta|tarjeta|credito|deuda|contrato|cargos?|cobros?)|(?:cuenta|tarjeta) (?:la |ya la )?cerre|cerre (?:esa|esta|la|mi) (?:cuenta|tarjeta)|deuda que (?:ya )?no existe|(?<!si )no (?:la |lo |los |las )?reconozco|que no reconozco|validacion de (?:la|esta|esa) deuda|(?:ese|este|su|mi) (?:saldo|monto|cobro|cargo|balance|total) (?:esta|es) (?:mal|incorrect[oa]|equivocad[oa]|inflad[oa]|muy alt[oa])|bancarrota|capitulo (?:7|13|siete|trece)|(?:esa|esta) (?:cantidad|cuenta|suma) (?:esta|es) (?:mal|incorrecta|equivocada)|(?:cobrarme|cobrando(?:me)?|cobran|cobraron) (?:de mas|doble|dos veces|cargos que no)|(?:yo )?(?:pedi|me prestaron|saque) (?:solo |solamente |nada mas )?\$?\d+)\b/g,
    checks: ['es-hypothetical'],
  },
  {
    // "pagamos el saldo completo hace dos semanas", "transferí el dinero ayer", "mi esposo ya pagó".
    rule: 'es-paid-ago',
    intent: 'paid-already',
    pattern:
      /\b(?:(?:pague|pagamos|pagaron|deposite|depositamos|transferi|transferimos|abone|abonamos|liquide|liquidamos) (?:[a-z$\d]+ ){0,4}?(?:ayer|antier|anteayer|hace (?:\w+ )?(?:dias|semanas|meses|una semana|un mes)|la semana pasada|el mes pasado|esta manana|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo) pasado)|(?:mi|su) (?:esposo|esposa|marido|mujer|hijo|hija|mama|papa|hermano|hermana) ya (?:pago|lo pago|la pago|les pago|deposito)|(?:(?:le|les|lo|la|se lo) )?(?:pague|deposite|transferi|abone) (?:\w+ ){0,3}?el \d{1,2} de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)|(?:hice|realice|hicimos|mande|envie) (?:el|mi|un|la) (?:deposito|abono|transferencia|zelle)|cumpli con (?:el|mi|los|mis) pagos?|(?:el|mi) pago (?:ya )?(?:fue|esta|quedo|se ve) (?:procesado|aplicado|registrado|hecho|realizado|acreditado|reflejado)|tengo (?:el |mi |un )?(?:numero|codigo) de confirmacion|(?:(?:le|les|lo|la|se lo) )?(?:pague|deposite|transferi|abone) (?:[a-z]+ ){0,5}?(?:por telefono|en linea|con tarjeta|en efectivo|por zelle|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)))\b/g,
    checks: ['es-negation', 'es-subjunctive'],
  },
  {
    // "la otra mitad el viernes", "el resto lo pago el 15", "lo demás a fin de mes": the rest, on a day.
    rule: 'es-promise-rest',
    intent: 'promise',
    pattern:
      /\b(?:la otra mitad|el resto|lo demas|lo restante|lo que (?:falta|resta|queda)) (?:(?:lo|se lo|le|les) )?(?:(?:pago|mando|deposito|abono|cubro) )?(?=(?:el|para el|a fin|antes|la proxima|en la|manana|pasado|hoy)\b)/g,
    checks: ['es-negation'],
  },
  {
    // "paso por la sucursal mañana a pagar", "voy a la tienda el viernes a pagar", "realizaré un pago de $250".
    rule: 'es-promise-errand',
    intent: 'promise',
    pattern:
      /\b(?:(?:paso|pasare|ire|voy|vamos)(?: a (?:parar|pasar|ir|llegar))? (?:(?:a|al|por) )?(?:(?!a\b)[a-z\d]+ ){0,6}a (?:pagar|abonar|depositar|liquidar|hacer el pago)|(?:realizare|hare|haremos|realizaremos|efectuare|mandare|enviare|hago|realizo|hacemos) (?:un|el|mi) (?:pago|abono|deposito))\b/g,
    checks: ['es-negation', 'es-wish'],
  },
  {
    // "nos desalojaron", "ando bien mal de dinero", "lo detuvo ICE", "perdí la chamba", "mi mamá está muy enferma".
    rule: 'es-hardship-more',
    intent: 'hardship',
    pattern:
      /\b(?:(?:me|nos) (?:desalojaron|echaron (?:del|de la)|corrieron del)|(?:muy |bien )?mal de (?:dinero|lana|feria)|(?:detuvo|detuvieron|agarro|agarraron|arrestaron|deportaron) (?:\w+ )?(?:ice|la migra|inmigracion)|(?:lo|la|los) (?:detuvo|agarro) (?:ice|la migra)|detenid[oa] por (?:inmigracion|ice|la migra)|perdi (?:mi|el|la) (?:trabajo|empleo|chamba|job|chance|casa)|(?:esta|estan|anda|estoy|ando|estamos) (?:muy |bien |grave(?:mente)? )?enferm[oa]s?|faltar al trabajo|situacion (?:muy |bien |bastante |super )(?:dificil|economica|complicada|critica)|pasando por (?:una )?(?:situacion|momentos?|tiempos?|una racha) (?:muy |bien )?(?:dificil|dificiles|mala|malos|duros?|complicad[oa]s?)|tengo (?:covid|el covid|diabetes|dialisis)|lesion|en dialisis|incapacitad[oa]|recibo incapacidad|no tengo (?:job|ingresos)|no (?:estoy|estamos|he estado|hemos estado|he podido|hemos podido|puede|pueden|puedo|podemos) (?:trabajando|trabajar)|(?:me|nos) embargaron|(?:me|nos) (?:van a|quieren) embargar|derrame|infarto|ataque al corazon|embolia|tumor|leucemia|diabetes|(?:me|nos) robaron(?! (?:la|mi|su) identidad)|empezando de cero|(?:lo )?(?:perdi|perdimos) todo|(?:me|nos|lo|la) dieron de baja (?:en|del) (?:el )?trabajo)\b/g,
    checks: ['es-hypothetical'],
  },
  {
    // "hasta cuándo tengo", "por qué subió…", "quiero un plan de pagos", "quiero que me expliquen".
    rule: 'es-question-more',
    intent: 'question',
    pattern:
      /(?<=^|[.,?] )(?:(?:y|pero|pues|oiga|oye|disculpe|hola) )?(?:(?:hasta|desde|para) cuando|por que|cuanto|cuanta|cuantos|cuantas)\b|\b(?:(?:quiero|quisiera|necesito|me interesa|me gustaria) (?:un|hacer un|sacar un) (?:plan|arreglo|acuerdo|convenio) de pagos?|(?:no tengo |ni )(?:ni )?idea de (?:que|por que|cuanto|donde|de donde)|(?:quiero|necesito) que me expliquen|expliquenme|(?<=^|[.,?] )(?:y |pero )?(?:como|donde|cuando|a quien|con quien) (?:le|les|se) (?:hago|pago|puedo|hace|paga|mando)|me (?:pueden|puede|podrian|podria) (?:quitar|bajar|perdonar|condonar|dar|mandar) (?:los|las|el|la|una|un|mas))\b/g,
    checks: ['es-condition'],
  },
  {
    // "tengo dudas", "tengo una pregunta": a question even beside "llámenme".
    rule: 'es-question-doubts',
    intent: 'question',
    pattern:
      /\btengo (?:una |unas |algunas |muchas )?(?:pregunta|duda)s?\b|\b(?:les pido|le pido|solicito|pido|quisiera|necesito|me (?:pueden|puede|podrian|podria) dar) (?:una |un |unos |mas )?(?:prorroga|extension|plazo|tiempo|dias mas)\b/g,
  },
  {
    // "prefiero que me llamen", "mejor llámenme", "que me hablen por teléfono".
    rule: 'es-callback-prefer',
    intent: 'callback',
    pattern:
      /\b(?:(?:(?:quiero|necesito|quisiera|me gustaria) hablar con (?:su|el|la|un|una) (?:supervisor|supervisora|gerente|encargad[oa]|jefe|jefa)|que alguien (?:[a-z]+ ){0,4}?me (?:llame|llamara|marque|marcara|hable|hablara|contacte|contactara) (?:por telefono|al|para)|(?:comuniquense|contactenme|comunicarse|contactarme) conmigo (?:por|al|via) (?:telefono|celular|cel)|(?:comuniquense|contactenme) (?:por|al|via) (?:telefono|celular|cel)|(?:prefiero|quiero|necesito|mejor|quisiera) que (?:me|alguien me) (?:llamen|llame|marquen|marque|hablen|hable|llamara|llamaran|marcara|marcaran|hablara|hablaran|regresen la llamada)))\b/g,
    checks: ['es-negation'],
  },
  {
    // Conduct felt and who was told: "me trataron muy mal", "se burló de mí", "todos lo oyeron", "qué vergüenza",
    // "dejen de llamar a mi mamá", an eye-roll, a review, "ya me tienen harta", "no es manera de tratar a la gente".
    rule: 'es-complaint-conduct',
    intent: 'complaint',
    pattern: new RegExp(
      `\\b(?:(?:me|nos) (?:trataron|tratan|trato|hablaron|contestaron) (?:muy |bien |super )?(?:mal|feo|horrible|groseramente)|se (?:burlo|burlaron|burlan|rio|rieron) de (?:mi|nosotros)|me (?:gritaron|grito|gritan|insultaron|insulto|humillaron|humillo|colgaron|colgo)|(?:todos|toda mi familia|mis vecinos|mi jefe) (?:lo|se) (?:oyeron|escucharon|enteraron|supieron)|que (?:verguenza|pena|fastidio|bonito|lindo|amables)|vergonzoso|otra vez (?:ustedes|con lo mismo|lo mismo)|arruin\\w*|(?:mala )?resena|(?:no es|esa no es|esta no es) (?:manera|forma) de|me tienen (?:cansad[oa]|hart[oa]|hasta la madre|hasta el gorro|enfermo|enferma)|acosar\\w*|hostigar\\w*|(?:llamar|llamen|marcar|molestar|escribir|mandar mensajes) tanto|(?:llamaron|llaman|marcaron|hablaron|fueron|vinieron|escribieron) a (?:mi|casa de mi) (?:vecin[oa]s?|trabajo|iglesia|hij[oa]s?|suegr[oa]|cunad[oa]|abuel[oa]|tia|tio|amig[oa]s?|companer[oa]s?)|(?:poner|presentar|levantar|interponer|meter) (?:una )?(?:queja|denuncia|reclamo|reporte)|(?:me parece|es|esto es|eso es) (?:inaceptable|indignante|intolerable|un abuso)|falta de (?:seriedad|profesionalismo|consideracion|etica|respeto)|(?:y|pero|aun asi|todavia|aun) (?:me |nos )?siguen (?:${VGER})|(?:llamo|llamaron|hablo|hablaron|marco|marcaron) a mi lugar de trabajo|(?:correos|mensajes|llamadas) basura|que poca madre|mugre\\w*|pinche\\w*|chingando|chingan|jodiendo|malditos?|desgraciad\\w*|abusiv[oa]s?|sinverguenza\\w*|no tienen (?:verguenza|madre|corazon|respeto)|que manera de (?:molestar|fregar|chingar|llamar|cobrar)|(?:no|nunca) (?:paran|dejan) de (?:llamar|marcar|mandar|escribir|molestar)\\w*|(?:voy a|vamos a) (?:llamar|hablar|consultar|contactar) (?:a|con) (?:mi|un) abogad[oa]|(?:${STOPV} de|no) (?:${VINF}|${VGER})(?:le|les)? (?:a|al trabajo de|a la casa de|al celular de) mi (?:mama|madre|papa|padre|familia|hermana|hermano|hija|hijo|esposa|esposo|vecin[oa]|jefe|trabajo|abuela|abuelo|suegra))\\b`,
      'g',
    ),
  },
  // Rules added with the second Spanish part (es.tune2.jsonl, author A), each a family of wordings.
  {
    // "Bórrenlo", "elimínenlo de sus registros": the number or address the reply names, or the reply's own.
    rule: 'es-revoke-remove-it',
    intent: 'revoke',
    pattern:
      /(?<=^|[.,?] )(?:(?:y|por favor|porfa|favor de|ya) )?(?:borrenlo|borrenla|eliminenlo|eliminenla|quitenlo|quitenla|saquenlo|saquenla|borrarlo|eliminarlo)(?= [.,?]|$| (?:de|del) (?:su|sus|la|las|el) (?:\w+ )?(?:listas?|registros?|sistema|base))/g,
    scope: 'words',
    checks: ['es-negation', 'es-quoted'],
  },
  {
    // "les pedí por escrito que pararan", "ya les dije que no me llamaran": a revocation said again.
    rule: 'es-revoke-asked-before',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:ya )?(?:les|le) (?:pedi|dije|he pedido|he dicho|pedimos|dijimos|hemos pedido|solicite)(?: [a-z]+){0,3}? que (?:ya )?(?:no (?:me |nos )?(?:llamaran|marcaran|escribieran|mandaran|enviaran|contactaran|molestaran|${VSUBJ}|${SEND})|(?:pararan|dejaran|detuvieran|paren|dejen)(?: de (?:${VINF}|\\w+))?)\\b`,
      'g',
    ),
    scope: 'words',
    checks: ['es-third-party'],
  },
  {
    // "no pertenece a la persona que buscan", "aquí no hay ninguna Marisol", "ese nombre no es el mío".
    rule: 'es-wrong-number-not-them',
    intent: 'wrong-number',
    pattern:
      /\b(?:no (?:(?:pertenece|corresponde|es|soy) )?(?:a |de )?(?:la persona|el senor|la senora|quien|el cliente|la clienta) (?:que )?(?:buscan|busca|mencionan|menciona|nombran|quieren)|aqui no (?:hay|vive|existe) (?:ningun|ninguna|ninguno) [a-z]+|(?:ese|este|el) nombre no es (?:el )?mio)\b/g,
  },
  {
    // "¿de qué deuda hablan?", "yo no tengo tarjeta de ustedes", "los cargos no son de ella", "ese cargo por mora no procede".
    rule: 'es-dispute-what-debt',
    intent: 'dispute',
    pattern:
      /(?<=^|[.,?] )(?:(?:y|pero|a ver|oiga|oye) )?(?:de )?(?:que|cual) deuda(?= [.,?]|$| (?:hablan|me hablan|es esa|es esta|me cobran|dicen|mencionan))|\b(?:(?:yo )?no tengo (?:ninguna |ningun )?(?:cuenta|tarjeta|prestamo|credito|contrato) (?:con|de) (?:ustedes|usted|ellos|esa compania|esta compania|su compania|su empresa)|(?:los|esos|estos) (?:cargos|cobros) no son (?:mios|de ella|de el|nuestros|de nosotros|de mi \w+)|(?:cargo|cargos|recargo|recargos|multa|multas|comision|comisiones|intereses)(?: (?:por mora|por pago tardio|por atraso|extra|adicionales?|de mas))? (?:no procede|no proceden|no corresponde|no corresponden|no aplica|no aplican|es injusto|son injustos|no es justo|indebid[oa]s?)|intereses (?:extra|de mas|adicionales))\b/g,
    checks: ['es-hypothetical'],
  },
  {
    // "adjunto comprobante del pago", "el pago de noviembre fue realizado el día 25", "mandé un money order", "pagué a tiempo".
    rule: 'es-paid-proof',
    intent: 'paid-already',
    pattern:
      /\b(?:(?:adjunto|anexo|les adjunto|le adjunto|aqui (?:les )?(?:va|esta)) (?:el |mi |un |la )?(?:comprobante|recibo|captura|confirmacion)|(?:el|mi) pago (?:[a-z]+ ){1,4}?(?:fue|quedo|ya fue) (?:realizado|hecho|efectuado|enviado|procesado|aplicado)|pago (?:realizado|efectuado|hecho|enviado) (?:el (?:dia )?\d+|ayer|antier|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo))|(?:mande|envie|deposite|mandamos|enviamos) (?:un|el|mi|los) (?:money order|giro|cheque|zelle)|(?:yo )?(?:pague|pagamos) (?:a tiempo|puntual(?:mente)?|dentro del plazo)|ya se (?:les|le) pago)\b/g,
    checks: ['es-negation', 'es-subjunctive'],
  },
  {
    // "lo vuelvo a mandar mañana", "se lo vuelvo a depositar el viernes": a payment sent again.
    rule: 'es-promise-again',
    intent: 'promise',
    pattern:
      /\b(?:lo|la|se lo|se la|el pago) (?:vuelvo|volvere|voy a volver|vuelvo yo) a (?:mandar|enviar|pagar|depositar|hacer|transferir|meter)\b/g,
    checks: ['es-negation', 'es-wish'],
  },
  {
    // "mi mamá ya murió", "buscando chamba", "la baja de sueldo", "me quitaron el trabajo", "me dejó con las deudas".
    rule: 'es-hardship-loss',
    intent: 'hardship',
    pattern:
      /\b(?:(?:mi|su) (?:mama|madre|papa|padre|esposo|esposa|marido|hijo|hija|hermano|hermana|abuela|abuelo) (?:ya )?(?:murio|fallecio|se murio|se nos fue)|(?:buscando|busco|no encuentro|no consigo|no he encontrado|no he conseguido) (?:chamba|trabajo|empleo|jale)|no (?:me )?(?:ha salido|sale|salio) (?:trabajo|chamba|nada de trabajo)|(?:baja|recorte|reduccion|rebaja) (?:de|del|en el) (?:sueldo|salario|horas|ingresos|pago)|(?:me|nos) (?:bajaron|redujeron|recortaron|quitaron) (?:el|mi) (?:sueldo|salario)|me pego (?:duro|fuerte|bien duro)|(?:me|nos) (?:quitaron|dejaron sin) (?:el|mi) (?:trabajo|empleo|chamba)|me dejo con (?:todas )?(?:las|sus) deudas|no puedo con todo|(?:estoy|ando|estamos|andamos|quede) (?:muy |bien |super |re )(?:apretad[oa]s?|quebrad[oa]s?|cort[oa]s?|pobre)|apenas (?:me alcanza )?(?:para|pa) (?:la renta|comer|la comida|sobrevivir)|me (?:declare|declaramos|voy a declarar) en (?:bancarrota|quiebra))\b/g,
    checks: ['es-hypothetical'],
  },
  {
    // "¿me pueden llamar para ver un plan?", "quiero arreglar un acuerdo": a plan asked about.
    rule: 'es-question-plan',
    intent: 'question',
    pattern:
      /\b(?:ver|hacer|arreglar|sacar|armar|negociar|ofrecerme|darme|llegar a) (?:un|algun) (?:plan|arreglo|acuerdo|convenio)\b/g,
    checks: ['es-negation'],
  },
  {
    // "que un representante se comunique conmigo", "que me llame un asesor", "marquen a este número en la tarde",
    // "llámenlo a él al 305…", "quiero hablar con la misma señorita".
    rule: 'es-callback-more',
    intent: 'callback',
    pattern:
      /\b(?:(?:un|una|el|la|algun|alguna) (?:representante|agente|asesor|asesora|persona|gerente|supervisor|supervisora|encargad[oa]) (?:se )?(?:comunique|comuniquen|ponga en contacto|contacte) conmigo|que me (?:llame|marque|hable|contacte) (?:un|una|algun|alguna|el|la) (?:asesor\w*|agente|representante|persona|supervisor\w*|gerente|humano|encargad[oa])|(?:llamen|marquen|hablen)(?:lo|la|le)?(?: a (?:el|ella|mi \w+))? (?:a|al) (?:este (?:numero|telefono|cel|celular)|mi (?:numero|cel|celular|telefono)|\d+)|(?:quiero|necesito|quisiera|me gustaria) hablar con (?:la|el) (?:mism[oa] )?(?:senorita|senor|muchacha|muchacho|chica|chico|persona|agente|asesor\w*|licenciad[oa]))\b/g,
    checks: ['es-negation'],
  },
  {
    // "¿me marcan el sábado?", "¿me llaman mañana?": a call asked for a day.
    rule: 'es-callback-when',
    intent: 'callback',
    pattern:
      /\b(?:me|nos) (?:marcan|llaman|hablan|regresan la llamada) (?:el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|manana|hoy|mas tarde|en la (?:tarde|manana)|por la (?:tarde|manana))\b/g,
    checks: ['es-if-asked'],
  },
  {
    // "no me llamen tan temprano, mejor después de las 10": a time to call.
    rule: 'es-callback-time',
    intent: 'callback',
    pattern: /\bmejor (?:despues de|a partir de|en la tarde|por la tarde|en la manana|por la manana|a las)\b/g,
    checks: ['es-about-calls'],
  },
  {
    // "cómo me han tratado", "qué parte de … no entienden", "nadie me resolvió", "de mala manera", "invasión de
    // privacidad", "les pedí … y siguen", "voy a buscar abogado", "le contaron a mi vecina", "qué poca vergüenza".
    rule: 'es-complaint-treatment',
    intent: 'complaint',
    pattern:
      /\b(?:(?:como|la forma en que|la manera en que|el modo en que) (?:me|nos) (?:han tratado|trataron|tratan|trato|hablaron|han hablado)|que parte de (?:[a-z]+ ){1,6}?no (?:entienden|entiende|entendieron)|nadie me (?:resolvio|ayudo|atendio|contesto|hizo caso|dio solucion|resuelve|ayuda|atiende)|de (?:muy )?mala (?:manera|forma|gana)|de mal modo|invasion (?:de|a) (?:la |mi )?privacidad|(?:y|pero) (?:aun asi |todavia )?(?:me |nos )?siguen(?= [.,?]|$)|(?:voy a|vamos a|tendre que|tengo que) (?:buscar|conseguir|contratar|buscarme) (?:a )?(?:un |mi )?abogad[oa]|(?:le |les )?(?:contaron|dijeron|avisaron|informaron|platicaron) a mi (?:vecin[oa]s?|mama|madre|familia|jefe|jefa|esposa|esposo|papa|hermana|hermano|trabajo|hij[oa]s?|suegr[oa])|que poca (?:verguenza|educacion|madre))\b/g,
  },
  // Rules added with the third Spanish part (es.tune3.jsonl, author B), each a family of wordings.
  {
    // "se abstengan de llamarme", "absténganse de contactarme": a formal stop.
    rule: 'es-revoke-abstain',
    intent: 'revoke',
    pattern: new RegExp(`\\b(?:se abstengan|abstenganse|se abstenga|abstengase|abstenerse) de ${VINF}\\b`, 'g'),
    scope: 'words',
    checks: ['es-third-party', 'es-time-limit'],
  },
  {
    // "el número ahora es mío", "este número lo tengo yo desde marzo", "el que buscan no es de aquí", "no soy el
    // titular", "no es para mí", "esto es para mi esposo", "no vive conmigo", "me dieron su número por error",
    // "este correo no es de …", "es un número de negocio", "no conocemos a la persona".
    rule: 'es-wrong-number-elsewhere',
    intent: 'wrong-number',
    pattern:
      /\b(?:(?:el|este) (?:numero|cel|celular|telefono) (?:ahora|ya) es mio|(?:este|el) (?:numero|cel|celular|telefono) lo tengo (?:yo )?(?:desde|hace)|(?:me|le) (?:cambiaron|dieron|asignaron) (?:el|este|mi|su) numero|(?:mi|su|el|este) numero por error|(?:el|la|al|a la)(?: [a-z]+){0,2}? que (?:buscan|busca|mencionan) (?:no (?:es|vive|esta)|ya no|se (?:murio|fue|mudo)|fallecio)|(?:yo )?no soy (?:el|la) (?:titular|duen[oa]|cliente|deudor[a]?)|(?<=^|[.,?] )(?:esto |este mensaje |este correo |eso )?no es para mi(?= [.,?]|$)|(?:esto|este mensaje|este correo|eso) es para mi (?:esposo|esposa|hijo|hija|mama|papa|hermano|hermana|suegr[oa]|ex|tio|tia|abuel[oa])|(?:ya )?no vive (?:conmigo|aqui|aca)|se llama igual|(?:este|el) (?:correo|telefono|celular|cel|email) (?:ya )?no es de|(?:un|este es un) numero de (?:negocio|empresa|oficina|trabajo)|no (?:conocemos|conoce) a (?:la persona|esa persona|nadie|ese|esa)|(?:ya )?se fue(?: ,)? no se donde (?:esta|vive))\b/g,
  },
  {
    // "pásenme con un supervisor", "comuníquenme con", "que me llamen", "solicito una llamada", "me regresan la
    // llamada?", "si me llaman ahorita les contesto", "llamen al cel", "hablen conmigo en la noche", "hablemos por
    // teléfono", "comuníquese conmigo al número de mi esposa", "llamen mañana a las 10".
    rule: 'es-callback-ask',
    intent: 'callback',
    pattern:
      /\b(?:(?:pasenme|paseme|comuniquenme|comuniqueme|transfieranme|pasen mi caso) (?:con|a) (?:un|una|el|la|alguien|algun|alguna|su)|(?<=^|[.,?] )(?:y |pero )?que me (?:llamen|marquen|hablen|llame|marque|hable)(?: (?:alguien|ustedes|usted|por telefono|al cel|al celular))?(?= [.,?]|$)|(?:solicito|pido|quiero|necesito|quisiera|prefiero) una llamada|si me (?:llaman|marcan|hablan) (?:ahorita|ahora|hoy|manana|en la tarde|mas tarde) (?:les |le )?contesto|(?:llamen|marquen|hablen)(?:me)? (?:al (?:cel|celular|trabajo|telefono de)|manana|hoy|en la (?:tarde|noche|manana)|por la (?:tarde|noche|manana)|despues de las|a las)|hablen conmigo|hablemos por telefono|(?:comuniquese|comuniquense|contacteme|contactenme|llameme|llamenme|hablenme) (?:conmigo )?al (?:numero|cel|celular|telefono))\b/g,
    checks: ['es-negation'],
  },
  {
    // "¿me regresan la llamada?", "¿me llaman al trabajo?": a call asked for.
    rule: 'es-callback-asked',
    intent: 'callback',
    pattern:
      /\b(?:me|nos) (?:regresan|devuelven) la llamada|(?:me|nos) (?:llaman|marcan) al (?:trabajo|cel|celular|numero|\d+)\b/g,
    checks: ['es-if-asked'],
  },
  {
    // Complaints without a complaint word: a lawyer or an authority named, being treated as a criminal, contact on a
    // Sunday or at an hour, after payment, calls never returned, errors, privacy, "eso es robo".
    rule: 'es-complaint-more',
    intent: 'complaint',
    pattern: new RegExp(
      `\\b(?:mi abogad[oa] (?:va a saber|se va a enterar|sabra)|(?:acudir|ir|quejarme|recurrir|reportar(?:los)?) (?:a|con|ante) (?:la |el )?(?:procuraduria|profeco|fiscal\\w*|cfpb|ftc|fcc|bbb|policia|abogad[oa])|(?:los|las|lo|la|les) (?:reporto|denuncio|demando|acuso) (?:a|con|ante)|como (?:si (?:yo )?fuera )?(?:un[oa]? )?(?:criminal|delincuente|ratero|ratera|ladron|ladrona|estafador\\w*)|hasta (?:el|los) domingos?|ni descansar|a esta hora|a estas horas|son las \\d+ de la (?:manana|noche|madrugada)|a las (?:[4-7]|11|12) ?(?:am|de la manana|de la madrugada|de la noche|pm)|por que (?:me |nos )?siguen (?:${VGER}|con|cobrando)|siguen con lo mismo|sigo recibiendo (?:cobros|mensajes|llamadas|correos)|nadie me (?:devuelve|regresa|devolvio|regreso) la llamada|no me resolvi\\w* nada|(?:ni|nunca|no) contestan|(?:que sepa|saben|sepan) hacer su trabajo|puros? errores?|(?:violaron|violan|violacion de|violando) (?:mi )?privacidad|(?:eso es|es un|esto es) (?:un )?robo|(?:estoy|ando|estamos) (?:bien |muy |super )?hart[oa]s?(?= [.,?]|$| ya| y)|que manera de (?:fastidiar|molestar)|(?:me|nos) (?:traten|tratan|trataron|tratas|trata) como)\\b`,
      'g',
    ),
  },
  {
    // Promises: "comprometerme a abonar", "voy a poder pagar", "lo estaré cubriendo el lunes", "hago transferencia de
    // doscientos", "el 30 mando quinientos", "me pongo al corriente", "llámenme para hacer el pago".
    rule: 'es-promise-more',
    intent: 'promise',
    pattern:
      /\b(?:(?:comprometerme|me puedo comprometer|me comprometo) a (?:abonar|pagar|depositar|cubrir|liquidar|mandar|enviar)|(?:voy|vamos) a poder (?:pagar|abonar|liquidar|depositar)|(?:lo|la|los|las)? ?estare (?:cubriendo|pagando|depositando|mandando|enviando|abonando)|(?:hago|hare|realizo|mando) (?:una |la )?(?:transferencia|deposito|abono)|(?:mando|envio|deposito|abono|pago) (?:los |las )?(?:cien|doscientos|trescientos|cuatrocientos|quinientos|seiscientos|setecientos|ochocientos|novecientos|mil|cincuenta|sesenta|setenta|ochenta|noventa|cuarenta|treinta|veinte)|me pongo al (?:corriente|dia)|(?:llamenme|llameme) para (?:hacer el pago|pagar))\b/g,
    checks: ['es-negation', 'es-wish'],
  },
  {
    // Disputes: "intereses que nunca acepté", "no son míos", "supuestamente", "ese saldo no existe", "está duplicado",
    // "no coincide", "no tienen derecho a cobrarme", "mándenme prueba", "fue cerrada en 2020".
    rule: 'es-dispute-more',
    intent: 'dispute',
    pattern:
      /\b(?:que nunca (?:acepte|autorice|active|pedi|firme|solicite|contrate|use|recibi)|nunca (?:los|las|lo|la) (?:autorice|acepte|pedi|firme|active|use)|no son (?:mios|mias)|supuestamente|(?:el |del )?supuest[oa] (?:adeudo|prestamo|saldo|contrato|cargo|deuda)|(?:ese|el|este|esa|la) (?:saldo|adeudo|cargo|cobro|deuda|balance) no existe|(?:cobro|cargo|pago|cobros|cargos) (?:esta |estan |es |son )?duplicad[oa]s?|no (?:coincide|cuadra|concuerda|coinciden|cuadran)|no tienen (?:ningun )?derecho (?:a|de) cobrar\w*|(?:mandenme|envienme|denme|muestrenme|quiero ver) (?:una |la |el )?(?:prueba|pruebas|contrato|copia del contrato)|fue (?:cerrada|cerrado|saldada|saldado) (?:en|mediante|con) |no entiendo por que me (?:cobran|cobraron|estan cobrando)|si (?:el prestamo|lo que pedi|la deuda) (?:fue|era) de)\b/g,
    checks: ['es-hypothetical'],
  },
  {
    // Questions: "con quién hablo", "se puede pagar en efectivo", "qué pasa si no pago", "les solicito me informen",
    // "quiero que me digan", "tienen oficina en…", "para ver cuánto debo", "me confirme si".
    rule: 'es-question-ask',
    intent: 'question',
    pattern:
      /\b(?:con quien (?:hablo|me comunico|trato)|(?<=^|[.,?] )(?:y |pero |pues )?se puede (?:pagar|hacer|abonar|dar|liquidar)|que pasa si|(?<= )que pasa(?= [.,?]|$)|(?:solicito|pido|agradeceria|les pido|le pido) (?:que )?me (?:informen|informe|indiquen|indique|digan|diga|confirmen|confirme|expliquen|explique) (?:el|la|los|las|si|cual|cuanto|como|donde)|(?:quiero|necesito|quisiera) que me (?:digan|expliquen|informen|aclaren)|(?<=^|[.,?] )tienen (?:alguna )?(?:oficina|sucursal)|(?:me|nos) (?:confirme|confirmen) si)\b/g,
    checks: ['es-condition'],
  },
  {
    // "para ver cuánto debo" beside a call: the call and the question.
    rule: 'es-question-explain',
    intent: 'question',
    pattern: /\bpara (?:ver|saber|que me (?:expliquen|digan)) (?:cuanto|que|como|por que|si|cual)\b/g,
  },
  {
    // Payments: "ya salió de mi cuenta", "pagué con cash app", "pagué en el Oxxo", "ya di el abono", "mandé el dinero
    // por Western Union", "fue cubierto el 28", "pagué el 29", "folio", "ya mandé la mitad".
    rule: 'es-paid-more',
    intent: 'paid-already',
    pattern:
      /\b(?:(?:el cargo|el pago|el cobro|el debito) (?:automatico )?ya (?:salio|se desconto|se cobro|se hizo)|(?:pague|pagamos|deposite) (?:(?:hoy|ayer|en la manana) )?(?:con|por) (?:cash app|zelle|venmo|paypal|tarjeta|cheque|efectivo|la app|la aplicacion)|(?:pague|deposite) en (?:el|la) (?:oxxo|seven|walmart|banco|tienda|sucursal|app|aplicacion)|ya (?:di|dimos|deje) (?:el|un|mi) (?:abono|pago|deposito)|(?:mande|envie) el (?:dinero|pago) (?:por|con) |fue (?:cubierto|cubierta|depositado|depositada) |(?:folio|numero de control|confirmacion) (?:number|numero|no )?\d|(?<=^|[.,?] )(?:ya )?pague el (?:dia )?\d+|ya (?:mande|envie|deposite|pague) (?:la mitad|una parte|parte))\b/g,
    checks: ['es-negation', 'es-subjunctive'],
  },
  {
    // Hardship: "fui despedida", "beneficios de desempleo", "no tengo ni para la renta", "sin chamba", "no me alcanzó",
    // "no me quedó para ustedes", "apenas me da para la comida".
    rule: 'es-hardship-short',
    intent: 'hardship',
    pattern:
      /\b(?:fui despedid[oa]|(?:beneficios|seguro|cheque) de desempleo|no tengo ni (?:para|pa)|sin chamba|no (?:me |nos )?alcanzo|no (?:me |nos )?quedo (?:nada )?para|apenas (?:me |nos )?(?:da|alcanza) para)\b/g,
    checks: ['es-hypothetical'],
  },
  // Rules added with the fourth Spanish part (es.tune4, author C), each a family of wordings.
  {
    // Complaints told by what was done: someone else called or told ("le hablaron a mi patrón", "le dejaron recado a
    // mi vecina", "hablaron a la casa de mi suegra"), a visit, a count of calls, a threat repeated, a tone.
    rule: 'es-complaint-done',
    intent: 'complaint',
    pattern:
      /\b(?:(?:le |les )?(?:hablaron|llamaron|marcaron|contaron|preguntaron|dejaron (?:un )?recado|fueron) (?:a|al|con|en) (?:la casa de |el trabajo de )?(?:mi|mis|los) (?:mama|madre|papa|padre|esposa|esposo|marido|hijo|hija|hijos|hijas|hermano|hermana|abuela|abuelo|tia|tio|suegra|suegro|vecinos?|vecina|patron|patrona|jefe|jefa|nuera|yerno|sobrino|sobrina|nieto|nieta|familia)|fueron a buscarme|(?:le |les )?preguntaron a (?:los|mis) vecinos|(?:llamaron|marcaron|hablaron|escribieron) (?:\w+ ){0,2}(?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez) veces|me (?:llegaron|mandaron|enviaron) \d+ (?:correos|mensajes|llamadas)|(?:me|le) dij(?:o|eron) que (?:me|le|la|lo|nos) (?:iban|van|ibamos) a|(?:me|le) (?:hablo|hablaron) (?:bien |muy )?feo|eso no se hace|no es momento para esto|muy bonito de su parte|es increible que|(?:me|nos) pusieron en evidencia|ya es la (?:segunda|tercera|cuarta) vez|es la (?:segunda|tercera|cuarta) vez que|sigo recibiendo (?:avisos|mensajes|correos|llamadas)|nadie contesta|nunca (?:llamaron|contestaron|me llamaron)|no me supo explicar|todos saben de mis deudas)\b/g,
  },
  {
    // "no le llamen a mi hija", "ya no le manden mensajes a mi esposo": a request about someone else complains (as
    // `es.tune`'s "dejen de llamar a mi mamá").
    rule: 'es-complaint-relative',
    intent: 'complaint',
    pattern:
      /\b(?:no|ya no|dejen de) (?:le |les )?(?:vuelvan a )?(?:llamen|marquen|hablen|escriban|molesten|busquen|manden|llamar|marcar|molestar|mandar)\w*(?: (?:mas )?(?:mensajes|correos|nada))? (?:a|al) (?:mi|mis) (?:mama|madre|papa|padre|esposa|esposo|marido|hijo|hija|hijos|hijas|hermano|hermana|abuela|abuelo|tia|tio|suegra|suegro|vecinos?|vecina|patron|patrona|jefe|jefa|nuera|yerno|sobrino|sobrina|nieto|nieta|familia)\b(?! (?:ni|y) a mi\b)/g,
  },
  {
    // Wrong numbers as the number's owner ("este número es de mi hija", "me pertenece desde hace un año", "lo compré
    // hace poco"), another person ("buscan a otra persona", "no soy esa señora", "no soy cliente de ustedes").
    rule: 'es-wrong-number-owner',
    intent: 'wrong-number',
    pattern:
      /\b(?:(?:este|ese) (?:numero|telefono|cel|celular|correo(?: electronico)?) (?:es|era) (?:de|del) (?:mi|la|el) (?:(?:mama|madre|papa|padre|esposa|esposo|marido|hijo|hija|hijos|hijas|hermano|hermana|abuela|abuelo|tia|tio|suegra|suegro|vecinos?|vecina|patron|patrona|jefe|jefa|nuera|yerno|sobrino|sobrina|nieto|nieta|familia)|oficina|casa)|(?:me pertenece|es mio|lo tengo) desde|(?:lo|este numero) (?:lo )?compre hace|ya me lo regalo|(?:buscan|busca|estan buscando) a otra persona|(?:yo )?no soy (?:esa senora|ese senor|esa senorita|esa muchacha|ese muchacho|ese|esa|cliente (?:de ustedes|suyo|suya))|no conozco (?:al senor|a la senora|a ningun)|(?:ella|el) no conoce a ningun|ya no vive en este numero|(?:esa persona|ese senor|esa senora) no (?:trabaja|vive) aqui|aqui no es (?:la casa|el telefono|la oficina|el numero)|(?:llego|llegaron) a mi correo por error|se equivocan(?= [.,?]| yo)|revisen bien sus datos)\b/g,
    checks: ['es-relative-died'],
  },
  {
    // Disputes of the sum, the interest and the charge ("intereses que nunca me dijeron", "no acepté esa tasa",
    // "no corresponde a lo que yo debo", "niego adeudar"), of a relative's debt ("eso lo debe mi ex marido", "la
    // cuenta estaba a nombre de mi hermano", "yo nada más fui aval"), of goods returned or taken back.
    rule: 'es-dispute-ground',
    intent: 'dispute',
    pattern:
      /\b(?:(?:intereses|interes|tasa|cargos?|cobros?) (?:\w+ ){0,2}que (?:nunca )?(?:me )?(?:dijeron|explicaron|avisaron|informaron)|no (?:acepte|autorice|firme|pedi) (?:esa|esta|ese|este|la|el|esos|esas) (?:tasa|interes|intereses|cargos?|cobros?)|no corresponden? a lo que|niego (?:adeudar|deber)|alto el interes|(?:interes|intereses|tasa) (?:de |del )?\d+ ?%|(?:esa|esta|la) (?:cuenta|deuda|tarjeta) (?:era|es|estaba a nombre) de (?:mi|su) |(?:eso|esa deuda|eso) lo debe (?:mi|su)|lo que debe mi|la (?:cerro|abrio|saco) mi|(?:nada mas|solo) fui aval|no fui (?:cosignataria|cosignatario|aval|codeudora?)|(?:ella|el) no firmo nada|ya no tengo relacion con (?:esa|esta) cuenta|se la traspase a|devolvi (?:el|la|los|las) \w+|me lo quitaron y|la vendieron a otra|me habian condonado|(?:solo|nada mas) debia \d+|cargo por atraso si|(?:lo|la) pague completo en (?:19|20)\d\d|no entiendo como llego)\b/g,
    checks: ['es-hypothetical'],
  },
  {
    // Payments with their evidence or by someone else ("ya se mandó el pago", "mi hermana les pagó por mí", "foto del
    // recibo", "el pago salió de mi cuenta", "pagué el mínimo el 29", "realicé el pago", "me dio un recibo").
    rule: 'es-paid-evidence',
    intent: 'paid-already',
    pattern:
      /\b(?:ya se (?:mando|envio|hizo|realizo) el pago|(?:les|le) pago por mi|ya pago en (?:la|el) \w+|favor de pagar por \w+ (?:\w+ ){0,4}(?:el \w+ pasado|ayer)|foto del (?:recibo|ticket|comprobante)|pagado hoy|(?:el pago|el cargo|el dinero) salio de mi cuenta|pague el minimo|realice el pago|realizamos el pago|(?:ya )?arregle con el banco|ya se arreglo por|me dio (?:un|el) recibo)\b/g,
    checks: ['es-negation', 'es-subjunctive'],
  },
  {
    // Callbacks asked for a time, a person or a place ("marquen a mi casa a las 6", "favor de llamarme", "que un
    // asesor me llamara", "que me llame la señorita Karina", "llamen a mi hijo Daniel", "llámenme ustedes").
    rule: 'es-callback-ask',
    intent: 'callback',
    pattern:
      /\b(?:marquen a mi (?:casa|cel|celular|trabajo)|favor de llamarme|(?:que )?(?:un|una) \w+ (?:que hable espanol )?me (?:llamara|llame|marcara|contactara)|(?:que )?me (?:llame|marque) (?:el|la) (?:senorita|senor|supervisor|supervisora|muchacha|licenciad[oa])|me contacten por telefono|llamen a mi (?:hijo|hija|esposo|esposa|nieto|nieta|sobrin[oa]) [a-z]+|llamenme ustedes|(?:me )?(?:pueden|puede) volver a llamar)\b/g,
    checks: ['es-negation'],
  },
  {
    // Questions told as requests ("me explican", "qué procede", "qué opciones hay", "me envíen el desglose", "favor de
    // confirmar", "eso es legal?", "me indiquen a dónde").
    rule: 'es-question-request',
    intent: 'question',
    pattern:
      /\b(?:me explican|(?:que|como) procede|que opciones hay|me (?:envien|manden|den) (?:el|un|una|la) (?:desglose|copia|estado de cuenta)|favor de confirmar|les agradecere confirmar|eso es legal|si eso es cierto|me indiquen (?:a donde|donde|que|como))\b/g,
  },
  {
    // Hardship told by what happened ("dejé de trabajar", "no duermo", "ahorita no puedo", "perdí a mi hijo", "soy
    // jubilado y mi ingreso es fijo", "con demencia", "no he podido").
    rule: 'es-hardship-told',
    intent: 'hardship',
    pattern:
      /\b(?:deje de trabajar (?:por|porque|desde)|no duermo|pero ahorita no puedo|perdi a mi|demencia|ingreso (?:es )?fijo|soy jubilad[oa]|no puede hacer pagos|no he podido)\b/g,
    checks: ['es-hypothetical'],
  },
  {
    // Promises by someone else ("mi hija les va a pagar", "mi esposa les depositará mañana"), proposed ("les propongo
    // pagar $40"), or by money at hand ("ya tengo el dinero para pagar").
    rule: 'es-promise-other',
    intent: 'promise',
    pattern:
      /\b(?:(?:les|le) (?:va a|van a) (?:pagar|depositar|mandar|abonar)|(?:les|le) (?:pagara|depositara|mandara|abonara)|(?:les )?propongo (?:pagar|abonar|depositar)|ya tengo el dinero para pagar)\b/g,
    checks: ['es-negation', 'es-wish'],
  },
  {
    // "no autorizo más llamadas a este número", "ni una llamada más", "BAJA de esta lista de correos".
    rule: 'es-revoke-refuse',
    intent: 'revoke',
    pattern: new RegExp(
      `\\bno (?:autorizo|autorizamos|permito) (?:mas )?${DET}{0,2}${CH}\\b|\\bni (?:una|un) ${CH} mas\\b|\\bbaja de (?:esta|la|su|sus) listas?(?: de ${CH})?\\b|\\b(?:revoco|retiro) (?:cualquier|toda) (?:autorizacion|consentimiento|permiso)\\b(?: (?:\\w+ ){0,4}${CH}(?: \\w+){0,3}(?: (?:o|y|ni) ${CH})?)?`,
      'g',
    ),
    scope: 'words',
    checks: ['es-negation', 'es-third-party'],
  },
  {
    // "Baja de todo", "pedimos que nos dejen tranquilos", "favor de darlo de baja de su sistema": every channel.
    rule: 'es-revoke-all-of-it',
    intent: 'revoke',
    pattern:
      /\b(?:baja de todo|(?:me|nos) dejen (?:en paz|tranquil[oa]s?)|dar(?:lo|la|me) de baja de su sistema|(?:lo|la|me) eliminen de su base de datos)\b/g,
    scope: 'all',
    checks: ['es-negation'],
  },
  // Rules added with the fifth Spanish part (es.tune5, author D: informal, phone shorthand, "vos", Spanglish).
  {
    // Threats if contacted again ("otro msj más y los reporto"), a Spanglish stop of a channel ("ya stop con los
    // mensajes"), a keyword after a wrong number ("número equivocado stop"), a stop after a dispute ("no es mía dejen
    // de mandarme correos"), "y a mí también": the channels named.
    rule: 'es-revoke-threat-again',
    intent: 'revoke',
    pattern: new RegExp(
      `\\b(?:otro|otra|un|una) ${CH} mas y (?:te |los |las |les |lo |la )?(?:reporto|demando|denuncio|bloqueo|acuso|voy a (?:reportar|demandar|denunciar|bloquear)\\w*)\\b|\\bstop (?:con )?${DET}{0,2}${CH}\\b|\\b(?:numero equivocado|equivocad[oa]s?) stop(?= [.,?]|$)|\\b(?:no es mi[oa]s?|no les debo nada) (?:y )?${STOPV} de (?:${VINF}|${VGER})(?: ${DET}{0,2}${CH})?|\\b(?:stop|dejen de|no) (?:\\w+ ){1,3}y a mi (?:tb|tambien|tmb)\\b`,
      'g',
    ),
    scope: 'words',
    checks: ['es-quoted', 'quoted'],
  },
  {
    // Wrong numbers in shorthand: "aquí no vive esa persona", "ese no es mi nombre", "este número es nuevo", "te
    // equivocaste de número", "tienen el número mal", "ese era el número de mi primo", "ni la conozco", "no conosco a".
    rule: 'es-wrong-number-shorthand',
    intent: 'wrong-number',
    pattern:
      /\b(?:aqui no vive (?:esa|ese|el|la|ninguna?)|(?:ese|este) no es mi nombre|(?:este|mi|ese) (?:numero|cel|celular|telefono) es nuevo|(?:te|se) equivoca(?:ste|ron|n|s)? de (?:numero|persona|cel)|(?<=^|[.,?] )equivocad[oa]s?(?: (?:bro|wey|we|che|amigo|amiga|compa|brother|mano|loco))?(?= [.,?]|$)|no hay (?:ningun[oa]?|nadie) (?:\w+ )?(?:aqui|aca)|(?:tienen|tenes|tienes|tiene) (?:el|mi|este) numero mal|(?:ese|este) (?:era|es) el (?:numero|cel|celular|telefono) de (?:mi|un|una) |(?:no|ni) (?:lo|la) conozco\b|no cono[sc]co a|(?:este|ese) (?:cel|celular|telefono|numero) es mio)/g,
    checks: ['es-relative-died'],
  },
  {
    // Disputes put briefly: an account closed ("ya se cerró hace 2 años"), charges never accepted, a card stolen or
    // never received, a fee "no es justo", interest "exagerados" or "un robo", a sum that was smaller ("era de 250 no de
    // 2500"), insurance that covered it, an account sold, proof demanded, "qué deuda ni qué nada".
    rule: 'es-dispute-brief',
    intent: 'dispute',
    pattern:
      /\b(?:(?:cuenta|tarjeta|prestamo|credito|eso) (?:ya )?(?:se cerro|esta cerrad[oa]|la cerre)|(?:esos|esas|los|las|ese|esa) (?:intereses|cargos?|cobros?|recargos?|late fees?) no (?:los |las |lo |la )?(?:acepte|autorice|pedi|firme)|(?:que|q|qe) deuda ni (?:que|q|qe) nada|(?:reporte|reportamos) (?:la|mi) tarjeta (?:robada|perdida)|tarjeta robada|(?:tarjeta|dinero|prestamo) nunca me (?:llego|llegaron|dieron)|(?:late fee|cargo|cobro|recargo|multa|interes|intereses)(?: \w+){0,4} no (?:es|son) just[oa]s?|no lo pago (?:xq|pq|porque|por que) no es justo|no recono[sc]co (?:(?:ese|esa|este|esta|el|la|los|las|esos|esas) )?(?:cargos?|cobros?|deuda|cuenta|saldo)|(?:intereses|cargos?|cobros?|saldo|cantidad|monto) (?:\w+ )?(?:estan|esta|son|es) (?:exagerad[oa]s?|un robo)|(?:deuda|prestamo|saldo|cuenta) era de \$?\d+,? no (?:de )?\$?\d+|(?:lo|la) (?:cubrio|pago) (?:el|mi) (?:seguro|aseguranza)|fue vendid[oa] a|(?:saldo|monto|cantidad|cargo|cobro) que me (?:reclaman|cobran|piden) no corresponde|(?:manden|envien|mandame|mandenme) (?:una )?prueba)/g,
    checks: ['es-hypothetical'],
  },
  {
    // Payments told briefly: "el autopay ya lo cobró", "ya me lo descontaron", "ya pagó mi esposo", "pagado ✅", "ya
    // cancelé la deuda" (Latin American "cancelar": pay off).
    rule: 'es-paid-brief',
    intent: 'paid-already',
    pattern:
      /\b(?:(?:autopay|pago automatico|cargo automatico) ya (?:lo |la |se )?(?:cobro|desconto|salio|cobraron)|ya me (?:lo |la )?(?:descontaron|cobraron|debitaron)|ya (?:pago|deposito) (?:mi|el|la) (?:esposo|esposa|marido|mama|papa|hijo|hija|hermano|hermana|novio|novia|jefe)(?! \?)|(?<=^|[.,?] )(?:ya )?pagad[oa](?= [.,?]|$)|ya (?:cancele|cancelamos) (?:la|mi|el|toda la) (?:deuda|prestamo|saldo|total))\b/g,
    checks: ['es-negation', 'es-subjunctive'],
  },
  {
    // Promises in shorthand: "ok ok yo pago", "cuando cobre el cheque pago", "dsp del 15 pago", "en cuanto me depositen
    // les pago", "ya mero pago", "le pongo 45", "bro pago mañana", "pago en dos semanas", "lo voy a pagar", "doscientos el
    // viernes".
    rule: 'es-promise-shorthand',
    intent: 'promise',
    pattern:
      /\b(?:yo pago(?= [.,?]|$)|(?:cuando|en cuanto|apenas|ni bien) (?:\w+ ){1,4}(?:(?:les|le|te) pago|(?<!\b(?:el|mi|un|su|del|al|tu) )pago)\b|(?:dsp|despues) del? \d+ (?:(?:les|le|te) )?pago|(?:les|le|te) pago (?:todo|el resto|la semana|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|\d+)|manana|hoy)|ya mero (?:pago|les pago)|(?:le|les|te) (?:pongo|meto|abono) \$?\d+|(?<!\b(?:el|mi|un|su|del|tu|ese|este|otro|al|ya|no) )pago (?:manana|hoy|pasado manana|esta semana|la semana|en (?:dos|tres|\d+|una|un) (?:semanas?|dias?|quincena))|(?:lo|la) voy a pagar|(?<=^|[.,?] )(?:cien|doscientos|trescientos|cuatrocientos|quinientos|mil|cincuenta|\$?\d+) (?:el|este|para el) (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)(?= [.,?]|$))/g,
    checks: ['es-negation', 'es-wish'],
  },
  {
    // Hardship in slang: "estoy en la lona", "ando corto de lana", "sin laburo", "no tengo ni un peso".
    rule: 'es-hardship-slang',
    intent: 'hardship',
    pattern:
      /\b(?:(?:estoy|ando|estamos|andamos) en la (?:lona|quiebra|ruina|calle)|cort[oa]s? de (?:lana|feria|plata|varo|dinero|cash)|(?:sin|no tengo|perdi (?:el|mi)) (?:laburo|jale|pega|curro|chambita)|no tengo ni (?:un|una|medio) (?:peso|dolar|centavo|quinto|cinco|varo))\b/g,
    checks: ['es-hypothetical'],
  },
  {
    // Questions in shorthand: "q tarjeta es", "¿es de la tarjeta o del préstamo?", "de dónde salen 1200 dólares".
    rule: 'es-question-shorthand',
    intent: 'question',
    pattern:
      /(?:(?<=^|[.,?] )(?:q|qe|que) (?:tarjeta|cuenta|deuda|prestamo|empresa|compania|banco) (?:es|era|son)\b|\bes de (?:la|el) \w+ o (?:de la|del) \w+|\bde donde (?:salen|sale|salio|salieron|viene|vienen))/g,
  },
  {
    // Callbacks in shorthand: "me hablan al rato?", "me marcan en 10 min?", "q alguien me explique por teléfono",
    // "pueden llamar a mi esposa q ella maneja eso".
    rule: 'es-callback-shorthand',
    intent: 'callback',
    pattern:
      /\b(?:(?:me|nos) (?:hablan|marcan|llaman) (?:al rato|en un rato|en \d+|mas tarde|luego)|(?:alguien|una persona|un agente) (?:que |q )?me (?:explique|expliquen) por telefono|(?:pueden|puede|favor de) (?:llamar|marcar|hablar)(?:le)? a mi (?:esposa|esposo|marido|mama|papa|hijo|hija|hermano|hermana))\b/g,
    checks: ['es-negation'],
  },
  {
    // Complaints in slang and by what was done: "qué pesados", "q ladilla", "molestosos", "mala onda", "me tienen
    // loco", an agent who lied or insulted ("me dijo muerto de hambre"), a supervisor who saw the email, an account
    // number left on a son's phone, a review on Google or TikTok, "voy con un abogado", "me van a correr", "x q me
    // siguen llamando", "y aún me cobran", "me llamaron al trabajo".
    rule: 'es-complaint-slang',
    intent: 'complaint',
    pattern:
      /\b(?:pesad[oa]s|ladilla|molestos[oa]s|mala onda|insoportables|me tienen (?:loc[oa]|hart[oa]|frit[oa]|hasta la madre)|(?:agente|operador[a]?|asesor[a]?|muchach[oa]|senorita|senor) (?:\w+ )?me (?:dijo|dijeron|grito|insulto|mintio|colgo)|me (?:mintio|mintieron|insulto|insultaron|grito|gritaron)|paren de mentir|mentirosos|lo (?:vio|leyo|escucho|oyo) mi (?:supervisor[a]?|jefe|jefa|patron|esposa|esposo|mama|papa|familia)|con mi (?:numero de cuenta|informacion|deuda) en|(?:review|resena|queja) en (?:google|facebook|yelp|tiktok|instagram|reddit)|(?:los|las) voy a (?:exponer|quemar|balconear|funar)|voy (?:con|a ir con|a buscar) (?:un|mi) abogado|me van a (?:correr|despedir)|(?:x ?q|pq|xq|por q|porq) (?:me |nos )?siguen|(?:y|pero) (?:aun|todavia|igual) (?:me )?(?:cobran|siguen cobrando)|(?:me|le) (?:llamaron|marcaron|hablaron) al trabajo)\b/g,
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
/** The word before a "si" that is "sí": "ahora sí", "el lunes sí", "pero esta vez sí". */
const SI_YES =
  /^(?:ahora|ahorita|pero|claro|pues|vez|manana|hoy|lunes|martes|miercoles|jueves|viernes|sabado|domingo|semana|quincena|mes)$/;
/** "no se preocupen, …", "no hay problema": reassurance, not a negation of what follows. */
const REASSURE = /^(?:se|te|hay|pasa|modo|problem|problema|preocupe|preocupen|preocupes)$/;
const FAMILY =
  /^(?:(?:a|al|le|les|con) )?(?:mi|mis) (?:abogad[oa]|mama|madre|papa|padre|esposa|esposo|marido|mujer|hijo|hija|hijos|hijas|hermano|hermana|hermanos|familia|familiares|jefe|jefa|patron|patrona|abuela|abuelo|tia|tio|suegra|suegro|vecinos?|vecina|referencias?|amigos?|amiga|companeros?|novia|novio|primo|prima|cunado|cunada)\b/;

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
    const a = after(ts, last).replace(
      /^(?:al|a la|en el|en la) (?:trabajo|casa|celular|cel|numero|telefono) de /,
      'a ',
    );
    const m = FAMILY.exec(a);
    if (m && /\b(?:y|ni|o) a mi(?: tambien| misma| mismo)?(?: [.,?]|$| (?:ya|tampoco|por))/.test(a)) return null;
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
      /^(?:asi\b|por (?:whatsapp|wasap|whats|facebook|messenger|instagram|telegram)\b|(?:cobrador|cobradora|deudor|deudora|moros[oa]|mentiros[oa]|ratero|ratera|ladron|ladrona|tramposo|tramposa|estafador|estafadora)\b|de (?:esa|esta) (?:manera|forma)|en ese tono|(?:el|la|los|las|un|una) (?:link|enlace|liga|factura|estado de cuenta|recibo|codigo|pin|contrato|tarjeta|atencion|cobro|cargo)\b)/.exec(
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
  // "¿si pago hoy dejan de llamarme?", "¿cómo hago para que dejen de llamarme?": asking what a payment brings or what
  // it takes, not asking for the calls to stop.
  'es-asks': (ts, first) => {
    const s = sentenceOf(ts, first);
    if (s[s.length - 1] !== '?') return null;
    return s.includes('si') || /^(?:y |pero )?(?:como|que (?:hago|tengo|debo|necesito)|cuanto)\b/.test(s.join(' '))
      ? `asks what follows: ${s.join(' ')}`
      : null;
  },
  // "espero pagar el viernes", "si puedo, pago el lunes": a wish or a condition, not a promise.
  'es-wish': (ts, first) => {
    const b4 = before(ts, first, 4);
    // "ahora sí", "el lunes sí le mando": sí, not si.
    const w = b4.find(
      (x, k) =>
        /^(?:espero|esperemos|ojala|tratare|intentare|quisiera|quizas|quiza|talvez|tal|probablemente|si|a ver)$/.test(
          x,
        ) && !(x === 'si' && SI_YES.test(b4[k - 1] ?? '')),
    );
    if (w) return `wish: ${w}`;
    // "cuando pueda, le pago": whenever the borrower can; "cuando me paguen el viernes, les abono" is a day.
    const b = before(ts, first, 6);
    const k = b.lastIndexOf('cuando');
    return k >= 0 && /^(?:pueda|podamos|tenga|tengamos|se pueda|sea posible)$/.test(b[k + 1] ?? '')
      ? 'wish: cuando pueda'
      : null;
  },
  // "¿me mandan un mensaje en vez de llamar?": a question about it, not a request.
  'es-asks-it': (ts, first) => {
    const s = sentenceOf(ts, first);
    return s[s.length - 1] === '?' ? 'asked, not told' : null;
  },
  // "cuando me paguen, les abono", "cuanto antes": a condition or a manner, not a question.
  'es-condition': (ts, first, last) => {
    const words = ts.slice(first, last + 3).map((t) => t.word);
    const k = words.findIndex((w) => /^(?:cuando|cuanto|como|donde)$/.test(w));
    if (k < 0 || sentenceOf(ts, first).includes('?')) return null;
    const next = words.slice(k + 1, k + 3).join(' ');
    return /^(?:me (?:paguen|pagan|depositen|llegue|caiga)|(?:pueda|podamos|tenga|tengamos|cobre|cobremos|reciba|llegue|salga)|antes|sea posible|se pueda)\b/.test(
      next,
    )
      ? `a condition: ${words[k]} ${next}`
      : null;
  },
  // "déjenme en paz un ratito, estoy manejando": for a while, not for good.
  'es-for-a-while': (ts, _first, last) => {
    const m = /^(?:un (?:rato|ratito|momento|segundo|minuto)|por (?:un )?(?:rato|ratito|momento))\b/.exec(
      after(ts, last),
    );
    return m ? `for a while: ${m[0]}` : null;
  },
  // "¿me marcan el sábado?": asked for only in a question ("me llaman el sábado" tells).
  'es-if-asked': (ts, first) => (sentenceOf(ts, first).includes('?') ? null : 'told, not asked'),
  // "mejor después de las 10": a time to call only beside a call.
  'es-about-calls': (ts, first) =>
    sentenceOf(ts, first).some((w) => /^(?:llam|marc|habl)/.test(w)) ? null : 'no call named',
  // "Alto alto, ¿de qué deuda hablan?", "Stop, espérate": hold on, not stop.
  'es-hold-on': (ts, _first, last) => {
    const next = ts
      .slice(last + 1, last + 6)
      .map((t) => t.word)
      .filter((w) => !/^[.,?]$/.test(w));
    return /^(?:esperate|esperame|espere|espereme|esperen|un momento|momento|a ver)$/.test(
      next.slice(0, next[0] === 'un' ? 2 : 1).join(' '),
    )
      ? `hold on: ${next[0]}`
      : null;
  },
  // "ese número es de mi hijo que murió": a relative tells of the borrower's death; no wrong number.
  'es-relative-died': (ts) => {
    const all = ts.map((t) => t.word).join(' ');
    return /\b(?:murio|fallecio|falleci\w*|difunt[oa]|q e p d|qepd|en paz descanse)\b/.test(all)
      ? 'a relative died'
      : null;
  },
  // "si pierdo mi trabajo": a hypothesis.
  'es-hypothetical': (ts, first) => (before(ts, first, 3).includes('si') ? 'hypothetical: si' : null),
  // "¿que pague cuándo?", "para que pague": the subjunctive, folded like the past (pagué) once the accent is gone.
  'es-subjunctive': (ts, first) => {
    const b = before(ts, first, 2);
    return /^(?:que|si|cuando|hasta|para)$/.test(b[b.length - 1] ?? '') ? `subjunctive: ${b.join(' ')}` : null;
  },
};

/**
 * A time to pay that is no calendar day, over the reply as written (accents or none): "la próxima semana",
 * "la quincena" (the 15th or the month's end, whichever pays), "cuando me paguen". It makes a promise firm.
 */
export const ES_PERIOD =
  /\b(?:(?:la )?pr[oó]xima semana|la semana (?:que|q) viene|la otra semana|en (?:dos|tres|un par de|\d+) semanas|(?:dsp|despues) del? \d+|para (?:navidad|reyes|a[nñ]o nuevo|fin de mes|fin de a[nñ]o)|(?:cuando|en cuanto|apenas) (?:me )?(?:depositen|paguen|cobre|consiga|caiga)(?= les| le| te| pago)|yo (?:les |le |te )?pago(?= [.,?]|$)|ya (?:lo |la |le |les )?voy a pagar|esta semana|(?:este|el) fin de semana|(?:la )?(?:pr[oó]xima |siguiente )?quincena|cuando (?:me )?paguen|cuando cobre|(?:cuando|en cuanto|apenas) (?:me )?(?:llegue|caiga|salga|den|depositen) (?:el|mi|la|los) (?:cheque|dinero|pago|reembolso|taxes|income tax|aguinaldo|sueldo|quincena|incapacidad|desempleo)|(?:cuando|en cuanto) (?:vuelva|regrese|encuentre trabajo|consiga trabajo|salga (?:el )?trabajo|me salga trabajo)|(?:cuando|en cuanto) (?:me )?salga(?: algo)?(?= les| le| te)|este mes|lo prometo|se lo prometo|les prometo|sin falta|a (?:principios|mediados|finales) de(?: mes| enero| febrero| diciembre)?|(?:cuando|en cuanto|que) me (?:caiga|llegue) (?:la lana|la feria|el bono|el dinero)|(?:cuando|en cuanto|apenas) (?:encuentre|consiga)(?= les| le| algo| trabajo| chamba)|ahorita(?: mismo)? (?:les |le |te )?(?:pago|deposito|abono|mando)|d[ií]a de pago|(?:el )?pr[oó]ximo mes|el mes que viene|en unos d[ií]as|en (?:un par de|unos cuantos|pocos) d[ií]as|(?:antes|despu[eé]s) de (?:navidad|reyes|a[nñ]o nuevo|fin de a[nñ]o))(?![\p{L}\p{N}])/iu;
