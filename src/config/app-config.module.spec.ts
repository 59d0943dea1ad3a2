import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppConfig } from './app-config';
import { AppConfigModule } from './app-config.module';
import { APP_CONFIG } from './app-config.token';
import { loadConfig } from './load-config';

describe('AppConfigModule', () => {
  it('provides the given config as APP_CONFIG', async () => {
    const config = loadConfig({ PORT: '4321', QUEUE_PREFIX: 'test-config' });
    const moduleRef = await Test.createTestingModule({ imports: [AppConfigModule.forRoot(config)] }).compile();
    expect(moduleRef.get<AppConfig>(APP_CONFIG)).toBe(config);
    await moduleRef.close();
  });

  it('loads from the environment when no config is given and logs unsafe settings', async () => {
    const previous = process.env.ENV_FILE;
    process.env.ENV_FILE = '.env.example';
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const moduleRef = await Test.createTestingModule({ imports: [AppConfigModule.forRoot()] }).compile();
      const config = moduleRef.get<AppConfig>(APP_CONFIG);
      expect(config.server.appMode).toBe('PAPER');
      expect(config.server.nodeEnv).toBe('test'); // the real environment (jest) wins over the file
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('HMAC_SECRET is empty'));
      await moduleRef.close();
    } finally {
      warn.mockRestore();
      if (previous === undefined) {
        delete process.env.ENV_FILE;
      } else {
        process.env.ENV_FILE = previous;
      }
    }
  });
});
