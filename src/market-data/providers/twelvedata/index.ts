export { TWELVE_DATA_BASE_URL, TwelveDataProvider } from './twelvedata.provider';
export type { TwelveDataProviderOptions } from './twelvedata.provider';
