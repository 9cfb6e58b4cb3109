/** The stop key pressed during a call: the call says so in the borrower's language (plain fakes, no store). */
import { describe, expect, it } from 'vitest';
import { handleVoiceKeypress } from '../../src/usecases/handle-voice-keypress/handle-voice-keypress.usecase.js';

function ports(locale: string) {
  const suppressed: string[] = [];
  return {
    suppressed,
    ports: {
      store: {
        getReminderOfMessage: async () =>
          ({
            message: { id: 'm-1', channel: 'voice', to: '+13055550100', tenant: 'default' },
            borrower: { id: 'b-1', locale },
          }) as never,
        recordBorrowerEvent: async () => undefined as never,
      },
      optOuts: {
        suppressAddress: async (input: { address: string }) => {
          suppressed.push(input.address);
          return { added: [{ address: input.address }] } as never;
        },
      },
      clock: { now: () => new Date('2026-06-10T14:00:00Z') },
    },
  };
}

describe('handleVoiceKeypress', () => {
  it.each([
    ['en-US', 'en-US', 'We will not call this number again. Goodbye.'],
    ['zh-CN', 'cmn-CN', '我们不会再拨打这个号码。再见。'],
    ['es-MX', 'es-US', 'No volveremos a llamar a este número. Hasta luego.'],
    ['es-US', 'es-US', 'No volveremos a llamar a este número. Hasta luego.'],
    ['fr-FR', 'en-US', 'We will not call this number again. Goodbye.'],
  ])('confirms the stop key to a %s borrower in %s', async (locale, language, say) => {
    const t = ports(locale);
    const r = await handleVoiceKeypress(t.ports, { messageId: 'm-1', digits: '9', callSid: 'CA1' });
    expect(r).toEqual({ kind: 'stopped', say, language, added: true });
    expect(t.suppressed).toEqual(['+13055550100']);
  });
});
