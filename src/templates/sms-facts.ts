/** Encoding and segment count of an SMS body, as carriers bill it (Twilio's own calculator). */
import { SegmentedMessage } from 'sms-segments-calculator';

/** Twilio refuses a message body longer than this (error 21617). */
export const SMS_MAX_CHARACTERS = 1600;

export interface SmsFacts {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  /** Characters as the encoding counts them (GSM-7 extension characters count twice). */
  characters: number;
  /** Characters that force UCS-2, if any (a curly quote in English text, for instance). */
  nonGsmCharacters: string[];
  /** Longer than any provider sends: the figures are a linear estimate, not the calculator's. */
  tooLong?: true;
}

// GSM 03.38: the basic set (one septet each) and the extension table (escape + one septet).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

/** One pass over the text: what an over-long body would cost, without the calculator's superlinear work. */
function estimate(text: string): SmsFacts {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) septets += 1;
    else if (GSM_EXTENSION.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm)
    return {
      encoding: 'GSM-7',
      segments: septets <= 160 ? 1 : Math.ceil(septets / 153),
      characters: septets,
      nonGsmCharacters: [],
      tooLong: true,
    };
  return {
    encoding: 'UCS-2',
    segments: text.length <= 70 ? 1 : Math.ceil(text.length / 67),
    characters: text.length,
    nonGsmCharacters: [],
    tooLong: true,
  };
}

export function smsFacts(text: string): SmsFacts {
  if (text.length > SMS_MAX_CHARACTERS) return estimate(text);
  const m = new SegmentedMessage(text, 'auto');
  const encoding = m.encodingName === 'UCS-2' ? 'UCS-2' : 'GSM-7';
  const nonGsm = encoding === 'UCS-2' ? [...new Set(m.getNonGsmCharacters())] : [];
  return { encoding, segments: m.segmentsCount, characters: m.numberOfCharacters, nonGsmCharacters: nonGsm };
}
