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
  await app.listen(config.server.port, '0.0.0.0');
  new Logger('Boot').log(`Listening on :${config.server.port} (role ${config.server.role}); API docs at /docs`);
}

main().catch((error: Error) => {
  process.stderr.write(`Failed to start: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
