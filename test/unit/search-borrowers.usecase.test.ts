/** Searching a tenant's borrowers, with plain in-memory fakes for the store's search and the read log. */
import { describe, expect, it } from 'vitest';
import type { AuditRead } from '../../src/store/audit-queries.js';
import type { SearchKind } from '../../src/store/borrower-search.js';
import {
  searchBorrowers,
  type SearchBorrowersPorts,
} from '../../src/usecases/search-borrowers/search-borrowers.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const clock = { now: () => NOW };

function fakes(kind: SearchKind) {
  const reads: AuditRead[] = [];
  const asked: string[] = [];
  const ports: SearchBorrowersPorts = {
    searchBorrowers: async (tenant, q, limit) => {
      asked.push(`${tenant}:${q}:${limit}`);
      return { kind, hits: [] };
    },
    recordRead: async (read) => {
      reads.push(read);
    },
  };
  return { ports, reads, asked };
}
const reader = { keyId: 'k1', role: 'agent', tenant: 'acme' };

describe('searchBorrowers', () => {
  it('searches the tenant’s borrowers and records the search by name as typed', async () => {
    const f = fakes('name');
    const r = await searchBorrowers(f.ports, clock, { tenant: 'acme', q: ' Lee ', limit: 20, reader });
    expect(r).toEqual({ kind: 'name', hits: [] });
    expect(f.asked).toEqual(['acme: Lee :20']);
    expect(f.reads).toEqual([
      {
        keyId: 'k1',
        role: 'agent',
        tenant: 'acme',
        action: 'search',
        target: null,
        filter: { kind: 'name', q: 'Lee' },
      },
    ]);
  });

  it('records a phone number searched for masked', async () => {
    const f = fakes('phone');
    await searchBorrowers(f.ports, clock, { tenant: 'acme', q: '+8613800138000', limit: 20, reader });
    expect(f.reads[0]!.filter.q).not.toContain('13800138000');
    expect(f.reads[0]!.filter.kind).toBe('phone');
  });
});
