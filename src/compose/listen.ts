/** An HTTP server listening on a port, with its releaser: the API's listener and the operations listener. */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Releasers } from './releasers.js';

export async function listen(server: http.Server, port: number, host: string, releasers: Releasers): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  releasers.add(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  );
  const addr = server.address() as AddressInfo;
  return `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;
}
