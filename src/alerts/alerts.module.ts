import { Module } from '@nestjs/common';
import { AlertDelivery } from './alert-delivery.service';
import { AlertsService } from './alerts.service';

@Module({
  providers: [AlertsService, AlertDelivery],
  exports: [AlertsService],
})
export class AlertsModule {}
