import { Body, Controller, Get, Inject, Param, Patch, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { CLOCK } from '../common/clock';
import { ApiError } from '../common/http/api-error';
import { intParam } from '../common/http/query-params';
import { validateBody } from '../common/http/validate-body';
import type { Clock } from '../core/clock';
import {
  FeatureFlagAuditListDto,
  FeatureFlagChangeDto,
  FeatureFlagDto,
  FeatureFlagListDto,
  UpdateFeatureFlagDto,
} from './dto/feature-flags.dto';
import { FeatureFlagsService, FeatureFlagView, KILL_SWITCH_FLAG } from './feature-flags.service';

const MAX_LIMIT = 500;

function toDto(view: FeatureFlagView): FeatureFlagDto {
  return {
    name: view.name,
    enabled: view.enabled,
    environment_value: view.environmentValue,
    description: view.description,
    source: view.source,
    updated_by: view.updatedBy,
    updated_at: view.updatedAt ? view.updatedAt.toISOString() : null,
  };
}

@ApiTags('feature-flags')
@ApiAuth()
@Controller('feature-flags')
export class FeatureFlagsController {
  constructor(
    private readonly flags: FeatureFlagsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Every feature flag: its value, where it comes from, who changed it last',
    description:
      'The environment seeds the flags at first boot; afterwards the database row wins. `source` is `database` once ' +
      'someone changed the flag through the API (or the kill switch endpoint), `environment` otherwise.',
  })
  @ApiResponse({ status: 200, type: FeatureFlagListDto })
  async list(): Promise<FeatureFlagListDto> {
    const items = (await this.flags.list()).map(toDto);
    return { items, total: items.length };
  }

  @Get('audit')
  @ApiOperation({ summary: 'The audit trail of flag changes (including the kill switch), newest first' })
  @ApiQuery({ name: 'name', required: false, example: 'enable_variant_b', description: 'Only this flag' })
  @ApiQuery({ name: 'limit', required: false, example: 50 })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiResponse({ status: 200, type: FeatureFlagAuditListDto })
  @ApiResponse({ status: 400, description: 'validation_failed (limit, offset)' })
  async audit(
    @Query('name') name?: string,
    @Query('limit') limitParam?: string,
    @Query('offset') offsetParam?: string,
  ): Promise<FeatureFlagAuditListDto> {
    const limit = intParam(limitParam, 'limit', 50, 1, MAX_LIMIT);
    const offset = intParam(offsetParam, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    if (name !== undefined && typeof name !== 'string') {
      throw new ApiError(400, 'validation_failed', 'Invalid query', [{ field: 'name', message: 'must be one name' }]);
    }
    const { items, total } = await this.flags.audit(name || undefined, limit, offset);
    return {
      items: items.map((row) => ({ ...row, changed_at: new Date(row.changed_at).toISOString() })),
      total,
      limit,
      offset,
    };
  }

  @Patch(':name')
  @RequireRole('operator')
  @ApiOperation({
    summary: 'Turn a feature flag on or off (audited)',
    description:
      'Updates the database row (inserted when missing); it applies to the next decision on every instance. ' +
      'Every call is written to the audit trail with who, when and why. The kill switch has its own endpoint ' +
      '(POST /admin/kill-switch).',
  })
  @ApiParam({ name: 'name', example: 'enable_variant_b' })
  @ApiBody({
    type: UpdateFeatureFlagDto,
    examples: {
      enable: { value: { enabled: true, reason: 'Engine B back after the agent fix' } },
      disable: { value: { enabled: false } },
    },
  })
  @ApiResponse({ status: 200, type: FeatureFlagChangeDto })
  @ApiResponse({ status: 400, description: 'validation_failed (details name the field)' })
  @ApiResponse({ status: 404, description: 'feature_flag_not_found' })
  @ApiResponse({ status: 409, description: 'use_kill_switch_endpoint (the kill_switch flag)' })
  async update(
    @Param('name') name: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal | undefined,
  ): Promise<FeatureFlagChangeDto> {
    const flagName = name.toLowerCase();
    if (!this.flags.isKnown(flagName)) {
      throw new ApiError(404, 'feature_flag_not_found', `No feature flag ${name.slice(0, 100)}`, [
        { field: 'name', message: `must be one of ${this.flags.knownFlags().join(', ')}` },
      ]);
    }
    if (flagName === KILL_SWITCH_FLAG) {
      throw new ApiError(409, 'use_kill_switch_endpoint', 'The kill switch is changed with POST /admin/kill-switch');
    }
    const dto = validateBody(UpdateFeatureFlagDto, body, 'feature flag change');
    if (!principal) {
      throw new ApiError(401, 'unauthorized', 'Authentication required');
    }
    const outcome = await this.flags.set(
      flagName,
      dto.enabled,
      { name: principal.name, kind: principal.kind },
      dto.reason ?? null,
      this.clock.now(),
    );
    switch (outcome.kind) {
      case 'unknown_flag':
        throw new ApiError(404, 'feature_flag_not_found', `No feature flag ${name.slice(0, 100)}`);
      case 'kill_switch':
        throw new ApiError(409, 'use_kill_switch_endpoint', 'The kill switch is changed with POST /admin/kill-switch');
      case 'changed':
        return {
          ...toDto(outcome.flag),
          previous_enabled: outcome.change.oldValue,
          audit_id: outcome.change.auditId,
        };
    }
  }
}
