import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class OrderViewDto {
  @ApiProperty({ format: 'uuid' }) order_id: string;
  @ApiPropertyOptional({ format: 'uuid' }) signal_id: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) position_id: string | null;
  @ApiProperty({ enum: ['open', 'close'] }) intent: string;
  @ApiProperty({ example: 'SPY' }) symbol: string;
  @ApiProperty({ example: 'SPY260220C00596000' }) option_symbol: string;
  @ApiProperty({ example: 9 }) quantity: number;
  @ApiProperty({ enum: ['pending_execution', 'filled', 'failed'] }) status: string;
  @ApiProperty({ enum: ['A', 'B'] }) engine: string;
  @ApiPropertyOptional({ example: '3.4500' }) decision_mid: string | null;
  @ApiPropertyOptional({ example: 'profit_target' }) exit_reason: string | null;
  @ApiPropertyOptional({ example: 'quote_stale' }) failure_reason: string | null;
  @ApiProperty() created_at: string;
}

export class OrderListDto {
  @ApiProperty({ type: [OrderViewDto] }) items: OrderViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class TradeViewDto {
  @ApiProperty({ format: 'uuid' }) trade_id: string;
  @ApiProperty({ format: 'uuid' }) order_id: string;
  @ApiPropertyOptional({ format: 'uuid' }) position_id: string | null;
  @ApiProperty({ enum: ['open', 'close'] }) intent: string;
  @ApiProperty({ example: 'SPY' }) symbol: string;
  @ApiProperty({ example: 'SPY260220C00596000' }) option_symbol: string;
  @ApiProperty({ example: '3.5200' }) fill_price: string;
  @ApiProperty({ example: 9 }) fill_quantity: number;
  @ApiProperty() fill_timestamp: string;
  @ApiProperty({ example: '0.00' }) commission: string;
  @ApiProperty({ example: '0.00' }) fees: string;
  @ApiPropertyOptional({ example: '3.5200', description: 'The option mid at fill' }) quote_mid: string | null;
  @ApiPropertyOptional({ example: '3.4500', description: 'The option mid the decision saw' }) decision_mid:
    string | null;
  @ApiPropertyOptional({ example: '0.0000', description: 'Fill minus mid per share, adverse positive' })
  slippage: string | null;
  @ApiPropertyOptional({ example: '1584.00' }) realized_pnl: string | null;
  @ApiPropertyOptional({ example: 'mid', description: 'mid, cross, or settlement' }) fill_model: string | null;
  @ApiProperty({ enum: ['A', 'B'] }) engine: string;
}

export class TradeListDto {
  @ApiProperty({ type: [TradeViewDto] }) items: TradeViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
