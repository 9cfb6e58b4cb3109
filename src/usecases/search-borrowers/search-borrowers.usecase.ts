/**
 * Find a tenant's borrowers as an agent on the phone would (GET /v1/borrowers): by name, phone number, email address
 * or an account's last four digits. Every search is in the read log, a phone number or email address searched for
 * masked there.
 */
import type { SearchHit, SearchKind } from '../../store/borrower-search.js';
import type { Clock } from '../../domain/clock.js';
import { maskRecipient } from '../../policy/address.js';
import { readOf, type Reader, type RecordRead } from '../reader.js';

/** Exactly what a search needs from the store. */
export interface SearchBorrowersPorts {
  searchBorrowers(tenant: string, q: string, limit: number): Promise<{ kind: SearchKind; hits: SearchHit[] }>;
  recordRead: RecordRead;
}

export interface SearchBorrowers {
  tenant: string;
  q: string;
  limit: number;
  reader: Reader;
}

export async function searchBorrowers(
  ports: SearchBorrowersPorts,
  clock: Clock,
  cmd: SearchBorrowers,
): Promise<{ kind: SearchKind; hits: SearchHit[] }> {
  const { kind, hits } = await ports.searchBorrowers(cmd.tenant, cmd.q, cmd.limit);
  const shown = kind === 'phone' || kind === 'email' ? maskRecipient(cmd.q.trim()) : cmd.q.trim();
  await ports.recordRead(readOf(cmd.reader, 'search', null, { kind, q: shown }), clock.now());
  return { kind, hits };
}
