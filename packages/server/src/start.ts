/** The server listening on a port, for the command line, `npm start` and tests. */
import type { FastifyInstance } from 'fastify';
import { createApp } from './app.js';
import type { Storage } from './storage.js';
import type { ServerOptions } from './options.js';

export interface RunningServer {
  url: string;
  port: number;
  store: Storage;
  app: FastifyInstance;
  /** Stops taking requests, lets the ones under way finish, and closes a database the server opened. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions & { port?: number; host?: string }): Promise<RunningServer> {
  const app = createApp(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 8080, host });
  const { port } = app.server.address() as { port: number };
  return { url: `http://${host}:${port}`, port, store: app.store, app, close: () => app.close() };
}
