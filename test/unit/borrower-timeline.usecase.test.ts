/** A borrower's timeline, with plain in-memory fakes for the store's borrower, timeline, kept texts and read log. */
import { describe, expect, it } from 'vitest';
import type { Borrower } from '../../src/domain/index.js';
import type { AuditRead, TimelineEntry } from '../../src/store/audit-queries.js';
import {
  borrowerTimeline,
  type BorrowerTimelinePorts,
} from '../../src/usecases/borrower-timeline/borrower-timeline.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const clock = { now: () => NOW };

function fakes(withText: boolean) {
  const reads: AuditRead[] = [];
  const asked: string[][] = [];
  const entries = [
    { message: null, event: { seq: 1, type: 'inbound.sms', data: withText ? { content: { id: 'c-1' } } : {} } },
  ] as unknown as TimelineEntry[];
  const ports: BorrowerTimelinePorts = {
    getBorrower: async (id) => (id === 'acme~b-1' ? ({ id } as Borrower) : undefined),
    timeline: async () => entries,
    contentRefIn: (data) => data.content as { id: string; sha256: string } | undefined,
    texts: async (ids) => {
      asked.push(ids);
      return new Map([['c-1', { text: 'STOP', erasedAt: null }]]);
    },
    recordRead: async (read) => {
      reads.push(read);
    },
  };
  return { ports, reads, asked };
}
const cmd = (role: string) => ({
  borrowerId: 'acme~b-1',
  limit: 200,
  reader: { keyId: 'k1', role, tenant: 'acme' },
  filter: {},
});

describe('borrowerTimeline', () => {
  it('joins the kept texts back in and records compliance’s read', async () => {
    const f = fakes(true);
    const r = await borrowerTimeline(f.ports, clock, cmd('compliance'));
    expect(r).toMatchObject({ kind: 'timeline', full: true });
    if (r.kind === 'timeline') expect(r.texts.get('c-1')?.text).toBe('STOP');
    expect(f.asked).toEqual([['c-1']]);
    expect(f.reads).toMatchObject([{ action: 'timeline', target: 'acme~b-1' }]);
  });

  it('shows an agent the timeline masked and records no read', async () => {
    const f = fakes(false);
    expect(await borrowerTimeline(f.ports, clock, cmd('agent'))).toMatchObject({ kind: 'timeline', full: false });
    expect(f.reads).toEqual([]);
    expect(f.asked).toEqual([]);
  });

  it('does not find an unknown borrower', async () => {
    const f = fakes(false);
    expect(await borrowerTimeline(f.ports, clock, { ...cmd('compliance'), borrowerId: 'acme~b-9' })).toEqual({
      kind: 'not-found',
    });
  });
});
