import { StrikeSelectionService } from '../../../src/strikes/strike-selection.service';
import { startTestApp } from '../../helpers/test-app';

type Started = Awaited<ReturnType<typeof startTestApp>>;

describe('strike selection on the platform (simulated market data)', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('picks a liquid call near the target delta with an expiration past min_dte_exit, and explains it', async () => {
    const result = await t.app.get(StrikeSelectionService).select({ symbol: 'SPY', direction: 'long', confidence: 72 });
    if (!result.ok) {
      throw new Error(`no selection: ${result.reasons.join(', ')}`);
    }
    const { selection } = result;
    expect(selection.type).toBe('call');
    expect(selection.optionSymbol).toMatch(/^SPY\d{6}C\d{8}$/);
    expect(selection.dte).toBeGreaterThan(1);
    expect(selection.reasons.length).toBeGreaterThan(0);
    if (selection.mode === 'delta') {
      expect(Math.abs(selection.delta ?? 0)).toBeGreaterThan(0.4);
      expect(selection.quote?.bid).not.toBeNull();
    }
  });

  it('uses the exit rule in the database: a larger min_dte_exit pushes the expiration out', async () => {
    await t.dataSource.query(`UPDATE exit_rules SET min_dte_exit = 9 WHERE rule_name = 'default'`);
    const result = await t.app
      .get(StrikeSelectionService)
      .select({ symbol: 'QQQ', direction: 'short', confidence: 55 });
    expect(result.ok && result.selection.dte).toBeGreaterThan(9);
    expect(result.ok && result.selection.type).toBe('put');
  });
});
