import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { CLOCK } from '../common/clock';
import { DomainEvents } from '../common/events/domain-events';
import { AppConfig, APP_CONFIG } from '../config';
import type { Clock } from '../core/clock';
import { apiKeyMatches, apiKeyPrefix, generateApiKey } from './api-key';
import { ApiKeyRow, ApiKeysRepository } from './api-keys.repository';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher';
import { isRole, Principal, Role } from './roles';
import { UserRow, UsersRepository } from './users.repository';

interface TokenClaims {
  sub: string;
  name: string;
  role: Role;
  iat: number;
  exp: number;
}

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  role: Role;
}

const ISSUER = 'options-platform';

/**
 * Logins (users with scrypt hashes) and tokens: HS256 JWTs for people, `opk_` API keys for integrators. Every
 * authenticated request re-reads its user or key row (one primary-key query), so disabling a user, lowering a role or
 * revoking a key applies at the next request, not when the token expires. Token times follow the injected clock.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly jwt: JwtService;
  private readonly ttlSeconds: number;
  private readonly hashCost: number;
  private readonly dummyHash: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly users: UsersRepository,
    private readonly apiKeys: ApiKeysRepository,
    private readonly events: DomainEvents,
  ) {
    // Outside production an unset JWT_SECRET gets a random one per process (logged at boot): tokens then die with
    // the process and are not shared between instances.
    const secret = config.auth.jwtSecret ?? randomBytes(32).toString('hex');
    this.jwt = new JwtService({ secret, verifyOptions: { algorithms: ['HS256'], issuer: ISSUER } });
    this.ttlSeconds = config.auth.jwtTtlSeconds;
    this.hashCost = config.auth.passwordHashCost;
    this.dummyHash = dummyPasswordHash(this.hashCost);
  }

  /** A token for the user, or null for an unknown user, a wrong password or a disabled account (indistinguishable). */
  async login(username: string, password: string): Promise<IssuedToken | null> {
    const user = await this.users.findByUsername(username);
    const ok = await verifyPassword(password, user?.password_hash ?? this.dummyHash);
    if (!user || !ok || user.disabled) {
      return null;
    }
    await this.users.touchLogin(user.id, this.clock.now());
    return this.issue(user);
  }

  issue(user: Pick<UserRow, 'id' | 'username' | 'role'>): IssuedToken {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const claims: TokenClaims = { sub: user.id, name: user.username, role: user.role, iat, exp: iat + this.ttlSeconds };
    const token = this.jwt.sign(claims, { algorithm: 'HS256', issuer: ISSUER });
    return { access_token: token, token_type: 'Bearer', expires_in: this.ttlSeconds, role: user.role };
  }

  /** The principal behind a JWT or an API key, or null when the token is malformed, expired, revoked or unknown. */
  async authenticate(token: string): Promise<Principal | null> {
    const prefix = apiKeyPrefix(token);
    if (prefix !== null) {
      return this.authenticateApiKey(token, prefix);
    }
    let claims: TokenClaims;
    try {
      claims = this.jwt.verify<TokenClaims>(token, { clockTimestamp: Math.floor(this.clock.now().getTime() / 1000) });
    } catch {
      return null;
    }
    const user = await this.users.findById(claims.sub).catch(() => null);
    if (!user || user.disabled || !isRole(user.role)) {
      return null;
    }
    return { kind: 'user', id: user.id, name: user.username, role: user.role };
  }

  private async authenticateApiKey(token: string, prefix: string): Promise<Principal | null> {
    const row = await this.apiKeys.findByPrefix(prefix);
    if (!row || row.revoked_at !== null || !apiKeyMatches(token, row.key_hash) || !isRole(row.role)) {
      return null;
    }
    this.apiKeys.touch(row.id, this.clock.now()).catch((error: Error) => {
      this.logger.warn(`Could not record API key use: ${error.message}`);
    });
    return { kind: 'api_key', id: row.id, name: `api-key:${row.name}`, role: row.role };
  }

  /** The new user, or null when the username is taken. */
  async createUser(input: { username: string; password: string; role: Role }, by: string | null) {
    const passwordHash = await hashPassword(input.password, this.hashCost);
    return this.users.insert({ ...input, passwordHash, createdBy: by, at: this.clock.now() });
  }

  async updateUser(id: string, changes: { role?: Role; disabled?: boolean; password?: string }) {
    const passwordHash =
      changes.password === undefined ? undefined : await hashPassword(changes.password, this.hashCost);
    const at = this.clock.now();
    const row = await this.users.update(id, { role: changes.role, disabled: changes.disabled, passwordHash }, at);
    if (row && changes.disabled === true) {
      this.events.emit('auth.access_revoked', { kind: 'user', id, at: at.toISOString() });
    }
    return row;
  }

  listUsers(limit: number, offset: number) {
    return this.users.list(limit, offset);
  }

  /** The key itself is returned here only; the database keeps its hash. */
  async createApiKey(input: { name: string; role: Role }, by: string): Promise<{ row: ApiKeyRow; key: string }> {
    const generated = generateApiKey();
    const row = await this.apiKeys.insert({
      name: input.name,
      role: input.role,
      prefix: generated.prefix,
      hash: generated.hash,
      createdBy: by,
      at: this.clock.now(),
    });
    return { row, key: generated.key };
  }

  listApiKeys(limit: number, offset: number) {
    return this.apiKeys.list(limit, offset);
  }

  async revokeApiKey(id: string): Promise<ApiKeyRow | null> {
    const at = this.clock.now();
    const row = await this.apiKeys.revoke(id, at);
    if (row) {
      this.events.emit('auth.access_revoked', { kind: 'api_key', id, at: at.toISOString() });
    }
    return row;
  }
}
