/**
 * Each event's hash is SHA-256 over the previous event's hash and the event's canonical JSON
 * (RFC 8785). Every message has its own chain (`m:<messageId>`), so writers on different
 * messages never wait for each other; a borrower-level chain (`b:<borrowerId>`) holds events
 * that belong to no message.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  chain: string;
  seq: number;
  messageId: string | null;
  borrowerId: string;
  type: string;
  at: string;
  actor: string;
  data: Record<string, unknown>;
  /** Registry events written before 0028: the one chain they register (since, `data.chains` lists them). */
  refChain?: string;
}

export function eventHash(prevHash: string, event: HashedFields): string {
  const body = canonicalJson({
    chain: event.chain,
    seq: event.seq,
    messageId: event.messageId,
    borrowerId: event.borrowerId,
    type: event.type,
    at: event.at,
    actor: event.actor,
    data: event.data,
    ...(event.refChain ? { refChain: event.refChain } : {}),
  });
  return createHash('sha256')
    .update(prevHash)
    .update(body ?? '')
    .digest('hex');
}

export const messageChain = (messageId: string) => `m:${messageId}`;
/** A message's chain keeps its head on the message row (`chain_seq`, `chain_hash`, 0027), not in `chain_heads`. */
export const isMessageChain = (chain: string) => chain.startsWith('m:');
export const messageIdOfChain = (chain: string) => chain.slice('m:'.length);
export const borrowerChain = (borrowerId: string) => `b:${borrowerId}`;
