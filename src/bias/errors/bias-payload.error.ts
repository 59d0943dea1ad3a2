import type { BiasFieldError, BiasReasonCode } from '../../core/bias';

/** A bias payload that cannot be read: answered 400 with its field errors. */
export class BiasPayloadError extends Error {
  constructor(
    readonly reasonCode: BiasReasonCode,
    readonly errors: BiasFieldError[],
  ) {
    super(`invalid bias payload: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
    this.name = BiasPayloadError.name;
  }
}
