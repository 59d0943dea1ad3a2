/** Injection token of the typed AppConfig: `@Inject(APP_CONFIG) private readonly config: AppConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');
