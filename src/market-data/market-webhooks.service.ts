import { Logger } from '@nestjs/common';
import { ApiError, ApiFieldError } from '../common/http/api-error';
import type { Clock } from '../core/clock';
import { underlyingOfRoot } from '../core/market-sim';
import { formatOccSymbol, parseOccSymbol } from '../core/occ/occ-symbol';
import { ChainWebhookDto, FlowWebhookDto, PriceWebhookDto } from './dto/market-webhook.dto';
import {
  ChainSnapshot,
  FlowEntry,
  FlowSide,
  MarketDataStore,
  PriceTick,
  StoredOptionContract,
  StoredReceipt,
} from './market-data.store';
import { parseWebhookTimestamp } from './market-webhook.timestamp';

export interface IngestResult {
  symbol: string;
  stored: number;
  timestamp: Date;
  expiresInSeconds: number;
}

const SIDES: Record<FlowWebhookDto['entries'][number]['side'], FlowSide> = {
  buy: 'buy',
  ask: 'buy',
  sell: 'sell',
  bid: 'sell',
  mid: 'mid',
};

/**
 * Turns validated market data webhooks into stored records: checks what class-validator cannot (bid <= ask, OCC
 * symbols of the right underlying, timestamps not in the future), then writes them through MarketDataStore. Redis
 * down is a 503 (the sender should retry), never a silent drop.
 */
export class MarketWebhooksService {
  private readonly logger = new Logger(MarketWebhooksService.name);

  constructor(
    private readonly store: MarketDataStore,
    private readonly clock: Clock,
    private readonly maxFutureSkewMs: number,
  ) {}

  async ingestPrice(dto: PriceWebhookDto): Promise<IngestResult> {
    const now = this.clock.now();
    const errors: ApiFieldError[] = [];
    const timestamp = this.timestamp(dto.timestamp, now, 'timestamp', errors);
    if (dto.bid !== undefined && dto.ask !== undefined && dto.bid > dto.ask) {
      errors.push({ field: 'ask', message: 'ask must not be below bid' });
    }
    rejectIfAny(errors);
    const tick: PriceTick = {
      symbol: dto.symbol,
      price: dto.price,
      bid: dto.bid ?? null,
      ask: dto.ask ?? null,
      timestamp,
      receivedAt: now,
    };
    const receipt = await this.write(() => this.store.storePrice(tick));
    return { symbol: dto.symbol, stored: 1, timestamp, expiresInSeconds: receipt.ttlSeconds };
  }

  async ingestChain(dto: ChainWebhookDto): Promise<IngestResult> {
    const now = this.clock.now();
    const errors: ApiFieldError[] = [];
    const timestamp = this.timestamp(dto.timestamp, now, 'timestamp', errors);
    const contracts: StoredOptionContract[] = [];
    dto.contracts.forEach((contract, i) => {
      const field = `contracts.${i}`;
      const parsed = this.contractOf(dto.symbol, contract.option_symbol, `${field}.option_symbol`, errors);
      if (contract.bid > contract.ask) {
        errors.push({ field: `${field}.ask`, message: 'ask must not be below bid' });
      }
      if (parsed) {
        contracts.push({
          ...parsed,
          bid: contract.bid,
          ask: contract.ask,
          last: contract.last ?? null,
          iv: contract.iv ?? null,
          delta: contract.delta ?? null,
          gamma: contract.gamma ?? null,
          openInterest: contract.open_interest ?? null,
          volume: contract.volume ?? null,
        });
      }
    });
    rejectIfAny(errors);
    const snapshot: ChainSnapshot = {
      symbol: dto.symbol,
      underlyingPrice: dto.underlying_price ?? null,
      timestamp,
      receivedAt: now,
      contracts,
    };
    const receipt = await this.write(() => this.store.storeChain(snapshot));
    return { symbol: dto.symbol, stored: contracts.length, timestamp, expiresInSeconds: receipt.ttlSeconds };
  }

  async ingestFlow(dto: FlowWebhookDto): Promise<IngestResult> {
    const now = this.clock.now();
    const errors: ApiFieldError[] = [];
    const timestamp = this.timestamp(dto.timestamp, now, 'timestamp', errors);
    const entries: FlowEntry[] = [];
    dto.entries.forEach((entry, i) => {
      const parsed = this.contractOf(dto.symbol, entry.option_symbol, `entries.${i}.option_symbol`, errors);
      if (parsed) {
        entries.push({
          symbol: dto.symbol,
          ...parsed,
          side: SIDES[entry.side],
          size: entry.size,
          price: entry.price,
          premium: entry.premium ?? Math.round(entry.size * entry.price * 100 * 100) / 100,
          timestamp,
        });
      }
    });
    rejectIfAny(errors);
    const receipts = await this.write(() => this.store.storeFlow(dto.symbol, entries));
    return {
      symbol: dto.symbol,
      stored: entries.length,
      timestamp,
      expiresInSeconds: receipts[0]?.ttlSeconds ?? 0,
    };
  }

  private timestamp(value: string | number | undefined, now: Date, field: string, errors: ApiFieldError[]): Date {
    if (value === undefined) {
      return now;
    }
    const parsed = parseWebhookTimestamp(value) ?? now;
    if (parsed.getTime() - now.getTime() > this.maxFutureSkewMs) {
      errors.push({
        field,
        message: `${field} is more than ${this.maxFutureSkewMs / 1000} s ahead of the platform clock`,
      });
    }
    return parsed;
  }

  private contractOf(
    symbol: string,
    optionSymbol: string,
    field: string,
    errors: ApiFieldError[],
  ): Pick<StoredOptionContract, 'optionSymbol' | 'underlying' | 'type' | 'strike' | 'expiration'> | null {
    const parsed = parseOccSymbol(optionSymbol);
    if (!parsed.ok) {
      errors.push({ field, message: parsed.error });
      return null;
    }
    const underlying = underlyingOfRoot(parsed.value.underlying);
    if (underlying !== symbol) {
      errors.push({ field, message: `${optionSymbol} is an option on ${underlying}, not ${symbol}` });
      return null;
    }
    return {
      optionSymbol: formatOccSymbol(parsed.value),
      underlying,
      type: parsed.value.type,
      strike: parsed.value.strike,
      expiration: parsed.value.expiration,
    };
  }

  private async write<T extends StoredReceipt | StoredReceipt[]>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      this.logger.error(`market data store unavailable: ${(error as Error).message}`);
      throw new ApiError(503, 'market_data_store_unavailable', 'Redis is unavailable: retry later');
    }
  }
}

function rejectIfAny(errors: ApiFieldError[]): void {
  if (errors.length > 0) {
    throw new ApiError(400, 'validation_failed', 'Invalid payload', errors);
  }
}
