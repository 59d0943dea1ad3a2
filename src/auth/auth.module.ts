import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminSeeder } from './admin-seeder.service';
import { ApiKeysRepository } from './api-keys.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { RateLimiterService } from './rate-limiter.service';
import { UsersRepository } from './users.repository';

/** Users, API keys, JWTs and the global guard that protects every route not marked @Public(). */
@Global()
@Module({
  controllers: [AuthController],
  providers: [
    UsersRepository,
    ApiKeysRepository,
    AuthService,
    RateLimiterService,
    AdminSeeder,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, RateLimiterService],
})
export class AuthModule {}
