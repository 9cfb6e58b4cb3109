/**
 * A TCP proxy a test can hold: while held, what clients send is kept back (the server never sees
 * it) and what the server sends still flows. Put between a service and Redis, it freezes the
 * service at its next Redis command, to kill the process at exactly that point.
 */
import net from 'node:net';

export interface TcpProxy {
  url: string;
  /** Keep back everything clients send from now on. */
  hold(): void;
  /** Bytes kept back since hold(). */
  heldBytes(): number;
  /** Closes the listener and every connection; what was kept back is dropped, never delivered. */
  close(): Promise<void>;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  let held = false;
  let heldBytes = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    client.on('data', (chunk: Buffer) => {
      if (held) heldBytes += chunk.length;
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    hold: () => {
      held = true;
    },
    heldBytes: () => heldBytes,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
