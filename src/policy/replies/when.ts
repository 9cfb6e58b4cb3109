/**
 * Dates and amounts in a reply: weekdays, "tomorrow", "on the 15th", "end of the month", 下周五,
 * 明天, 15号, 月底; "$50", "50 dollars", "1,200", "500块", "五百", "一千二". Dates are local
 * calendar days, counted from the day the reply was received in the borrower's zone.
 */
import { DateTime } from 'luxon';

const WEEKDAY: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  tues: 2,
  wednesday: 3,
  weds: 3,
  thursday: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sunday: 7,
  // Spanish: "voy a pagar el viernes".
  lunes: 1,
  martes: 2,
  miercoles: 3,
  jueves: 4,
  viernes: 5,
  sabado: 6,
  domingo: 7,
};
/** Days of the month in Spanish words: "el primero", "el quince", "el treinta y uno". */
const ES_DAY: Readonly<Record<string, number>> = {
  primero: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiuno: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
  treinta: 30,
  'treinta y uno': 31,
};
const ES_DAY_WORD = `(?:${Object.keys(ES_DAY)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
const ES_WEEKDAYS = 'lunes|martes|miercoles|jueves|viernes|sabado|domingo';
const ES_MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
] as const;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** The local day the reply was received. */
export function today(receivedAt: Date, zone: string): DateTime {
  const dt = DateTime.fromJSDate(receivedAt, { zone });
  return (dt.isValid ? dt : DateTime.fromJSDate(receivedAt, { zone: 'UTC' })).startOf('day');
}

const iso = (d: DateTime) => d.toISODate() ?? undefined;

/** The weekday after today (never today), or that weekday in next week. */
export function weekdayDate(day: DateTime, weekday: number, nextWeek: boolean): string | undefined {
  if (nextWeek)
    return iso(
      day
        .startOf('week')
        .plus({ weeks: 1 })
        .plus({ days: weekday - 1 }),
    );
  const ahead = (weekday - day.weekday + 7) % 7 || 7;
  return iso(day.plus({ days: ahead }));
}

/** The 15th: this month's when still to come (or today), else next month's. */
export function dayOfMonth(day: DateTime, dom: number, monthsAhead = 0): string | undefined {
  if (dom < 1 || dom > 31) return undefined;
  let base = day.startOf('month').plus({ months: monthsAhead });
  if (monthsAhead === 0 && dom < day.day) base = base.plus({ months: 1 });
  if (dom > (base.daysInMonth ?? 31)) return undefined;
  return iso(base.set({ day: dom }));
}

export function monthDay(day: DateTime, month: number, dom: number): string | undefined {
  if (month < 1 || month > 12 || dom < 1 || dom > 31) return undefined;
  let d = DateTime.fromObject({ year: day.year, month, day: dom }, { zone: day.zone });
  if (!d.isValid) return undefined;
  if (d < day) d = d.plus({ years: 1 });
  return iso(d);
}

export const endOfMonth = (day: DateTime, monthsAhead = 0) =>
  iso(day.plus({ months: monthsAhead }).endOf('month').startOf('day'));

/** "the first" to "the thirty first": a day of the month in words. */
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];
const ORDINAL_WORD = `(?:(?:twenty|thirty) (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|${ORDINALS.join('|')})`;
const MONTH_WORD =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A weekday's explicit date after it: "Friday 11 December", "Friday, Dec 11", "Friday the 11th". */
const WEEKDAY_DATE = `(?:(?: ,)? (?:the )?\\d{1,2}(?:st|nd|rd|th)?(?: of)? ${MONTH_WORD}\\b|(?: ,)? ${MONTH_WORD} (?:the )?\\d{1,2}(?:st|nd|rd|th)?\\b)?`;

/** 1 to 31 for an ordinal in words ("fifteenth", "twenty first"), or undefined. */
export function ordinalDay(words: string): number | undefined {
  const [a, b] = words.split(' ');
  if (b) {
    const tens = a === 'twenty' ? 20 : a === 'thirty' ? 30 : 0;
    const unit = ORDINALS.indexOf(b) + 1;
    return tens && unit > 0 && unit < 10 ? tens + unit : undefined;
  }
  if (a === 'thirtieth') return 30;
  const i = ORDINALS.indexOf(a!);
  return i >= 0 ? i + 1 : undefined;
}

/** English date words over the token stream. */
export const EN_DATE = new RegExp(
  [
    '\\b\\d{1,2} / \\d{1,2}\\b',
    '\\b(?:today|tonight|this (?:evening|afternoon|morning))\\b',
    '\\b(?:day after (?:tomorrow|tmrw|tmr))\\b',
    // "first of the year", "the first of January": New Year's Day.
    '\\b(?:the )?(?:first|1st) of (?:the (?:new )?year|january|jan)\\b',
    // "on the sixteen" (a day said by voice as its number): a day of the month.
    `\\b(?:on|by|before|until|till) the (?:(?:twenty|thirty) )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)\\b(?! (?:dollars|bucks|hundred|thousand|k|of (?:you|them|us|these|those)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|hand|that|who|which|thing|time|day|way|side|place|person|you)\\b)`,
    // Spanish: "pasado mañana", "hoy", "el viernes de la próxima semana", "a fin de mes", "el 15", "el 15 de enero".
    '\\bpasado manana\\b',
    '\\b(?:hoy|esta noche|esta tarde)\\b',
    `\\b(?:el )?(?:${ES_WEEKDAYS}) (?:de la (?:proxima|otra|siguiente) semana|de la semana que viene)\\b`,
    // "el lunes 14": the weekday and its day of the month (read as the day only when the two agree).
    `\\b(?:el )?(?:${ES_WEEKDAYS}) \\d{1,2}\\b(?! (?:de (?:la )?(?:manana|tarde|noche)|dolares|dolar|dlls?|dls|pesos)\\b| ?[:$%/])`,
    // "el quince", "el primero de enero", "a partir del primero", "quince de diciembre": a day of the month in words.
    `\\b(?:(?:el|para el|antes del|hasta el|a partir del|desde el) (?:dia )?${ES_DAY_WORD}\\b(?! (?:que|en|de (?:la|los|las|mis|sus|ustedes|todos))\\b)(?: de (?:${ES_MONTHS.join('|')}|este mes))?|${ES_DAY_WORD} de (?:${ES_MONTHS.join('|')})\\b)`,
    '\\b(?:a )?(?:fin|fines|finales) de(?:l)? (?:este )?mes\\b',
    `\\b\\d{1,2} de (?:${ES_MONTHS.join('|')})\\b`,
    `\\b(?:el|para el|antes del|hasta el) (?:dia )?\\d{1,2}\\b(?! (?:de (?:la )?(?:manana|tarde|noche)|de (?:${ES_MONTHS.join('|')})|dolares|dolar|dlls?|dls|dias|semanas|meses|horas|por ciento|%|/|\\$))`,
    '\\b(?:tomorrow|tmrw|tmr|tmw|tomorow|tommorow|tommorrow|2morrow|2moro|manana|(?:first thing )?in the morning)\\b',
    `\\b(?:(?:next|this|on|by|coming|el) )?(?:monday|tuesday|tues|wednesday|weds|thursday|thurs|friday|fri|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\\b${WEEKDAY_DATE}`,
    // "15 December", "the 3rd of January".
    `\\b(?:the )?\\d{1,2}(?:st|nd|rd|th)?(?: of)? ${MONTH_WORD}\\b`,
    // "on the first", "by the fifteenth", "the twenty first of the month".
    `\\b(?:on|by|before|until|till) the ${ORDINAL_WORD}\\b(?! (?:time|thing|one|payment|of all|place|step|chance|notice|letter|call|text|reminder)\\b)|\\bthe ${ORDINAL_WORD} of (?:the|this|next) month\\b`,
    // Days that have names: "by Christmas", "new year's eve".
    "\\b(?:christmas(?: eve| day)?|xmas|new years?(?:'s)?(?: eve| day)?)\\b",
    '\\b(?:end of (?:the |this |next )?month|month end|eom)\\b',
    `\\b(?:${MONTHS.join('|')})[a-z]* (?:the )?\\d{1,2}(?:st|nd|rd|th)?\\b`,
    '\\b(?:on|by|before) (?:the )?\\d{1,2}(?:st|nd|rd|th)?\\b(?! (?:dollars|bucks|usd|days|weeks|months|percent|/))',
    '\\bthe \\d{1,2}(?:st|nd|rd|th)\\b',
    '\\b\\d{1,2}(?:st|nd|rd|th)\\b',
  ].join('|'),
  'g',
);

/** The day an English date phrase names (normalised words), or undefined. */
export function englishDate(phrase: string, day: DateTime): string | undefined {
  if (/^(?:today|tonight|this (?:evening|afternoon|morning))$/.test(phrase)) return iso(day);
  if (phrase.startsWith('day after')) return iso(day.plus({ days: 2 }));
  if (/^(?:the )?(?:first|1st) of (?:the (?:new )?year|january|jan)$/.test(phrase)) return monthDay(day, 1, 1);
  const spoken = /^(?:on|by|before|until|till) the (?:(twenty|thirty) )?([a-z]+)$/.exec(phrase);
  if (spoken && EN_UNITS[spoken[2]!] !== undefined) {
    const n = (spoken[1] ? EN_UNITS[spoken[1]]! : 0) + EN_UNITS[spoken[2]!]!;
    if (n >= 1 && n <= 31) return dayOfMonth(day, n);
  }
  if (phrase === 'pasado manana') return iso(day.plus({ days: 2 }));
  if (/^(?:hoy|esta noche|esta tarde)$/.test(phrase)) return iso(day);
  const esDayMonth = new RegExp(`(?:^| )(${ES_DAY_WORD})(?: de (?:este mes|([a-z]+)))?$`).exec(phrase);
  if (esDayMonth && ES_DAY[esDayMonth[1]!]) {
    const month = ES_MONTHS.indexOf(esDayMonth[2] as (typeof ES_MONTHS)[number]) + 1;
    return month > 0 ? monthDay(day, month, ES_DAY[esDayMonth[1]!]!) : dayOfMonth(day, ES_DAY[esDayMonth[1]!]!);
  }
  const esWeekdayDom = new RegExp(`(${ES_WEEKDAYS}) (\\d{1,2})$`).exec(phrase);
  if (esWeekdayDom) {
    const dom = dayOfMonth(day, Number(esWeekdayDom[2]));
    const weekday = weekdayDate(day, WEEKDAY[esWeekdayDom[1]!]!, false);
    return dom && DateTime.fromISO(dom).weekday === WEEKDAY[esWeekdayDom[1]!] ? dom : weekday;
  }
  const esNext = new RegExp(`(${ES_WEEKDAYS}) de la`).exec(phrase);
  if (esNext) return weekdayDate(day, WEEKDAY[esNext[1]!]!, true);
  if (/^(?:a )?(?:fin|fines|finales) de/.test(phrase)) return endOfMonth(day);
  const esMonth = /^(\d{1,2}) de ([a-z]+)$/.exec(phrase);
  if (esMonth)
    return monthDay(day, ES_MONTHS.indexOf(esMonth[2] as (typeof ES_MONTHS)[number]) + 1, Number(esMonth[1]));
  // "in the morning", said at any hour of the day it arrives: the next morning.
  if (/^(?:tom|tmr|tmw|2mor|manana|first thing|in the morning)/.test(phrase)) return iso(day.plus({ days: 1 }));
  if (/^(?:christmas|xmas)/.test(phrase)) return monthDay(day, 12, phrase.endsWith('eve') ? 24 : 25);
  if (phrase.startsWith('new year')) return phrase.endsWith('eve') ? monthDay(day, 12, 31) : monthDay(day, 1, 1);
  // "15 december", "friday 11 december": the day and month written out win over the weekday beside them.
  const dm = /(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]{3})[a-z]*$/.exec(phrase);
  if (dm && MONTHS.includes(dm[2] as (typeof MONTHS)[number]))
    return monthDay(day, MONTHS.indexOf(dm[2] as (typeof MONTHS)[number]) + 1, Number(dm[1]));
  const wmd = /^(?:[a-z]+ )+?(?:, )?([a-z]{3})[a-z]* (?:the )?(\d{1,2})(?:st|nd|rd|th)?$/.exec(phrase);
  if (
    wmd &&
    MONTHS.includes(wmd[1] as (typeof MONTHS)[number]) &&
    WEEKDAY[phrase.split(' ').find((w) => WEEKDAY[w] !== undefined) ?? '']
  )
    return monthDay(day, MONTHS.indexOf(wmd[1] as (typeof MONTHS)[number]) + 1, Number(wmd[2]));
  const ord = /the ((?:twenty|thirty) [a-z]+|[a-z]+)(?: of (?:the|this|next) month)?$/.exec(phrase);
  const nth = ord ? ordinalDay(ord[1]!) : undefined;
  if (nth) return dayOfMonth(day, nth, /next month$/.test(phrase) ? 1 : 0);
  const wd = /(?:(next|this|on|by|coming|el) )?([a-z]+)$/.exec(phrase);
  if (wd && WEEKDAY[wd[2]!] !== undefined) return weekdayDate(day, WEEKDAY[wd[2]!]!, wd[1] === 'next');
  if (/end of next month/.test(phrase)) return endOfMonth(day, 1);
  if (/end of|month end|eom/.test(phrase)) return endOfMonth(day);
  const md = /^([a-z]{3})[a-z]* (?:the )?(\d{1,2})/.exec(phrase);
  if (md) {
    const m = MONTHS.indexOf(md[1] as (typeof MONTHS)[number]);
    if (m >= 0) return monthDay(day, m + 1, Number(md[2]));
  }
  const slash = /^(\d{1,2}) \/ (\d{1,2})$/.exec(phrase);
  if (slash) return monthDay(day, Number(slash[1]), Number(slash[2]));
  const dom = /(\d{1,2})(?:st|nd|rd|th)?$/.exec(phrase);
  if (dom) return dayOfMonth(day, Number(dom[1]));
  return undefined;
}

const ZH_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ZH_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** 五百 → 500, 一千二 → 1200, 三百五 → 350, 十五 → 15, 两万 → 20000; undefined when it is not a number. */
export function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = 0;
  for (const ch of s) {
    if (ZH_DIGIT[ch] !== undefined) {
      digit = ZH_DIGIT[ch]!;
      continue;
    }
    const unit = ZH_UNIT[ch];
    if (unit === undefined) return undefined;
    if (unit === 10000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
      lastUnit = unit;
    } else {
      section += (digit ?? 1) * unit;
      lastUnit = unit;
    }
    digit = null;
  }
  // 一千二 (1200), 三百五 (350): a trailing digit counts in the unit below the last.
  if (digit !== null) section += lastUnit >= 100 ? (digit * lastUnit) / 10 : digit;
  return total + section;
}

export const ZH_NUM = '(?:\\d{1,2}|[一二两三四五六七八九十]{1,3})';
/** Chinese date words over the letters-and-digits view. */
export const ZH_DATE = new RegExp(
  [
    '今天|今晚|今日|明天|明日|明早|明晚|明儿|听日|听朝|后天|大后天|(?<![以之然最日])(?:大)?后日',
    // 剩下下周五: 剩下 then 下周五, not 下下周五.
    '(?:(?<!剩)下下|下个?|这个?|本)?(?:周|星期|礼拜)[一二三四五六日天]',
    // 过两日, 这几日: a count of days, not the day of the month.
    `(?:下个?月|本月|这个?月)?(?<![过这近前头几])${ZH_NUM}(?:号|日)`,
    `${ZH_NUM}月${ZH_NUM}(?:号|日)`,
    '(?:下个?)?月[底末尾]',
    // 年底前: by the last day of the year (年底奖金 is a bonus; 元旦前, like 年前, stays undated as in zh.tune5).
    '年[底末](?!奖|双薪|分红)',
  ].join('|'),
  'g',
);

const ZH_WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

export function chineseDate(phrase: string, day: DateTime): string | undefined {
  if (/^(?:今)/.test(phrase)) return iso(day);
  if (/^(?:明|听)/.test(phrase)) return iso(day.plus({ days: 1 }));
  if (phrase === '大后天' || phrase === '大后日') return iso(day.plus({ days: 3 }));
  if (phrase === '后天' || phrase === '后日') return iso(day.plus({ days: 2 }));
  const wd = /^(下下|下个?|这个?|本)?(?:周|星期|礼拜)(.)$/.exec(phrase);
  if (wd) {
    const n = ZH_WEEKDAY[wd[2]!]!;
    if (wd[1] === '下下') return iso(day.startOf('week').plus({ weeks: 2, days: n - 1 }));
    return weekdayDate(day, n, wd[1] !== undefined && wd[1].startsWith('下'));
  }
  if (/月[底末尾]$/.test(phrase)) return endOfMonth(day, phrase.startsWith('下') ? 1 : 0);
  if (/^年[底末]$/.test(phrase)) return iso(day.endOf('year'));
  const md = new RegExp(`^(${ZH_NUM})月(${ZH_NUM})`).exec(phrase);
  if (md) return monthDay(day, chineseNumber(md[1]!) ?? 0, chineseNumber(md[2]!) ?? 0);
  const dom = new RegExp(`^(下个?月|本月|这个?月)?(${ZH_NUM})`).exec(phrase);
  if (dom) return dayOfMonth(day, chineseNumber(dom[2]!) ?? 0, dom[1]?.startsWith('下') ? 1 : 0);
  return undefined;
}

/** "50" → "50.00", "1,200" → "1200.00"; undefined for nothing sensible. */
export function money(n: number | string): string | undefined {
  const v = typeof n === 'number' ? n : Number(n.replace(/,/g, ''));
  return Number.isFinite(v) && v > 0 ? v.toFixed(2) : undefined;
}

/** Number words: "sixty five", "two hundred", "a hundred and fifty", "one thousand two hundred". */
const EN_UNITS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const EN_SCALE: Record<string, number> = { hundred: 100, thousand: 1000, grand: 1000, k: 1000 };
/** Spanish amounts in words: "cincuenta dólares", "cien dlls". */
const ES_SMALL: Record<string, number> = {
  diez: 10,
  veinte: 20,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
  cien: 100,
  doscientos: 200,
  trescientos: 300,
  cuatrocientos: 400,
  quinientos: 500,
  mil: 1000,
};
const ES_WORDNUM = Object.keys(ES_SMALL).join('|');
const NUM = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:\\.\\d{1,2})?';
const UNIT_WORD = `(?:${Object.keys(EN_UNITS)
  .filter((w) => w !== 'a')
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
const WORDNUM = `(?:a (?:hundred|thousand|grand)|${UNIT_WORD})(?: (?:${UNIT_WORD}|hundred|thousand|grand)| and(?= ${UNIT_WORD}\\b))*`;
/** "1k", "2 hundred", "3 grand": digits and a scale word. */
const SCALED = `(?: (?:k|grand|thousand|hundred)\\b)?`;
const NOT_A_SUM = `(?! ?(?:st|nd|rd|th|am|pm|days?|weeks?|months?|hours?|percent|%|/|:|times?\\b|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|de (?:la )?(?:manana|tarde|noche)|de (?:${ES_MONTHS.join('|')})|dias|semanas|meses|horas|por ciento))`;
/** English amounts over the token stream. */
export const EN_AMOUNT = new RegExp(
  [
    `\\$ (${NUM})${SCALED}`,
    `\\b(${NUM})${SCALED} ?(?:\\$|dollars?|bucks|usd|dlrs|dolares|dolar|dlls?|dls)`,
    `\\b(${WORDNUM}) (?:dollars|bucks)\\b`,
    `\\b(?:pay|paying|send|sending|payment of|put|transfer|deposit|do|make it|remit|get (?:you|u)|pago|pagar|pagarle|pagarles|abono|abonar|abonarle|deposito|depositar|depositarle|mando|mandar|mandarle|envio|enviar|enviarle|le doy|les doy|darle|darles|pago de|abono de|deposito de|transferencia de) (?:you |u |in |down |the |le |les |te |los |las )?(?:(?:full|whole|remaining|entire|other|last) )?(?:(${NUM})${SCALED}\\b${NOT_A_SUM}|(${WORDNUM})\\b${NOT_A_SUM})`,
    `\\b(${ES_WORDNUM}) (?:dolares|dlls?|dls)\\b`,
    `\\b(${NUM}) (?:k|grand)\\b`,
    // "les abono cincuenta", "mando quinientos": a Spanish sum in words after a verb of paying.
    `\\b(?:pago|pagar|abono|abonar|deposito|depositar|mando|mandar|envio|enviar|doy|dar) (?:le |les |te |los |las )?(${ES_WORDNUM})\\b${NOT_A_SUM}`,
    // "le pago mañana 200", "el viernes 150": a sum after a day, with no verb between.
    `\\b(?:manana|hoy|lunes|martes|miercoles|jueves|viernes|sabado|domingo|quincena|${ES_DAY_WORD}) (?:(?:sin falta|seguro|mismo) )?(?:(?:los|las|le|les|te) )?(${NUM})\\b${NOT_A_SUM}(?! (?:de|del|y|a)\\b)`,
  ].join('|'),
  'g',
);

/** The value of number words ("sixty five" → 65, "two hundred and fifty" → 250), or undefined. */
export function wordNumber(words: string): number | undefined {
  let total = 0;
  let group = 0;
  for (const w of words.split(' ')) {
    if (w === 'and') continue;
    if (EN_UNITS[w] !== undefined) group += EN_UNITS[w]!;
    else if (w === 'hundred') group = (group || 1) * 100;
    else if (EN_SCALE[w] !== undefined) {
      total += (group || 1) * EN_SCALE[w]!;
      group = 0;
    } else return undefined;
  }
  return total + group;
}

/** The scale word after a match's digits ("1 k", "2 hundred"), as a factor. */
function scaleOf(m: RegExpMatchArray): number {
  const s = /\b(k|grand|thousand|hundred)\b/.exec(m[0].replace(/^[^\d]*[\d.,]+/, ''));
  return s ? EN_SCALE[s[1]!]! : 1;
}

export function englishAmount(m: RegExpMatchArray): string | undefined {
  const d = m[1] ?? m[2] ?? m[4] ?? m[7];
  if (d) return money(Number(d.replace(/,/g, '')) * (m[7] ? 1000 : scaleOf(m)));
  if (m[6]) return money(ES_SMALL[m[6]] ?? 0);
  if (m[8]) return money(ES_SMALL[m[8]] ?? 0);
  // "el lunes 14" is a day, not a sum: after a day, a sum is more than a day of the month or a decimal.
  if (m[9])
    return Number(m[9].replace(/,/g, '')) > 31 || /\./.test(m[9]) ? money(Number(m[9].replace(/,/g, ''))) : undefined;
  const w = m[3] ?? m[5];
  if (!w) return undefined;
  const n = wordNumber(w);
  // "pay one more time", "send a few": a sum in words after a verb of paying is twenty or more.
  if (n === undefined || (m[5] && n < 20)) return undefined;
  return money(n);
}

/**
 * Chinese amounts over the letters-and-digits view: with a unit, or a numeral with 百/千/万, or after a
 * verb of paying, the rest (余款4000) or a currency named first (RMB1000, 新台币5000, HK$8,650).
 */
export const ZH_AMOUNT =
  /(\d+(?:\.\d{1,2})?)(?:块钱|块|元|rmb|刀)|([一二两三四五六七八九十百千万零]{1,8})(?:块钱|块|元)|(?<![一二两三四五六七八九十百千万])([一二两三四五六七八九][百千万][一二两三四五六七八九十百千万零]{0,6})|(?<=(?:还返|还番|俾返|还|付|转|打|交|先还|还款|转账|每月|每个月|余款|尾款|剩下|剩余|其余)(?:给)?(?:你们|您|你)?|今天|明天|后天|听日|月底)(\d{2,}(?:\.\d{1,2})?)(?!号|日|月|点|天|k|千|w|万)|(\d{1,4}(?:\.\d{1,2})?)(k|千|w|万)(\d)?(?![\d号日月点天])|(?:rmb|人民币|港币|港元|港纸|新台币|台币|hkd|hk|ntd|nt|usd)(\d+(?:\.\d{1,2})?)(?![\d号日月点天])/g;

/** 1k, 3千5, 5w: digits then a thousand or ten thousand, and the digit after it a tenth of that. */
const ZH_DIGIT_UNIT: Record<string, number> = { k: 1000, 千: 1000, w: 10000, 万: 10000 };

export function chineseAmount(m: RegExpMatchArray): string | undefined {
  if (m[5] && m[6]) {
    const unit = ZH_DIGIT_UNIT[m[6]]!;
    return money(Number(m[5]) * unit + (m[7] ? (Number(m[7]) * unit) / 10 : 0));
  }
  const s = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[8];
  if (!s) return undefined;
  const n = /^\d/.test(s) ? Number(s) : chineseNumber(s);
  return n === undefined ? undefined : money(n);
}
