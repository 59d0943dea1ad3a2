import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiAuth } from '../auth/auth.decorators';
import { validateQuery } from '../common/http/list-query';
import { IntelSnapshotDto, IntelSnapshotQueryDto } from './dto/intel.dto';
import { IntelService } from './intel.service';

@ApiTags('intel')
@ApiAuth()
@Controller('intel')
export class IntelController {
  constructor(private readonly intel: IntelService) {}

  @Get('snapshot')
  @ApiOperation({
    summary: 'Market intelligence snapshot: price, session, bias, gamma and flow, positions, per symbol',
    description:
      'For the symbols asked (symbols=SPY,QQQ) or, by default, GAMMA_METRICS_SYMBOLS plus the symbols with open ' +
      'positions or signals in the last 24 hours (at most 20). Gamma and flow are the numbers of /gamma/:symbol and ' +
      '/positioning/:symbol. A part that cannot be read (no quote, no chain) is null and listed in `unavailable`: ' +
      'the snapshot itself still answers 200.',
  })
  @ApiResponse({ status: 200, type: IntelSnapshotDto })
  @ApiResponse({ status: 400, description: 'Bad symbols (reason_code validation_failed, details per field)' })
  async snapshot(@Query() query: IntelSnapshotQueryDto): Promise<IntelSnapshotDto> {
    const q = validateQuery(IntelSnapshotQueryDto, query);
    return this.intel.snapshot(q.symbols);
  }
}
