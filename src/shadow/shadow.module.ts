import { Module } from '@nestjs/common';
import { ExitConfigModule } from '../exit-config/exit-config.module';
import { ShadowService } from './shadow.service';

@Module({
  imports: [ExitConfigModule],
  providers: [ShadowService],
  exports: [ShadowService],
})
export class ShadowModule {}
