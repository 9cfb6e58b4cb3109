/**
 * The data a template sees. Optional fields are present as null (Handlebars runs in strict
 * mode, where a missing field is an error), so templates guard them with {{#if}}.
 */
import { replyContextOf } from '../domain/agent-reply.js';
import { type SenderKind, senderContext } from '../domain/sender.js';

export interface ContextSource {
  /** `id`: the borrower's id as its tenant knows it (a stored Borrower gives `ref`). */
  borrower: { id: string; name: string | null } | { ref: string; name: string | null };
  debt: {
    accountRef: string;
    creditor: string;
    amountDue: { amount: string; currency: string };
    dueDate: string;
    daysOverdue: number;
    minimumPayment?: { amount: string; currency: string } | null | undefined;
    paymentUrl?: string | null | undefined;
  };
  contact?:
    | {
        name?: string | null | undefined;
        agent?: string | null | undefined;
        phone?: string | null | undefined;
        hours?: string | null | undefined;
      }
    | null
    | undefined;
  metadata?: Record<string, unknown> | null | undefined;
  /** Who is sending (default: a creditor collecting its own debts). */
  sender?: SenderKind | undefined;
  /** The tenant's contact details: the defaults for `contact`, and `sender.name`. */
  senderContact?: SenderContact | null | undefined;
}

/** The tenant's payment page for an account: its base with the account reference appended. */
function paymentUrlFrom(base: string | undefined, accountRef: string): string | null {
  if (!base) return null;
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(accountRef)}`;
}

/** A tenant's contact details, as its templates show them. */
export interface SenderContact {
  name: string;
  phone?: string | undefined;
  hours?: string | undefined;
  paymentUrlBase?: string | undefined;
}

export function templateContext(src: ContextSource): Record<string, unknown> {
  const d = src.debt;
  const c = src.contact ?? {};
  const t = src.senderContact ?? null;
  return {
    borrower: { id: 'ref' in src.borrower ? src.borrower.ref : src.borrower.id, name: src.borrower.name ?? null },
    debt: {
      accountRef: d.accountRef,
      creditor: d.creditor,
      amountDue: d.amountDue,
      dueDate: d.dueDate,
      daysOverdue: d.daysOverdue,
      minimumPayment: d.minimumPayment ?? null,
      paymentUrl: d.paymentUrl ?? paymentUrlFrom(t?.paymentUrlBase, d.accountRef),
    },
    // Who the borrower can reply to: the reminder's, else the tenant's; the name defaults to the creditor's.
    contact: {
      name: c.name ?? t?.name ?? d.creditor,
      agent: c.agent ?? null,
      phone: c.phone ?? t?.phone ?? null,
      hours: c.hours ?? t?.hours ?? null,
    },
    metadata: src.metadata ?? {},
    sender: { ...senderContext(src.sender ?? 'creditor'), name: t?.name ?? null },
    // An agent's answer: their words and the promise answered (only its reminders carry the mark).
    ...withReply(src.metadata),
  };
}

function withReply(metadata: Record<string, unknown> | null | undefined): { reply?: unknown } {
  const reply = replyContextOf(metadata);
  return reply ? { reply } : {};
}

/** A template's sample data (per locale when given) as a render context. */
export function sampleContext(
  meta: {
    sampleData: Record<string, unknown>;
    sampleDataByLocale?: Record<string, Record<string, unknown>> | undefined;
  },
  locale: string,
  sender: SenderKind = 'creditor',
): Record<string, unknown> {
  const sample = (meta.sampleDataByLocale?.[locale] ?? meta.sampleData) as Partial<ContextSource>;
  return templateContext({
    borrower: { id: 'sample', name: null, ...(sample.borrower as { id?: string; name?: string | null } | undefined) },
    debt: {
      accountRef: '0000',
      creditor: 'Sample Creditor',
      amountDue: { amount: '0.00', currency: 'USD' },
      dueDate: '2026-01-01',
      daysOverdue: 0,
      ...(sample.debt ?? {}),
    },
    contact: sample.contact ?? null,
    metadata: sample.metadata ?? {},
    sender,
  });
}

/** Deep merge of plain objects (arrays and scalars replace), for preview data over sample data. */
export function mergeData(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b)
        ? mergeData(b as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}
