import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ApiError } from '../common/http/api-error';
import { PUBLIC_ROUTE, REQUIRED_ROLE } from './auth.decorators';
import { AuthService } from './auth.service';
import { tokenFromHeaders } from './bearer-token';
import { RateLimiterService } from './rate-limiter.service';
import { Principal, Role, roleAtLeast } from './roles';

/**
 * The global guard: every HTTP route needs a valid JWT or API key unless marked @Public(); @RequireRole sets the
 * lowest role (default viewer). Authenticated requests count against API_RATE_LIMIT_PER_MINUTE per principal.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly limiter: RateLimiterService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const token = tokenFromHeaders(request.headers);
    if (token === null) {
      throw new ApiError(401, 'unauthorized', 'Authentication required: send Authorization: Bearer <token>');
    }
    const principal = await this.auth.authenticate(token);
    if (principal === null) {
      throw new ApiError(401, 'unauthorized', 'Invalid, expired or revoked token');
    }
    request.principal = principal;
    const needed = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets) ?? 'viewer';
    if (!roleAtLeast(principal.role, needed)) {
      throw new ApiError(403, 'forbidden', `This action needs the ${needed} role (you are ${principal.role})`);
    }
    await this.limiter.enforceApiLimit(principal, context.switchToHttp().getResponse<Response>());
    return true;
  }
}
