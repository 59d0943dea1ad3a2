import { Module } from '@nestjs/common';
import { SignalsController } from './signals.controller';
import { SignalsRepository } from './signals.repository';

@Module({
  controllers: [SignalsController],
  providers: [SignalsRepository],
  exports: [SignalsRepository],
})
export class SignalsModule {}
