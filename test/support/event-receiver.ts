/** A stand-in collection system: receives outbound events, and can refuse the first few with 500. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedEvent {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; data: Record<string, unknown> };
}

export interface EventReceiver {
  url: string;
  received: ReceivedEvent[];
  /** The deliveries refused with 500 (their events must come again). */
  refused: ReceivedEvent[];
  /** How many refusals are still to come. */
  refusalsLeft(): number;
  close(): Promise<void>;
}

export async function startEventReceiver(options: { refuseFirst?: number } = {}): Promise<EventReceiver> {
  let refusals = options.refuseFirst ?? 0;
  const received: ReceivedEvent[] = [];
  const refused: ReceivedEvent[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (refusals > 0) {
        refusals--;
        refused.push({ headers: req.headers, body, json: JSON.parse(body) as ReceivedEvent['json'] });
        res.writeHead(500).end();
        return;
      }
      received.push({ headers: req.headers, body, json: JSON.parse(body) as ReceivedEvent['json'] });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    received,
    refused,
    refusalsLeft: () => refusals,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
