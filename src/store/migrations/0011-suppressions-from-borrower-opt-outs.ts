/** 0011-suppressions-from-borrower-opt-outs: copies the opt-outs kept on borrower rows onto the suppression list. */
import { type Kysely, sql } from 'kysely';

/** A borrower row's columns this migration reads, as they were then (opt_outs: a JSON array). */
interface BorrowerOptOuts {
  phone: string | null;
  email: string | null;
  opt_outs: string;
  updated_at: string;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // Opt-outs kept on borrower rows before the list existed belong to their addresses too
  // (their borrower.opted_out events are already on the borrowers' chains).
  const { rows } =
    await sql<BorrowerOptOuts>`select phone, email, opt_outs, updated_at from borrowers where opt_outs != '[]'`.execute(
      db,
    );
  for (const r of rows) {
    for (const o of JSON.parse(r.opt_outs) as Array<{ channel: string; source?: string; at?: string }>) {
      const address = o.channel === 'email' ? r.email?.toLowerCase() : r.phone;
      if (!address) continue;
      await sql`insert into suppressions (tenant, address, channel, source, detail, actor, at)
        values ('default', ${address}, ${o.channel}, 'borrower-opt-out', ${o.source ?? null}, 'migration', ${o.at ?? r.updated_at})
        on conflict (tenant, address, channel) do nothing`.execute(db);
    }
  }
}
