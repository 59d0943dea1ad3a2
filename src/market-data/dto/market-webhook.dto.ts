import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { parseWebhookTimestamp } from '../market-webhook.timestamp';

/** Tickers: letters, digits and dots, starting with a letter (BRK.B); `$SPX`, `^SPX`, `AMEX:SPY` are read as SPX/SPY. */
export const TICKER = /^[A-Z][A-Z0-9.]{0,9}$/;
export const MAX_CHAIN_CONTRACTS = 5000;
export const MAX_FLOW_ENTRIES = 1000;
export const FLOW_SIDES = ['buy', 'sell', 'ask', 'bid', 'mid'] as const;

const FINITE = { allowNaN: false, allowInfinity: false };

function toTicker({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') {
    return value;
  }
  const upper = value.trim().toUpperCase().replace(/^[$^]/, '');
  return upper.includes(':') ? upper.slice(upper.lastIndexOf(':') + 1) : upper;
}

function toUpperTrimmed({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim().toUpperCase() : value;
}

function toLowerTrimmed({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase() : value;
}

/** An ISO 8601 date-time, or unix seconds / milliseconds (number or digits). */
export function IsWebhookTimestamp(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWebhookTimestamp',
      validator: {
        validate: (value: unknown) => parseWebhookTimestamp(value) !== null,
        defaultMessage: () => '$property must be an ISO 8601 date-time or unix seconds/milliseconds',
      },
    },
    options,
  );
}

const TIMESTAMP_DOC: ApiPropertyOptions = {
  description: 'When the data is from: ISO 8601, or unix seconds/milliseconds. Default: when it was received.',
  oneOf: [{ type: 'string', format: 'date-time' }, { type: 'number' }],
  example: '2026-02-17T15:30:00Z',
};

export class PriceWebhookDto {
  @ApiProperty({ example: 'SPY', description: 'Ticker (upper-cased; `$SPX`, `AMEX:SPY` accepted)' })
  @Transform(toTicker)
  @IsString()
  @Matches(TICKER, { message: 'symbol must be a ticker (letters, digits, dots; starting with a letter)' })
  symbol: string;

  @ApiProperty({ example: 595.42, description: 'Last trade price' })
  @IsNumber(FINITE)
  @Min(0.0001)
  price: number;

  @ApiPropertyOptional({ example: 595.41 })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  bid?: number;

  @ApiPropertyOptional({ example: 595.43 })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  ask?: number;

  @ApiPropertyOptional(TIMESTAMP_DOC)
  @IsOptional()
  @IsWebhookTimestamp()
  timestamp?: string | number;
}

export class ChainContractDto {
  @ApiProperty({ example: 'SPY260220C00596000', description: 'OCC symbol (compact or space-padded)' })
  @Transform(toUpperTrimmed)
  @IsString()
  @MaxLength(32)
  option_symbol: string;

  @ApiProperty({ example: 3.1 })
  @IsNumber(FINITE)
  @Min(0)
  bid: number;

  @ApiProperty({ example: 3.14 })
  @IsNumber(FINITE)
  @Min(0)
  ask: number;

  @ApiPropertyOptional({ example: 3.12 })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  last?: number;

  @ApiPropertyOptional({ example: 0.162, description: 'Implied volatility as a fraction (0.162 = 16.2 %)' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(10)
  iv?: number;

  @ApiPropertyOptional({ example: 0.52 })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(-1)
  @Max(1)
  delta?: number;

  @ApiPropertyOptional({ example: 0.041 })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  gamma?: number;

  @ApiPropertyOptional({ example: 15230 })
  @IsOptional()
  @IsInt()
  @Min(0)
  open_interest?: number;

  @ApiPropertyOptional({ example: 8412 })
  @IsOptional()
  @IsInt()
  @Min(0)
  volume?: number;
}

export class ChainWebhookDto {
  @ApiProperty({ example: 'SPY', description: 'The underlying' })
  @Transform(toTicker)
  @IsString()
  @Matches(TICKER, { message: 'symbol must be a ticker (letters, digits, dots; starting with a letter)' })
  symbol: string;

  @ApiPropertyOptional(TIMESTAMP_DOC)
  @IsOptional()
  @IsWebhookTimestamp()
  timestamp?: string | number;

  @ApiPropertyOptional({
    example: 595.42,
    description: 'Underlying price of the snapshot; without it the chain uses the latest pushed price',
  })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0.0001)
  underlying_price?: number;

  @ApiProperty({ type: [ChainContractDto], description: `1 to ${MAX_CHAIN_CONTRACTS} contracts` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CHAIN_CONTRACTS)
  @ValidateNested({ each: true })
  @Type(() => ChainContractDto)
  contracts: ChainContractDto[];
}

export class FlowEntryDto {
  @ApiProperty({ example: 'SPY260220C00600000' })
  @Transform(toUpperTrimmed)
  @IsString()
  @MaxLength(32)
  option_symbol: string;

  @ApiProperty({
    enum: FLOW_SIDES,
    example: 'buy',
    description: 'Aggressor side: buy/ask (bought at the ask), sell/bid (sold at the bid), mid',
  })
  @Transform(toLowerTrimmed)
  @IsIn(FLOW_SIDES)
  side: (typeof FLOW_SIDES)[number];

  @ApiProperty({ example: 250, description: 'Contracts' })
  @IsInt()
  @Min(1)
  size: number;

  @ApiProperty({ example: 2.35, description: 'Price per share of the option' })
  @IsNumber(FINITE)
  @Min(0)
  price: number;

  @ApiPropertyOptional({ example: 58750, description: 'Dollars; default size x price x 100' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  premium?: number;
}

export class FlowWebhookDto {
  @ApiProperty({ example: 'SPY', description: 'The underlying' })
  @Transform(toTicker)
  @IsString()
  @Matches(TICKER, { message: 'symbol must be a ticker (letters, digits, dots; starting with a letter)' })
  symbol: string;

  @ApiPropertyOptional(TIMESTAMP_DOC)
  @IsOptional()
  @IsWebhookTimestamp()
  timestamp?: string | number;

  @ApiProperty({ type: [FlowEntryDto], description: `1 to ${MAX_FLOW_ENTRIES} trades` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_FLOW_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => FlowEntryDto)
  entries: FlowEntryDto[];
}
