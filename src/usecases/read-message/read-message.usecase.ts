/**
 * Read one message as sent (GET /v1/audit/messages/:id): its reminder, borrower and events, and what the borrower saw,
 * re-rendered from the stored template sources and data. Another tenant's message is not there; the read is recorded.
 */
import type { AuditEvent, Message } from '../../domain/index.js';
import type { Clock } from '../../domain/clock.js';
import type { MessageWithContext } from '../../store/audit-store.js';
import type { StoredTemplateVersion } from '../../store/store-types.js';
import { renderFromSources } from '../../templates/render.js';
import { withStopKey } from '../../templates/variant.js';
import type { TemplateChannel } from '../../templates/variant.js';
import { readOf, type Reader, type RecordRead } from '../reader.js';

/** Exactly what reading a message needs from the store. */
export interface ReadMessagePorts {
  getReminderOfMessage(messageId: string): Promise<MessageWithContext | undefined>;
  /** Whether the reader may see records of this (stored) borrower. */
  /** Whether the caller's key may see a record of this tenant. */
  mayReach(tenant: string): boolean;
  listEvents(messageId: string): Promise<AuditEvent[]>;
  getTemplateVersion(version: string): Promise<StoredTemplateVersion | undefined>;
  /** The data a message was rendered with. */
  getRenderData(
    messageId: string,
  ): Promise<{ context: Record<string, unknown>; timezone: string | null; stopKeyAction?: string } | undefined>;
  recordRead: RecordRead;
}

export interface ReadMessage {
  id: string;
  reader: Reader;
  /** The query as asked, for the read log. */
  filter: Record<string, unknown>;
}

export type MessageContent = Awaited<ReturnType<typeof contentOf>>;

export type ReadMessageResult =
  { kind: 'not-found' } | ({ kind: 'found'; events: AuditEvent[]; content: MessageContent } & MessageWithContext);

export async function readMessage(ports: ReadMessagePorts, clock: Clock, cmd: ReadMessage): Promise<ReadMessageResult> {
  const found = await ports.getReminderOfMessage(cmd.id);
  if (!found || !ports.mayReach(found.message.tenant)) return { kind: 'not-found' };
  const events = await ports.listEvents(cmd.id);
  await ports.recordRead(readOf(cmd.reader, 'read', cmd.id, cmd.filter), clock.now());
  return { kind: 'found', ...found, events, content: await contentOf(ports, found.message) };
}

/**
 * What the borrower saw: the stored body, and the email HTML or voice script re-rendered from
 * the stored template sources and data (the same bytes: `matchesStored` says the re-rendered
 * body equals the stored one).
 */
async function contentOf(store: Pick<ReadMessagePorts, 'getTemplateVersion' | 'getRenderData'>, m: Message) {
  const base = {
    subject: m.subject,
    text: m.channel === 'voice' ? null : m.body,
    html: null as string | null,
    twiml: m.channel === 'voice' ? m.body : null,
    script: null as string | null,
    voiceLanguage: null as string | null,
    matchesStored: null as boolean | null,
  };
  if (!m.templateVersion || m.body === null) return base;
  const [version, data] = await Promise.all([store.getTemplateVersion(m.templateVersion), store.getRenderData(m.id)]);
  if (!version || !data) return base;
  try {
    const rendered = renderFromSources(
      {
        key: version.key,
        channel: version.channel as TemplateChannel,
        locale: version.locale,
        sources: version.sources,
      },
      data.context,
      data.timezone,
    );
    // A call carried its stop key, posting where the render data says.
    const again = data.stopKeyAction ? withStopKey(rendered, data.stopKeyAction) : rendered;
    const matches = again.body === m.body;
    return {
      ...base,
      text: m.channel === 'voice' ? null : matches ? again.text : m.body,
      html: matches ? again.html : null,
      script: matches && m.channel === 'voice' ? again.text : null,
      voiceLanguage: again.voiceLanguage,
      matchesStored: matches,
    };
  } catch {
    return { ...base, matchesStored: false };
  }
}
