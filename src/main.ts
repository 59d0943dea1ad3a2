import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp, logBootWarnings } from './bootstrap/create-app';
import { ConfigValidationError, describeUnsafeSettings, loadConfigFromEnvironment } from './config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfigFromEnvironment();
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  logBootWarnings(describeUnsafeSettings(config));
  const shutdownTimeout = config.server.shutdownTimeoutMs;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // Nest closes the server, workers and connections; a hung close must not keep the process forever.
      setTimeout(() => process.exit(1), shutdownTimeout).unref();
    });
  }
  const server = app.getHttpServer();
  // Keep idle connections longer than the usual proxy idle timeout (60 s), so the server never closes a socket a
  // load balancer or client is about to reuse (which surfaces as ECONNRESET on their side).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await app.listen(config.server.port, '0.0.0.0');
  new Logger('Boot').log(`Listening on :${config.server.port} (role ${config.server.role}); API docs at /docs`);
}

main().catch((error: Error) => {
  process.stderr.write(`Failed to start: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
