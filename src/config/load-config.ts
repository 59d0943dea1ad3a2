import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';
import { parse as parseDotenv } from 'dotenv';
import { AppConfig, buildAppConfig } from './app-config';
import { ConfigIssue, ConfigValidationError } from './config-validation.error';
import { SECRET_VARIABLES } from './env.rules';
import { EnvironmentVariables } from './env.schema';

export type RawEnvironment = Record<string, string | undefined>;

/** Every variable the schema knows, in declaration order. */
export function environmentVariableNames(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(EnvironmentVariables, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

/** Variables whose values are never shown: marked @Secret() in the schema, or named like a secret. */
export function isSecretVariable(name: string): boolean {
  return SECRET_VARIABLES.has(name) || /(SECRET|PASSWORD|_KEY|TOKEN|DSN)$/.test(name);
}

/**
 * Hides the password of a URL (postgres://user:pw@host -> postgres://user:***@host), parseable or not. Everything
 * up to the last '@' is hidden, so an unencoded '@' in a password cannot leak its tail.
 */
export function redactUrlPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@?#]*:).*@/i, '$1***@');
}

function shownValue(name: string, raw: string | undefined): string | null {
  if (raw === undefined || isSecretVariable(name)) {
    return null;
  }
  const redacted = redactUrlPassword(raw);
  if (redacted === raw && raw.includes('@')) {
    return null; // credentials in a shape redactUrlPassword does not know (e.g. no scheme): show nothing
  }
  return redacted.length > 200 ? `${redacted.slice(0, 200)}...` : redacted;
}

function issuesOf(errors: ValidationError[], input: RawEnvironment): ConfigIssue[] {
  return errors.map((error) => ({
    variable: error.property,
    problems: Object.values(error.constraints ?? {}),
    shownValue: shownValue(error.property, input[error.property]),
  }));
}

/**
 * Validates a raw environment (strings) and returns the typed config. Unset and empty variables take their
 * defaults; unknown variables are ignored. Throws ConfigValidationError naming every bad variable.
 */
export function loadConfig(env: RawEnvironment): AppConfig {
  const input: RawEnvironment = {};
  for (const name of environmentVariableNames()) {
    const value = env[name]?.trim();
    if (value !== undefined && value !== '') {
      input[name] = value;
    }
  }
  const variables = plainToInstance(EnvironmentVariables, input);
  const errors = validateSync(variables, { validationError: { target: false, value: false } });
  if (errors.length > 0) {
    throw new ConfigValidationError(issuesOf(errors, input));
  }
  return buildAppConfig(variables);
}

/**
 * Reads `.env` from the working directory (or the file named by ENV_FILE, which must then exist) UNDER the real
 * environment: a variable set in the process always wins over the file. Then validates like loadConfig.
 */
export function loadConfigFromEnvironment(): AppConfig {
  return loadConfig(readEnvironment(process.env, process.cwd()));
}

/** The merge behind loadConfigFromEnvironment, exposed for tests. */
export function readEnvironment(processEnv: RawEnvironment, cwd: string): RawEnvironment {
  const explicitFile = processEnv.ENV_FILE?.trim();
  const path = resolve(cwd, explicitFile || '.env');
  if (!existsSync(path)) {
    if (explicitFile) {
      throw new ConfigValidationError([
        { variable: 'ENV_FILE', problems: [`file not found: ${path}`], shownValue: null },
      ]);
    }
    return { ...processEnv };
  }
  const fromFile = parseDotenv(readFileSync(path));
  return { ...fromFile, ...processEnv };
}
export { describeUnsafeSettings } from './unsafe-settings';
