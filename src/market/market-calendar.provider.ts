import { Provider } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config';
import { createMarketCalendar, MarketCalendar } from '../core/calendar';

/** The NYSE calendar with MARKET_EXTRA_CLOSURES bound in; inject with @Inject(MARKET_CALENDAR). */
export const MARKET_CALENDAR = Symbol('MARKET_CALENDAR');

export const marketCalendarProvider: Provider = {
  provide: MARKET_CALENDAR,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): MarketCalendar =>
    createMarketCalendar({ extraClosures: config.calendar.extraClosures }),
};
