import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig, APP_CONFIG } from '../config';
import { AuthService } from './auth.service';
import { UsersRepository } from './users.repository';

/**
 * The first admin from ADMIN_USERNAME / ADMIN_PASSWORD, created once when no user of that name exists (instances
 * booting together race safely: the insert ignores a taken name). An existing user is never overwritten: change its
 * password through PATCH /auth/users/:id. Outside production, a database with no user at all and no ADMIN_* settings
 * gets an `admin` with a random password printed once at boot, so a first run can log in.
 */
@Injectable()
export class AdminSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminSeeder.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly users: UsersRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminUsername, adminPassword } = this.config.auth;
    if (!adminUsername || !adminPassword) {
      const anyone = await this.users.list(1, 0);
      if (anyone.total > 0) {
        return;
      }
      if (this.config.server.nodeEnv === 'production') {
        this.logger.warn('No users exist and ADMIN_USERNAME/ADMIN_PASSWORD are not set: nobody can log in');
        return;
      }
      // A first run on a laptop: an admin with a random password, shown once in this log.
      const password = randomBytes(18).toString('base64url');
      if (await this.auth.createUser({ username: 'admin', password, role: 'admin' }, null)) {
        this.logger.warn(
          `*** No users existed: created user "admin" with password "${password}" (shown once; outside production ` +
            'only). Set ADMIN_USERNAME/ADMIN_PASSWORD to choose them ***',
        );
      }
      return;
    }
    if (await this.users.findByUsername(adminUsername)) {
      return;
    }
    const created = await this.auth.createUser(
      { username: adminUsername, password: adminPassword, role: 'admin' },
      null,
    );
    if (created) {
      this.logger.log(`Created the admin user ${adminUsername} from ADMIN_USERNAME`);
    }
  }
}
