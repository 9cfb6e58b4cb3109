/** Ties the worker's outcomes to the contact ledger's slots. */
import type { Message } from '../domain/index.js';
import type { ContactLedger } from '../jobs/caps/contact-ledger.js';
import type { ContactSlots } from './dispatch.processor.js';

export function makeContactSlots(ledger: ContactLedger): ContactSlots {
  return {
    async sent(message: Message) {
      // A call's outcome (answered, no answer, busy…) comes later from the provider; until
      // then it stays `pending`, which counts everywhere a placed call might.
      if (message.channel !== 'voice') await ledger.recordOutcome(message.borrowerId, message.id, 'sent');
    },
    async release(message: Message) {
      await ledger.release(message.borrowerId, message.id);
    },
  };
}
