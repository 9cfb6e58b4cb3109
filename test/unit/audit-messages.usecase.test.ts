/** Searching and exporting the messages as sent, with plain in-memory fakes for the store's queries and read log. */
import { describe, expect, it } from 'vitest';
import type { AuditRead } from '../../src/store/audit-queries.js';
import { exportMessages } from '../../src/usecases/export-messages/export-messages.usecase.js';
import {
  searchMessages,
  type SearchMessagesPorts,
} from '../../src/usecases/search-messages/search-messages.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const clock = { now: () => NOW };
const reader = { keyId: 'k1', role: 'compliance', tenant: 'acme' };

describe('searchMessages', () => {
  it('answers the page and records the search with the query as asked', async () => {
    const reads: AuditRead[] = [];
    const ports: SearchMessagesPorts = {
      search: (async () => ({ items: [], nextCursor: null })) as unknown as SearchMessagesPorts['search'],
      recordRead: async (read) => {
        reads.push(read);
      },
    };
    const page = await searchMessages(ports, clock, {
      filter: { tenant: 'acme' },
      limit: 50,
      cursor: undefined,
      reader,
      asked: { channel: 'sms' },
    });
    expect(page).toEqual({ items: [], nextCursor: null });
    expect(reads).toEqual([
      { keyId: 'k1', role: 'compliance', tenant: 'acme', action: 'list', target: null, filter: { channel: 'sms' } },
    ]);
  });
});

describe('exportMessages', () => {
  it('records the export before the first page is read', async () => {
    const steps: string[] = [];
    async function* pages() {
      steps.push('page');
      yield 'a,b\r\n';
    }
    const out = await exportMessages(
      {
        export: () => pages(),
        recordRead: async (read) => {
          steps.push(`read ${read.action}`);
        },
      },
      clock,
      { filter: { tenant: 'acme' }, format: 'csv', reader, asked: {} },
    );
    const got: string[] = [];
    for await (const p of out) got.push(p);
    expect(got).toEqual(['a,b\r\n']);
    expect(steps).toEqual(['read export', 'page']);
  });
});
