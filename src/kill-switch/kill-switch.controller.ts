import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { ApiError } from '../common/http/api-error';
import { validateBody } from '../common/http/validate-body';
import { KillSwitchChangeDto, KillSwitchStateDto, SetKillSwitchDto } from './dto/kill-switch.dto';
import { KillSwitchService } from './kill-switch.service';

@ApiTags('admin')
@ApiAuth()
@Controller('admin/kill-switch')
export class KillSwitchController {
  constructor(private readonly killSwitch: KillSwitchService) {}

  @Get()
  @ApiOperation({ summary: 'Whether the kill switch is engaged, by whom and since when' })
  @ApiResponse({ status: 200, type: KillSwitchStateDto })
  async state(): Promise<KillSwitchStateDto> {
    const state = await this.killSwitch.state();
    return {
      engaged: state.engaged,
      updated_by: state.updated_by,
      updated_at: state.updated_at ? new Date(state.updated_at).toISOString() : null,
    };
  }

  @Post()
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({
    summary: 'Engage or release the kill switch (audited)',
    description:
      'Engaged: every instance rejects new entries at the next decision (`risk_rejected:kill_switch_active`); exits ' +
      'keep working. `flatten: true` also closes every open position through the exit path. Recorded in the ' +
      'feature flag audit trail with the caller as actor, and alerted.',
  })
  @ApiBody({
    type: SetKillSwitchDto,
    examples: {
      engage: { value: { engaged: true, reason: 'runaway strategy' } },
      engageAndFlatten: { value: { engaged: true, flatten: true, reason: 'market halt' } },
      release: { value: { engaged: false, reason: 'fixed' } },
    },
  })
  @ApiResponse({ status: 200, type: KillSwitchChangeDto })
  @ApiResponse({ status: 400, description: 'validation_failed (details name the field), flatten_requires_engage' })
  async set(@Body() body: unknown, @CurrentPrincipal() principal: Principal | undefined): Promise<KillSwitchChangeDto> {
    const dto = validateBody(SetKillSwitchDto, body, 'kill switch change');
    if (!dto.engaged && dto.flatten === true) {
      throw new ApiError(400, 'flatten_requires_engage', 'flatten applies only when engaging the kill switch', [
        { field: 'flatten', message: 'must be false or absent when engaged is false' },
      ]);
    }
    if (!principal) {
      throw new ApiError(401, 'unauthorized', 'Authentication required');
    }
    const change = dto.engaged
      ? await this.killSwitch.engage(principal.name, {
          reason: dto.reason,
          flatten: dto.flatten ?? false,
          actorKind: principal.kind,
        })
      : await this.killSwitch.release(principal.name, dto.reason, principal.kind);
    return {
      engaged: change.engaged,
      by: change.by,
      reason: change.reason,
      flattened: change.flattened.map((f) => ({ position_id: f.positionId, outcome: f.outcome })),
      at: change.at,
    };
  }
}
