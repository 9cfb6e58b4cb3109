/** Encoding and segment count of an SMS body, as carriers bill it (Twilio's own calculator). */
import { SegmentedMessage } from 'sms-segments-calculator';

export interface SmsFacts {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  /** Characters as the encoding counts them (GSM-7 extension characters count twice). */
  characters: number;
  /** Characters that force UCS-2, if any (a curly quote in English text, for instance). */
  nonGsmCharacters: string[];
}

export function smsFacts(text: string): SmsFacts {
  const m = new SegmentedMessage(text, 'auto');
  const encoding = m.encodingName === 'UCS-2' ? 'UCS-2' : 'GSM-7';
  const nonGsm = encoding === 'UCS-2' ? [...new Set(m.getNonGsmCharacters())] : [];
  return { encoding, segments: m.segmentsCount, characters: m.numberOfCharacters, nonGsmCharacters: nonGsm };
}
