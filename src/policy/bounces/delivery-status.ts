/**
 * The header blocks of an RFC 3464 `message/delivery-status` body: one block of per-message
 * fields (Reporting-MTA, Original-Envelope-Id …), then one block per recipient (Final-Recipient,
 * Action, Status, Diagnostic-Code …), blocks separated by blank lines, long fields folded onto
 * lines that begin with white space. Bounded whatever the input: at most `maxChars` of the body
 * are read, `maxRecipients` recipient blocks and `maxFields` fields a block are kept, and a field's
 * value is cut at `maxValueChars`. Field names are lower-cased; a repeated field keeps its first
 * value. Anything that is not `name: value` (or its folded continuation) makes the body malformed.
 */

export type DeliveryStatusFields = Readonly<Record<string, string>>;

export interface DeliveryStatusBlocks {
  message: DeliveryStatusFields;
  recipients: DeliveryStatusFields[];
}

export interface DeliveryStatusLimits {
  maxChars: number;
  maxRecipients: number;
  maxFields: number;
  maxValueChars: number;
}

export const DELIVERY_STATUS_LIMITS: DeliveryStatusLimits = {
  maxChars: 64 * 1024,
  maxRecipients: 50,
  maxFields: 40,
  maxValueChars: 1000,
};

const FIELD = /^([!-9;-~]+)[ \t]*:[ \t]*(.*)$/;

/** The blocks of a delivery-status body, or undefined when it is not one (no recipient block, a line that is no field). */
export function parseDeliveryStatus(
  body: string,
  limits: DeliveryStatusLimits = DELIVERY_STATUS_LIMITS,
): DeliveryStatusBlocks | undefined {
  const blocks: Array<Record<string, string>> = [];
  let block: Record<string, string> | undefined;
  let last: string | undefined;
  let fields = 0;
  const lines = body.slice(0, limits.maxChars).split(/\r?\n/);
  // A body cut at the bound ends in a partial line: not read.
  if (body.length > limits.maxChars) lines.pop();
  for (const line of lines) {
    if (line.trim() === '') {
      if (block) blocks.push(block);
      block = undefined;
      last = undefined;
      // The message block and the recipients' blocks; the rest is not read.
      if (blocks.length > limits.maxRecipients) break;
      continue;
    }
    if (/^[ \t]/.test(line)) {
      // A folded field goes on; a block may not begin with one.
      if (!block || last === undefined) return undefined;
      if (last !== '' && block[last]!.length < limits.maxValueChars)
        block[last] = `${block[last]} ${line.trim()}`.slice(0, limits.maxValueChars);
      continue;
    }
    const m = FIELD.exec(line);
    if (!m) return undefined;
    if (!block) {
      block = {};
      fields = 0;
    }
    const name = m[1]!.toLowerCase();
    // Past the bound, or a repeat: read and dropped ('' marks a field whose folds are dropped too).
    if (fields >= limits.maxFields || name in block) {
      last = '';
      continue;
    }
    block[name] = m[2]!.trim().slice(0, limits.maxValueChars);
    last = name;
    fields++;
  }
  if (block && blocks.length <= limits.maxRecipients) blocks.push(block);
  const [message, ...recipients] = blocks;
  if (!message || recipients.length === 0) return undefined;
  return { message, recipients: recipients.slice(0, limits.maxRecipients) };
}

/** A typed field's value without its type: `rfc822; kim@example.com` → `kim@example.com`; `smtp; 550 …` → `550 …`. */
export function untyped(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const i = value.indexOf(';');
  const v = (i < 0 ? value : value.slice(i + 1)).trim();
  return v === '' ? undefined : v;
}
