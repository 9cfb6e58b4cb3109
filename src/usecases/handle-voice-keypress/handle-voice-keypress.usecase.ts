/**
 * A key pressed during a reminder call. The stop key is a revocation for the number called: it
 * goes on the tenant's suppression list for calls (texts are another consent, kept unless the
 * borrower says so), `consent.revoked` on the borrower's chain and outbound, and the call says
 * so before it hangs up. Any other key ends the call. A message the key does not belong to (no
 * such message, not a call) changes nothing.
 */
import type { Clock } from '../../domain/clock.js';
import type { OptOuts } from '../../services/opt-outs.js';
import type { DeliveryStatusStore, InboundSmsStore } from '../../store/ports.js';
import { CALL_VOICE, languageOf, STOP_KEY, STOP_KEY_CONFIRMATION } from '../../templates/variant.js';

export interface HandleVoiceKeypressPorts {
  store: Pick<DeliveryStatusStore, 'getReminderOfMessage'> & Pick<InboundSmsStore, 'recordBorrowerEvent'>;
  optOuts: Pick<OptOuts, 'suppressAddress'>;
  clock: Clock;
}

export interface HandleVoiceKeypressCommand {
  messageId: string;
  digits: string;
  callSid: string;
}

export type HandleVoiceKeypressResult =
  { kind: 'stopped'; say: string; language: string; added: boolean } | { kind: 'ignored' };

export async function handleVoiceKeypress(
  ports: HandleVoiceKeypressPorts,
  cmd: HandleVoiceKeypressCommand,
): Promise<HandleVoiceKeypressResult> {
  if (cmd.digits.trim() !== STOP_KEY) return { kind: 'ignored' };
  const found = await ports.store.getReminderOfMessage(cmd.messageId);
  if (!found || found.message.channel !== 'voice') return { kind: 'ignored' };
  const { message, borrower } = found;
  const { added } = await ports.optOuts.suppressAddress({
    address: message.to,
    kind: 'phone',
    channels: ['voice'],
    source: 'voice-keypress',
    detail: `pressed ${STOP_KEY} during call ${cmd.callSid}`,
    actor: 'borrower',
    tenant: message.tenant,
  });
  await ports.store.recordBorrowerEvent(
    borrower.id,
    {
      type: 'consent.revoked',
      actor: 'borrower',
      data: { channels: ['voice'], rule: `keypress-${STOP_KEY}`, via: 'voice', messageId: message.id },
    },
    ports.clock.now(),
  );
  const lang = languageOf(borrower.locale);
  return {
    kind: 'stopped',
    say: STOP_KEY_CONFIRMATION[lang],
    language: CALL_VOICE[lang],
    added: added.length > 0,
  };
}
