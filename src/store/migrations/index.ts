/**
 * The store's migrations, oldest first. Each is a file of its own, named by the id kysely records
 * in `kysely_migration`, written against the schema as it was then (raw SQL or the untyped schema
 * builder, never `../schema.ts`): once released, a migration is history, never renamed or edited.
 * Listed here rather than found by reading the directory, so tsx and the compiled build run the
 * same list. docs/operations.md says how to add one.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-contact-and-template-versions.js';
import * as m0003 from './0003-chain-heads-keys-reads.js';
import * as m0004 from './0004-retention.js';
import * as m0005 from './0005-relay-cursor.js';
import * as m0006 from './0006-strategy.js';
import * as m0007 from './0007-leaner-event-indexes.js';
import * as m0008 from './0008-webhook-receipts.js';
import * as m0009 from './0009-suppressions-and-content.js';
import * as m0010 from './0010-outbound-deliveries.js';
import * as m0011 from './0011-suppressions-from-borrower-opt-outs.js';
import * as m0012 from './0012-suppression-chains.js';
import * as m0013 from './0013-store-is-the-schedule.js';
import * as m0014 from './0014-event-transactions.js';
import * as m0015 from './0015-tenants.js';
import * as m0016 from './0016-outcomes.js';
import * as m0017 from './0017-experiment-report-index.js';
import * as m0018 from './0018-keys-per-purpose.js';
import * as m0019 from './0019-holds.js';
import * as m0020 from './0020-inbox.js';
import * as m0021 from './0021-promises.js';
import * as m0022 from './0022-bounces.js';
import * as m0023 from './0023-provider-route.js';
import * as m0024 from './0024-address-facts.js';
import * as m0025 from './0025-promises-by-borrower.js';
import * as m0026 from './0026-first-touches.js';
import * as m0027 from './0027-message-chain-heads-on-rows.js';
import * as m0028 from './0028-registry-by-time.js';
import * as m0029 from './0029-validation-notices.js';
import * as m0030 from './0030-borrower-region-state-rules.js';
import * as m0031 from './0031-es-templates-language-preference.js';
import * as m0032 from './0032-erasure-retention-per-tenant.js';
import * as m0033 from './0033-suppression-key.js';
import * as m0034 from './0034-validation-notice-requests.js';

export interface StoreMigration {
  /** The id kysely records once it has run: the file's name without its extension. */
  name: string;
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

export const migrations: readonly StoreMigration[] = [
  { name: '0001-initial', up: m0001.up },
  { name: '0002-contact-and-template-versions', up: m0002.up },
  { name: '0003-chain-heads-keys-reads', up: m0003.up },
  { name: '0004-retention', up: m0004.up },
  { name: '0005-relay-cursor', up: m0005.up },
  { name: '0006-strategy', up: m0006.up },
  { name: '0007-leaner-event-indexes', up: m0007.up },
  { name: '0008-webhook-receipts', up: m0008.up },
  { name: '0009-suppressions-and-content', up: m0009.up },
  { name: '0010-outbound-deliveries', up: m0010.up },
  { name: '0011-suppressions-from-borrower-opt-outs', up: m0011.up },
  { name: '0012-suppression-chains', up: m0012.up },
  { name: '0013-store-is-the-schedule', up: m0013.up },
  { name: '0014-event-transactions', up: m0014.up },
  { name: '0015-tenants', up: m0015.up },
  { name: '0016-outcomes', up: m0016.up },
  { name: '0017-experiment-report-index', up: m0017.up },
  { name: '0018-keys-per-purpose', up: m0018.up },
  { name: '0019-holds', up: m0019.up },
  { name: '0020-inbox', up: m0020.up },
  { name: '0021-promises', up: m0021.up },
  { name: '0022-bounces', up: m0022.up },
  { name: '0023-provider-route', up: m0023.up },
  { name: '0024-address-facts', up: m0024.up },
  { name: '0025-promises-by-borrower', up: m0025.up },
  { name: '0026-first-touches', up: m0026.up },
  { name: '0027-message-chain-heads-on-rows', up: m0027.up },
  { name: '0028-registry-by-time', up: m0028.up },
  { name: '0029-validation-notices', up: m0029.up },
  { name: '0030-borrower-region-state-rules', up: m0030.up },
  { name: '0031-es-templates-language-preference', up: m0031.up },
  { name: '0032-erasure-retention-per-tenant', up: m0032.up },
  { name: '0033-suppression-key', up: m0033.up },
  { name: '0034-validation-notice-requests', up: m0034.up },
];
