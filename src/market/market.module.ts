import { Global, Module } from '@nestjs/common';
import { MarketController } from './market.controller';
import { MARKET_CALENDAR, marketCalendarProvider } from './market-calendar.provider';

@Global()
@Module({
  controllers: [MarketController],
  providers: [marketCalendarProvider],
  exports: [MARKET_CALENDAR],
})
export class MarketModule {}
