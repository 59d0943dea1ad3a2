import { Module } from '@nestjs/common';
import { BiasModule } from '../bias/bias.module';
import { WebhookEventsController } from './webhook-events.controller';
import { WebhookEventsRepository } from './webhook-events.repository';
import { WebhookController } from './webhook.controller';
import { WebhookRepository } from './webhook.repository';
import { WebhookService } from './webhook.service';

@Module({
  imports: [BiasModule],
  controllers: [WebhookController, WebhookEventsController],
  providers: [WebhookService, WebhookRepository, WebhookEventsRepository],
})
export class WebhookModule {}
