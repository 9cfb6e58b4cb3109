/**
 * What each wording rule serves. US: the FDCPA (15 U.S.C. 1692) and Regulation F (12 CFR 1006);
 * China: the NIFA internet-finance collection convention (2018) art. 16 and the China Banking
 * Association's collection guideline (2026); UK: FCA CONC 7.
 */
export const REGULATIONS: Record<string, string> = {
  'threat-violence': 'FDCPA §806(1); 12 CFR 1006.14(c); NIFA convention (2018) art. 16',
  'threat-arrest': 'FDCPA §807(4); 12 CFR 1006.18(c); NIFA convention (2018) art. 16',
  'threat-legal-action': 'FDCPA §807(5); 12 CFR 1006.18; CONC 7.9',
  'threat-seizure': 'FDCPA §807(4); 12 CFR 1006.18; CONC 7.9',
  'third-party-disclosure':
    'FDCPA §805(b); 12 CFR 1006.6(d); NIFA convention (2018) art. 16; CBA guideline (2026); CONC 7.11',
  'home-visit': 'FDCPA §805(a)(1), §806; 12 CFR 1006.6(b); CBA guideline (2026); CONC 7.11',
  'publish-debt': 'FDCPA §806(3); 12 CFR 1006.14(e); NIFA convention (2018) art. 16',
  'fake-legal': 'FDCPA §807(1), (9), (13); 12 CFR 1006.18; NIFA convention (2018) art. 16',
  'false-authority': 'FDCPA §807(1), (5); 12 CFR 1006.18; NIFA convention (2018) art. 16',
  surveillance: 'FDCPA §806 (harassment, oppression or abuse); 12 CFR 1006.14(a); CBA guideline (2026)',
  'veiled-threat': 'FDCPA §806; 12 CFR 1006.14(a), (c); NIFA convention (2018) art. 16',
  insult: 'FDCPA §806(2); 12 CFR 1006.14(d); NIFA convention (2018) art. 16',
  profanity: 'FDCPA §806(2); 12 CFR 1006.14(d)',
};
