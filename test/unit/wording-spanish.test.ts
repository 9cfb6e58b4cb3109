/**
 * The wording linter in US Spanish, and the last misses of issue 33 (a letter of another alphabet
 * standing for a Latin letter it does not resemble): findings that explain themselves, an es-US
 * template linted with the Spanish rules, and the scope (negation, impostor warning, place) read in
 * the sentence's language. The corpus figures are in wording-corpus.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { CN } from '../../src/policy/profile.js';
import { lintTemplate } from '../../src/policy/template-lint.js';
import { explainWording, lintWording } from '../../src/policy/wording-rules.js';

/** The matches of a text that has no finding, each as [rule, what it read, why it did not fire]. */
function explainedAway(text: string): string[][] {
  const { findings, suppressed } = explainWording(text);
  expect(findings).toEqual([]);
  return suppressed.map((s) => [s.rule, s.matched, s.suppressed.why]);
}

describe('the Spanish wording rules', () => {
  it('names the rule, the words it read and the regulation of a Spanish threat', () => {
    const text = 'Si no paga, lo vamos a dem4ndar y llamaremos a su tr\u200babajo.';
    const findings = lintWording(text);
    expect(findings.map((f) => [f.rule, f.matched])).toEqual([
      ['threat-legal-action', 'demandar'],
      ['third-party-disclosure', 'llamaremos a su trabajo'],
    ]);
    expect(findings[0]!.regulation).toMatch(/FDCPA §807\(5\)/);
    expect(findings[1]!.regulation).toMatch(/FDCPA §805\(b\)/);
    expect(text.slice(findings[0]!.start, findings[0]!.end)).toBe('dem4ndar');
  });

  it('flags an immigration threat as a false official claim', () => {
    expect(lintWording('Si no paga, llamaremos a inmigración.').map((f) => f.rule)).toEqual(['fake-legal']);
  });

  it('says why a promise, an impostor warning or a street name is not a finding', () => {
    const text =
      'No vamos a llamar a su trabajo. Tenga cuidado con impostores que amenazan con arresto. Estamos en la Calle del Tribunal 45.';
    expect(explainedAway(text).map(([rule, , why]) => [rule, why])).toEqual([
      ['third-party-disclosure', 'negation'],
      ['threat-arrest', 'impostor-warning'],
      ['threat-legal-action', 'place-name'],
    ]);
  });

  it('reads "sin embargo" and "alta demanda" as the everyday words they are', () => {
    expect(lintWording('Sin embargo, debido a la alta demanda, le responderemos mañana.')).toEqual([]);
  });

  it('reads a place word that is part of a proper name as a name', () => {
    const text = 'El ingeniero Gerardo Cárcel revisará su cuenta. Puede pagar en el Centro Migra-Express.';
    expect(explainedAway(text).map(([, matched, why]) => [matched, why])).toEqual([
      ['carcel', 'place-name'],
      ['migra', 'place-name'],
    ]);
  });

  it('reads a denial of the act as a negation, and a denial turned round as a threat', () => {
    expect(lintWording('No es cierto que pueda ir a la cárcel por deber dinero a una tienda.')).toEqual([]);
    expect(lintWording('La fiscalía no cobra deudas por mensaje de texto.')).toEqual([]);
    expect(lintWording('La policía no tardará en llegar a su casa.').map((f) => f.rule)).toContain('threat-arrest');
  });

  it('does not read the borrower not paying as a promise', () => {
    expect(lintWording('Las personas que no pagan a tiempo suelen tener accidentes.').map((f) => f.rule)).toEqual([
      'veiled-threat',
    ]);
  });

  it('reads a warning about a "supuesto" lawyer who threatens to sue as an impostor warning', () => {
    expect(explainedAway('Si un supuesto abogado le amenaza con demandarle, consúltenos.')).toEqual([
      ['threat-legal-action', 'demandarle', 'impostor-warning'],
    ]);
  });

  it('names the legal department as a threat only when the account goes to it', () => {
    expect(lintWording('Nuestro departamento legal revisó los documentos que nos envió.')).toEqual([]);
    expect(lintWording('Su cuenta pasará a nuestro departamento legal esta semana.').map((f) => f.rule)).toEqual([
      'threat-legal-action',
    ]);
  });

  it('lints an es-US template with the Spanish rules', () => {
    const findings = lintTemplate({
      source: '{{debt.creditor}}: pague hoy o su familia se va a enterar. Responda TD para darse de baja.',
      channel: 'sms',
      locale: 'es-US',
      profile: CN,
      smsMaxSegments: 3,
    });
    expect(findings.map((f) => f.rule)).toEqual(['third-party-disclosure']);
    expect(findings[0]!.message).toMatch(/familia se va a enterar.*NIFA/);
  });
});

describe('a letter of another alphabet inside a Latin word', () => {
  it('reads a Cyrillic letter in place of the u of a threat verb as that u', () => {
    for (const [text, word] of [
      ['We will s\u0438e you.', 'sue'],
      ['We will r\u0446in your life.', 'ruin your life'],
      ['We will h\u0443nt you down.', 'hunt you down'],
      ['Lo vamos a dem\u0438ndar.', 'demandar'],
    ])
      expect(lintWording(text!).map((f) => f.matched)).toEqual([word]);
  });

  it('leaves a mixed-script word alone when no reading makes a threat', () => {
    expect(lintWording('Pay with the \u03bcPay app; our agent Nata\u0448a will call you back.')).toEqual([]);
  });
});
