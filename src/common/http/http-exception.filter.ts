import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiError, ApiFieldError } from './api-error';

interface BodyParserError {
  type?: string;
  status?: number;
  message: string;
}

const REASON_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** Every error leaves as `{ status, error, reason_code, details?, request_id }`; unexpected ones are logged as 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && header.length <= 100 ? header : randomUUID();
    let status = HttpStatus.INTERNAL_SERVER_ERROR;
    let error = 'Internal error';
    let reasonCode = 'internal_error';
    let details: ApiFieldError[] | undefined;

    if (exception instanceof ApiError) {
      status = exception.getStatus();
      error = exception.message;
      reasonCode = exception.reasonCode;
      details = exception.details;
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const response = exception.getResponse();
      error = typeof response === 'string' ? response : exception.message;
      reasonCode = REASON_BY_STATUS[status] ?? 'http_error';
      if (
        typeof response === 'object' &&
        response !== null &&
        Array.isArray((response as { message?: unknown }).message)
      ) {
        details = (response as { message: string[] }).message.map((message) => ({
          field: message.split(' ')[0] ?? 'body',
          message,
        }));
        error = 'Validation failed';
        reasonCode = 'validation_failed';
      }
    } else if (isBodyParserError(exception)) {
      status = exception.status ?? 400;
      error = exception.type === 'entity.too.large' ? 'Payload too large' : 'Malformed request body';
      reasonCode = exception.type === 'entity.too.large' ? 'payload_too_large' : 'malformed_body';
    } else {
      this.logger.error(`Unhandled error on ${req.method} ${req.url}`, (exception as Error)?.stack);
    }
    if (res.headersSent) {
      return;
    }
    res.setHeader('X-Request-Id', requestId);
    res
      .status(status)
      .json({ status, error, reason_code: reasonCode, ...(details ? { details } : {}), request_id: requestId });
  }
}

function isBodyParserError(exception: unknown): exception is BodyParserError {
  return (
    typeof exception === 'object' &&
    exception !== null &&
    typeof (exception as BodyParserError).type === 'string' &&
    typeof (exception as BodyParserError).status === 'number'
  );
}
