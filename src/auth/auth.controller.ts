import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Inject } from '@nestjs/common';
import { ApiError } from '../common/http/api-error';
import { intParam, uuidParam } from '../common/http/query-params';
import { validateBody } from '../common/http/validate-body';
import { AppConfig, APP_CONFIG } from '../config';
import { ApiAuth, CurrentPrincipal, Public, RequireRole } from './auth.decorators';
import { AuthService } from './auth.service';
import type { ApiKeyRow } from './api-keys.repository';
import {
  ApiKeyDto,
  ApiKeyListDto,
  CreateApiKeyDto,
  CreatedApiKeyDto,
  CreateUserDto,
  LoginDto,
  PrincipalDto,
  TokenDto,
  UpdateUserDto,
  UserDto,
  UserListDto,
} from './dto/auth.dto';
import { RateLimiterService } from './rate-limiter.service';
import type { Principal } from './roles';
import type { UserRow } from './users.repository';

function toUser(row: UserRow): UserDto {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    disabled: row.disabled,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
    last_login_at: row.last_login_at ? row.last_login_at.toISOString() : null,
  };
}

function toApiKey(row: ApiKeyRow): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    key_prefix: row.key_prefix,
    role: row.role,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at ? row.last_used_at.toISOString() : null,
    revoked_at: row.revoked_at ? row.revoked_at.toISOString() : null,
  };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly limiter: RateLimiterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in: a JWT for the dashboard API and the Socket.IO handshake',
    description: 'Limited to LOGIN_RATE_LIMIT_PER_MINUTE attempts per client IP and per username.',
  })
  @ApiBody({ type: LoginDto })
  @ApiResponse({ status: 200, type: TokenDto })
  @ApiResponse({ status: 400, description: 'validation_failed' })
  @ApiResponse({ status: 401, description: 'invalid_credentials (unknown user, wrong password or disabled)' })
  @ApiResponse({ status: 429, description: 'rate_limited (Retry-After header)' })
  async login(@Body() body: unknown, @Req() req: Request): Promise<TokenDto> {
    const dto = validateBody(LoginDto, body, 'login');
    const limit = this.config.auth.loginRateLimitPerMinute;
    const checks = await Promise.all([
      this.limiter.hit('login-ip', req.ip ?? 'unknown', limit),
      this.limiter.hit('login-user', dto.username.toLowerCase(), limit),
    ]);
    const blocked = checks.find((c) => !c.allowed);
    if (blocked) {
      req.res?.setHeader('Retry-After', String(blocked.retryAfterSeconds));
      throw new ApiError(429, 'rate_limited', 'Too many login attempts; retry after the Retry-After seconds');
    }
    const token = await this.auth.login(dto.username, dto.password);
    if (!token) {
      throw new ApiError(401, 'invalid_credentials', 'Unknown user or wrong password');
    }
    return token;
  }

  @Get('me')
  @ApiAuth()
  @ApiOperation({ summary: 'Who the token belongs to, and its role' })
  @ApiResponse({ status: 200, type: PrincipalDto })
  me(@CurrentPrincipal() principal: Principal): PrincipalDto {
    return { ...principal };
  }

  @Get('users')
  @ApiAuth()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Users, newest first' })
  @ApiQuery({ name: 'limit', required: false, example: 50 })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiResponse({ status: 200, type: UserListDto })
  async users(@Query('limit') limit?: string, @Query('offset') offset?: string): Promise<UserListDto> {
    const l = intParam(limit, 'limit', 50, 1, 500);
    const o = intParam(offset, 'offset', 0, 0, 1_000_000);
    const { rows, total } = await this.auth.listUsers(l, o);
    return { items: rows.map(toUser), total, limit: l, offset: o };
  }

  @Post('users')
  @ApiAuth()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Create a user (viewer, operator or admin)' })
  @ApiBody({ type: CreateUserDto })
  @ApiResponse({ status: 201, type: UserDto })
  @ApiResponse({ status: 400, description: 'validation_failed' })
  @ApiResponse({ status: 409, description: 'username_taken' })
  async createUser(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<UserDto> {
    const dto = validateBody(CreateUserDto, body, 'user');
    const row = await this.auth.createUser(dto, principal.name);
    if (!row) {
      throw new ApiError(409, 'username_taken', `The username ${dto.username} is taken`, [
        { field: 'username', message: 'already exists' },
      ]);
    }
    return toUser(row);
  }

  @Patch('users/:id')
  @ApiAuth()
  @RequireRole('admin')
  @ApiOperation({ summary: "Change a user's role, disable or enable it, or set a new password" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: UpdateUserDto })
  @ApiResponse({ status: 200, type: UserDto })
  @ApiResponse({ status: 400, description: 'invalid_user_id, validation_failed' })
  @ApiResponse({ status: 404, description: 'user_not_found' })
  @ApiResponse({ status: 409, description: 'cannot_demote_self (an admin cannot lower or disable itself)' })
  async updateUser(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UserDto> {
    uuidParam(id, 'id', 'invalid_user_id');
    const dto = validateBody(UpdateUserDto, body, 'user change');
    if (
      principal.kind === 'user' &&
      principal.id === id &&
      (dto.disabled === true || (dto.role && dto.role !== 'admin'))
    ) {
      throw new ApiError(409, 'cannot_demote_self', 'An admin cannot lower or disable its own account');
    }
    const row = await this.auth.updateUser(id, dto);
    if (!row) {
      throw new ApiError(404, 'user_not_found', `No user ${id}`);
    }
    return toUser(row);
  }

  @Get('api-keys')
  @ApiAuth()
  @RequireRole('admin')
  @ApiOperation({ summary: 'API keys (without the keys themselves), newest first' })
  @ApiQuery({ name: 'limit', required: false, example: 50 })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiResponse({ status: 200, type: ApiKeyListDto })
  async apiKeys(@Query('limit') limit?: string, @Query('offset') offset?: string): Promise<ApiKeyListDto> {
    const l = intParam(limit, 'limit', 50, 1, 500);
    const o = intParam(offset, 'offset', 0, 0, 1_000_000);
    const { rows, total } = await this.auth.listApiKeys(l, o);
    return { items: rows.map(toApiKey), total, limit: l, offset: o };
  }

  @Post('api-keys')
  @ApiAuth()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Create an API key for an integrator; the key is in this answer only' })
  @ApiBody({ type: CreateApiKeyDto })
  @ApiResponse({ status: 201, type: CreatedApiKeyDto })
  @ApiResponse({ status: 400, description: 'validation_failed' })
  async createApiKey(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<CreatedApiKeyDto> {
    const dto = validateBody(CreateApiKeyDto, body, 'API key');
    const { row, key } = await this.auth.createApiKey(dto, principal.name);
    return { ...toApiKey(row), key };
  }

  @Delete('api-keys/:id')
  @ApiAuth()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Revoke an API key (it stops working at the next request)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 200, type: ApiKeyDto })
  @ApiResponse({ status: 400, description: 'invalid_api_key_id' })
  @ApiResponse({ status: 404, description: 'api_key_not_found' })
  async revokeApiKey(@Param('id') id: string): Promise<ApiKeyDto> {
    uuidParam(id, 'id', 'invalid_api_key_id');
    const row = await this.auth.revokeApiKey(id);
    if (!row) {
      throw new ApiError(404, 'api_key_not_found', `No API key ${id}`);
    }
    return toApiKey(row);
  }
}
