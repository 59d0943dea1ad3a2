import { dropDatabase, TEMPLATE_ENV, withServer } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (template) {
    await dropDatabase(template);
    delete process.env[TEMPLATE_ENV];
  }
  // Test files drop their own databases; this catches what a crashed file left behind (older than an hour).
  await withServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'optest\\_%' OR datname LIKE 'optpl\\_%'`,
    );
    for (const { datname } of rows) {
      const created = parseInt(datname.split('_')[1] ?? '', 36);
      if (Number.isFinite(created) && Date.now() - created > 3600_000) {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
      }
    }
  });
}
