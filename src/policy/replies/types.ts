import type { Channel } from '../../domain/channels.js';
import type { Intent } from '../../domain/replies.js';

/**
 * How a revocation's channels are read: from its words (and the words right after), all three, the
 * reply's own channel, or every channel but the ones its words name ("only email me from now on").
 * `all-unless-other`: all three, unless another revocation in the reply says which ("I revoke consent. Stop
 * texting."). `reply-unless-other`: the reply's own channel, unless another revocation in it names channels
 * ("¡Basta! ya no me llamen"). `line`: the line it names, an email address or a phone (texts and calls), or what it came on.
 */
export type ScopeOf = 'words' | 'all' | 'reply' | 'others' | 'all-unless-other' | 'line' | 'reply-unless-other';

export interface ReplyRule {
  rule: string;
  intent: Exclude<Intent, 'other'>;
  /** English: over the token stream; Chinese: over a clause's simplified letters-and-digits view. Global, linear. */
  pattern: RegExp;
  scope?: ScopeOf;
  /** Checks that explain a match away (negation, another sense of the word). */
  checks?: readonly string[];
  /** Channels from the match's own words, not the words after ("en vez de llamar, mándenme un mensaje"). */
  own?: boolean;
}

/** A rule's match, located in the original text. */
export interface ReplyHit {
  rule: ReplyRule;
  start: number;
  end: number;
  /** The sentence (English) or clause (Chinese) it was found in, as normalised words. */
  clause: string;
  /** The normalised words after the match in the same clause. */
  after: string;
  /** Why it does not count, or null. */
  suppressed: string | null;
  /** The channels its words name (revoke). */
  channels: Channel[];
  /** Index of the sentence in the reply (English) or of the clause (Chinese). */
  sentence: number;
}
