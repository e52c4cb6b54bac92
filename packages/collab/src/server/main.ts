// The collaboration server process (`npm start` runs it beside the two apps).
import { getDb } from '@newsroom/db';
import { exitOnListenFailure } from '@newsroom/http';
import { prepareDatabase } from '@newsroom/db/migrate';
import { startFailureReport } from '@newsroom/settings';
import { readCollabConfig } from './config';
import { createCollabServer } from './collab-server';
import { redisScaleOut } from './scale-out';

async function main() {
  const config = readCollabConfig(process.env);
  await prepareDatabase();
  const server = createCollabServer({
    db: getDb(),
    allowedOrigins: config.allowedOrigins,
    extensions: config.redisUrl ? [redisScaleOut(config.redisUrl)] : [],
  });
  server.configuration.address = config.host;
  exitOnListenFailure(server.httpServer, 'Collaboration server', 'COLLAB_PORT');
  await server.listen(config.port);
  console.log(`Collaboration server ready on ws://${config.host}:${server.address.port}`);
  const shutdown = async (signal: string) => {
    // Stores every open document (and writes its working copy) before closing.
    await server.destroy();
    console.log(`Collaboration server stopped (${signal}).`);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`Collaboration server: ${startFailureReport(error)}`);
  process.exit(1);
});
