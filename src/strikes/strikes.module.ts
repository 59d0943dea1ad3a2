import { Module } from '@nestjs/common';
import { StrikeSelectionService } from './strike-selection.service';

@Module({
  providers: [StrikeSelectionService],
  exports: [StrikeSelectionService],
})
export class StrikesModule {}
