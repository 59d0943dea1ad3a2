import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Principal, Role } from './roles';

export const PUBLIC_ROUTE = 'auth:public';
export const REQUIRED_ROLE = 'auth:role';

/** No authentication: webhooks, health, market clock, login. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The lowest role allowed (viewer < operator < admin). Routes without it need any authenticated principal
 * (viewer); the guard is global, so forgetting this decorator never opens a route.
 */
export function RequireRole(role: Role): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_ROLE, role),
    ApiResponse({ status: 403, description: `Role below ${role} (reason_code forbidden)` }),
  );
}

/** Swagger: the route takes a JWT or an API key (added to every authenticated controller). */
export function ApiAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiBearerAuth('jwt'),
    ApiSecurity('api-key'),
    ApiResponse({ status: 401, description: 'No or invalid token (reason_code unauthorized)' }),
  );
}

/** The authenticated principal of the request (set by the guard). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal | undefined =>
    ctx.switchToHttp().getRequest<Request & { principal?: Principal }>().principal,
);
