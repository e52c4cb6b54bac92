import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitOnListenFailure, listenFailureMessage } from './listen-failure';

const servers: Server[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const server of servers.splice(0)) server.close();
});

function listening(): Promise<Server> {
  const server = createServer();
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('a server that cannot listen', () => {
  it('stops with one line naming the address and the port variable, and exit code 1', async () => {
    const taken = await listening();
    const { port } = taken.address() as { port: number };
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const second = createServer();
    servers.push(second);
    exitOnListenFailure(second, 'Editor', 'EDITOR_PORT');
    second.listen(port, '127.0.0.1');

    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0]).toEqual([
      `Editor cannot listen on 127.0.0.1:${port}: the port is in use (is Newsroom already running?); stop that process or set EDITOR_PORT to a free port.`,
    ]);
  });

  it('leaves errors after listening to their usual handling', async () => {
    const server = createServer();
    servers.push(server);
    exitOnListenFailure(server, 'Shortener', 'SHORTENER_PORT');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    expect(server.listenerCount('error')).toBe(0);
  });

  it('says why for a privileged port and a foreign HOST', () => {
    const failure = (code: string) =>
      Object.assign(new Error(code), { code, address: '10.9.9.9', port: 80 });
    expect(listenFailureMessage(failure('EACCES'), 'Shortener', 'SHORTENER_PORT')).toBe(
      'Shortener cannot listen on 10.9.9.9:80: not allowed (ports below 1024 need privileges); set SHORTENER_PORT to another port.',
    );
    expect(listenFailureMessage(failure('EADDRNOTAVAIL'), 'Editor', 'EDITOR_PORT')).toBe(
      'Editor cannot listen on 10.9.9.9:80: HOST is not an address of this machine.',
    );
  });
});
