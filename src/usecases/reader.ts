/** Who reads content through a face: the key, its role and its tenant, as the read log records them. */
import type { AuditRead } from '../store/audit-queries.js';

export interface Reader {
  keyId: string;
  role: string;
  /** The key's tenant (null: a deployment-wide key). */
  tenant: string | null;
}

/** Records a read of content in the read log (the store's `reads.record`). */
export type RecordRead = (read: AuditRead, now: Date) => Promise<void>;

/** The read log's entry for a reader's read of `action` on `target`. */
export const readOf = (
  reader: Reader,
  action: string,
  target: string | null,
  filter: Record<string, unknown>,
): AuditRead => ({ keyId: reader.keyId, role: reader.role, tenant: reader.tenant, action, target, filter });
