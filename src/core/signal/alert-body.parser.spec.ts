import { parseAlertBody } from './alert-body.parser';
import type { ParseResult } from './signal.types';

function parsed(raw: string): { format: string; payload: Record<string, unknown> } {
  const result: ParseResult = parseAlertBody(raw);
  if (!result.ok) {
    throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  }
  return result.alert;
}

describe('parseAlertBody', () => {
  it('reads a JSON object as json whatever the content type said', () => {
    expect(parsed('{"ticker":"SPY","action":"buy"}')).toEqual({
      format: 'json',
      payload: { ticker: 'SPY', action: 'buy' },
    });
  });

  it('reads a JSON string value as the text inside it', () => {
    expect(parsed('"{\\"ticker\\":\\"SPY\\"}"')).toEqual({ format: 'json', payload: { ticker: 'SPY' } });
    expect(parsed('"Long SPY 5m"').format).toBe('plain_text');
  });

  it.each(['[1,2]', '42', 'null', 'true', '', '   \n\t'])('refuses %p as invalid_payload', (raw) => {
    const result = parseAlertBody(raw);
    expect(result.ok ? 'ok' : result.reasonCode).toBe('invalid_payload');
  });

  it('repairs trailing commas, single quotes, a BOM and smart quotes as json_lenient', () => {
    expect(parsed("{'ticker': 'SPY', 'action': 'buy',}")).toEqual({
      format: 'json_lenient',
      payload: { ticker: 'SPY', action: 'buy' },
    });
    expect(parsed('\uFEFF{\u201Cticker\u201D: \u201CQQQ\u201D}').payload).toEqual({ ticker: 'QQQ' });
    expect(parsed('{"note": "it\'s fine", "list": [1, 2,],}').payload).toEqual({ note: "it's fine", list: [1, 2] });
  });

  it('quotes bare unsubstituted placeholders and NaN so the normalizer can name them', () => {
    expect(parsed('{"ticker": "SPY", "price": {{close}}, "sl": NaN}').payload).toEqual({
      ticker: 'SPY',
      price: '{{close}}',
      sl: null,
    });
  });

  it('refuses JSON that cannot be repaired instead of guessing from its words', () => {
    const result = parseAlertBody('{"ticker": "SPY", "action": "buy"');
    expect(result.ok ? 'ok' : result.reasonCode).toBe('invalid_payload');
  });

  it('reads PineConnector comma lists', () => {
    expect(parsed('60123456789,sell,GBPJPY,sl=50,risk=1')).toEqual({
      format: 'pineconnector',
      payload: { license_id: '60123456789', action: 'sell', symbol: 'GBPJPY', sl: '50', risk: '1' },
    });
  });

  it('reads key=value and key: value text split by commas, semicolons or lines', () => {
    expect(parsed('symbol=SPY, action=buy, tf=5')).toEqual({
      format: 'key_value',
      payload: { symbol: 'SPY', action: 'buy', tf: '5' },
    });
    expect(parsed('Symbol: SPY\nAction: BUY;Timeframe: 15').payload).toEqual({
      Symbol: 'SPY',
      Action: 'BUY',
      Timeframe: '15',
    });
  });

  it('reads positional pipe text by what each token looks like', () => {
    expect(parsed('SPY|BUY|5m|595.42')).toEqual({
      format: 'pipe',
      payload: { action: 'BUY', symbol: 'SPY', timeframe: '5m', price: '595.42' },
    });
    expect(parsed('595.42 | 5m | AMEX:SPY | sell').payload).toEqual({
      action: 'sell',
      symbol: 'AMEX:SPY',
      timeframe: '5m',
      price: '595.42',
    });
  });

  it('reads plain text alerts', () => {
    expect(parsed('Long SPY 5m').payload).toEqual({ action: 'Long', symbol: 'SPY', timeframe: '5m' });
    expect(parsed('Exit long SPY').payload).toEqual({ action: 'Exit long', symbol: 'SPY' });
    expect(parsed('BUY signal on NASDAQ:QQQ 15 min').payload).toMatchObject({
      action: 'BUY',
      symbol: 'NASDAQ:QQQ',
      timeframe: '15min',
    });
  });

  it('keeps a text alert with an exit and a side apart so the exit wins', () => {
    expect(parsed('Close position SPY, was short').payload).toMatchObject({ action: 'Close position', symbol: 'SPY' });
  });
});

describe('TradingView default strategy message', () => {
  it.each([
    [
      'order sell @ 1 filled on SPY. New strategy position is 0',
      { action: 'sell', position_size: 0, market_position: 'flat' },
    ],
    [
      'order buy @ 2 filled on IWM. New strategy position is -1',
      { action: 'buy', position_size: 1, market_position: 'short' },
    ],
    [
      'X (1, 2): order buy @ 3 filled on NASDAQ:QQQ. New strategy position is 3',
      { market_position: 'long', ticker: 'NASDAQ:QQQ' },
    ],
  ])('reads %p with the signed position after the fill', (body, expected) => {
    const parsed = parseAlertBody(body);
    expect(parsed.ok && parsed.alert.payload).toMatchObject(expected);
  });
});
