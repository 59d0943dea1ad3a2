import type { AppConfig } from '../../config';
import type { Clock } from '../../core/clock';
import type { MarketDataProvider, MarketDataProviderName } from '../market-data.provider';
import type { MarketDataStore } from '../market-data.store';
import type { MarketDataSettings } from '../market-data.settings';
import { AlpacaProvider } from './alpaca';
import { MarketDataAppProvider } from './marketdata';
import { SimulatedProvider } from './simulated';
import { TwelveDataProvider } from './twelvedata';
import { UnavailableProvider } from './unavailable.provider';
import { WebhookProvider } from './webhook';

export interface ProviderDependencies {
  config: AppConfig;
  settings: MarketDataSettings;
  clock: Clock;
  store: MarketDataStore;
}

/** Thrown for a provider name the platform has no adapter for. */
export class ProviderNotAvailableError extends Error {
  constructor(readonly provider: MarketDataProviderName) {
    super(`market data provider '${provider}' is not available in this build`);
    this.name = 'ProviderNotAvailableError';
  }
}

/** One provider by its configured name. */
export function createMarketDataProvider(name: MarketDataProviderName, deps: ProviderDependencies): MarketDataProvider {
  const { config, settings, clock, store } = deps;
  const md = config.marketData;
  const now = (): Date => clock.now();
  switch (name) {
    case 'alpaca':
      return new AlpacaProvider({
        keyId: md.alpaca.apiKey,
        secretKey: md.alpaca.secretKey,
        dataUrl: md.alpaca.dataUrl,
        feed: md.alpaca.stockFeed,
        optionsFeed: md.alpaca.optionsFeed,
        timeoutMs: md.timeoutMs,
        now,
      });
    case 'twelvedata':
      return new TwelveDataProvider({
        apiKey: md.twelveData.apiKey,
        baseUrl: md.twelveData.baseUrl,
        timeoutMs: md.timeoutMs,
        now,
      });
    case 'marketdata':
      return new MarketDataAppProvider({
        apiKey: md.marketDataApp.apiKey,
        baseUrl: md.marketDataApp.baseUrl,
        timeoutMs: md.timeoutMs,
        now,
      });
    case 'webhook':
      return new WebhookProvider(store, clock, {
        priceMaxAgeMs: settings.webhook.priceMaxAgeMs,
        chainMaxAgeMs: settings.webhook.chainMaxAgeMs,
      });
    case 'simulated':
      return new SimulatedProvider(clock, settings.simulator);
    case 'polygon':
      throw new ProviderNotAvailableError(name);
  }
}

/**
 * The chain's providers in config order. A configured provider without an adapter stays in the chain as an
 * UnavailableProvider (every call: provider_not_configured), so the platform boots, says so loudly, and never
 * substitutes another source for it.
 */
export function createMarketDataProviders(
  deps: ProviderDependencies,
  warn: (message: string) => void,
): MarketDataProvider[] {
  return deps.config.marketData.chain.map((name) => {
    try {
      return createMarketDataProvider(name, deps);
    } catch (error) {
      if (error instanceof ProviderNotAvailableError) {
        warn(`${error.message}: it stays in the chain and answers provider_not_configured`);
        return new UnavailableProvider(name, error.message);
      }
      throw error;
    }
  });
}
