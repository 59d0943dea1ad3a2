export { MARKET_DATA_APP_BASE_URL, MarketDataAppProvider } from './marketdata.provider';
export type { MarketDataAppProviderOptions } from './marketdata.provider';
