import { Module } from '@nestjs/common';
import { BiasModule } from '../bias/bias.module';
import { PositioningModule } from '../positioning/positioning.module';
import { IntelController } from './intel.controller';
import { IntelRepository } from './intel.repository';
import { IntelService } from './intel.service';

/** GET /intel/snapshot (spec section 12). Market data and the calendar are global modules. */
@Module({
  imports: [BiasModule, PositioningModule],
  controllers: [IntelController],
  providers: [IntelRepository, IntelService],
})
export class IntelModule {}
