import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackService } from './feedback.service';
import { TunedParameters } from './tuned-parameters.service';

@Module({
  controllers: [AnalyticsController],
  providers: [FeedbackRepository, FeedbackService, TunedParameters],
  exports: [FeedbackService, TunedParameters],
})
export class FeedbackModule {}
