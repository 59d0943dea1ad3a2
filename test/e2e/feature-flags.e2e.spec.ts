import request from 'supertest';
import { FeatureFlagsService } from '../../src/feature-flags/feature-flags.service';
import { startTestApp } from '../helpers/test-app';

type Started = Awaited<ReturnType<typeof startTestApp>>;

interface FlagBody {
  name: string;
  enabled: boolean;
  source: string;
  updated_by: string | null;
  updated_at: string | null;
}

describe('feature flags API (GET /feature-flags, PATCH /feature-flags/:name, GET /feature-flags/audit)', () => {
  let t: Started;
  let viewer: Record<string, string>;
  let operator: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ env: { ENABLE_VARIANT_B: 'false' } });
    viewer = await t.authHeaders('viewer');
    operator = await t.authHeaders('operator');
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  const flag = async (name: string): Promise<FlagBody> => {
    const res = await request(t.url).get('/feature-flags').set(viewer);
    expect(res.status).toBe(200);
    return (res.body.items as FlagBody[]).find((item) => item.name === name) as FlagBody;
  };

  it('lists every known flag, the kill switch included, with its source', async () => {
    const res = await request(t.url).get('/feature-flags').set(viewer);
    expect(res.status).toBe(200);
    const names = (res.body.items as FlagBody[]).map((item) => item.name);
    expect(names).toEqual(expect.arrayContaining(['enable_variant_b', 'enable_orb_specialist', 'kill_switch']));
    expect(res.body.total).toBe(names.length);
    expect(await flag('enable_variant_b')).toMatchObject({
      enabled: false,
      environment_value: false,
      source: 'environment',
      description: 'Enable Engine B (multi-agent)',
    });
    expect(await flag('kill_switch')).toMatchObject({ enabled: false, source: 'environment' });
  });

  it('needs a token to read the flags', async () => {
    const res = await request(t.url).get('/feature-flags');
    expect(res.status).toBe(401);
    expect(res.body.reason_code).toBe('unauthorized');
  });

  it('refuses a viewer flipping a flag (403) and changes nothing', async () => {
    const res = await request(t.url).patch('/feature-flags/enable_variant_b').set(viewer).send({ enabled: true });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ status: 403, reason_code: 'forbidden' });
    expect(await flag('enable_variant_b')).toMatchObject({ enabled: false });
  });

  it('lets an operator flip a flag: audited with who and when, and the next decision reads it', async () => {
    const flags = t.app.get(FeatureFlagsService);
    expect((await flags.snapshot()).enabled('enable_variant_b')).toBe(false);

    const res = await request(t.url)
      .patch('/feature-flags/enable_variant_b')
      .set(operator)
      .send({ enabled: true, reason: 'Engine B trial' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'enable_variant_b',
      enabled: true,
      previous_enabled: false,
      source: 'database',
      updated_by: 'operator-user',
      updated_at: t.clock.now().toISOString(),
    });
    expect(res.body.audit_id).toMatch(/^[0-9a-f-]{36}$/);

    // The decision path reads the snapshot on every signal: the change applies to the next one.
    expect((await flags.snapshot()).enabled('enable_variant_b')).toBe(true);
    expect(await flag('enable_variant_b')).toMatchObject({ enabled: true, source: 'database' });

    const audit = await request(t.url).get('/feature-flags/audit').set(viewer);
    expect(audit.status).toBe(200);
    expect(audit.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(audit.body.items[0]).toEqual({
      id: res.body.audit_id,
      flag_name: 'enable_variant_b',
      old_value: false,
      new_value: true,
      actor: 'operator-user',
      actor_kind: 'user',
      reason: 'Engine B trial',
      changed_at: t.clock.now().toISOString(),
    });
  });

  it('lists the audit trail newest first, filtered by flag name', async () => {
    t.clock.advance(60_000);
    const second = await request(t.url)
      .patch('/feature-flags/ENABLE_ORB_SPECIALIST')
      .set(operator)
      .send({ enabled: true });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ name: 'enable_orb_specialist', enabled: true });
    t.clock.advance(60_000);
    const third = await request(t.url).patch('/feature-flags/enable_variant_b').set(operator).send({ enabled: false });
    expect(third.status).toBe(200);

    const all = await request(t.url).get('/feature-flags/audit').set(viewer);
    expect(all.body.total).toBe(3);
    expect((all.body.items as { flag_name: string }[]).map((item) => item.flag_name)).toEqual([
      'enable_variant_b',
      'enable_orb_specialist',
      'enable_variant_b',
    ]);
    const one = await request(t.url).get('/feature-flags/audit?name=enable_orb_specialist&limit=1').set(viewer);
    expect(one.body).toMatchObject({ total: 1, limit: 1, offset: 0 });
    expect(one.body.items[0]).toMatchObject({ old_value: false, new_value: true, reason: null });
    expect((await t.app.get(FeatureFlagsService).snapshot()).enabled('enable_variant_b')).toBe(false);
  });

  it('answers 404 feature_flag_not_found for an unknown flag', async () => {
    const res = await request(t.url).patch('/feature-flags/enable_time_travel').set(operator).send({ enabled: true });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, reason_code: 'feature_flag_not_found' });
    expect(res.body.request_id).toBeDefined();
  });

  it('sends the kill switch to its own endpoint (409 use_kill_switch_endpoint)', async () => {
    const res = await request(t.url).patch('/feature-flags/kill_switch').set(operator).send({ enabled: true });
    expect(res.status).toBe(409);
    expect(res.body.reason_code).toBe('use_kill_switch_endpoint');
    expect(await flag('kill_switch')).toMatchObject({ enabled: false });
  });

  it.each([
    [{}, 'enabled'],
    [{ enabled: 'yes' }, 'enabled'],
    [{ enabled: true, reason: 42 }, 'reason'],
    [{ enabled: true, extra: 1 }, 'extra'],
  ])('refuses a bad body %j with field details (400)', async (body, field) => {
    const res = await request(t.url).patch('/feature-flags/enable_variant_b').set(operator).send(body);
    expect(res.status).toBe(400);
    expect(res.body.reason_code).toBe('validation_failed');
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('refuses malformed JSON and a bad audit page with 400, never 500', async () => {
    const malformed = await request(t.url)
      .patch('/feature-flags/enable_variant_b')
      .set(operator)
      .set('Content-Type', 'application/json')
      .send('{"enabled": tru');
    expect(malformed.status).toBe(400);
    const badPage = await request(t.url).get('/feature-flags/audit?limit=0').set(viewer);
    expect(badPage.status).toBe(400);
    expect(badPage.body.details).toEqual([expect.objectContaining({ field: 'limit' })]);
  });
});
