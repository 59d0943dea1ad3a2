import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DateTime } from 'luxon';
import { CLOCK } from '../common/clock';
import { ApiError, ApiFieldError } from '../common/http/api-error';
import type { MarketCalendar } from '../core/calendar';
import type { Clock } from '../core/clock';
import { MarketCalendarDayDto, MarketClockDto } from './dto/market.dto';
import { MARKET_CALENDAR } from './market-calendar.provider';
import { Public } from '../auth/auth.decorators';

const NEW_YORK = 'America/New_York';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_CALENDAR_DAYS = 3 * 366;

function nyIso(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: NEW_YORK }).toISO() ?? instant.toISOString();
}

function nyTime(instant: Date, format: string): string {
  return DateTime.fromJSDate(instant, { zone: NEW_YORK }).toFormat(format);
}

/** The market clock and calendar, in the shapes of Alpaca's /v2/clock and /v2/calendar. */
@ApiTags('market')
@Public()
@Controller('market')
export class MarketController {
  constructor(
    @Inject(MARKET_CALENDAR) private readonly calendar: MarketCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('clock')
  @ApiOperation({ summary: 'Market clock: is the regular session open, the session now, next open and close' })
  @ApiResponse({ status: 200, type: MarketClockDto })
  clockNow(): MarketClockDto {
    const now = this.clock.now();
    const session = this.calendar.marketSessionAt(now);
    return {
      timestamp: nyIso(now),
      is_open: session === 'regular',
      session,
      next_open: nyIso(this.calendar.nextOpen(now)),
      next_close: nyIso(this.calendar.nextClose(now)),
    };
  }

  @Get('calendar')
  @ApiOperation({ summary: 'Trading days between two dates (inclusive), with open and close times in New York' })
  @ApiQuery({ name: 'start', required: false, example: '2026-11-23', description: 'Default: today (New York)' })
  @ApiQuery({ name: 'end', required: false, example: '2026-12-31', description: 'Default: start + 30 days' })
  @ApiResponse({ status: 200, type: [MarketCalendarDayDto] })
  @ApiResponse({ status: 400, description: 'Bad dates (reason_code invalid_date_range)' })
  calendarDays(@Query('start') start?: string, @Query('end') end?: string): MarketCalendarDayDto[] {
    const today = DateTime.fromJSDate(this.clock.now(), { zone: NEW_YORK }).toISODate() ?? '';
    const from = start ?? today;
    const to = end ?? DateTime.fromISO(from, { zone: 'UTC' }).plus({ days: 30 }).toISODate() ?? from;
    const errors: ApiFieldError[] = [];
    for (const [field, value] of [
      ['start', from],
      ['end', to],
    ] as const) {
      if (!ISO_DATE.test(value) || !DateTime.fromISO(value, { zone: 'UTC' }).isValid) {
        errors.push({ field, message: 'must be a date YYYY-MM-DD' });
      }
    }
    if (errors.length === 0) {
      const days = DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days;
      if (days < 0) {
        errors.push({ field: 'end', message: 'must not be before start' });
      } else if (days > MAX_CALENDAR_DAYS) {
        errors.push({ field: 'end', message: `at most ${MAX_CALENDAR_DAYS} days after start` });
      }
    }
    if (errors.length > 0) {
      throw new ApiError(400, 'invalid_date_range', 'Invalid calendar range', errors);
    }
    return this.calendar.tradingDays(from, to).map((day) => ({
      date: day.date,
      open: nyTime(day.open, 'HH:mm'),
      close: nyTime(day.close, 'HH:mm'),
      early_close: day.earlyClose,
      session_open: nyTime(day.premarketOpen, 'HHmm'),
      session_close: nyTime(day.afterhoursClose, 'HHmm'),
    }));
  }
}
