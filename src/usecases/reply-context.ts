/**
 * What an answer to a borrower renders with: the borrower and their latest reminder (its debt and contact), and the
 * tenant's contact and kind of sender. Who is writing: the reminder's contact, else the tenant's, else the creditor;
 * with none of them, `contact.name` is empty and the answer names nobody. The service's automatic answers (STOP, HELP)
 * and the agents' (the inbox composer) render with it.
 */
import type { Borrower, Contact, Debt } from '../domain/index.js';
import type { SenderKind } from '../domain/sender.js';
import { type SenderContact, templateContext } from '../templates/context.js';

export interface ReplyContextPorts {
  latestReminder(borrowerId: string): Promise<{ debt: Debt; contact: Contact | null } | undefined>;
  /** A tenant's contact details (who its answers say is writing). */
  contactOf: (tenant: string) => Promise<SenderContact | null | undefined>;
  /** A tenant's kind of sender (an agency's answers carry the debt collector disclosure). */
  senderKindOf: (tenant: string) => Promise<SenderKind | undefined>;
}

export interface ReplyContext {
  data: Record<string, unknown>;
  /** The debt and contact a message rendered from `data` is accepted with (the worker renders it again from them). */
  debt: Debt;
  contact: Contact | null;
}

/**
 * The context for `borrower` (none: a number no borrower has), with the metadata the reminder will carry (an agent's
 * answer carries its mark, which may name amounts in the debt's currency).
 */
export async function replyContext(
  ports: ReplyContextPorts,
  tenant: string,
  borrower: Borrower | undefined,
  metadataFor?: (debt: Debt) => Record<string, unknown>,
): Promise<ReplyContext & { metadata: Record<string, unknown> | null }> {
  const reminder = borrower ? await ports.latestReminder(borrower.id) : undefined;
  const senderContact = (await ports.contactOf(tenant)) ?? null;
  const who = reminder?.contact?.name ?? senderContact?.name ?? reminder?.debt.creditor ?? '';
  const debt: Debt = reminder?.debt ?? {
    accountRef: '',
    creditor: who,
    amountDue: { amount: '0', currency: 'USD' },
    dueDate: '2026-01-01',
    daysOverdue: 0,
  };
  const contact = reminder?.contact ?? null;
  const metadata = metadataFor ? metadataFor(debt) : null;
  const data = templateContext({
    borrower: borrower ?? { id: '', name: null },
    debt,
    contact,
    metadata,
    senderContact,
    sender: await ports.senderKindOf(tenant),
  });
  return { data, debt, contact, metadata };
}
