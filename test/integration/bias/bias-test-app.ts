import { startTestApp, TestApp, TestAppOptions } from '../../helpers/test-app';

/** The bias tests boot the whole app (AppModule imports BiasModule). */
export function startBiasTestApp(
  options: TestAppOptions = {},
): Promise<TestApp & { dropDatabase: () => Promise<void> }> {
  return startTestApp(options);
}
