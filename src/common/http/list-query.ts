import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ClassConstructor, plainToInstance, Transform } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  validateSync,
  ValidationOptions,
} from 'class-validator';
import { ApiError } from './api-error';
import { fieldErrors } from './validate-body';

export const MAX_LIST_LIMIT = 500;
export const DEFAULT_LIST_LIMIT = 50;

/**
 * An instant: a date (`2026-02-17`, midnight UTC) or a date-time with its zone (`2026-02-17T15:30:00Z`,
 * `2026-02-17T10:30:00-05:00`). A time without a zone is refused: it would depend on the server's time zone.
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export function parseInstant(value: string): Date | null {
  if (!ISO_INSTANT.test(value)) {
    return null;
  }
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  // 2026-02-30 rolls over in Date.UTC: refuse it.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be an ISO 8601 date (2026-02-17) or date-time with a zone (2026-02-17T15:30:00Z)`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && parseInstant(value) !== null },
    });
}

/** Query strings: '' is absent; a digit string becomes a number; anything else stays as is so validation names it. */
export const toOptionalInt = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === '') {
    return undefined;
  }
  return typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
};

/** '' is absent. */
export const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

/** Upper-cased, trimmed (symbols). */
export const toUpperTrimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? (value.trim() === '' ? undefined : value.trim().toUpperCase()) : value;

/** A ticker as signals store it (`SPY`, `BRK.B`, `ES1!`), upper-cased before the check. */
export const SYMBOL_PATTERN = /^[A-Z0-9][A-Z0-9.!/_-]{0,19}$/;

/** `from` (inclusive) and `to` (exclusive). */
export class TimeRangeQueryDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    example: '2026-02-17T00:00:00Z',
    description: 'Inclusive lower bound (ISO 8601; a bare date is midnight UTC)',
  })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    example: '2026-02-18T00:00:00Z',
    description: 'Exclusive upper bound (ISO 8601; a bare date is midnight UTC)',
  })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsInstant()
  to?: string;
}

/** A list over time: `from`/`to`, `limit` and `offset`. */
export class TimeRangePageQueryDto extends TimeRangeQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_LIST_LIMIT,
    default: DEFAULT_LIST_LIMIT,
    example: DEFAULT_LIST_LIMIT,
  })
  @Transform(toOptionalInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_LIST_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0, example: 0 })
  @Transform(toOptionalInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  offset?: number;
}

/** `symbol` filter shared by the lists. */
export function SymbolFilter(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, example: 'SPY', description: 'Underlying ticker (case-insensitive)' }),
    Transform(toUpperTrimmed),
    IsOptional(),
    MaxLength(20),
    Matches(SYMBOL_PATTERN, { message: 'symbol must be a ticker such as SPY' }),
  );
}

/**
 * A validated query DTO, or 400 `validation_failed` with one entry per bad parameter. Unknown parameters are ignored
 * (cache busters and the like); a repeated parameter (`?status=a&status=b`) is refused by the field's own rule.
 * When the DTO has `from` and `to`, `to` must be after `from`.
 */
export function validateQuery<T extends object>(dto: ClassConstructor<T>, query: unknown): T {
  const raw = typeof query === 'object' && query !== null ? query : {};
  const instance = plainToInstance(dto, raw, { exposeDefaultValues: false });
  const details = fieldErrors(validateSync(instance, { whitelist: true, forbidUnknownValues: false }));
  const range = instance as { from?: unknown; to?: unknown };
  if (details.length === 0 && typeof range.from === 'string' && typeof range.to === 'string') {
    const from = parseInstant(range.from);
    const to = parseInstant(range.to);
    if (from && to && to.getTime() <= from.getTime()) {
      details.push({ field: 'to', message: 'to must be after from' });
    }
  }
  if (details.length > 0) {
    throw new ApiError(400, 'validation_failed', 'Invalid query', details);
  }
  return instance;
}

/** The parsed bound, or null when absent (validateQuery already refused bad ones). */
export function instantOrNull(value: string | undefined): Date | null {
  return value === undefined ? null : parseInstant(value);
}
