/** One invalid variable: its name, what is wrong, and its value as safe to show (null = not shown). */
export interface ConfigIssue {
  variable: string;
  problems: string[];
  shownValue: string | null;
}

/**
 * Thrown at boot when the environment is invalid. The message names every bad variable with its constraint, one
 * per line; secret values are never part of it.
 */
export class ConfigValidationError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(
      [
        'Invalid configuration:',
        ...issues.map(
          (issue) =>
            `  - ${issue.variable}: ${issue.problems.join('; ')}` +
            (issue.shownValue === null ? '' : ` (got '${issue.shownValue}')`),
        ),
      ].join('\n'),
    );
    this.name = 'ConfigValidationError';
  }
}
