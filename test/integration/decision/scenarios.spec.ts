import { join } from 'node:path';
import { loadScenarios, runScenario } from './scenario-runner';

const SCENARIOS = loadScenarios(join(__dirname, '../../fixtures/decisions'));

/**
 * One test per fixture. Each boots its own app (own database, Redis prefix and clock), so they run concurrently
 * (jest's maxConcurrency, 5 by default).
 */
describe('decision pipeline scenarios (test/fixtures/decisions, real PostgreSQL and Redis)', () => {
  it('finds the scenario fixtures', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(10);
  });

  it.concurrent.each(SCENARIOS.map(({ file, scenario }) => [file, scenario.name, scenario] as const))(
    '%s: %s',
    async (_file, _name, scenario) => {
      await runScenario(scenario);
    },
  );
});
