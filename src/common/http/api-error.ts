import { HttpException } from '@nestjs/common';

export interface ApiFieldError {
  field: string;
  message: string;
}

/** An HTTP error with a machine-readable reason code; answered as `{ status, error, reason_code, details?, request_id }`. */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly reasonCode: string,
    message: string,
    readonly details?: ApiFieldError[],
  ) {
    super(message, status);
  }
}
