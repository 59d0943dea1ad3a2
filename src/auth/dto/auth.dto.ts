import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES } from '../roles';

const USERNAME = /^[A-Za-z0-9._@-]+$/;

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'correct horse battery staple', format: 'password' })
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class TokenDto {
  @ApiProperty({ description: 'HS256 JWT; send as Authorization: Bearer <token>', example: 'eyJhbGciOiJIUzI1NiJ9...' })
  access_token!: string;
  @ApiProperty({ example: 'Bearer' })
  token_type!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires (JWT_TTL_SECONDS)', example: 43200 })
  expires_in!: number;
  @ApiProperty({ enum: ROLES, example: 'operator' })
  role!: Role;
}

export class PrincipalDto {
  @ApiProperty({ enum: ['user', 'api_key'] })
  kind!: 'user' | 'api_key';
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'admin' })
  name!: string;
  @ApiProperty({ enum: ROLES })
  role!: Role;
}

export class CreateUserDto {
  @ApiProperty({ example: 'alice', description: 'letters, digits and . _ @ -' })
  @IsString()
  @Length(3, 64)
  @Matches(USERNAME, { message: 'username may hold letters, digits and . _ @ - only' })
  username!: string;

  @ApiProperty({ minLength: 12, format: 'password' })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password!: string;

  @ApiProperty({ enum: ROLES, example: 'viewer' })
  @IsIn(ROLES)
  role!: Role;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'A disabled user cannot log in; its tokens stop working at once' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ minLength: 12, format: 'password' })
  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'alice' })
  username!: string;
  @ApiProperty({ enum: ROLES })
  role!: Role;
  @ApiProperty()
  disabled!: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'admin' })
  created_by!: string | null;
  @ApiProperty({ format: 'date-time' })
  created_at!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  last_login_at!: string | null;
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] })
  items!: UserDto[];
  @ApiProperty()
  total!: number;
  @ApiProperty()
  limit!: number;
  @ApiProperty()
  offset!: number;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'grafana', description: 'What the key is for' })
  @IsString()
  @Length(1, 128)
  name!: string;

  @ApiProperty({ enum: ROLES, example: 'viewer' })
  @IsIn(ROLES)
  role!: Role;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'grafana' })
  name!: string;
  @ApiProperty({ example: '3f9a0c1d', description: 'The key starts opk_<prefix>_' })
  key_prefix!: string;
  @ApiProperty({ enum: ROLES })
  role!: Role;
  @ApiProperty({ nullable: true, type: String })
  created_by!: string | null;
  @ApiProperty({ format: 'date-time' })
  created_at!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  last_used_at!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  revoked_at!: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    description: 'The key: shown once, only its hash is stored. Send as Authorization: Bearer <key> or X-API-Key.',
    example: 'opk_3f9a0c1d_kq0m8...',
  })
  key!: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] })
  items!: ApiKeyDto[];
  @ApiProperty()
  total!: number;
  @ApiProperty()
  limit!: number;
  @ApiProperty()
  offset!: number;
}
