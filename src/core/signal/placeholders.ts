/** TradingView substitutes `{{ticker}}`, `{{interval}}`, `{{strategy.order.action}}`... when an alert fires. */
const PLACEHOLDER = /\{\{[^{}]{0,80}\}\}/;

/** The first unsubstituted placeholder in the text, or null. */
export function findPlaceholder(text: string): string | null {
  const match = PLACEHOLDER.exec(text);
  return match ? match[0] : null;
}
