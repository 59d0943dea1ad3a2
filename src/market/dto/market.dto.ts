import { ApiProperty } from '@nestjs/swagger';

export class MarketClockDto {
  @ApiProperty({ example: '2026-02-17T10:30:00.000-05:00', description: 'Platform clock, New York offset' })
  timestamp: string;

  @ApiProperty({ example: true, description: 'Regular session open now' })
  is_open: boolean;

  @ApiProperty({ enum: ['premarket', 'regular', 'afterhours', 'closed'], example: 'regular' })
  session: string;

  @ApiProperty({ example: '2026-02-18T09:30:00.000-05:00' })
  next_open: string;

  @ApiProperty({ example: '2026-02-17T16:00:00.000-05:00' })
  next_close: string;
}

export class MarketCalendarDayDto {
  @ApiProperty({ example: '2026-11-27' })
  date: string;

  @ApiProperty({ example: '09:30', description: 'Regular open, New York time' })
  open: string;

  @ApiProperty({ example: '13:00', description: 'Regular close, New York time' })
  close: string;

  @ApiProperty({ example: true })
  early_close: boolean;

  @ApiProperty({ example: '0400', description: 'Extended session open (Alpaca format)' })
  session_open: string;

  @ApiProperty({ example: '1700', description: 'Extended session close (Alpaca format)' })
  session_close: string;
}
