/**
 * Spanish replies (src/policy/replies/spanish-rules.ts): revocations with their exact scope, the near-misses that are
 * none, each other intent, dates and amounts, and Spanish mixed with English. Written for these rules, in US Spanish as
 * borrowers write it (accents often missing), not taken from the corpus.
 */
import { describe, expect, it } from 'vitest';
import type { Intent } from '../../src/domain/replies.js';
import { explainReply, interpretReply } from '../../src/policy/replies/index.js';

const receivedAt = new Date('2026-12-02T12:00:00Z'); // a Wednesday
type Ch = 'sms' | 'email' | 'voice';
const read = (text: string, channel: Ch = 'sms') => interpretReply(text, { channel, receivedAt, learned: false });
const intents = (text: string, channel: Ch = 'sms') => read(text, channel).intents.map((i) => i.intent);
const get = (text: string, intent: Intent, channel: Ch = 'sms') =>
  read(text, channel).intents.find((i) => i.intent === intent);

describe('Spanish revocations, with the channels their words name', () => {
  it.each<[string, Ch, Ch[]]>([
    // Keywords: the channel the reply came on.
    ['ALTO', 'sms', ['sms']],
    ['Alto!!', 'sms', ['sms']],
    ['PARAR', 'sms', ['sms']],
    ['Pare por favor', 'sms', ['sms']],
    ['DETENER', 'sms', ['sms']],
    ['Cancelar', 'sms', ['sms']],
    ['cancelar', 'email', ['email']],
    ['BAJA', 'sms', ['sms']],
    ['Baja por favor', 'email', ['email']],
    ['BASTA', 'sms', ['sms']],
    ['basta ya', 'sms', ['sms']],
    ['Ya basta!', 'sms', ['sms']],
    ['quiero darme de baja', 'sms', ['sms']],
    ['Denme de baja', 'sms', ['sms']],
    ['No más', 'sms', ['sms']],
    ['no mas gracias', 'sms', ['sms']],
    // Sentences: what they name.
    ['No me manden más mensajes', 'sms', ['sms']],
    ['no me manden mas textos por favor', 'email', ['sms']],
    ['Dejen de llamarme', 'sms', ['voice']],
    ['dejen de estar llamandome a cada rato', 'sms', ['voice']],
    ['Ya deja de mandarme mensajes', 'sms', ['sms']],
    ['paren de enviarme correos', 'sms', ['email']],
    ['No quiero recibir más mensajes', 'sms', ['sms']],
    ['no quiero recibir mas llamadas', 'sms', ['voice']],
    ['No deseo recibir más correos electrónicos', 'email', ['email']],
    ['no quiero que me llamen', 'sms', ['voice']],
    ['Favor de no llamar', 'sms', ['voice']],
    ['favor de no llamar a este numero', 'sms', ['voice']],
    ['No me vuelvan a contactar', 'sms', ['sms', 'voice', 'email']],
    ['no me vuelvan a llamar', 'sms', ['voice']],
    ['Bórrenme de su sistema', 'sms', ['sms', 'voice', 'email']],
    ['Borren mi número', 'sms', ['sms']],
    ['borren mi correo de su lista', 'email', ['email']],
    ['Quítenme de su lista', 'sms', ['sms']],
    ['Déjenme en paz', 'sms', ['sms', 'voice', 'email']],
    ['dejenme tranquilo', 'sms', ['sms', 'voice', 'email']],
    ['No me molesten mas', 'sms', ['sms', 'voice', 'email']],
    ['Ya no me escriban', 'sms', ['sms']],
    ['ya no me escriban', 'email', ['email']],
    ['No me llamen, mejor mándenme un mensaje', 'sms', ['voice']],
    ['ya no me manden mensajes ni llamadas', 'sms', ['sms', 'voice']],
    ['No más llamadas ni mensajes', 'sms', ['sms', 'voice']],
    ['Alto a las llamadas', 'sms', ['voice']],
    ['cancelen las notificaciones', 'sms', ['sms']],
    ['no quiero saber nada de ustedes', 'sms', ['sms', 'voice', 'email']],
    ['Solo por correo por favor', 'sms', ['sms', 'voice']],
    ['Hablen con mi abogado', 'sms', ['sms', 'voice', 'email']],
    ['llamen a mi abogado', 'sms', ['sms', 'voice', 'email']],
    ['Si me vuelven a llamar los voy a reportar', 'sms', ['voice']],
    ['Revoco mi consentimiento', 'sms', ['sms', 'voice', 'email']],
    ['no me textees mas', 'sms', ['sms']],
    // Mexican "hablar" is a call; "chingar" every kind of contact.
    ['No me hablen más', 'sms', ['voice']],
    ['ya dejen de estar chingando', 'sms', ['sms', 'voice', 'email']],
    ['Cancelar suscripción', 'email', ['email']],
    ['ESTOP', 'sms', ['sms']],
    ['NO LLAMAR NI TEXTEAR', 'sms', ['sms', 'voice']],
    ['ni me llamen ni me escriban', 'sms', ['sms', 'voice']],
  ])('%j (by %s) → revoke %j', (text, channel, scope) => {
    expect(get(text, 'revoke', channel)?.scope).toEqual(scope);
  });

  it('reads a revocation with its accents, without them, and in capitals alike', () => {
    for (const text of ['DÉJENME EN PAZ', 'dejenme en paz', 'Déjenme en paz'])
      expect(get(text, 'revoke')?.scope).toEqual(['sms', 'voice', 'email']);
    for (const text of ['NO QUIERO RECIBIR MÁS MENSAJES', 'no quiero recibir mas mensajes'])
      expect(get(text, 'revoke')?.scope).toEqual(['sms']);
  });
});

describe('Spanish near-misses: no revocation', () => {
  it.each([
    'No paren mi plan de pagos',
    'Pasaré por la sucursal mañana',
    'alto el interés?',
    'No puedo parar de preocuparme por esta deuda',
    '¿Cómo cancelo el pago automático?',
    'No se preocupen, voy a pagar',
    'no dejen de mandarme los recordatorios, me ayudan',
    'Dejen de llamar a mi mamá',
    'no me llamen antes de las 9',
    'No me llamen tan temprano',
    'no me manden el link otra vez, ya lo tengo',
    'no me manden mas cartas a mi casa',
    '¿Si pago hoy dejan de llamarme?',
    'Responda BAJA para cancelar',
    'Quiero dar de baja mi tarjeta',
    'cancelar la tarjeta',
    'el pago está alto',
    'Para el viernes le pago',
    '¿Me pueden llamar mañana?',
    'Llámenme por favor',
    'no me hablen así',
    'hablame mañana',
    'no hablen con mi abogado, hablen conmigo',
  ])('%j is no revocation', (text) => {
    expect(intents(text)).not.toContain('revoke');
  });
});

describe('the other intents in Spanish', () => {
  it.each<[string, Intent]>([
    ['Número equivocado', 'wrong-number'],
    ['No conozco a esa persona', 'wrong-number'],
    ['Este no es el número de Juan', 'wrong-number'],
    ['No conozco a Maria Lopez', 'wrong-number'],
    ['aqui no vive ningun Carlos', 'wrong-number'],
    ['Se equivocaron de número', 'wrong-number'],
    ['se equivocó de número', 'wrong-number'],
    ['No es mi deuda', 'dispute'],
    ['No reconozco esta deuda', 'dispute'],
    ['Yo nunca abrí esa cuenta', 'dispute'],
    ['La cantidad está mal', 'dispute'],
    ['el saldo es incorrecto', 'dispute'],
    ['no les debo nada', 'dispute'],
    ['Ya pagué', 'paid-already'],
    ['Ya está pagado', 'paid-already'],
    ['Pagué ayer', 'paid-already'],
    ['ya hice el pago', 'paid-already'],
    ['ya lo pague en la sucursal', 'paid-already'],
    ['Perdí mi trabajo', 'hardship'],
    ['Estoy enfermo', 'hardship'],
    ['No tengo dinero', 'hardship'],
    ['me recortaron las horas en el trabajo', 'hardship'],
    ['no me alcanza este mes', 'hardship'],
    ['¿Cuánto debo?', 'question'],
    ['cuanto es el saldo', 'question'],
    ['de que es esta deuda', 'question'],
    ['necesito saber cuanto falta', 'question'],
    ['Llámenme', 'callback'],
    ['¿Me pueden llamar mañana?', 'callback'],
    ['quiero hablar con una persona', 'callback'],
    ['Esto es acoso', 'complaint'],
    ['Voy a poner una queja', 'complaint'],
    ['Los voy a reportar', 'complaint'],
    ['¿Por qué me llaman tanto?', 'complaint'],
    ['¿A dónde pago?', 'question'],
    ['me llaman todos los dias, ya estoy harto de esto', 'complaint'],
  ])('%j → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });

  it('reads promises with their dates and amounts', () => {
    expect(get('Pago el viernes', 'promise')?.promise).toEqual({ date: '2026-12-04' });
    expect(get('Voy a pagar 50 dólares el lunes', 'promise')?.promise).toEqual({
      date: '2026-12-07',
      amount: '50.00',
    });
    expect(get('Le pago la próxima semana', 'promise')?.promise).toEqual({});
    expect(get('mañana le deposito $75', 'promise')?.promise).toEqual({ date: '2026-12-03', amount: '75.00' });
    expect(get('pasado mañana pago 100 dlls', 'promise')?.promise).toEqual({ date: '2026-12-04', amount: '100.00' });
    expect(get('Pago en la quincena', 'promise')?.promise).toEqual({});
    expect(get('le pago el 15', 'promise')?.promise).toEqual({ date: '2026-12-15' });
    expect(get('pago a fin de mes', 'promise')?.promise).toEqual({ date: '2026-12-31' });
    expect(get('el viernes de la próxima semana le pago cincuenta dólares', 'promise')?.promise).toEqual({
      date: '2026-12-11',
      amount: '50.00',
    });
    expect(get('voy a pagar el 5 de enero', 'promise')?.promise).toEqual({ date: '2027-01-05' });
  });

  it('does not take a wish, a refusal or a vague word for a promise', () => {
    expect(intents('espero pagar el viernes')).not.toContain('promise');
    expect(intents('no voy a pagar eso')).not.toContain('promise');
    expect(intents('No se preocupen, voy a pagar')).not.toContain('promise');
    expect(intents('el pago de $50 fue ayer')).not.toContain('promise');
    expect(get('no se preocupen voy a pagar el viernes', 'promise')?.promise).toEqual({ date: '2026-12-04' });
  });

  it('does not read a callback refused, or "no sé quién es" beside a wrong number, as the intent', () => {
    expect(intents('no me pueden llamar a este numero')).not.toContain('callback');
    expect(intents('no se quien es esa, numero equivocado')).toEqual(['wrong-number']);
    expect(intents('Todavía no pagué')).not.toContain('paid-already');
  });
});

describe('Spanish mixed with English', () => {
  it('reads both languages in one reply, and a revocation is never outweighed', () => {
    expect(get('STOP por favor', 'revoke')?.scope).toEqual(['sms']);
    const paid = read('ya pagué, stop texting me');
    expect(paid.intents.map((i) => i.intent).sort()).toEqual(['paid-already', 'revoke']);
    expect(paid.intents.find((i) => i.intent === 'revoke')?.scope).toEqual(['sms']);
    expect(intents('Voy a pagar el viernes, pero no me llamen al trabajo').sort()).toEqual(['promise', 'revoke']);
    expect(get('please no mas llamadas', 'revoke')?.scope).toEqual(['voice']);
    expect(get('wrong number, dejen de mandarme mensajes', 'revoke')?.scope).toEqual(['sms']);
    expect(intents('wrong number, dejen de mandarme mensajes')).toContain('wrong-number');
    expect(intents('perdi mi trabajo, please stop calling me').sort()).toEqual(['hardship', 'revoke']);
    expect(get('Estoy enfermo, I will pay next week', 'hardship')).toBeDefined();
  });

  it('reads Spanish channel words inside an English sentence (en.tune8 family)', () => {
    expect(get('no more mensajes pls', 'revoke')?.scope).toEqual(['sms']);
    expect(get('Stop the llamadas, thank you', 'revoke')?.scope).toEqual(['voice']);
    expect(get('quit sending me correos', 'revoke')?.scope).toEqual(['email']);
    expect(intents('I read your mensajes, I will pay Friday')).not.toContain('revoke');
  });

  it('explains a Spanish near-miss by its reason', () => {
    const why = (text: string) =>
      explainReply(text, { channel: 'sms', receivedAt })
        .hits.filter((h) => h.rule.intent === 'revoke')
        .map((h) => h.suppressed);
    expect(why('Dejen de llamar a mi mamá')[0]).toMatch(/^about a third party: a mi mama/);
    expect(why('no dejen de mandarme los recordatorios')[0]).toMatch(/^negation: no/);
    expect(why('no me llamen antes de las 9')[0]).toMatch(/^a time, not a revocation/);
    expect(why('Quiero dar de baja mi tarjeta')[0]).toMatch(/^another thing: mi tarjeta/);
  });
});
