import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../config';
import { Clock, SimulatedClock } from '../../core/clock';
import { CLOCK } from './clock.token';
import { SystemClock } from './system-clock';

/** Builds the clock from config: CLOCK_START / CLOCK_SPEED give a simulated clock, otherwise the system clock. */
export function clockFromConfig(config: AppConfig): Clock {
  if (config.clock.start) {
    return new SimulatedClock(config.clock.start, config.clock.speed, () => Date.now());
  }
  if (config.clock.speed !== 1) {
    return new SimulatedClock(new Date(), config.clock.speed, () => Date.now());
  }
  return new SystemClock();
}

@Global()
@Module({})
export class ClockModule {
  /** Tests pass their own (manual) clock; otherwise it comes from config. */
  static forRoot(clock?: Clock): DynamicModule {
    return {
      module: ClockModule,
      providers: [
        clock
          ? { provide: CLOCK, useValue: clock }
          : { provide: CLOCK, inject: [APP_CONFIG], useFactory: (config: AppConfig) => clockFromConfig(config) },
      ],
      exports: [CLOCK],
    };
  }
}
