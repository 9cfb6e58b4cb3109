/**
 * Spanish (es-US) wording rules, over the same token stream as English (lower case, accents folded:
 * "cárcel" reads "carcel", "demandaré" reads "demandare"; look-alikes, leetspeak, separators and
 * zero-width characters resolved the same way). The rule ids are the English ones, so each finding
 * cites the same regulation. What US Spanish collections add: threats about immigration status
 * (la migra, ICE, deportación), the "buró" and "lista negra", and the church and the neighbourhood
 * as the audience of a disclosure. Words with an everyday meaning are matched only in the phrase
 * that makes them a threat: "sin embargo" (however) is not a seizure, "alta demanda" (high demand)
 * is not a lawsuit, "el corte" (a cut) is not "la corte" (a court); "departamento legal" and "nuestro
 * abogado" are a threat only when the account goes to them or they act. The third round widened by
 * family what an audience receives or sees ("su mamá va a recibir una cartita con el detalle"),
 * pity for the family or the house, watching and following, visits by who comes or where they wait,
 * and official papers (DACA, the licence, the social security number) the sender cannot touch. The fourth
 * widened veiled menace by family ("you were warned", the good way and the other, things ending ugly, patience running
 * out, "we do not forget", the family's or the health's frailty beside the debt, accidents, "when you least expect it"),
 * and disclosure by the audience named first, what it will have, see or wonder about, papers made to reach it, and the
 * family made to answer for the debt. The fifth, on an agent's informal free text, widened bodily harm and damage named
 * outright (legs, windows, tyres, fire, a shot, taking the children), veiled menace in chat ("don't make me come", hopes
 * that the family or the car stay well, patience gone, the ones coming next less patient), papers an audience reads,
 * opens or has arrive, photos and memes, being seen or followed, and going where the borrower works.
 */
import { type Rule, W } from './types.js';

/** Who a disclosure is aimed at (the noun, after "su/sus/tu/tus" when there is one). */
const GROUP =
  '(?:familia|familiares|parientes|esposa|esposo|marido|mujer|pareja|conyuge|novia|novio|ex|padres|papas|madre|padre|mama|papa|mami|papi|hijos|hijas|hijo|hija|hermanos|hermanas|hermano|hermana|cunado|cunada|cunados|suegros|suegra|suegro|tios|tias|tio|tia|primos|primas|abuelos|abuela|abuelo|abuelita|abuelito|maestra|maestro|maestros|maestras|directora|director|escuela|seguidores|invitados|sobrinos|vecinos|vecinas|vecindario|barrio|colonia|pueblo|comunidad|cuadra|rancho|edificio|iglesia|parroquia|congregacion|pastor|jefe|jefa|patron|patrona|empleador|empleadores|supervisor|supervisora|gerente|encargado|encargada|clientes|companeros(?: de trabajo)?|companeras|colegas|trabajo|lugar de trabajo|empresa|amigos|amigas|amistades|conocidos|contactos|referencias|compadres|comadres|compadre|comadre|casero|arrendador|recursos humanos)';
/** The people (not the workplace or the town) who "will find out". */
const WHO = GROUP.replace('|trabajo|lugar de trabajo|empresa', '').replace(
  '|barrio|colonia|pueblo|comunidad|cuadra|rancho|edificio',
  '',
);
/** Little words that may come between a verb and its audience ("avisarle a todos sus …"). */
const FILL =
  '(?:(?:le|les|te|lo|la|los|las|a|al|con|todos|todas|todo|el|su|sus|tu|tus|tambien|directamente|mismo|hoy|manana|pronto|de|que|cada|uno|ya) )';
const TELL =
  '(?:llam\\w*|avis\\w*|inform\\w*|notific\\w*|contact\\w*|cont(?:ar|aremos|arle|arles|ara|aran|arselo|arselos|amos)|dec(?:ir|irle|irles|irselo|irselos)|dir(?:emos|an|a|e)|comunic\\w*|escrib\\w*|mand(?:ar|aremos|arle|arles|ara)|envi(?:ar|aremos|arle|arles|ara)|hablaremos|report(?:ar|aremos|arle|arlo|arla)|enter(?:ar|aremos|aran|ara)|visit(?:ar|aremos|ara|aran)|iremos con)';
const LEARN =
  '(?:se (?:enterara|enteraran|va a enterar|van a enterar|entere|enteren|enteraria|enterarian)|(?:va|van) a (?:saber|enterarse|descubrir|escuchar|oir|conocer)|sabra|sabran|sabria|sabrian|sepa|sepan|conocera|conoceran|descubrira|descubriran|escuchara|escucharan|oira|oiran|(?:recibira|recibiran|(?:va|van) a recibir) (?:\\w+ ){0,3}?(?:llamad|cart|mensaj|avis|notificacion|visit|correo|sobre|copia|detalle|hoja|volante|monto|estado de cuenta|historial)\\w*|(?:tendra|tendran|(?:va|van) a tener) (?:\\w+ ){0,4}?(?:una copia|copias|el monto|el detalle|los detalles|su estado de cuenta|su historial|su expediente)|(?:vera|veran|(?:va|van) a (?:ver|encontrar|leer)|encontrara|encontraran) (?:\\w+ ){0,6}?(?:cuanto (?:usted )?(?:debe|debes|nos debe)|lo que (?:usted |ud )?(?:debe|debes|nos debe|nos debes)|(?:su|tu) (?:deuda|adeudo))|(?:sera|seran) (?:el |la |los |las )?(?:siguiente|siguientes|proxim[oa]s?) en enterarse|(?:vera|veran|van a ver) que|tendra noticias|tendran noticias|(?:va|van) a tener noticias|(?:se )?(?:preguntara|preguntaran|(?:va|van) a preguntar)(?:se)? por que|(?:se (?:va|van) a llevar|se llevara|se llevaran) (?:una|un) (?:sorpresa|susto)|(?:ya )?(?:tiene|tienen|recibio|recibieron|tendra|tendran|recibira|recibiran|(?:va|van) a (?:tener|recibir)) (?:\\w+ ){0,3}?(?:numero de cuenta|saldo|carta|lista|recado|nota|foto|aviso|detalle|monto)\\w*|(?:vera|veran|vea|vean|(?:va|van) a (?:ver|encontrar|leer)|encontrara|encontraran) (?:\\w+ ){0,4}?(?:aviso|nota|carta|cartel|lista|mensajes|estado de cuenta|detalle|cobro)|(?:vera|veran|vea|vean|(?:va|van) a ver) (?:\\w+ ){0,4}?(?:lo que (?:usted )?debe|que (?:usted )?(?:debe|tiene (?:cuentas|deudas|adeudos)|no (?:paga|pago|ha pagado)))|estara enterad\\w*|estaran enterad\\w*)';

export const SPANISH_RULES: readonly Rule[] = [
  {
    rule: 'threat-violence',
    message: 'amenaza con violencia o daño (threatens violence or harm)',
    pattern: W(
      [
        'matar\\w*|mataremos|matarlo|(?:golpear|lastimar|madrear)(?:lo|la|le|te|los|las)|violencia|violent[oa]s?|golpiza|(?:le|lo|la|te|les) (?:vamos a |van a )?(?:golpear|lastimar|partir|romper)\\w*',
        'hacer(?:le|te|les) dano|(?:romper|partir)(?:le|te) (?:la|las|los|el) \\w+|(?:cuidese|cuidate|cuide) las espaldas|(?:le|te) va a doler',
        // Fifth round: bodily harm and damage named in informal speech (legs, face, windows, tyres, fire, a shot, taking or hurting the family).
        '(?:romp|part)\\w* (?:\\w+ ){0,2}?(?:las piernas|la cara|la madre|los vidrios|el hocico|los dientes|los huesos)|balazos?|plomazos?|secuestr\\w*|(?:lo|la|los|las|te) (?:vamos a |van a |voy a )?(?:desaparecer|desaparecemos|levantamos|levantar)\\b|incendiar\\w*|(?:ponch|raj)\\w* (?:las |sus |su )?llantas|ray\\w* (?:la|el|su|tu) (?:troca|carro|coche|auto|camioneta|moto)|lastimar a (?:su|sus|tu|tus)|quitar(?:le|te)? a (?:sus|tus) hijos|(?:subimos|subir(?:lo|la)?|subiremos) a la camioneta',
      ].join('|'),
    ),
  },
  {
    rule: 'threat-arrest',
    message: 'amenaza con arresto, cárcel o la policía (threatens arrest, jail or the police)',
    pattern: W(
      [
        'arrest\\w*|carcel|prision|(?:meter|meterlo|meterla|meterte|mandar|mandarlo|refundir)\\w* (?:\\w+ )?(?:al bote|al tambo|a la carcel|al penal)|presos?|encarcel\\w*|encerrad[oa]s?|tras las rejas|policias?(?! de transito)|patrullas?|patrulleros?|alguacil\\w*|sheriff|(?:agentes|fuerzas) del orden',
        'orden(?:es)? de (?:arresto|detencion|captura|aprehension)|(?:sera|seran|sea|ser|fue|quedara|podria ser|puede ser|va a ser|van a ser|terminar|terminara|acabar|acabara) (?:detenid|arrestad|esposad)[oa]s?|detenerl[oae]s?|(?:lo|la|le|los|las) (?:van a |vamos a |va a |podrian |pueden |podemos )detener|detencion|esposas puestas',
      ].join('|'),
    ),
  },
  {
    rule: 'threat-legal-action',
    message:
      'amenaza con acciones legales (demanda, tribunal) — solo lícito si de verdad se piensa hacer, y nunca en un recordatorio automático (threatens legal action)',
    pattern: W(
      [
        'demand(?:ar|arl[aeo]s?|arte|aremos|ara|aran|aria|ado|ada|ados|adas|amos|ando|arlos)',
        '(?:una|la|nuestra) demanda (?:judicial|legal|penal|civil|formal|en su contra|en tu contra|contra usted|contra ti|por)',
        '(?:presentar|presentaremos|presentara|interponer|interpondremos|poner|pondremos|enfrentar|enfrentara|recibira|recibir|iniciar|iniciaremos|levantar|levantaremos|proceder con|procederemos con)(?:le|les|te)? (?:una|la) demanda',
        'acciones? (?:legal|legales|judicial|judiciales)|proceso (?:legal|judicial)|procedimientos? (?:legal|legales|judicial|judiciales)|(?:la )?via (?:legal|judicial)|(?<!nuestro |su |mi |tu )juicio',
        'juzgados?|tribunal(?:es)?|(?:la|las|una|ante|a) cortes?(?! de pelo)|jueza?(?! del? (?:concurso|certamen|baile|torneo|partido))|jueces|citacion(?:es)? (?:judicial\\w*|a la corte|al tribunal)|citatorio|emplazamiento|sentencia',
        // Third round: the legal department and the lawyers are a threat when the account goes to them or they act, not when they are named.
        '(?:pas|turn|envi|remit|transfer|mand|canaliz|entreg)\\w*(?: \\w+){0,3}? (?:a|al|con) (?:nuestro |nuestros |el |los |un |una )?(?:departamento legal|abogad[oa]s?|despacho de abogados)',
        '(?:(?:el |nuestro )?departamento legal|nuestros? abogad[oa]s?|(?:abogados?|licenciados?)) (?:ya )?(?:va|van|ira|iran|se encargara|se encargaran|procedera|procederan|tomara|tomaran|iniciara|iniciaran|esta preparando|estan preparando)',
      ].join('|'),
    ),
  },
  {
    rule: 'threat-seizure',
    message: 'amenaza con embargo, retención del sueldo o quitarle bienes (threatens seizure or garnishment)',
    pattern: W(
      [
        '(?<!sin )embarg\\w*|incaut\\w*|decomis\\w*|confisc\\w*|reposes\\w*|ejecucion hipotecaria|remate|gravamen',
        '(?:quitar|quitaremos|quitara|quitarle|quitarte|llevar|llevaremos|llevarnos|tomar|tomaremos|tomara|vender|venderemos)(?:le|te|nos)? (?:su |tu |la |el |sus |tus |los |las )?(?:casa|carro|coche|auto|vehiculo|camioneta|troca|propiedad|propiedades|bienes|muebles|sueldo|salario|cheque|pertenencias|terreno|negocio|ahorros|cosas)',
        '(?:retener|retendremos|retenerle|quedarnos con|nos quedaremos con|quedaremos con) (?:su |tu |el |la )?(?:sueldo|salario|cheque|nomina|pago de nomina)|(?:retencion|descuento|deduccion) (?:de|del|de su|de tu) (?:sueldo|salario|cheque|nomina)',
        'descont\\w* (?:\\w+ ){0,3}?(?:de|del) (?:su |tu )?(?:sueldo|salario|cheque|nomina)|congel\\w* (?:sus |tus |su |tu )?(?:cuentas?|bienes|ahorros|sueldo|salario)|recuper\\w* (?:su |tu |el |la )(?:carro|coche|auto|vehiculo|camioneta|casa)',
      ].join('|'),
    ),
  },
  {
    rule: 'third-party-disclosure',
    message:
      'amenaza con avisar, o da a entender que se enterarán, su familia, su trabajo, sus vecinos o su iglesia (threatens or implies telling family, employer, neighbours or contacts)',
    pattern: W(
      [
        `${TELL} ${FILL}{0,4}(?:(?:un |una |unos |unas )?(?:mensajes?|cartas?|correos?|avisos?|textos?|notificacion\\w*|copias?|whatsapps?|tarjetas?|recados?|notas?) ${FILL}{0,3})?${GROUP}`,
        `${WHO}(?: (?!no |nunca |jamas |ni |nadie )\\w+){0,5}? ${LEARN}`,
        // Third round: the whole street or village as the audience, and the papers sent or left where others read them.
        `tod[oa]s? (?:el|la|los|las|su|sus|tu|tus) (?:\\w+ ){0,2}?${GROUP}(?: (?!no |nunca |jamas |ni )\\w+){0,3}? ${LEARN}`,
        `(?:${TELL}|haremos llegar|hacer llegar|dejaremos|dejar|vamos a dejar|pasaremos|pasar) (?:\\w+ ){0,3}?(?:copia|copias|notificacion|aviso|expediente|mensaje|detalle|estado de cuenta|historial|sobre|carta) (?:\\w+ ){0,7}?(?:a|al|en|con|para) (?:\\w+ ){0,4}?(?:su|sus|tu|tus) ${GROUP}`,
        '(?:tema de conversacion|de boca en boca)|se (?:va a|van a)? ?(?:leer|leera|mencionar|mencionara|anunciar|anunciara) (?:su|tu) nombre',
        `(?:que|para que|antes de que) (?:\\w+ ){0,2}${GROUP} (?:\\w+ ){0,2}(?:se entere|se enteren|sepa|sepan|lo sepa|lo sepan)`,
        `que (?:pensara|pensaran|diran|dira|pensaria|pensarian) ${FILL}{0,2}${GROUP}`,
        // Fourth round: the audience named before the verb, the papers made to reach them, the family made to answer for the debt.
        `(?:a|al) (?:su|sus|tu|tus) ${GROUP} (?:les|le) ${TELL}`,
        `(?:hac\\w* llegar|dej\\w*) (?:\\w+ ){0,2}?(?:recado|mensaje|nota|copia|carta|aviso|tarjeta|volante|cartel)\\w* (?:\\w+ ){0,4}?(?:a|al|en|con|para) (?:\\w+ ){0,2}?(?:su|sus|tu|tus) ${GROUP}`,
        `(?:(?:tendra|tendran|(?:va|van) a tener) que (?:responder|pagar) por (?:usted|ti|el|ella)|les llegara la cuenta)`,
        '(?:lo )?(?:sepa|sepan|sabra|sabran) todo el (?:pueblo|barrio|vecindario|mundo|trabajo|rancho)',
        `tenemos (?:el |los |la |las )?(?:numeros?|telefonos?|datos|contactos?|direccion(?:es)?) (?:\\w+ ){0,2}(?:de|del) (?:su |sus |tu |tus )?${GROUP}`,
        'todo el (?:barrio|pueblo|vecindario|mundo) (?:se enterara|sabra|va a saber|lo sabra|se va a enterar)|todos (?:en|de) (?:su|tu) (?:trabajo|iglesia|familia|barrio|colonia|pueblo) (?:\\w+ )?(?:sabran|se enteraran|van a saber|lo sabran)',
        // Fifth round: the audience receives, reads, opens or is kept informed of the papers; it arrives to them; who works where the borrower works.
        `(?:${WHO}|exesposa|exesposo|expareja|duena|dueno|gente de (?:su|tu) \\w+|donde (?:usted )?trabaja|(?:sus|tus) contactos|gente que tiene guardada|en (?:su|tu) (?:pueblo|barrio|colonia|trabajo|iglesia) todos)(?: (?!no |nunca |jamas |ni |nadie )\\w+){0,6}? (?:${LEARN}|(?:reciba|reciban|lea|lean|leera|leeran|(?:va|van) a (?:leer|recibir|tener|ver|abrir)|abra|abran|tendra|tendran|vera|veran) (?:\\w+ ){0,3}?(?:copia|detalle|estado de cuenta|historial|expediente|reporte|papel\\w*|factura|oficio|hoja|cobro|recordatorio|correo)|(?:va|van) a quedar al tanto|se (?:va|van) a encontrar con|(?:va|van) a conocer la clase)`,
        `(?:llega\\w*|va a llegar|van a llegar) (?:\\w+ ){0,4}?a (?:cada uno de )?(?:su|sus|tu|tus) ${GROUP}|(?:a|al) (?:su|sus|tu|tus|la|el|los|las) (?:\\w+ ){0,4}?(?:les|le) (?:va a llegar|van a llegar|llegara|llegaran|llega) (?:su|tu|el|la|una|un) (?:\\w+ ){0,2}?(?:estado de cuenta|factura|cobro|deuda|saldo|historial|copia|carta|oficio)|lo sabe tod[oa] (?:la|el) (?:colonia|barrio|pueblo|cuadra|rancho|trabajo)`,
      ].join('|'),
    ),
  },
  {
    rule: 'home-visit',
    message:
      'amenaza con visitarle en su casa o trabajo (threatens, or implies, a visit to the borrower’s home or work)',
    pattern: W(
      [
        'visita (?:domiciliaria|a su casa|a su domicilio|a su trabajo|en persona|a su hogar|sorpresa)|visitas domiciliarias',
        '(?:iremos|vamos a ir|van a ir|pasaremos|llegaremos|presentarnos|nos presentaremos|apareceremos|visitarl[aeo]s?|visitarte|visitaremos|enviaremos a alguien|mandaremos a alguien|mandar a alguien|enviar a alguien|un cobrador|nuestro cobrador|nuestros cobradores|un gestor|nuestros gestores|iremos a buscarl[aeo]s?|vamos a buscarl[aeo]s?)(?: \\w+){0,3}? (?:a|por|en|hasta|frente a) (?:su|tu) (?:casa|domicilio|hogar|trabajo|negocio|puerta|lugar de trabajo|empleo|direccion)',
        // Second round: the visit named without the place, by who comes, or by where they wait.
        '(?:lo|la|le|los|las|te) (?:visitaremos|vamos a visitar|iremos a visitar|van a visitar|visitara|visitaran)|(?:le|te) (?:haremos|vamos a hacer) una visita',
        '(?:se presentara|se presentaran|acudira|acudiran|acudiremos|nos vemos|estaremos|llegaremos|ira|iran|pasara|pasaran|lo esperamos|la esperamos|lo esperaremos|la esperaremos)(?: \\w+){0,3}? (?:a|por|en|hasta) (?:su|tu) (?:casa|domicilio|hogar|trabajo|negocio|lugar de trabajo)',
        '(?:a la salida|a la entrada|en la puerta|afuera|fuera) de (?:su|tu) (?:casa|trabajo|domicilio|negocio|empleo)|(?:en persona|iremos|vamos a ir|pasaremos) (?:\\w+ ){0,4}?(?:donde|adonde|en donde) (?:trabaja|vive|trabajas|vives)',
        '(?:tocar|tocaremos|tocando|tocara|tocaran) (?:a )?(?:su|tu) puerta|frente a (?:su|tu) (?:casa|trabajo|domicilio)|cobrador(?:es)? (?:ira|iran|va|van|pasara|pasaran|estara|estaran|llegara|llegaran)',
        // Third round: visiting the home by its name, people sent, "caerle en la casa", waiting outside church or school, the field team.
        '(?:visit\\w*|caer\\w*) (?:en |a )?(?:su|tu) (?:casa|domicilio|hogar|trabajo|negocio|chamba|jale)|caer\\w* en la (?:casa|chamba|jale)|(?:le|te|lo|la) (?:vamos a|van a|va a) caer',
        '(?:mandaremos|enviaremos|mandar|enviar|vamos a mandar|vamos a enviar|van a mandar) (?:a )?(?:gente|alguien|personal|cobradores|gestores|un representante|representantes)|(?:representante|representantes|gestor|gestores|cobrador|cobradores|agente|agentes|alguien|personal|equipo)(?: \\w+){0,3}? (?:estara|estaran|llegara|llegaran|ira|iran|pasara|pasaran|se presentara|se presentaran) (?:\\w+ ){0,2}?(?:a|en|por) (?:su|tu) (?:casa|domicilio|hogar|trabajo|negocio|lugar de trabajo|empleo)',
        '(?:ir|iremos|vamos a ir|van a ir|iran) a buscar(?:l[ao]s?|te)|(?:esperarl[aeo]s?|esperarte|(?:lo|la|le|te) (?:esperamos|esperaremos|vamos a esperar|estaremos esperando)) (?:a la salida|a la entrada|afuera|fuera|en la puerta|frente a (?:su|tu))',
        '(?:nos presentamos|nos presentaremos|presentarnos|llegaremos|llegara|llegaran|estara|estaran|iremos|vamos a ir|apareceremos|nos aparecemos) (?:\\w+ ){0,3}?(?:a|en) (?:la|el|su|tu) (?:\\w+ ){0,3}?(?:donde|en que|en la que|en el que) (?:esta )?(?:trabaj|vive|viv|estudi)\\w*|(?:iremos|vamos a ir|van a ir|pasaremos|llegaremos) a la (?:escuela|casa|iglesia|oficina|obra|fabrica) de (?:su|sus|tu|tus)',
        '(?:cobrador|gestor|cobradores|gestores)\\w* (?:\\w+ )?en camino|(?:pasamos|venimos|vamos) (?:\\w+ )?por (?:su|tu) (?:casa|trabajo|domicilio|negocio)|(?:lo|la|le|te) (?:esperara|esperaran|esperare) (?:a la salida|a la entrada|afuera|en la puerta)|a la salida de (?:su|tu) turno|cobro (?:en persona|a domicilio|en su domicilio)|ir a cobrar(?:le|te)?|pasaremos a cobrar|cobrar(?:le|te) en persona|(?:esperando|esperandolo|esperandola|esperandote) (?:afuera|fuera|en la puerta|frente)',
        // Fifth round: going or sending people where the borrower works or lives, by the place named as where they work, a relative's house, waiting outside.
        '(?:me presento|me presentare|me aparezco|llego|llegamos|paso|pasamos|voy|vamos|mandamos gente|mando gente|caigo|caemos)(?: \\w+){0,4}? (?:a|en) (?:la|el|su|tu) (?:\\w+ ){0,2}?(?:donde|en que|en la que|en el que) (?:usted |ud )?(?:trabaja|vive|atiende|anda)\\w*|tocar(?:le|te|les) la puerta|(?:voy a ir|vamos a ir|ire|iremos|paso|pasamos|llego|llegamos) (?:\\w+ ){0,2}?a (?:la )?casa de (?:su|sus|tu|tus)|(?:voy a ir|ire|voy|paso|llego) (?:personalmente )?a (?:su|tu) (?:oficina|casa|trabajo|negocio|domicilio|chamba)',
        '(?:le|te) (?:caigo|caemos|llegamos) (?:a|en)|(?:mis|nuestros) (?:muchachos|chavos|hombres)|(?:lo|la|le|te) (?:esperan|espera|estan esperando) (?:afuera|en la puerta|abajo)|(?:gestor|gestores|cobrador|cobradores|representante|agente) (?:pasa|va|llega|viene|pasan|van|llegan|vienen) (?:por|a) (?:su|tu) (?:casa|negocio|trabajo|domicilio|oficina)|esperarl[aeo]s? en (?:el|la) (?:\\w+ ){0,2}?de (?:su|tu) (?:trabajo|casa|negocio|oficina)',
      ].join('|'),
    ),
  },
  {
    rule: 'publish-debt',
    message: 'amenaza con publicar la deuda o avergonzarle (threatens to publish the debt or shame the borrower)',
    pattern: W(
      [
        '(?<!puede |pueden |podra |desea |quiere )publicar(?:la|lo|le|emos)?|publicaremos|publicara|publicamente|en publico',
        '(?:subir|subiremos|poner|pondremos|compartir|compartiremos|difundir|difundiremos|colgar|colgaremos|mandar|mandaremos)\\w* (?:\\w+ ){0,3}(?:en (?:internet|redes|redes sociales|facebook|instagram|tiktok|whatsapp|la red|el grupo|los grupos)|su (?:foto|cara|nombre|deuda|imagen))',
        '(?:su|tu) (?:foto|cara|imagen) (?:sera|estara|va a estar|aparecera|circulara|saldra)\\w*|(?:su|tu) nombre (?:y (?:su|tu) (?:foto|deuda) )?(?:sera|estara|aparecera|circulara|saldra) (?:publicad\\w*|en (?:redes|internet|facebook|la lista|el grupo|todas|todos))',
        '(?:exhibir|exponer|evidenciar|quemar|balconear|ventilar)(?:lo|la|le|te|los)\\w*|(?:lo|la|le|te) (?:vamos a |van a )?(?:exhib|expon|expond|evidenci|quem|balcone|ventil)\\w*|humill\\w*|avergonz\\w*|verguenza|escarnio',
        // Second round: the neighbourhood or the contacts as the audience, "correr la voz", "para que todos lo vean".
        'todo (?:su|tu) (?:barrio|vecindario|pueblo|colonia|trabajo|familia) (?:va a saber|sabra|se enterara|se va a enterar|lo sabra)|(?:lo|la|le|te|los) (?:daremos|vamos a dar) a conocer|haremos saber a (?:todos|todo el mundo)|(?:hacer|vamos a hacer) saber a (?:todos|todo el mundo)',
        '(?:haremos|hacer|vamos a hacer) circular|(?:saldra|va a salir|aparecera|va a aparecer) en (?:la|el|una|un) (?:pantalla|pagina|lista|pizarra|tablero|cartel|periodico|radio|grupo|redes) (?:\\w+ ){0,6}?(?:que (?:usted |ud )?debe|(?:su|tu) (?:deuda|nombre|foto|adeudo))|corr(?:er|era|eremos|a) la voz|para que (?:todos|todo el mundo) (?:lo )?(?:vean|vea|sepan|sepa|se enteren)|que (?:usted |ud |tu )?(?:es|eres) (?:un |una )?(?:moros[oa]|deudora?|trampos[oa])',
        // Third round: a profile or a page of debtors, a story with the photo, the contacts put in a group to see the debt.
        '(?:su|tu) (?:perfil|muro|pagina|cuenta) de (?:instagram|facebook|tiktok)|(?:le|te) (?:haremos|vamos a hacer|hacemos) una (?:historia|publicacion|post)|pagina de (?:deudores|morosos)|(?:su|tu) (?:foto|cara|imagen) (?:y|con) (?:su|tu) (?:nombre|deuda|adeudo)|(?:su|tu) (?:foto|cara|imagen) (?:va|van) a (?:aparecer|salir|circular|estar)',
        '(?:mostrarles|ensenarles|exhibirles|mostrarselo a|ensenarselo a) (?:\\w+ ){0,2}?(?:su|tu) (?:deuda|adeudo)|(?:mostrar|ensenar|exhibir) (?:su|tu) (?:deuda|adeudo) a (?:todos|sus|tus)|(?:agregar|meter|sumar|anadir|juntar) a (?:todos )?(?:sus|tus) (?:contactos|amigos|familiares|conocidos)(?: \\w+){0,2}? (?:a|en) (?:un|el|nuestro) grupo',
        'todo el mundo (?:sabra|se enterara|va a saber|lo sabra)|todos (?:sabran|se enteraran|van a saber)|lista (?:negra|de morosos|de deudores)|boletin\\w*|moroso del mes|cartel(?:es)?|volantes|grupos? de (?:whatsapp|facebook)|(?:en|a) (?:su|tu|sus|tus) grupos?',
        // Fifth round: the photo or selfie circulated, printed or shown with a label; a meme; a wall or banner of debtors.
        '(?:su|tu) (?:selfie|foto|cara|imagen)(?: \\w+){0,4}? (?:va a quedar|sale|saldra|va a circular|circula|van a salir|va a salir)|(?:ver|veran|van a ver|vea|vean) (?:su|tu) foto|memes?|(?:imprimimos|imprimiremos|pegamos|pegaremos) (?:su|tu) foto|letrero de (?:estafador|moroso|deudor|tramposo)|muro de (?:deudores|morosos)|manta de (?:los|deudores|morosos)|aparece\\w* publicad\\w*',
      ].join('|'),
    ),
  },
  {
    rule: 'fake-legal',
    message: 'imita documentos legales o del gobierno (imitates legal or government documents)',
    pattern: W(
      [
        '(?:aviso (?:legal|oficial|final)|notificacion (?:legal|oficial|judicial)|ultim[oa] (?:aviso|advertencia))(?! (?:de|del|sobre) (?:la |el |esta |este |nuestra |nuestro |su )?(?:promocion|oferta|descuento|campana|sorteo|encuesta|evento|rebaja|venta))|orden judicial|orden de la corte|documento oficial|agencia (?:federal|del gobierno|gubernamental)|gobierno federal',
        'criminal(?:es)?|delitos?|penal(?:es|mente)?|(?:cometio|cometido|cometiendo|comete|cometer|culpable de|acusad[oa] de|acusacion de|cargos? (?:de|por)|investigad[oa] por|denuncia por|delito de) fraude|fraudulent[oa]s?',
        '(?:el|al|del|un|los) fiscal(?:es)?|fiscalia|ministerio publico|procurador\\w*|fbi|irs|departamento de justicia',
        'deport(?!es\\b)\\w*|inmigracion|(?:oficina|agentes?|oficiales) de migracion|(?:a|al|ante) migracion|migra|uscis|(?:llam|report|avis|denunci|notific|inform|entreg|pas|mand|envi|dar|dare)\\w* (?:\\w+ ){0,3}?(?:a |al |a la |ante |con )?ice|(?:su|tu|sus|tus) (?:estatus|estado|situacion) (?:migratori[oa]|legal|de inmigracion) (?:esta en riesgo|corre peligro|peligra|esta en juego|(?:sera|va a ser|podria ser) (?:revisad|afectad|reportad)\\w*|(?:se vera|podria verse) afectad\\w*)|(?:revis|report|afect|verific|investig)\\w* (?:su |tu |sus |tus )(?:estatus|situacion migratoria|papeles)|(?:sus|tus) papeles|sin papeles|indocumentad\\w*',
        '(?:perder|perdera|perderia|quitar\\w*|cancel\\w*|revoc\\w*) (?:su |tu |la )?(?:residencia|visa|ciudadania|green card|permiso de trabajo|tarjeta verde)',
        // Fifth round: contacts in immigration, a block put in migration, the immigration status made harder.
        'contactos en (?:ice|migracion|inmigracion|la migra)|(?:bloqueo|alerta|reporte|candado) en migracion|(?:complic|afect|arruin|danar)\\w* (?:su|tu) (?:estatus|situacion) migratori\\w*',
      ].join('|'),
    ),
  },
  {
    rule: 'false-authority',
    message:
      'afirma una consecuencia oficial que el remitente no puede imponer (claims an official consequence the sender cannot impose)',
    pattern: W(
      [
        '(?:fiscal|abogado) del distrito|las autoridades|(?:prohibicion|impedimento|restriccion) de (?:salida|viajar|salir)|no (?:podra|podran|podras) (?:salir del pais|viajar|cruzar|volver a trabajar|conseguir trabajo)',
        '(?:pasaporte|licencia de conducir|licencia|visa) (?:sera |seran |va a ser )?(?:revocad|cancelad|suspendid|retirad|confiscad)\\w*',
        '(?:manchar|arruinar|destruir|hundir|marcar)\\w* (?:su|tu) (?:credito|historial|nombre|reputacion|vida)|(?:en|del) (?:el )?buro (?:para siempre|de por vida)|(?:nunca|jamas) (?:mas |nadie )?(?:le |te )?(?:podra|volvera a|volvera|va a|daran|dara) (?:\\w+ )?(?:obtener|tener|sacar|conseguir|prestar|dar) (?:un |una |ningun |ninguna )?(?:credito|prestamo|trabajo|empleo|tarjeta)',
        'registro nacional de deudores|lista nacional',
        // Third round: official papers the sender cannot touch (the licence, the passport, the social security number, DACA), the consulate, re-entry.
        'no (?:podra|podras|podran) (?:renovar|sacar|obtener|tramitar) (?:su|tu) (?:licencia|pasaporte|visa|residencia|ciudadania|green card|permiso|seguro social|daca)|(?:seguro social|daca|pasaporte|licencia|visa|residencia|permiso de trabajo) (?:\\w+ )?(?:sera|seran|puede ser|podria ser|va a ser|quedara) (?:suspendid|cancelad|bloquead|revocad|retirad|congelad)\\w*',
        '(?:report|envi|inform|avis|notific|mand|pas)\\w* (?:\\w+ ){0,3}?(?:al|a su|a tu|con el|con su) consulado|no (?:podra|podras|podran) (?:volver a )?(?:entrar|regresar) (?:a|al) (?:estados unidos|los estados unidos|pais|eeuu|usa)|(?:sacarl[aeo]s?|saquen|sacar(?:te)?|echen|echarl[aeo]s?) del pais|(?:quiten|quitar|quitarle|pierda|perdera|perder) (?:\\w+ )?(?:la )?custodia',
        // Fifth round: the driving licence taken, the social security number marked.
        'quitar\\w* (?:la|su|tu) licencia|seguro social (?:queda|quedara|va a quedar) (?:marcad|bloquead|reportad)\\w*|no (?:va|vas) a poder trabajar legalmente|(?:congelar|congelaremos)\\w* (?:todas )?(?:sus|tus) cuentas',
      ].join('|'),
    ),
  },
  {
    rule: 'surveillance',
    message: 'le dice al deudor que lo vigilan o lo encontrarán (tells the borrower they are watched or found)',
    pattern: W(
      [
        'sabemos (?:(?:perfectamente|muy bien|bien) donde|quienes son|en que escuela|que hace|que hacen|como se llaman?|donde|en donde|a donde|a que hora|que carro|que auto|que troca|cuando|a que escuela|su direccion|tu direccion|sus horarios|su horario|su rutina|por donde|con quien|todo sobre)',
        '(?:lo|la|le|te|los) (?:hemos|estamos|estuvimos|hemos estado|seguimos|vamos a estar) (?:vigilando|siguiendo|observando|rastreando|buscando)|(?:lo|la|le|te) (?:tenemos|estamos|hemos) (?:bien |muy bien |ya )?(?:vigilad|localizad|ubicad|fichad|rastread)\\w*',
        '(?:lo|la|le|te) (?:vamos a |van a )?(?:encontrar|encontraremos|encontraran|hallar|hallaremos|ubicar|ubicaremos|localizar|localizaremos)(?! juntos| entre todos)',
        'no (?:puede|podra|puedes|podras|va a poder) (?:esconderse|esconderte|escapar|huir|ocultarse|ocultarte)|(?:donde|a donde|adonde) (?:sea que )?(?:vaya|vayas|se esconda|se meta|se mude)|no tiene (?:donde|a donde) esconderse',
        // Second round: the family known, people on the ground, every move watched.
        'conocemos (?:bien |muy bien )?a (?:su|sus|tu|tus) (?:familia|familiares|hijos|hijas|esposa|esposo|marido|mujer|padres|madre|padre|hermanos|ninos)|tenemos (?:gente|personas|contactos|amigos) (?:que (?:lo|la|le|te) (?:conoce|conocen|ve|ven|vigila|vigilan)|en (?:su|tu) (?:colonia|barrio|zona|trabajo|cuadra))',
        'tenemos (?:su|tu) (?:direccion|domicilio) y (?:la|el) de (?:su|sus|tu|tus)|(?:pendientes|al tanto|atentos) de (?:cada uno de )?(?:sus|tus) (?:movimientos|pasos)',
        // Third round: what the borrower does and where, pictures of the house, people following, a new job found.
        'sabemos (?:en |a |por )?(?:que|cual|cuales) (?:iglesia|escuela|ruta|camino|calle|colonia|carro|auto|troca|camioneta)|sabemos que (?:ahora |ya )?(?:vive|se mudo|se fue a vivir|anda|duerme) (?:con|en la calle|en casa de|por la calle)',
        '(?:conocemos|sabemos) (?:todos |cada uno de )?(?:sus|tus) (?:movimientos|pasos|rutinas|salidas)|(?:al pendiente|pendientes|al tanto|atentos) de (?:cada|todos) (?:uno de )?(?:sus |tus |los )?(?:paso|pasos|movimiento|movimientos)|no (?:se|te) (?:puede|podra|va a poder|puedes|podras|vas a poder) (?:esconder|escapar|ocultar)\\w*',
        'tenemos (?:fotos|fotografias|videos|imagenes) de (?:su|tu|sus|tus)|(?:gente|personas|alguien|agentes|personal) (?:siguiendol|vigilandol|observandol|siguiendot|vigilandot)\\w*|(?:personal|gente|agentes?|gestores?|cobradores?) (?:\\w+ )?(?:lo|la|le|te) (?:vio|vieron|ha visto|han visto)',
        'tenemos (?:su|tu) (?:direccion|domicilio)(?: \\w+){0,3}? (?:la|el) de (?:su|sus|tu|tus)|(?:ya )?(?:ubicamos|localizamos|rastreamos) (?:su|tu) (?:nuevo |nueva )?(?:jale|trabajo|chamba|casa|domicilio|empleo|departamento|escondite)|(?:puerta|porton|reja|fachada) (?:azul|roja|verde|blanca|negra|cafe|gris|amarilla)\\w*',
        'conocemos (?:su|tu) (?:direccion|rutina|domicilio|casa|horario)|(?:lo|la|le|te) (?:vimos|hemos visto) (?:salir|entrar|llegar|ayer|anoche|en su|en tu|con su)|(?:gente|personas|alguien) (?:de los nuestros )?en (?:su|tu) (?:zona|barrio|area|colonia|cuadra)',
        // Fifth round: seen doing something, followed for days, places and times checked, the relative's flat located, the child's school known.
        '(?:lo|la|le|te) (?:vimos|hemos visto) (?:\\w+ndo|con)|(?:lo|la|le|te) (?:hemos|habiamos) (?:seguido|vigilado|observado|rastreado)|(?:le|te|lo|la)? ?tenemos (?:bien |muy bien |ya )?(?:checad|ubicad|medid|cachad|localizad|identificad)\\w*|(?:su|tu) (?:carro|troca|camioneta|moto|auto) (?:estuvo|estaba) (?:estacionad|parad)\\w*|conocemos (?:la|su|tu) (?:direccion|casa|domicilio)|sabemos que (?:va|sale|entra|llega) (?:los|al|a la|todos|todas)|sabemos (?:el nombre de |la direccion de )?(?:la|el) (?:escuela|salon|trabajo|casa|oficina) de (?:su|sus|tu|tus)',
      ].join('|'),
    ),
  },
  {
    rule: 'veiled-threat',
    message: 'una amenaza velada (a veiled threat: menace without naming the act)',
    pattern: W(
      [
        'se (?:va|van) a arrepentir|(?:se )?arrepentira|te arrepentiras|lo lamentara|lo lamentaras|(?:atengase|atente) a las consecuencias|(?:habra|sufrira|sufrir|enfrentara|enfrentar|asuma|tendra) (?:las )?consecuencias',
        'por las buenas o por las malas|por las malas|(?:las cosas|esto) (?:se )?(?:pondran|va a poner|van a poner|puede poner|se pondra|se va a poner|pueden ponerse) (?:muy )?(?:feas?|feo|mal|peor|dificil\\w*)',
        '(?:no )?sabe con quien (?:se (?:esta )?met\\w*|esta tratando|trata)|lo que le espera|vera lo que (?:pasa|le pasa|sucede)|sabe lo que le conviene|piense en (?:su|sus|tu|tus) (?:familia|hijos|esposa|trabajo|ninos)',
        '(?:seria|que) una (?:lastima|pena) que(?! (?:\\w+ ){0,3}?(?:descuento|oferta|promocion|beneficio|bonificacion|rebaja|plazo))|algo (?:malo )?(?:le|te) (?:puede|podria|va a) (?:pasar|suceder)|hacer(?:le|te) la vida (?:imposible|dificil|un infierno|de cuadritos)|(?:le|te) (?:haremos|vamos a hacer) la vida',
        // Second round: how "these things end", "think of your family", "you don't want trouble", "much to lose".
        'sabe (?:como|en que) (?:terminan|acaban|termina|acaba) (?:estas|estos|esta|este) (?:cosas|situaciones|casos|asuntos|historias)|(?:pienselo|piense|piensalo|piensa) bien (?:lo que hace )?(?:por|en) (?:el bien de )?(?:su|sus|tu|tus)|piense bien lo que hace|por el bien de (?:su|sus|tu|tus) (?:familia|hijos|ninos|esposa)',
        'no (?:querra|quiere|quieres|querras) (?:tener )?problemas(?! para)|no (?:le|te) conviene (?:tenernos|hacernos|meterse|jugar|provocar|ignorar)\\w*|(?:le|te) (?:pase|pasara|pasase|suceda|sucediera|ocurra|ocurriera) (?:algo|nada)(?: malo)?|cuide (?:bien )?(?:a los suyos|a su familia|a sus hijos)',
        '(?:tiene|tienes|tendra) mucho (?:que|por) perder|no (?:diga|digas) que no (?:se )?(?:le |te )?(?:aviso|avisamos|advirtio|advertimos)|no se queje|no (?:respondemos|nos hacemos responsables) (?:de|por) lo que|no (?:juegue|juegues) con nosotros|(?:mejor|bueno) para su salud',
        '(?:las cosas|esto|todo|la situacion) (?:se )?(?:pueden|puede|podrian|podria|van a|va a) (?:complicar(?:se|le)?|terminar (?:muy )?mal|acabar (?:muy )?mal)|(?:esto|las cosas) no (?:va|van) a (?:terminar|acabar) bien',
        // Third round: pity that something befalls the family or the house, things "getting ugly" or "personal", worse ways not yet used, a scare, accidents.
        'seria (?:muy |realmente )?(?:una )?(?:lastima|pena|lamentable|triste|terrible|una desgracia) que(?! (?:\\w+ ){0,3}?(?:descuento|oferta|promocion|beneficio|bonificacion|rebaja|plazo))|(?:su|tu|sus|tus) (?:familia|hijos|ninos|esposa|esposo) (?:pagara|pagaran|pague|paguen|sufra|sufran|sufriera|sufrieran) (?:las consecuencias|por)|pag\\w* las consecuencias',
        '(?:las cosas|esto|todo) (?:se )?(?:pong\\w*|pondr\\w*|(?:va|van|puede|pueden) a ponerse|(?:va|van) a poner) (?:muy |bien )?(?:feas?|feos?|mal|peor|dificil\\w*|personal|color de hormiga)',
        '(?:por|de) (?:su|tu) (?:propio )?bien y (?:el|la) de los (?:suyos|tuyos)|(?:por|piense en|piensa en|pensando en) (?:la salud|la integridad) de (?:su|sus|tu|tus) (?:familia|hijos|hijas|ninos|esposa|esposo|mama|papa|seres queridos)',
        '(?:uno|usted|nadie) (?:nunca )?sabe lo que (?:le )?(?:puede|podria) (?:pasar|suceder|ocurrir)|nunca se sabe (?:lo que|que) (?:puede|podria|le) |(?:cuando se acaba|cuando se agota|si no paga|si no) pasan cosas|(?:pasan|suceden|ocurren) cosas (?:malas|feas|desagradables)|(?:suelen|pueden|podrian|van a|acaban|terminan) (?:tener|sufrir|teniendo|sufriendo) (?:un |unos |algun |algunos )?accidentes?',
        '(?:maneras|formas|metodos|modos) (?:mas (?:desagradables|duras|feas|rudas)|menos (?:amables|agradables|bonitas)) de cobrar|todavia no (?:las|los) hemos usado|(?:ultima vez|ultima oportunidad) (?:que )?(?:se lo |le |te )?(?:pedimos|pido|pedimos) por las buenas|sabemos como (?:arreglar|resolver|manejar|tratar) (?:las cosas|esto|estos asuntos|a la gente) cuando',
        '(?:se lleven|se llevaran|llevarse|darle|darles|se lleve|se llevara) (?:un |el )?(?:buen |gran )?susto|no (?:me|nos) gustaria que (?:a )?(?:su|sus|tu|tus) (?:familia|hijos|hijas|ninos|esposa|esposo|mama|papa|casa|carro)|ojala (?:la|lo|las|los) (?:pueda|puedas) (?:conservar|mantener|seguir)|que (?:bonit|lind)[oa]s? (?:casa|familia|carro|hijos|ninos)|(?:una|un|unos) (?:familia|casa|carro|hijos) muy (?:bonit|lind)\\w*',
        '(?:nadie|no) (?:quiere|quieres|querria|querra) ver a (?:su|sus|tu|tus) (?:\\w+ ){0,2}?(?:preocupad|sufr|llor|trist|asustad|en problemas)\\w*|no (?:querra|querras|quiere|quieres) que (?:esto|las cosas) (?:se )?(?:ponga|pongan|vuelva|termine)',
        // Fourth round, by family: "you were warned" (usted sabrá, después no se queje, el que avisa no es traidor); the good way
        // and the other one; things ending ugly, escalating, patience running out; we do not forget or forgive; the family's,
        // the house's or the health's frailty named beside the debt; "we will be there when you least expect it"; playing with fire.
        '(?:usted|tu|ud|vos) (?:sabra|sabras) lo que (?:hace|haces|hacen)|(?:usted|tu|ud|vos) (?:vera|veras) si (?:quiere|quieres|sigue|sigues)|alla (?:usted|tu|vos)|el que avisa no es traidor|(?:despues|luego) no (?:se queje|te quejes|andes?|llore|llores|diga|digas)|no (?:diga|digas|vaya a decir) que (?:no|nadie) (?:se |le |te |lo )*(?:aviso|avisamos|advirtio|advertimos|dijo|dijimos)|que no (?:le|te) sorprenda lo que (?:venga|pase|suceda|le pase)|consejo de amigo|(?:atienda|atiende|atiendase) a las consecuencias|ya sabe cuales son|antes de que sea (?:demasiado )?tarde para (?:usted|ti)(?! (?:\\w+ )?\\w+(?:ar|er|ir)\\b)',
        'por las buenas(?! (?:noticias|nuevas))|hablar (?:de esto |de eso )?de otra (?:manera|forma|modo)|no (?:le|te|les) (?:va|van) a gustar|(?:maneras|formas|modos) (?:mas )?(?:desagradables|feas|duras) de (?:resolver|arreglar|cobrar)|cosas peores|ahorr\\w* (?:los |unos )?malos momentos|(?:hacerle|hacerte|le haremos|te haremos|le vamos a hacer) pasar (?:un |unos )?mal(?:os)? (?:momentos?|rato)|no hay vuelta atras|que esto escale|(?:se le|se te|le|te) puede poner (?:muy )?fe[oa]|(?:terminar|acabar|salir|salen|sale|termina|terminan|acaba|acaban) (?:muy |bien )?(?:feo|fea)|las cosas salen mal',
        'la paciencia se (?:acaba|agota|termina)|no me (?:haga|hagas) enojar|cuando me enojo|no (?:olvidamos|perdonamos) a (?:quienes|los que|nadie)|nosotros no perdonamos|nosotros no olvidamos(?! (?:su|sus|tu|tus) )|(?:nos vamos a acordar|nos acordaremos) de (?:usted|ti)|sabemos (?:muy bien )?como cobrar|nadie se burla de nosotros|(?:juega|juegas|jugar|esta jugando) con fuego|no se (?:haga|hagas|haces) el (?:valiente|vivo|listo|gracioso)|(?:no se le|no se te) haga costumbre|todo tiene (?:un|su) precio',
        '(?:pasan|ocurren|suceden|hay) (?:\\w+ )?accidentes|(?:le|te|les) (?:pasa|pase|pasara|ocurra|ocurre|ocurrira|suceda|sucede) (?:un|algun) accidente|(?:cuide|cuida|cuidese) lo que tiene|(?:digale|dile|diganle|avisele) a (?:su|tu|sus|tus) (?:\\w+ ){0,2}?que se cuide\\w*|(?:duerma|duerme) con un ojo abierto|(?:anda|hay) (?:mucha )?gente mala|(?:que )?mala suerte (?:tiene|tienen)|(?:luego|despues|al final) (?:le|les|te) va (?:muy )?mal|(?:terminan|acaban) (?:arrepintiendose|arrepentidos|lamentandolo)|(?:no (?:le|te) )?conviene un susto|(?:la salud|el corazon|su salud|tu salud) (?:es|esta) (?:muy )?delicad\\w*|(?:los )?disgustos no (?:ayudan|son buenos|convienen)|(?:seria|que) triste perder\\w*|(?:los ninos|sus hijos|su hija|su hijo|tus hijos|tu hija|tu hijo|la nina|el nino) (?:\\w+ ){0,2}?(?:salen|sale|entran|entra|llegan|llega) (?:de|a) la escuela a las|(?:se ve|se ven|luce|lucen|esta|estan) (?:muy )?(?:tranquil|bonit|lind|san|a salvo)\\w* por ahora|cuando menos (?:lo|se lo) (?:espere|esperes)|sigue tan (?:confiad|tranquil|valiente|campante|content)\\w*|ojala (?:nunca |no )?tengamos que|ojala (?:nunca |no )?(?:tenga|tengas) que (?:enterarse|enterarte|vernos|conocernos|arrepentirse|arrepentirte|lamentar\\w*)',
        'no nos (?:obligue|haga|fuerce|deje)|obligue a|se lo advertimos|queda advertid\\w*|esta advertid\\w*|cueste lo que cueste|de una forma u otra|de una manera u otra|de un modo u otro|pagara (?:caro|por esto)|no se va a quedar asi|tenemos (?:otros|nuestros) metodos|otros metodos',
        // Fifth round, informal free text: \"don't make me come\", hopes that the family or the car stay well, patience gone, others less patient
        // coming next, jobs lost, health and worries, no one hurt yet, \"while you can\", escalation to extremes, my bad side.
        'no me (?:haga|hagas|obligue) (?:ir|repetir\\w*|llegar)|(?:se|se le|se te) (?:pone|va a poner|van a poner|pondra) (?:muy )?fe[oa]s?|ojala (?:que )?(?:todo (?:les |le |te )?siga|siga asi|(?:este|esten) siempre (?:segur|bien)|nadie (?:la|lo|los|las) confunda)|paciencia (?:\\w+ ){0,3}?(?:ya )?se (?:acabo|agoto|termino)|perdi(?:o|eron) la paciencia|menos pacientes|cuide (?:su|tu) (?:chamb|trabaj|negoci|empleo)\\w*|(?:los trabajos|el trabajo|la chamba|los empleos) se pierde\\w*',
        'salud tan delicada|no (?:me )?andaria buscando\\w*|(?:ya )?sabe como se (?:manejan|arreglan|hacen) (?:estas|las) cosas|(?:ya )?no depende de mi|no respondo (?:por|de) lo que|no puedo garantizar\\w* nada|(?:nos )?(?:ahorr|evit)\\w* lo que sigue|lo que viene no|(?:nadie quiere|no queremos|no quiero) llegar a eso|llegar a mayores|jugando con fuego|cosas feas|amanece\\w* con (?:sorpresas|una sorpresa)|nomas comento|(?:los|las) que vienen (?:despues|detras) de mi(?: no son)?|otras manos|ya no (?:va a ser|sera) conmigo',
        '(?:su|tu) (?:esposa|esposo|mujer|marido|nina|nino|hija|hijo|hijos|ninos|mama|papa) (?:\\w+ )?(?:sale|salen|va a la escuela|van a la escuela|entra|entran) (?:temprano|tarde|a la|al|de la)|que (?:tranquil|bonit|lind)\\w* se ve (?:su|tu)|nos encontramos en algun lado|no se me esconda|no me la jugaria|se arrepientan todos|escribo bonito|(?:de|por) la peor (?:forma|manera)|antes de que algo (?:se )?(?:descomponga|pase|suceda|rompa)|(?:salga|salir|sale) lastimad\\w*|(?:a tiempo de que|antes de que) nadie (?:salga|resulte) (?:lastimad|herid)\\w*',
        'se lo digo por su bien|nunca sabe (?:que|lo que) (?:le )?(?:puede|podria) (?:pasar|suceder)|mientras (?:pueda|puedas)|(?:empieza|comienza|sera) otra historia|(?:le|les) (?:toque|toca|tocara) (?:a (?:ella|el|ellos|ellas|\\w+) )?sufrir|se (?:me|nos) (?:acaba|esta acabando|agota|esta agotando|termina) la (?:risa|paciencia|buena voluntad)|no se (?:haga|hagas) el chistoso|mas caro el caldo|cuando (?:yo )?me (?:canso|desespero)|se (?:le|te) junten los problemas|no (?:diga|digas) que fue culpa (?:mia|nuestra)|mi lado (?:malo|feo|oscuro)|llegar a los extremos|me esta empujando|no se arreglan con dinero',
      ].join('|'),
    ),
  },
  {
    rule: 'insult',
    message: 'insulta al deudor (insults the borrower)',
    pattern: W(
      'sinverguenzas?|vag[oa]s?|floj[oa]s?|mentiros[oa]s?|ladron\\w*|ratas?|tramposo\\w*|irresponsables?|(?:es|eres|un|una) inutil|idiotas?|estupid[oa]s?|imbeciles?|imbecil|(?<!correo |carpeta de |correo no deseado o )basura|muert[oa] de hambre|desgraciad\\w*|cinic[oa]s?|aprovechad[oa]s?|parasitos?|escoria|caradura|conchud[oa]s?|fracasad[oa]s?|perdedor\\w*|vividor\\w*|pateticos?|patetica|lacra|deshonest[oa]s?|rater[oa]s?',
    ),
  },
  {
    rule: 'profanity',
    message: 'groserías (profanity)',
    pattern: W(
      'mierda|carajo|chingad\\w*|chingar\\w*|pendej\\w*|cabron\\w*|pinches?|putas?|putos?|culer[oa]s?|vergas?|jodid[oa]s?|joder|cono',
    ),
  },
];
