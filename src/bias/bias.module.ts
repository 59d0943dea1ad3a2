import { Module } from '@nestjs/common';
import { DEFAULT_BIAS_CONFIG } from '../core/bias';
import { BiasCache } from './bias-cache';
import { BiasStateAggregator } from './bias-state.aggregator';
import { BiasStateRepository } from './bias-state.repository';
import { BiasWebhookController } from './bias-webhook.controller';
import { BiasWebhookService } from './bias-webhook.service';
import { BiasController } from './bias.controller';
import { BIAS_CONFIG } from './bias.tokens';

/**
 * The MTF bias system (docs/mtf-bias.md): POST /api/webhooks/mtf-bias, GET /api/bias/summary, GET /api/bias/:symbol.
 * Exports the aggregator (engines read states and gating through it) and BiasWebhookService, which the trading
 * webhook calls for bias payloads arriving on POST /webhook.
 */
@Module({
  controllers: [BiasWebhookController, BiasController],
  providers: [
    { provide: BIAS_CONFIG, useValue: DEFAULT_BIAS_CONFIG },
    BiasCache,
    BiasStateRepository,
    BiasStateAggregator,
    BiasWebhookService,
  ],
  exports: [BiasStateAggregator, BiasWebhookService, BIAS_CONFIG],
})
export class BiasModule {}
