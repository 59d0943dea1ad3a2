import { DynamicModule, Module, Type } from '@nestjs/common';
import { QueueBoardModule } from './admin/bull-board.module';
import { AuthModule } from './auth/auth.module';
import { BiasModule } from './bias/bias.module';
import { AlertsModule } from './alerts/alerts.module';
import { ClockModule } from './common/clock';
import { DomainEventsModule } from './common/events/domain-events.module';
import { LoggingModule } from './common/logging/logging.module';
import { AppConfig, AppConfigModule } from './config';
import type { Clock } from './core/clock';
import { DashboardModule } from './dashboard/dashboard.module';
import { DatabaseModule } from './database/database.module';
import { DecisionModule } from './decision/decision.module';
import { EnrichmentModule } from './enrichment/enrichment.module';
import { ExecutionModule } from './execution/execution.module';
import { FeedbackModule } from './feedback/feedback.module';
import { PositionsModule } from './positions/positions.module';
import { ShadowModule } from './shadow/shadow.module';
import { FeatureFlagsModule } from './feature-flags/feature-flags.module';
import { HealthModule } from './health/health.module';
import { IntelModule } from './intel/intel.module';
import { MarketModule } from './market/market.module';
import { KillSwitchModule } from './kill-switch/kill-switch.module';
import { MetricsModule } from './metrics/metrics.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { TracesModule } from './traces/traces.module';
import { MarketDataModule } from './market-data/market-data.module';
import { PositioningModule } from './positioning/positioning.module';
import { StrikesModule } from './strikes/strikes.module';
import { OutboxModule } from './outbox/outbox.module';
import { QueuesModule } from './queues';
import { RealtimeModule } from './realtime/realtime.module';
import { SignalsModule } from './signals/signals.module';
import { WebhookModule } from './webhook/webhook.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** Tests pin the clock; otherwise it comes from config (system, or CLOCK_START/CLOCK_SPEED). */
  clock?: Clock;
  /** Added to the application (plugins, tests registering an extra Engine B agent). */
  extraModules?: (Type<unknown> | DynamicModule)[];
}

@Module({})
export class AppModule {
  static forRoot({ config, clock, extraModules = [] }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        ClockModule.forRoot(clock),
        DomainEventsModule,
        DatabaseModule,
        QueuesModule,
        AuthModule,
        QueueBoardModule,
        HealthModule,
        WebhookModule,
        SignalsModule,
        OutboxModule,
        FeatureFlagsModule,
        MarketModule,
        MarketDataModule,
        PositioningModule,
        StrikesModule,
        BiasModule,
        EnrichmentModule,
        DecisionModule,
        ExecutionModule,
        PositionsModule,
        ShadowModule,
        FeedbackModule,
        AlertsModule,
        MetricsModule,
        TracesModule,
        KillSwitchModule,
        DashboardModule,
        IntelModule,
        MonitoringModule,
        RealtimeModule,
        ...extraModules,
      ],
    };
  }
}
