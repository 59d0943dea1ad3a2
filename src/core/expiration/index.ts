export { DAILY_EXPIRATION_UNDERLYINGS, hasDailyExpirations } from './daily-expirations';
export { daysToExpiration, tradingDaysToExpiration } from './days-to-expiration';
export { expirationCloseInstant } from './expiration-close';
export { expirationForHold } from './expiration-for-hold';
export { isExpirationDate, listExpirations } from './list-expirations';
export { weeklyExpiration } from './weekly-expiration';
