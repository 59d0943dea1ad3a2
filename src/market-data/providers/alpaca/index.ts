export { ALPACA_DATA_URL, AlpacaProvider } from './alpaca.provider';
export type { AlpacaOptionsFeed, AlpacaProviderOptions, AlpacaStockFeed } from './alpaca.provider';
